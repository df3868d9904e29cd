using Cohesion.Tensions.Reports;
using Cohesion.Tensions.Watch;

namespace Cohesion.Tensions;

/// <summary>The Tensions module's services, page rules and endpoints, added to the app in two lines.</summary>
public static class TensionsSetup
{
    public static IServiceCollection AddTensions(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<DetectionSignal>();
        services.AddTensionReports();
        services.AddTensionWatch(config);
        return services;
    }

    public static void MapTensions(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapTensionReports(api);
        Dashboard.DashboardSetup.MapTensionDashboard(app);
    }
}

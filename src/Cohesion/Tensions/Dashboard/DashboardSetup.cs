namespace Cohesion.Tensions.Dashboard;

/// <summary>The dashboard's map values; its pages are signed-in only by the app's fallback policy.</summary>
public static class DashboardSetup
{
    public static void MapTensionDashboard(this WebApplication app) => app.MapCurrentLevels();
}

using Cohesion.Accounts;
using Cohesion.PlaceStandard.Demo;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohesion.PlaceStandard;

/// <summary>The Place Standard module's services, page rules and endpoints, added to the app in two lines.</summary>
public static class PlaceStandardSetup
{
    /// <summary>Open to anyone: each engagement's own state decides what they see (404 for an unpublished one, "closed" for the form).</summary>
    static readonly string[] PublicPages = ["/PlaceStandard/Pages/Index", "/PlaceStandard/Pages/Engagement", "/PlaceStandard/Pages/Compare", "/PlaceStandard/Pages/Respond", "/PlaceStandard/Pages/Done"];

    /// <summary>Contributors and above; each page also checks the user is in the engagement's owner organisation.</summary>
    static readonly string[] StaffPages = ["/PlaceStandard/Pages/New", "/PlaceStandard/Pages/Manage", "/PlaceStandard/Pages/Moderate"];

    public const string DemoSetting = "Cohesion:Demo:PlaceStandard";

    public static IServiceCollection AddPlaceStandard(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PlaceStandardOptions>().BindConfiguration(PlaceStandardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PublicFormLimiter>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
            foreach (var page in StaffPages) o.Conventions.AuthorizePage(page, Policies.Contributor);
        });
        // Tests that do not look at the demo's engagements turn this off, so their counts are their own.
        if (config.GetValue(DemoSetting, true))
        {
            services.AddSingleton<DemoPlaceStandardSeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoPlaceStandardSeeder>());
        }
        return services;
    }

    public static void MapPlaceStandard(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapPlaceStandardApi().AllowAnonymous();
        app.MapPlaceStandardExports().AllowAnonymous();
    }
}

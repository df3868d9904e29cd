using Cohesion.Accounts;
using Cohesion.Surveys.Attitudes;
using Cohesion.Surveys.Bank;
using Cohesion.Surveys.Dashboard;
using Cohesion.Surveys.Demo;
using Cohesion.Surveys.Efficacy;
using Cohesion.Surveys.Read;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohesion.Surveys;

/// <summary>The Surveys module's services, page rules and endpoints, added to the app in two lines.</summary>
public static class SurveysSetup
{
    /// <summary>
    /// Open to anyone: the survey list, the item bank and the methodology; for survey pages, each survey's own state decides
    /// what they see (404 for an unpublished one, "closed" for the form).
    /// </summary>
    static readonly string[] PublicPages =
    [
        "/Surveys/Respond/Respond", "/Surveys/Respond/Done", "/Surveys/Dashboard/Place", "/Surveys/Attitudes/Attitudes", "/Surveys/Efficacy/CollectiveEfficacy",
        "/Surveys/Pages/Survey", "/Surveys/Pages/SurveyIndicator", "/Surveys/Bank/Items", "/Surveys/Bank/Item", "/Surveys/Bank/Methodology",
        "/Surveys/Pages/Index",
    ];

    /// <summary>Contributors and above; each page also checks the user is in the survey's owner organisation.</summary>
    static readonly string[] StaffPages =
    [
        "/Surveys/Dashboard/Targets",
        "/Surveys/Pages/New", "/Surveys/Pages/Manage", "/Surveys/Pages/Details", "/Surveys/Pages/Questions", "/Surveys/Pages/Local",
        "/Surveys/Pages/Delete", "/Surveys/Pages/Import",
    ];

    public const string DemoSetting = "Cohesion:Demo:Surveys";

    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Results.SurveyResultsCache>();
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PublicFormLimiter>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
            foreach (var page in StaffPages) o.Conventions.AuthorizePage(page, Policies.Contributor);
        });
        // Tests that do not look at the demo's surveys turn this off, so their counts are their own.
        if (config.GetValue(DemoSetting, true))
        {
            services.AddSingleton<DemoSurveySeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoSurveySeeder>());
        }
        return services;
    }

    public static void MapSurveys(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapTrendExports().AllowAnonymous();
        app.MapAttitudeExports().AllowAnonymous();
        app.MapEfficacyExports().AllowAnonymous();
        api.MapSurveyApi().AllowAnonymous();
        app.MapSurveyExports().AllowAnonymous();
        app.MapItemBankExports().AllowAnonymous();
        app.MapSurveyListExport().AllowAnonymous();
    }
}

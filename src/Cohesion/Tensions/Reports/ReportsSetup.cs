using Cohesion.Accounts;
using Cohesion.Tensions.Api;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// Reports and the ways they come in (the partners' form, CSV import, the JSON API, the public form and its triage),
/// media items, monitoring leads and API keys: services, page rules and endpoints in one place.
/// </summary>
public static class ReportsSetup
{
    /// <summary>The public's report form: anyone, rate-limited per client address when they send it.</summary>
    static readonly string[] PublicPages = ["/Tensions/Public/ReportIncident", "/Tensions/Public/Sent"];

    /// <summary>Any signed-in partner; each page applies <see cref="ReportAccess"/> (blurring, triage for leads only).</summary>
    static readonly string[] SignedInPages = ["/Tensions/Reports/Index", "/Tensions/Reports/Details", "/Tensions/Reports/Triage", "/Tensions/Media/Index"];

    /// <summary>Contributors and above log and change their own organisation's reports and media items (deleting checks for its administrators).</summary>
    static readonly string[] ContributorPages = ["/Tensions/Reports/New", "/Tensions/Reports/Edit", "/Tensions/Reports/Delete", "/Tensions/Media/New", "/Tensions/Media/Edit"];

    /// <summary>Many reports at once, or keys that write on the organisation's behalf: analysts and administrators.</summary>
    static readonly string[] AnalystPages = ["/Tensions/Reports/Import", "/Accounts/ApiKeys/Index"];

    static readonly string[] AdminPages = ["/Tensions/Leads/Index"];

    public static IServiceCollection AddTensionReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.ApiPermitPerMinute is >= 1 and <= 1_000_000, "Cohesion:Tensions:ApiPermitPerMinute must be from 1 to 1,000,000").ValidateOnStart();
        services.TryAddSingleton<PublicFormLimiter>();
        services.AddSingleton<ApiKeyLimiter>();
        services.AddSingleton<Api.SubmissionWriter>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
            foreach (var page in SignedInPages) o.Conventions.AuthorizePage(page, Policies.SignedIn);
            foreach (var page in ContributorPages) o.Conventions.AuthorizePage(page, Policies.Contributor);
            foreach (var page in AnalystPages) o.Conventions.AuthorizePage(page, Policies.Analyst);
            foreach (var page in AdminPages) o.Conventions.AuthorizePage(page, Policies.Admin);
        });
        return services;
    }

    public static void MapTensionReports(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapReportsApi();
    }
}

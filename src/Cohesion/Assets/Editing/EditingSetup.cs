using Cohesion.Accounts;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohesion.Assets.Editing;

/// <summary>Adding and editing records, their history, residents' proposals and reports, and moderation: page rules in one place.</summary>
public static class EditingSetup
{
    /// <summary>Residents' forms: anyone, rate-limited per client address when they submit.</summary>
    static readonly string[] PublicPages = ["/Assets/Moderation/Propose", "/Assets/Moderation/Proposed", "/Assets/Moderation/Report", "/Assets/Moderation/Reported"];

    /// <summary>Contributors and above; each page also checks the user may change (or, for history, see) the record.</summary>
    static readonly string[] StaffPages =
    [
        "/Assets/Editing/New", "/Assets/Editing/Edit", "/Assets/Editing/History", "/Assets/Editing/Version", "/Assets/Editing/Restore",
        "/Assets/Editing/Mine",
    ];

    /// <summary>The directory's moderators: analysts and administrators.</summary>
    static readonly string[] ModeratorPages = ["/Assets/Moderation/Queue", "/Assets/Moderation/Proposal", "/Assets/Moderation/Problem"];

    static readonly string[] AdminPages = ["/Assets/Editing/Delete"];

    public static IServiceCollection AddAssetEditing(this IServiceCollection services)
    {
        services.TryAddSingleton<PublicFormLimiter>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
            foreach (var page in StaffPages) o.Conventions.AuthorizePage(page, Policies.Contributor);
            foreach (var page in ModeratorPages) o.Conventions.AuthorizePage(page, Policies.Analyst);
            foreach (var page in AdminPages) o.Conventions.AuthorizePage(page, Policies.Admin);
        });
        return services;
    }
}

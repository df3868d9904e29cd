using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys;

/// <summary>
/// Who may see and run a survey, in one place for pages, the API and exports: everyone sees a published survey's
/// results; the owner organisation's users also see it unpublished; its contributors, analysts and administrators run
/// it (build, open, close, publish, import, set targets). The response form is open to anyone while the survey is open.
/// A survey a viewer may not see does not exist for them (404).
/// </summary>
public static class SurveyAccess
{
    public static bool CanSee(Survey s, Viewer v) => s.IsPublished || IsOwner(s, v);

    public static bool IsOwner(Survey s, Viewer v) => v.OrganisationId == s.OwnerOrganisationId;

    /// <summary>Contributor or above: may build surveys for their organisation.</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(nameof(Role.Contributor)) || user.IsInRole(nameof(Role.Analyst)) || user.IsInRole(nameof(Role.Admin));

    public static bool CanManage(Survey s, ClaimsPrincipal user) => IsStaff(user) && IsOwner(s, Viewer.Of(user));

    /// <summary>The surveys a viewer may see.</summary>
    public static IQueryable<Survey> Visible(CohesionDb db, Viewer v)
    {
        var org = v.OrganisationId;
        return db.Surveys.AsNoTracking().Where(s => s.IsPublished || (org != null && s.OwnerOrganisationId == org));
    }

    /// <summary>A survey by name with its area, questions and local items, when the viewer may see it.</summary>
    public static async Task<Survey?> FindAsync(CohesionDb db, string name, Viewer v, CancellationToken ct) =>
        await Visible(db, v).Include(s => s.Area).Include(s => s.Questions).Include(s => s.LocalItems)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Name == name, ct);
}

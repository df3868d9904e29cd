using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard;

/// <summary>
/// Who may see and run an engagement, in one place for pages, the API and exports: everyone sees a published
/// engagement's results and approved comments; the owner organisation's users also see it unpublished; its
/// contributors, analysts and administrators run it (open, close, publish, import, moderate). An engagement a viewer
/// may not see does not exist for them (404).
/// </summary>
public static class PlaceStandardAccess
{
    public static bool CanSee(Engagement e, Viewer v) => e.IsPublished || IsOwner(e, v);

    public static bool IsOwner(Engagement e, Viewer v) => v.OrganisationId == e.OwnerOrganisationId;

    /// <summary>Contributor or above: may start engagements for their organisation.</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(nameof(Role.Contributor)) || user.IsInRole(nameof(Role.Analyst)) || user.IsInRole(nameof(Role.Admin));

    public static bool CanManage(Engagement e, ClaimsPrincipal user) => IsStaff(user) && IsOwner(e, Viewer.Of(user));

    /// <summary>The engagements a viewer may see.</summary>
    public static IQueryable<Engagement> Visible(CohesionDb db, Viewer v)
    {
        var org = v.OrganisationId;
        return db.PsEngagements.AsNoTracking().Where(e => e.IsPublished || (org != null && e.OwnerOrganisationId == org));
    }

    /// <summary>An engagement by name with its area, when the viewer may see it.</summary>
    public static async Task<Engagement?> FindAsync(CohesionDb db, string name, Viewer v, CancellationToken ct) =>
        await Visible(db, v).Include(e => e.Area).FirstOrDefaultAsync(e => e.Name == name, ct);
}

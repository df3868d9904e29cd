using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Sharing;

namespace Cohesion.Assets;

/// <summary>
/// Who may see and change a directory record, in one place for every page: the public sees published records (and
/// offers only with the offerer's consent recorded); a record is changed by its maintainer organisation's contributors
/// and above, and by administrators; a record with no maintainer belongs to the directory's own staff (analysts and
/// administrators), who also work the moderation queue. A record a user may not see does not exist for them (404);
/// one they may see but not change is refused (403).
/// </summary>
public static class AssetAccess
{
    /// <summary>Contributor or above: may add records.</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(nameof(Role.Contributor)) || IsDirectoryStaff(user);

    /// <summary>Analyst or administrator: maintains records nobody else does and moderates residents' proposals and reports.</summary>
    public static bool IsDirectoryStaff(ClaimsPrincipal user) => user.IsInRole(nameof(Role.Analyst)) || IsAdmin(user);

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(nameof(Role.Admin));

    public static bool CanModerate(ClaimsPrincipal user) => IsDirectoryStaff(user);

    public static bool IsPublic(Service s) => s.Published();

    public static bool CanEdit(Service s, ClaimsPrincipal user) => CanEdit(s.MaintainerOrganisationId, user);

    public static bool CanEdit(int? maintainer, ClaimsPrincipal user) =>
        IsAdmin(user)
        || (maintainer is { } org ? IsStaff(user) && Viewer.Of(user).OrganisationId == org : IsDirectoryStaff(user));

    /// <summary>Drafts and archived records are seen by those who may change them and by the moderators who made them from proposals.</summary>
    public static bool CanSee(Service s, ClaimsPrincipal user) => IsPublic(s) || CanEdit(s, user) || CanModerate(user);

    /// <summary>The records a user maintains: their organisation's, and for directory staff also those with no maintainer.</summary>
    public static IQueryable<Service> Maintained(IQueryable<Service> services, ClaimsPrincipal user)
    {
        var org = Viewer.Of(user).OrganisationId;
        var directory = IsDirectoryStaff(user);
        return services.Where(s => (org != null && s.MaintainerOrganisationId == org) || (directory && s.MaintainerOrganisationId == null));
    }
}

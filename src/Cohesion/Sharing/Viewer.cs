using System.Globalization;
using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Places;

namespace Cohesion.Sharing;

/// <summary>Who is looking: their organisation when signed in (SessionCheck keeps the claim current), or nobody.</summary>
public sealed record Viewer(int? OrganisationId)
{
    public static readonly Viewer Public = new((int?)null);

    public static Viewer Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(CohesionClaims.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var org)
            ? new Viewer(org) : Public;

    public bool SignedIn => OrganisationId is not null;
}

/// <summary>
/// The sharing rules, in one place so every page, endpoint and export applies the same ones: the owner's users
/// see exact figures; others see the dataset (if its sensitivity lets them) only as disclosure-controlled values.
/// </summary>
public static class Access
{
    public static bool CanSee(Dataset d, Viewer v) => d.Sensitivity switch
    {
        Sensitivity.Open => true,
        Sensitivity.Partners => v.SignedIn,
        _ => SeesExact(d, v),
    };

    public static bool SeesExact(Dataset d, Viewer v) => v.OrganisationId is { } org && d.OwnerOrganisationId == org;

    /// <summary>How the figures a viewer gets are described beside them and in the audit of an export.</summary>
    public static string PolicyFor(Dataset d, Viewer v) => SeesExact(d, v) ? "exact (owner)" : d.DisclosurePolicy;
}

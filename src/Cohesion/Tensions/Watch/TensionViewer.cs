using System.Globalization;
using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Who is looking at early-warning pages: their organisation and the areas they lead monitoring for. Leads see exact
/// counts and act on alerts and assessments of their areas (and the areas below them); everyone else sees ward counts
/// of 1 to 4 as [c], with the further counts that would give them away, and reads without acting.
/// </summary>
public sealed record TensionViewer(int? UserId, int? OrganisationId, IReadOnlySet<int> LeadAreas, string Actor)
{
    public bool IsLead => LeadAreas.Count > 0;

    /// <summary>Counts are exact for leads, disclosure-controlled for everyone else.</summary>
    public bool SeesExactCounts => IsLead;

    /// <summary>Whether the viewer leads the area or an area above it.</summary>
    public bool Leads(AreaInfo area, PlaceDirectory places) => LeadAreas.Contains(area.Id) || places.Ancestors(area).Any(a => LeadAreas.Contains(a.Id));

    public static async Task<TensionViewer> OfAsync(ClaimsPrincipal user, CohesionDb db, CancellationToken ct)
    {
        var id = user.UserId();
        var org = int.TryParse(user.FindFirstValue(CohesionClaims.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : (int?)null;
        var areas = id is { } u ? await db.MonitoringLeads.Where(l => l.UserId == u).Select(l => l.AreaId).ToListAsync(ct) : [];
        return new TensionViewer(id, org, areas.ToHashSet(), user.Identity?.Name ?? "anonymous");
    }

    public string Policy => SeesExactCounts ? "exact (monitoring lead)" : "withheld [c]: " + CountDisclosure.Rule;
}

/// <summary>
/// The disclosure rule for counts of reports: a ward-level count of 1 to 4 is withheld from anyone who is not a
/// monitoring lead (shown [c]), because so few reports in one ward and week can point to the people involved; and so
/// is any further count from which a withheld one could be worked out by adding and subtracting what is shown — the
/// district's total less the other wards, all reports less the other types (<see cref="CountProtection"/>, which the
/// pages ask week by week).
/// </summary>
public static class CountDisclosure
{
    /// <summary>Counts below this (and above zero) are withheld: 5, so 1–4 are [c].</summary>
    public const int Threshold = 5;

    /// <summary>The rule in words, for notes under tables and in files.</summary>
    public const string Rule = "a ward count of 1 to 4, or a count from which one could be worked out; only monitoring leads see them";

    static readonly Microsoft.AspNetCore.Html.HtmlString WithheldCell = new("[c]<span class=\"govuk-visually-hidden\"> (withheld)</span>");

    /// <summary>Whether the primary rule withholds a ward count: 1 to <see cref="Threshold"/> − 1.</summary>
    public static bool Small(long n) => n is > 0 and < Threshold;

    /// <summary>A figure as a page shows it, null where withheld: then "[c]", with words for screen readers, which would read it as the letter c.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Cell(string? shown) =>
        shown is null ? WithheldCell : new Microsoft.AspNetCore.Html.HtmlString(System.Net.WebUtility.HtmlEncode(shown));

    /// <summary>A count as a page shows it (en-GB grouping), null where withheld.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Cell(long? n) => Cell(n?.ToString("N0", CultureInfo.GetCultureInfo("en-GB")));
}

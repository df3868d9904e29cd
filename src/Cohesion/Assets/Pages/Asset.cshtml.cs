using Cohesion.Analytics.Geography;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Search;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Pages;

/// <summary>
/// /assets/{id}: everything the directory holds about one asset, its place on the map and what is nearby. Published
/// records for everyone; a draft or archived one only for those who may edit or moderate it, marked as such. An offer's
/// contact details only with the offerer's consent and only to signed-in partners.
/// </summary>
public sealed class AssetPageModel(CohesionDb db, AreaStatsCache places) : PageModel
{
    public static string Link(Guid id) => AssetApi.Link(id);

    public Service Asset { get; private set; } = null!;
    public IReadOnlyList<TaxonomyTerm> Activities { get; private set; } = [];
    public IReadOnlyList<TaxonomyTerm> Audiences { get; private set; } = [];
    public string Maintainer { get; private set; } = "";
    public List<NearbyAsset> NearbyAssets { get; private set; } = [];
    public GeoPoint? Point { get; private set; }
    public AreaInfo? District { get; private set; }
    /// <summary>The viewer may change this record (its maintainers, directory staff): Edit and History are offered.</summary>
    public bool CanEdit { get; private set; }
    public bool SignedIn { get; private set; }
    PlaceDirectory _directory = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        // Who may see an unpublished record and who may change one is AssetAccess's to say, as on the edit pages.
        var visible = SignedIn ? db.AssetServices : db.AssetServices.Published();
        if (await visible.AsNoTracking().WithParts().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } s || !AssetAccess.CanSee(s, User)) return NotFound();
        Asset = s;
        CanEdit = AssetAccess.CanEdit(s, User);
        _directory = await places.DirectoryAsync(db, ct);
        var terms = s.Terms.Select(t => t.Term).OfType<TaxonomyTerm>().OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Activities = terms.Where(t => t.TaxonomyId != CohesionTaxonomy.AudienceId).ToList();
        Audiences = terms.Where(t => t.TaxonomyId == CohesionTaxonomy.AudienceId).ToList();
        Maintainer = s.MaintainerOrganisationId is { } m
            ? await db.Organisations.Where(o => o.Id == m).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "a partner organisation"
            : "the directory's own staff";
        if (AssetSearch.Nearest(s, null) is { Latitude: { } lat, Longitude: { } lon } located)
        {
            Point = new GeoPoint(lat, lon);
            NearbyAssets = await Nearby.FindAsync(db, Point.Value, s.Id, ct);
            var area = located.AreaId is { } a ? _directory.ById.GetValueOrDefault(a) : null;
            District = area is null ? null : _directory.District(area);
        }
        return Page();
    }

    public bool IsPublished => AssetAccess.IsPublic(Asset);

    /// <summary>Contact details are shown for services and spaces; for an offer only with consent, to signed-in partners.</summary>
    public bool ShowContacts => Asset.Kind != AssetKind.Offer || (Asset.ContactConsent && SignedIn);

    public string? AreaName(int? areaId) => areaId is { } a && _directory.ById.GetValueOrDefault(a) is { } area ? area.Name : null;

    public string? PlaceOf(Location l) => AssetSearch.PlaceOf(_directory, l);

    public string Cost => Asset.IsFree ? "Free"
        : Asset.CostOptions.Count == 0 ? Asset.FeesDescription ?? "Not stated"
        : string.Join("; ", Asset.CostOptions.Select(c => string.Join(" ", new[]
          {
              c.Option, c.Amount is { } amount ? (c.Currency == "GBP" ? "£" + amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : $"{amount:0.00} {c.Currency}") : null,
              c.AmountDescription,
          }.Where(x => !string.IsNullOrWhiteSpace(x)))));

    public string Ages => (Asset.MinimumAge, Asset.MaximumAge) switch
    {
        ({ } min, { } max) => $"{min} to {max} years",
        ({ } min, null) => $"{min} years and over",
        (null, { } max) => $"Up to {max} years",
        _ => "Any age",
    };
}

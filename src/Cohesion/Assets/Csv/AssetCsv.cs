using System.Globalization;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;

namespace Cohesion.Assets.Csv;

/// <summary>
/// The directory as a flat CSV a spreadsheet user can fill in (docs/assets.md, "CSV import and export"): one row per
/// record, multi-valued cells separated by <c>;</c>. The export writes exactly what the import reads, so a file
/// exported, imported and exported again is the same file.
/// </summary>
public static class AssetCsv
{
    public static readonly string[] Columns =
    [
        "id", "kind", "name", "organisation", "description", "url", "email", "phone", "status",
        "address_1", "town", "postcode", "latitude", "longitude", "activity_terms", "audience_terms", "languages",
        "min_age", "max_age", "free", "cost", "opening_times", "capacity", "booking", "last_checked", "maintainer",
    ];

    /// <summary>The largest file an import reads, in records: more than a district's directory, less than a national one at once.</summary>
    public const int MaxRows = 50_000;

    public static string KindWord(AssetKind k) => k switch { AssetKind.Offer => "offer", AssetKind.Space => "space", _ => "service" };

    public static AssetKind? ParseKind(string s) => s.Trim().ToLowerInvariant() switch
    {
        "" or "service" => AssetKind.Service,
        "offer" => AssetKind.Offer,
        "space" => AssetKind.Space,
        _ => null,
    };

    /// <summary>Coordinates to six decimals (about 10 cm): enough for a door, and what the demo stores. A number, so the CSV writer
    /// does not take a minus sign for the start of a formula.</summary>
    public static double? Coordinate(double? x) => x is { } v ? Math.Round(v, 6) : null;

    /// <summary>The codes of a service's terms in one of the seeded taxonomies, in code order.</summary>
    public static string Terms(IEnumerable<TaxonomyTerm> terms, Guid taxonomy) =>
        string.Join(";", terms.Where(t => t.TaxonomyId == taxonomy).Select(t => t.Code).Order(StringComparer.Ordinal));

    public static string Languages(IEnumerable<ServiceLanguage> languages) =>
        string.Join(";", languages.Where(l => l.Code is { Length: > 0 }).Select(l => l.Code!).Distinct().Order(StringComparer.Ordinal));

    /// <summary>The activity and audience taxonomies a file's term columns name codes of.</summary>
    public static (string Column, Guid Taxonomy)[] TermColumns => [("activity_terms", CohesionTaxonomy.ActivityId), ("audience_terms", CohesionTaxonomy.AudienceId)];
}

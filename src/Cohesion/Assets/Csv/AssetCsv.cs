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

    /// <summary>
    /// Names of the ISO 639 languages most used in UK directories, by two-letter (639-1) and three-letter (639-3) code.
    /// A file may use either; other codes are refused, so a typing slip does not become a language.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["eng"] = "English", ["cy"] = "Welsh", ["cym"] = "Welsh", ["gd"] = "Gaelic", ["ga"] = "Irish", ["gle"] = "Irish",
        ["ur"] = "Urdu", ["urd"] = "Urdu", ["bn"] = "Bengali", ["ben"] = "Bengali", ["syl"] = "Sylheti", ["pa"] = "Punjabi", ["pan"] = "Punjabi",
        ["gu"] = "Gujarati", ["guj"] = "Gujarati", ["hi"] = "Hindi", ["hin"] = "Hindi", ["ta"] = "Tamil", ["tam"] = "Tamil",
        ["pl"] = "Polish", ["pol"] = "Polish", ["ro"] = "Romanian", ["ron"] = "Romanian", ["lt"] = "Lithuanian", ["lit"] = "Lithuanian",
        ["lv"] = "Latvian", ["lav"] = "Latvian", ["sk"] = "Slovak", ["slk"] = "Slovak", ["cs"] = "Czech", ["ces"] = "Czech",
        ["bg"] = "Bulgarian", ["bul"] = "Bulgarian", ["hu"] = "Hungarian", ["hun"] = "Hungarian", ["pt"] = "Portuguese", ["por"] = "Portuguese",
        ["es"] = "Spanish", ["spa"] = "Spanish", ["fr"] = "French", ["fra"] = "French", ["it"] = "Italian", ["ita"] = "Italian",
        ["de"] = "German", ["deu"] = "German", ["ru"] = "Russian", ["rus"] = "Russian", ["uk"] = "Ukrainian", ["ukr"] = "Ukrainian",
        ["sq"] = "Albanian", ["sqi"] = "Albanian", ["rom"] = "Romany", ["ar"] = "Arabic", ["ara"] = "Arabic", ["ku"] = "Kurdish", ["kur"] = "Kurdish",
        ["fa"] = "Persian", ["fas"] = "Persian", ["prs"] = "Dari", ["ps"] = "Pashto", ["pus"] = "Pashto", ["tr"] = "Turkish", ["tur"] = "Turkish",
        ["so"] = "Somali", ["som"] = "Somali", ["ti"] = "Tigrinya", ["tir"] = "Tigrinya", ["am"] = "Amharic", ["amh"] = "Amharic",
        ["yo"] = "Yoruba", ["yor"] = "Yoruba", ["tw"] = "Twi", ["twi"] = "Twi", ["sw"] = "Swahili", ["swa"] = "Swahili",
        ["zh"] = "Chinese", ["zho"] = "Chinese", ["yue"] = "Cantonese", ["cmn"] = "Mandarin", ["vi"] = "Vietnamese", ["vie"] = "Vietnamese",
        ["tl"] = "Tagalog", ["tgl"] = "Tagalog", ["ne"] = "Nepali", ["nep"] = "Nepali", ["bsl"] = "British Sign Language", ["sgn"] = "Sign language",
    };

    /// <summary>The activity and audience taxonomies a file's term columns name codes of.</summary>
    public static (string Column, Guid Taxonomy)[] TermColumns => [("activity_terms", CohesionTaxonomy.ActivityId), ("audience_terms", CohesionTaxonomy.AudienceId)];
}

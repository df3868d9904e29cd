using System.Globalization;
using Cohesion.Places;

namespace Cohesion.Assets.Gaps;

/// <summary>
/// What the gap analysis is asked: the level of area, an activity term (empty: every asset), the distance for the
/// language-learning reach, and the district. Parsed leniently: anything unknown falls back to the default.
/// </summary>
public sealed record GapQuery(AreaLevel Level, string Term, double Km, string? District)
{
    public static readonly AreaLevel[] Levels = [AreaLevel.Ward, AreaLevel.Msoa, AreaLevel.Lsoa];
    public static readonly double[] Distances = [0.5, 1, 2, 3];
    public const string DefaultTerm = LanguageTerms.Root;
    public const double DefaultKm = 1;

    public static GapQuery From(IQueryCollection q, IReadOnlyCollection<string> terms)
    {
        var level = AreaLevels.TryParse(q["level"], out var l) && Levels.Contains(l) ? l : AreaLevel.Ward;
        var term = q["term"].ToString() is var t && (t.Length == 0 && q.ContainsKey("term") || terms.Contains(t)) ? t : DefaultTerm;
        var km = double.TryParse(q["km"], NumberStyles.Float, CultureInfo.InvariantCulture, out var k) && Distances.Contains(k) ? k : DefaultKm;
        var district = q["district"].ToString() is { Length: > 0 and <= 16 } d ? d : null;
        return new GapQuery(level, term, km, district);
    }

    /// <summary>The query string of this query, for links to the map values and downloads.</summary>
    public string QueryString =>
        $"level={Level.Token()}&term={Uri.EscapeDataString(Term)}&km={Km.ToString(CultureInfo.InvariantCulture)}" + (District is null ? "" : $"&district={Uri.EscapeDataString(District)}");

    public string KmText => Km.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + " km";
}

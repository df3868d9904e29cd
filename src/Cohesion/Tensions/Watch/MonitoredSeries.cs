using Cohesion.Places;
using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Which count series detection watches, from patterns "{ward|district}|{type}|{strand}" where type is a type code,
/// <c>hate</c> (hate incidents and crimes together), <c>each-type</c> or <c>*</c>, and strand is a strand code,
/// <c>each-strand</c> (the five nationally monitored strands) or <c>*</c>. The defaults watch each ward's reports of
/// every kind and its hate reports by strand (where a flashpoint first shows), and the district by type and by strand
/// (where a rise spread thinly over wards shows): for Oldham's 20 wards, 136 series.
/// </summary>
public static class MonitoredSeries
{
    public static readonly string[] Defaults = ["ward|*|*", "ward|hate|each-strand", "district|*|*", "district|each-type|*", "district|*|each-strand"];

    /// <summary>A series to watch: its key and the area its alerts belong to.</summary>
    public sealed record Watched(string Key, AreaInfo Area, string Type, string Strand);

    /// <summary>The series of <paramref name="district"/> the patterns name; a pattern that does not parse is an error naming it.</summary>
    public static List<Watched> For(AreaInfo district, IReadOnlyList<AreaInfo> wards, IEnumerable<string> patterns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Watched>();
        foreach (var pattern in patterns)
        {
            var p = pattern.Split('|');
            if (p.Length != 3) throw new ArgumentException($"Cohesion:Tensions:Series \"{pattern}\": expected level|type|strand");
            IEnumerable<AreaInfo> areas = p[0] switch
            {
                "ward" => wards,
                "district" => [district],
                _ => throw new ArgumentException($"Cohesion:Tensions:Series \"{pattern}\": the level must be ward or district, not {p[0]}"),
            };
            var types = Types(p[1]) ?? throw new ArgumentException($"Cohesion:Tensions:Series \"{pattern}\": unknown type {p[1]}");
            var strands = StrandCodes(p[2]) ?? throw new ArgumentException($"Cohesion:Tensions:Series \"{pattern}\": unknown strand {p[2]}");
            foreach (var a in areas)
                foreach (var t in types)
                    foreach (var s in strands)
                    {
                        var key = WeeklyCounts.Key(a.Code, t, s);
                        if (seen.Add(key)) list.Add(new Watched(key, a, t, s));
                    }
        }
        return list;
    }

    static string[]? Types(string t) => t switch
    {
        WeeklyCounts.All or WeeklyCounts.Hate => [t],
        "each-type" => [.. Enum.GetValues<ReportType>().Select(x => x.Code())],
        _ => TensionWords.Parse<ReportType>(t) is { } one ? [one.Code()] : null,
    };

    static string[]? StrandCodes(string s) => s switch
    {
        WeeklyCounts.All => [s],
        "each-strand" => [.. TensionWords.Each(TensionWords.Monitored).Select(TensionWords.Code)],
        _ => TensionWords.Parse<Strands>(s) is { } one && one != Strands.None ? [TensionWords.Code(one)] : null,
    };

    /// <summary>A series key in words: "Hate incidents and crimes, race or ethnicity, in Coldhurst".</summary>
    public static string Describe(string key, PlaceDirectory places)
    {
        var (area, type, strand) = WeeklyCounts.Split(key);
        var what = type switch
        {
            WeeklyCounts.All => "All reports",
            WeeklyCounts.Hate => "Hate incidents and crimes",
            _ => TensionWords.Parse<ReportType>(type) is { } t ? t.Label() + " reports" : type,
        };
        var why = strand == WeeklyCounts.All ? "" : ", " + (TensionWords.Parse<Strands>(strand) is { } s ? TensionWords.Label(s).ToLowerInvariant() : strand);
        return $"{what}{why}, {places.Find(area)?.Name ?? area}";
    }
}

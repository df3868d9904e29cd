using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Watch;

/// <summary>Reports of one area, type and strand combination on one local date (a row of the grouped query).</summary>
public readonly record struct CountRow(int AreaId, ReportType Type, Strands Strands, DateOnly Date, int Count);

/// <summary>
/// Weekly report counts for every series a district can have: area (ward or district) × type (each, "hate" for hate
/// incidents and hate crimes together, or all) × strand (each, or all), over consecutive weeks. A report with several
/// strands counts once in each of its strands' series and once in the all-strands series, so strand series do not
/// add up to the total. Built in memory from the grouped rows, so it is a pure function of them (tests need no database).
/// </summary>
public sealed class WeeklyCounts
{
    public const string All = "*";
    /// <summary>The type code of hate incidents and hate crimes together.</summary>
    public const string Hate = "hate";

    readonly Dictionary<string, int[]> _series = new(StringComparer.Ordinal);

    public int FirstWeek { get; }
    public int LastWeek { get; }
    public int Length => LastWeek - FirstWeek + 1;

    WeeklyCounts(int first, int last) { FirstWeek = first; LastWeek = last; }

    /// <summary>The series key: "{areaCode}|{typeCode or *}|{strandCode or *}".</summary>
    public static string Key(string areaCode, string type, string strand) => $"{areaCode}|{type}|{strand}";

    public static (string Area, string Type, string Strand) Split(string key)
    {
        var p = key.Split('|');
        return p.Length == 3 ? (p[0], p[1], p[2]) : throw new ArgumentException($"series key {key}: expected area|type|strand", nameof(key));
    }

    /// <summary>Counts from <paramref name="firstWeek"/> to <paramref name="lastWeek"/>; rows outside are left out.</summary>
    public static WeeklyCounts Build(IEnumerable<CountRow> rows, AreaRollup areas, int firstWeek, int lastWeek)
    {
        if (lastWeek < firstWeek) throw new ArgumentOutOfRangeException(nameof(lastWeek), lastWeek, "the last week is before the first");
        var c = new WeeklyCounts(firstWeek, lastWeek);
        Span<string> types = new string[3];
        foreach (var r in rows)
        {
            var w = Weeks.Index(r.Date);
            if (w < firstWeek || w > lastWeek || r.Count == 0) continue;
            var (ward, district) = areas.Of(r.AreaId);
            types[0] = r.Type.Code();
            types[1] = All;
            var nTypes = r.Type is ReportType.HateIncident or ReportType.HateCrime ? 3 : 2;
            types[2] = Hate;
            foreach (var area in new[] { ward?.Code, district?.Code })
            {
                if (area is null) continue;
                for (var t = 0; t < nTypes; t++)
                {
                    c.Add(Key(area, types[t], All), w, r.Count);
                    foreach (var s in TensionWords.Each(r.Strands)) c.Add(Key(area, types[t], TensionWords.Code(s)), w, r.Count);
                }
            }
        }
        return c;
    }

    void Add(string key, int week, int n)
    {
        if (!_series.TryGetValue(key, out var a)) _series[key] = a = new int[Length];
        a[week - FirstWeek] += n;
    }

    /// <summary>The weekly counts of a series (zeros where it has no reports).</summary>
    public int[] Series(string key) => _series.TryGetValue(key, out var a) ? a : new int[Length];

    /// <summary>The count of a series in a week (0 outside the range).</summary>
    public int At(string key, int week) => week < FirstWeek || week > LastWeek ? 0 : _series.TryGetValue(key, out var a) ? a[week - FirstWeek] : 0;

    public IEnumerable<string> Keys => _series.Keys;
}

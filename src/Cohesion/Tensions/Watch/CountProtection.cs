using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cohesion.Analytics.Disclosure;
using Cohesion.Places;
using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Which of a district's weekly counts are withheld from viewers who are not monitoring leads, week by week: a ward
/// count of 1 to 4 (primary), and further counts (secondary) so that none withheld can be worked out by adding and
/// subtracting published ones — the district total less the other wards, all types less the other types, a hate
/// count less its incidents. One protection covers every series a non-lead can see anywhere for that district and
/// week (<see cref="PublishedKeys"/>, plus the series of any alert there), so figures on different pages cannot be put
/// together either.
/// <para>Each series is a sum of base counts ward × type × strand layer, the layers being "all reports" and one per
/// strand ("reports with this strand"): strand series overlap, but a report's strand set can be anything, so the
/// layers are independent unknowns and the test is exact. District series add up the wards only: reports placed in
/// the district but in no ward are taken as known, which can only withhold more. The decision is
/// <see cref="SpanSuppression"/>'s: ward figures are withheld first, cheapest first; a district figure only when
/// nothing else protects (a district of one ward).</para>
/// <para>Not covered: links across weeks (the weekly report's 12-week mean is withheld whenever one of its weeks is,
/// see <see cref="WithheldAny"/>), and model outputs (expected counts and bounds are fitted to past counts).</para>
/// </summary>
public sealed class CountProtection
{
    static readonly ReportType[] Types = Enum.GetValues<ReportType>();
    static readonly Strands[] StrandList = [.. TensionWords.Each(Enum.GetValues<Strands>().Aggregate((a, b) => a | b))];

    readonly WeeklyCounts _counts;
    readonly List<(string Key, int[] Atoms, bool Ward)> _figures = [];
    readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    readonly HashSet<string> _wardCodes;
    readonly Dictionary<int, bool[]> _weeks = [];
    /// <summary>The figures' structure (district, keys in order), so the process-wide cache never mixes two structures.</summary>
    readonly string _structure;

    /// <summary>
    /// Decisions by structure and the week's values, shared by every request of the process: the decision is a pure
    /// function of them, and a page shows up to 52 weeks. Emptied when it holds <see cref="CacheLimit"/> entries.
    /// </summary>
    static readonly ConcurrentDictionary<string, bool[]> Decided = new(StringComparer.Ordinal);
    const int CacheLimit = 20_000;

    /// <summary>Every series a non-lead may see for a district: the monitored ones, each ward's and the district's
    /// total, the dashboard's district hate series, and the weekly report's district counts by type and by strand.</summary>
    public static IEnumerable<string> PublishedKeys(AreaInfo district, IReadOnlyList<AreaInfo> wards, IEnumerable<string> patterns) =>
        MonitoredSeries.For(district, wards, patterns).Select(w => w.Key)
            .Concat(wards.Select(w => WeeklyCounts.Key(w.Code, WeeklyCounts.All, WeeklyCounts.All)))
            .Append(WeeklyCounts.Key(district.Code, WeeklyCounts.All, WeeklyCounts.All))
            .Append(WeeklyCounts.Key(district.Code, WeeklyCounts.Hate, WeeklyCounts.All))
            .Concat(Types.Select(t => WeeklyCounts.Key(district.Code, t.Code(), WeeklyCounts.All)))
            .Concat(StrandList.Select(s => WeeklyCounts.Key(district.Code, WeeklyCounts.All, TensionWords.Code(s))));

    /// <param name="counts">The district's weekly counts.</param>
    /// <param name="district">The district.</param>
    /// <param name="wards">Its wards.</param>
    /// <param name="keys">The series published anywhere; keys of other areas, types or strands are left out.</param>
    public CountProtection(WeeklyCounts counts, AreaInfo district, IReadOnlyList<AreaInfo> wards, IEnumerable<string> keys)
    {
        _counts = counts;
        var wardIndex = wards.Select((w, i) => (w.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _wardCodes = [.. wardIndex.Keys];
        var layers = 1 + StrandList.Length;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var (area, type, strand) = WeeklyCounts.Split(key);
            int[] rows = area == district.Code ? [.. Enumerable.Range(0, wards.Count)] : wardIndex.TryGetValue(area, out var r) ? [r] : [];
            var types = TypeIndexes(type);
            var layer = strand == WeeklyCounts.All ? 0 : 1 + Array.FindIndex(StrandList, s => TensionWords.Code(s) == strand);
            if (rows.Length == 0 || types.Length == 0 || layer < 0) continue;
            var atoms = rows.SelectMany(row => types.Select(t => (row * Types.Length + t) * layers + layer)).ToArray();
            _index[key] = _figures.Count;
            _figures.Add((key, atoms, area != district.Code));
        }
        // A digest of everything but the values: two instances with the same one decide the same week values alike.
        var shape = new StringBuilder(district.Code).Append('#').Append(wards.Count);
        foreach (var f in _figures) shape.Append('|').Append(f.Key);
        _structure = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())));
    }

    static int[] TypeIndexes(string type) => type switch
    {
        WeeklyCounts.All => [.. Enumerable.Range(0, Types.Length)],
        WeeklyCounts.Hate => [Array.IndexOf(Types, ReportType.HateIncident), Array.IndexOf(Types, ReportType.HateCrime)],
        _ => Array.FindIndex(Types, t => t.Code() == type) is var i and >= 0 ? [i] : [],
    };

    /// <summary>Whether the count of a series in a week is withheld. A series the protection does not cover (another
    /// district's, or an unknown key) falls back to the primary rule for a ward.</summary>
    public bool Withheld(string key, int week)
    {
        if (!_index.TryGetValue(key, out var i))
            return _wardCodes.Contains(WeeklyCounts.Split(key).Area) && CountDisclosure.Small(_counts.At(key, week));
        if (!_weeks.TryGetValue(week, out var withheld))
        {
            var values = _figures.Select(f => (long)_counts.At(f.Key, week)).ToArray();
            var cacheKey = _structure + ":" + string.Join(',', values);
            if (!Decided.TryGetValue(cacheKey, out withheld))
            {
                withheld = SpanSuppression.Protect([.. _figures.Select((f, j) => new SumFigure(f.Atoms, values[j], f.Ward))], CountDisclosure.Threshold);
                if (Decided.Count >= CacheLimit) Decided.Clear();
                Decided[cacheKey] = withheld;
            }
            _weeks[week] = withheld;
        }
        return withheld[i];
    }

    /// <summary>Whether any week of <paramref name="weeks"/> has the series withheld: a sum or mean over them would give it away.</summary>
    public bool WithheldAny(string key, IEnumerable<int> weeks) => weeks.Any(w => Withheld(key, w));
}

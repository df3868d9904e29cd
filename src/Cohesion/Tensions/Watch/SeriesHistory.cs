using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// A series' recent weeks as detection sees them (count, expected, upper bound, alarm), for the charts and tables of
/// the alert, area and dashboard pages: the same counts and method as the worker, worked out when asked.
/// One per request (scoped): a district's counts, its protection and the alerts' series keys are read once however
/// many parts of the page ask (the dashboard's chart and its alerts, the weekly report's counts and its alerts).
/// </summary>
public sealed class SeriesHistory(AreaStatsCache placesCache, IOptions<WatchOptions> options)
{
    readonly Dictionary<(int District, int Current), WeeklyCounts?> _counts = [];
    readonly Dictionary<(int District, int Current), CountProtection> _protections = [];
    List<string>? _alertKeys;

    /// <param name="Withheld">Weeks whose count the viewer may not see (<see cref="CountProtection"/>); empty for leads.</param>
    /// <param name="ModelShown">Whether the viewer sees the expected counts and bounds (<see cref="ModelFigures"/>).</param>
    public sealed record View(string Key, string Title, AreaInfo Area, IReadOnlyList<WeekResult> Weeks, string Method, IReadOnlySet<int> Withheld, bool ModelShown);

    /// <summary>
    /// Expected counts, upper bounds and scores are fitted to the series' exact past counts — with EARS a moving mean
    /// of the last weeks, with Farrington and Noufaily means over past years' windows that shift a week at a time — so
    /// from consecutive expected values differences of counts follow, withheld ones among them. A ward's are shown
    /// to monitoring leads only; a district's counts are published, so its model figures are too.
    /// </summary>
    public static bool ModelFigures(AreaInfo area, TensionViewer viewer) => viewer.SeesExactCounts || area.Level == AreaLevel.LocalAuthority;

    /// <summary>Weekly counts of a district's series from its first report to the current week (empty when it has none).</summary>
    public async Task<WeeklyCounts?> CountsAsync(CohesionDb db, AreaInfo district, int current, CancellationToken ct)
    {
        if (_counts.TryGetValue((district.Id, current), out var known)) return known;
        var rollup = new AreaRollup(await placesCache.DirectoryAsync(db, ct));
        var rows = (await CountQuery.RunAsync(db, Watch.Weeks.Monday(current - 52 * 5 - 40), ct)).Where(r => rollup.Of(r.AreaId).District?.Id == district.Id).ToList();
        var counts = rows.Count == 0 ? null : WeeklyCounts.Build(rows, rollup, Math.Min(rows.Min(r => Watch.Weeks.Index(r.Date)), current), current);
        _counts[(district.Id, current)] = counts;
        return counts;
    }

    /// <summary>
    /// The protection of a district's counts for viewers who are not leads: every series they can see, including the
    /// series of the district's alerts.
    /// </summary>
    public async Task<CountProtection> ProtectionAsync(CohesionDb db, AreaInfo district, WeeklyCounts counts, CancellationToken ct)
    {
        var key = (district.Id, counts.LastWeek);
        if (_protections.TryGetValue(key, out var known)) return known;
        var wards = new AreaRollup(await placesCache.DirectoryAsync(db, ct)).Wards(district);
        _alertKeys ??= await db.TensionAlerts.Select(a => a.SeriesKey).Distinct().ToListAsync(ct);
        return _protections[key] = new CountProtection(counts, district, wards, CountProtection.PublishedKeys(district, wards, options.Value.Series).Concat(_alertKeys));
    }

    /// <summary>
    /// The alerts whose latest alarm week's count the viewer may not see: none for leads; for others, a ward count of
    /// 1 to 4 as stored, or a count the district's protection withholds now.
    /// </summary>
    public async Task<HashSet<int>> WithheldAlertsAsync(CohesionDb db, IReadOnlyCollection<TensionAlert> alerts, TensionViewer viewer, int current, CancellationToken ct)
    {
        if (viewer.SeesExactCounts || alerts.Count == 0) return [];
        var places = await placesCache.DirectoryAsync(db, ct);
        var withheld = new HashSet<int>();
        foreach (var group in alerts.GroupBy(a => places.ById.GetValueOrDefault(a.AreaId) is { } area ? places.District(area) : null))
        {
            var district = group.Key;
            var last = group.Max(a => Watch.Weeks.Index(a.LastWeek));
            var counts = district is null ? null : await CountsAsync(db, district, Math.Max(current, last), ct);
            var protection = counts is null ? null : await ProtectionAsync(db, district!, counts, ct);
            foreach (var a in group)
            {
                var ward = places.ById.GetValueOrDefault(a.AreaId)?.Level != AreaLevel.LocalAuthority;
                if ((ward && CountDisclosure.Small(a.Observed)) || protection?.Withheld(a.SeriesKey, Watch.Weeks.Index(a.LastWeek)) == true)
                    withheld.Add(a.Id);
            }
        }
        return withheld;
    }

    /// <summary>The last <paramref name="weeks"/> weeks up to <paramref name="current"/> of the series named by <paramref name="key"/>, with the
    /// weeks withheld from <paramref name="viewer"/>.</summary>
    public async Task<View?> LoadAsync(CohesionDb db, string key, int current, int weeks, TensionViewer viewer, CancellationToken ct)
    {
        var places = await placesCache.DirectoryAsync(db, ct);
        var (areaCode, _, _) = WeeklyCounts.Split(key);
        if (places.Find(areaCode) is not { } area || places.District(area) is not { } district) return null;
        var counts = await CountsAsync(db, district, current, ct);
        var title = MonitoredSeries.Describe(key, places);
        if (counts is null) return new View(key, title, area, [], "no reports yet", new HashSet<int>(), ModelFigures(area, viewer));
        var (results, method) = SeriesDetection.Run(counts.Series(key), counts.FirstWeek, current - weeks + 1, current, options.Value.Method, options.Value.Alpha);
        // Weeks the method cannot monitor yet still have a count to show.
        var byWeek = results.ToDictionary(r => r.Week);
        var all = Enumerable.Range(Math.Max(counts.FirstWeek, current - weeks + 1), current - Math.Max(counts.FirstWeek, current - weeks + 1) + 1)
            .Select(w => byWeek.GetValueOrDefault(w) ?? new WeekResult(w, counts.At(key, w), null, null, false, null, "not monitored (too little history)")).ToList();
        var protection = viewer.SeesExactCounts ? null : await ProtectionAsync(db, district, counts, ct);
        var withheld = protection is null ? [] : all.Where(w => protection.Withheld(key, w.Week)).Select(w => w.Week).ToHashSet();
        return new View(key, title, area, all, method, withheld, ModelFigures(area, viewer));
    }
}

using Cohesion.Data;
using Cohesion.Places;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// A series' recent weeks as detection sees them (count, expected, upper bound, alarm), for the charts and tables of
/// the alert, area and dashboard pages: the same counts and method as the worker, worked out when asked.
/// </summary>
public sealed class SeriesHistory(AreaStatsCache placesCache, IOptions<WatchOptions> options)
{
    public sealed record View(string Key, string Title, AreaInfo Area, IReadOnlyList<WeekResult> Weeks, string Method, bool WardLevel);

    /// <summary>Weekly counts of a district's series from its first report to the current week (empty when it has none).</summary>
    public async Task<(WeeklyCounts? Counts, AreaRollup Rollup)> CountsAsync(CohesionDb db, AreaInfo district, int current, CancellationToken ct)
    {
        var places = await placesCache.DirectoryAsync(db, ct);
        var rollup = new AreaRollup(places);
        var rows = (await CountQuery.RunAsync(db, Watch.Weeks.Monday(current - 52 * 5 - 40), ct)).Where(r => rollup.Of(r.AreaId).District?.Id == district.Id).ToList();
        if (rows.Count == 0) return (null, rollup);
        var first = rows.Min(r => Watch.Weeks.Index(r.Date));
        return (WeeklyCounts.Build(rows, rollup, Math.Min(first, current), current), rollup);
    }

    /// <summary>The last <paramref name="weeks"/> weeks up to <paramref name="current"/> of the series named by <paramref name="key"/>.</summary>
    public async Task<View?> LoadAsync(CohesionDb db, string key, int current, int weeks, CancellationToken ct)
    {
        var places = await placesCache.DirectoryAsync(db, ct);
        var (areaCode, _, _) = WeeklyCounts.Split(key);
        if (places.Find(areaCode) is not { } area || places.District(area) is not { } district) return null;
        var (counts, _) = await CountsAsync(db, district, current, ct);
        var title = MonitoredSeries.Describe(key, places);
        var ward = area.Level != AreaLevel.LocalAuthority;
        if (counts is null) return new View(key, title, area, [], "no reports yet", ward);
        var (results, method) = SeriesDetection.Run(counts.Series(key), counts.FirstWeek, current - weeks + 1, current, options.Value.Method, options.Value.Alpha);
        // Weeks the method cannot monitor yet still have a count to show.
        var byWeek = results.ToDictionary(r => r.Week);
        var all = Enumerable.Range(Math.Max(counts.FirstWeek, current - weeks + 1), current - Math.Max(counts.FirstWeek, current - weeks + 1) + 1)
            .Select(w => byWeek.GetValueOrDefault(w) ?? new WeekResult(w, counts.At(key, w), null, null, false, null, "not monitored (too little history)")).ToList();
        return new View(key, title, area, all, method, ward);
    }
}

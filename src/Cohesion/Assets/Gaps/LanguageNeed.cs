using Cohesion.Change;
using Cohesion.Change.Pages;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Sharing;

namespace Cohesion.Assets.Gaps;

/// <summary>An area's share of people who may need to learn English, and its base; <see cref="Percent"/> null: withheld ([c]).</summary>
public sealed record NeedFigure(double? Percent, long? Base);

/// <summary>Where the need figures come from, said on the page and in the downloads.</summary>
/// <param name="IsProxy">True when the figures are not about language at all (ethnic group stands in for it).</param>
public sealed record NeedSource(string Measure, string Short, string Source, string Licence, string Period, bool IsProxy, bool IsSynthetic);

/// <summary>
/// How much an area might need language learning, matched to the gap analysis's areas. From the change module's GP
/// registrations when a dataset the viewer may see covers the district: the share of registered patients with a
/// recorded main language whose main language is not English, in the latest period, as the viewer may see it (a
/// withheld count makes the area's figure withheld). Without one, the share of usual residents who are not White
/// British (Census 2011), which is a proxy, and said to be one: many people who are not White British speak English
/// as their main language, and some White people (Polish, Romanian…) do not.
/// </summary>
public static class LanguageNeed
{
    public static async Task<(NeedSource Source, IReadOnlyDictionary<int, NeedFigure> ByArea)?> LoadAsync(CohesionDb db, ChangeCache change, AreaStatsCache places,
        Viewer viewer, PlaceDirectory dir, IReadOnlyList<AreaInfo> lsoas, Func<int, int?> areaOf, CancellationToken ct)
    {
        foreach (var d in (await change.VisibleAsync(db, viewer, ct)).Where(d => d.Kind == DatasetKind.GpRegistrations).OrderBy(d => d.IsSynthetic))
        {
            if (await change.GetAsync(db, d.Name, viewer, ct) is not { } cube || cube.Periods.Length == 0 || !lsoas.Any(l => cube.HasArea(l.Id))) continue;
            if (!cube.Slot.TryGetValue("main_language:eng", out var english)) continue;
            int? notStated = cube.Slot.TryGetValue("main_language:not_stated", out var ns) ? ns : null;
            var p = cube.Periods.Length - 1;
            var sums = new Dictionary<int, (long Total, long English, long NotStated, bool Withheld)>();
            foreach (var l in lsoas)
            {
                if (areaOf(l.Id) is not { } area) continue;
                var total = cube.Get(l.Id, p, StoredMeasure.Stock);
                var eng = cube.Get(l.Id, p, StoredMeasure.Stock, english);
                var unstated = notStated is { } s ? cube.Get(l.Id, p, StoredMeasure.Stock, s) : 0;
                var acc = sums.GetValueOrDefault(area);
                sums[area] = total is { } t && eng is { } e && unstated is { } u
                    ? (acc.Total + t, acc.English + e, acc.NotStated + u, acc.Withheld)
                    : acc with { Withheld = true };
            }
            var byArea = sums.ToDictionary(x => x.Key, x =>
            {
                var (total, eng, unstated, withheld) = x.Value;
                var stated = total - unstated;
                return withheld ? new NeedFigure(null, null) : new NeedFigure(stated > 0 ? 100.0 * (stated - eng) / stated : null, stated);
            });
            return (new NeedSource(
                "Registered patients whose main language is not English (% of those with a main language recorded)", "Main language not English",
                $"{d.Title} ({d.Name}), GP registrations held by {d.OwnerName}{(d.Source.Length > 0 ? "; " + d.Source : "")}",
                d.Agreement, PeriodText.Long(cube.Periods[p]), IsProxy: false, d.IsSynthetic), byArea);
        }
        return await ProxyAsync(db, places, lsoas, areaOf, ct);
    }

    static async Task<(NeedSource, IReadOnlyDictionary<int, NeedFigure>)?> ProxyAsync(CohesionDb db, AreaStatsCache places, IReadOnlyList<AreaInfo> lsoas,
        Func<int, int?> areaOf, CancellationToken ct)
    {
        if (await places.DatasetAsync(db, Census2011.DatasetName, Census2011.Period, ct) is not { } census) return null;
        var whiteBritish = census.Groups.ToList().FindIndex(g => g.Code == "WhiteBrit");
        if (whiteBritish < 0) return null;
        var sums = new Dictionary<int, (long Total, long WhiteBritish)>();
        foreach (var l in lsoas)
            if (areaOf(l.Id) is { } area && census.Stats.TryGetValue(l.Id, out var st))
            {
                var acc = sums.GetValueOrDefault(area);
                sums[area] = (acc.Total + st.Total, acc.WhiteBritish + st.Counts[whiteBritish]);
            }
        return (new NeedSource(
            "Usual residents who are not White British (% of residents): a proxy for language need, not a measure of language", "Not White British (proxy)",
            census.Source + ". " + census.Attribution, census.Licence, "2011", IsProxy: true, census.IsSynthetic),
            sums.ToDictionary(x => x.Key, x => new NeedFigure(x.Value.Total > 0 ? 100.0 * (x.Value.Total - x.Value.WhiteBritish) / x.Value.Total : null, x.Value.Total)));
    }
}

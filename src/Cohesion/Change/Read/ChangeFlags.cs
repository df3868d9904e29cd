using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cohesion.Analytics.Change;
using Cohesion.Places;

namespace Cohesion.Change.Read;

/// <summary>
/// Rapid-change flags for a district's small areas, from the viewer's own figures (so a published view flags
/// only from published values): arrivals from abroad per 1,000 and churn per 1,000 for GP data, pupils new to
/// the area and EAL pupils as a % of pupils for school data. The rules are <see cref="RapidChange"/>'s.
/// </summary>
public static class ChangeFlags
{
    static readonly (string Name, RapidChangeRule Rule)[] Gp =
        [("arrivals_per_1000", new("arrivals per 1,000", "arrivals")), ("churn_per_1000", new("churn per 1,000", "registrations and deregistrations"))];
    static readonly (string Name, RapidChangeRule Rule)[] School =
        [("new_to_area_percent", new("pupils new to the area, %", "pupils new to the area")), ("eal_percent", new("EAL pupils, %", "EAL pupils"))];

    static readonly ConditionalWeakTable<ChangeCube, ConcurrentDictionary<string, List<ChangeFlagView>[,]>> Memo = new();

    /// <summary>The flags of each area (in the order given) in period <paramref name="period"/>.</summary>
    public static List<ChangeFlagView>[] For(ChangeCube c, int[] areaIds, int period)
    {
        var all = Memo.GetOrCreateValue(c).GetOrAdd(string.Join(',', areaIds), _ => Compute(c, areaIds));
        return Enumerable.Range(0, areaIds.Length).Select(a => all[a, period]).ToArray();
    }

    static List<ChangeFlagView>[,] Compute(ChangeCube c, int[] areaIds)
    {
        var periods = c.Periods.Length;
        var result = new List<ChangeFlagView>[areaIds.Length, periods];
        for (var a = 0; a < areaIds.Length; a++)
            for (var p = 0; p < periods; p++) result[a, p] = [];
        if (periods == 0) return result;
        var kind = ChangeViews.Kind(c);
        var first = ChangeViews.KeyOf(kind, c.Periods[0]);
        var school = c.Dataset.Kind == DatasetKind.SchoolCensus;
        foreach (var (name, rule) in school ? School : Gp)
        {
            var rates = new double[areaIds.Length * periods];
            var counts = new long[areaIds.Length * periods];
            for (var a = 0; a < areaIds.Length; a++)
                for (var p = 0; p < periods; p++)
                {
                    rates[a * periods + p] = ChangeMeasureNames.Value(c, name, areaIds[a], p, 0) ?? double.NaN;
                    counts[a * periods + p] = Count(c, name, areaIds[a], p) ?? 0;
                }
            foreach (var f in RapidChange.Flags(rates, counts, areaIds.Length, periods, kind, first, rule))
                result[f.Area, f.Period - first].Add(new ChangeFlagView(name, f.Rate, f.Threshold, f.Rule));
        }
        return result;
    }

    static long? Count(ChangeCube c, string name, int areaId, int p) => name switch
    {
        "arrivals_per_1000" => c.Get(areaId, p, StoredMeasure.Arrivals),
        "churn_per_1000" => c.Get(areaId, p, StoredMeasure.Inflow) is { } i && c.Get(areaId, p, StoredMeasure.Outflow) is { } o ? i + o : null,
        "new_to_area_percent" => c.Get(areaId, p, StoredMeasure.NewToArea),
        _ => c.Get(areaId, p, StoredMeasure.Eal),
    };
}

using System.Globalization;
using System.Text;
using Cohesion.Analytics.Change;
using Cohesion.Analytics.Disclosure;

namespace Cohesion.Change;

/// <summary>The disclosure policy applied to figures that leave their owner.</summary>
public abstract record DisclosurePolicy
{
    public sealed record Exact : DisclosurePolicy;
    /// <summary>Counts in 1..K−1 suppressed, with secondary suppression per table (see <see cref="CellSuppression"/>).</summary>
    public sealed record Suppress(int K) : DisclosurePolicy;
    /// <summary>Every count rounded to the nearest multiple of B; rates from rounded counts.</summary>
    public sealed record Round(int Base) : DisclosurePolicy;
}

/// <summary>
/// Writes the long CSV <c>area_code,period,measure,characteristic,category,value,flag</c>, one period at a
/// time. Under suppression each period's table of areas × categories, for each count measure and
/// characteristic, is protected with its area totals (the <c>all</c> rows) as margins; an area total
/// withheld in any table is withheld everywhere, and a rate is withheld when any count it is made from is.
/// </summary>
public static class ChangeOutput
{
    public const string Header = "area_code,period,measure,characteristic,category,value,flag";
    static readonly (ChangeMeasure Measure, string Name)[] Counts =
        [(ChangeMeasure.Stock, "stock"), (ChangeMeasure.Inflow, "inflow"), (ChangeMeasure.Outflow, "outflow"), (ChangeMeasure.Arrivals, "arrivals")];

    public static string Name(Characteristic c) => c switch
    {
        Characteristic.All => "all",
        Characteristic.Sex => "sex",
        Characteristic.AgeBand => "age_band",
        Characteristic.EthnicGroup => "ethnic_group",
        Characteristic.YearGroup => "year_group",
        _ => "main_language",
    };

    public sealed record Stats(long Rows, long Suppressed, long Rounded);

    public static Stats Write(TextWriter w, RegistrationAccumulator counts, IReadOnlyList<string> areaCodes, IReadOnlyList<string> ethnic, IReadOnlyList<string> language, DisclosurePolicy policy)
    {
        w.Write(Header);
        w.Write('\n');
        long rows = 0, suppressedCount = 0, roundedCount = 0;
        var line = new StringBuilder(128);
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            var label = Periods.Label(counts.Kind, period.PeriodKey);
            var withheld = Protect(period, Enumerable.Range(0, counts.Areas).Where(counts.HasArea).ToArray(), policy);
            foreach (var f in period.Characteristics)
            {
                var name = Name(f.Characteristic);
                for (var area = 0; area < counts.Areas; area++)
                    for (var cat = 0; cat < f.Categories; cat++)
                    {
                        if (!f.HasData[cat] || !counts.HasArea(area)) continue;
                        var i = area * f.Categories + cat;
                        var category = Category(f.Characteristic, cat, ethnic, language);
                        var anyCountWithheld = false;
                        foreach (var (measure, measureName) in Counts)
                        {
                            var value = measure switch
                            {
                                ChangeMeasure.Stock => f.Stock[i],
                                ChangeMeasure.Inflow => f.Inflow[i],
                                ChangeMeasure.Outflow => f.Outflow[i],
                                _ => f.Arrivals[i],
                            };
                            var isWithheld = withheld.Contains(((int)measure, f.Characteristic, area, cat));
                            anyCountWithheld |= isWithheld && measure != ChangeMeasure.Arrivals;
                            Row(w, line, areaCodes[area], label, measureName, name, category, value, isWithheld, policy, ref rows, ref suppressedCount, ref roundedCount);
                        }
                        // Churn: from the published counts' sources; withheld with any of them, or a small base.
                        if (f.StartStock[i] <= 0) continue;
                        var smallBase = policy is DisclosurePolicy.Suppress s && f.StartStock[i] < s.K;
                        var churn = policy is DisclosurePolicy.Round r
                            ? (Analytics.Disclosure.Rounding.ToBase(f.Inflow[i], r.Base) + Analytics.Disclosure.Rounding.ToBase(f.Outflow[i], r.Base)) * 1000.0 / Math.Max(1, Analytics.Disclosure.Rounding.ToBase(f.StartStock[i], r.Base))
                            : f.Churn(i);
                        WriteRate(w, line, areaCodes[area], label, name, category, churn, anyCountWithheld || smallBase, policy, ref rows, ref suppressedCount, ref roundedCount);
                    }
            }
        }
        return new Stats(rows, suppressedCount, roundedCount);
    }

    /// <summary>A category's name in the long CSV: codes as they are, index 0 of the interned codes as not_stated.</summary>
    internal static string Category(Characteristic c, int cat, IReadOnlyList<string> ethnic, IReadOnlyList<string> language) => c switch
    {
        Characteristic.All => "all",
        Characteristic.Sex => RegistrationAccumulator.Sexes[cat],
        Characteristic.AgeBand => cat < AgeBands.Labels.Length ? AgeBands.Labels[cat] : "not_stated",
        Characteristic.YearGroup => SchoolAccumulator.YearGroups[cat],
        Characteristic.EthnicGroup => cat == 0 ? "not_stated" : ethnic[cat],
        _ => cat == 0 ? "not_stated" : language[cat],
    };

    /// <summary>The cells to withhold in one period under suppression: (measure, characteristic, area, category).</summary>
    /// <param name="present">The areas with data, in output order: the rows of every table.</param>
    static HashSet<(int, Characteristic, int, int)> Protect(PeriodFigures period, int[] present, DisclosurePolicy policy)
    {
        var withheld = new HashSet<(int, Characteristic, int, int)>();
        if (policy is not DisclosurePolicy.Suppress s) return withheld;
        foreach (var (measure, _) in Counts)
            ProtectMeasure((int)measure, period.Characteristics, f => measure switch
            {
                ChangeMeasure.Stock => f.Stock,
                ChangeMeasure.Inflow => f.Inflow,
                ChangeMeasure.Outflow => f.Outflow,
                _ => f.Arrivals,
            }, present, s.K, withheld);
        return withheld;
    }

    /// <summary>
    /// Adds to <paramref name="withheld"/> the cells of one measure's tables in one period to withhold under
    /// suppression with threshold <paramref name="k"/>: each characteristic's table of areas × categories is
    /// protected with the area totals (the <c>all</c> table) as its margins, and an area total withheld in any
    /// table is withheld everywhere.
    /// </summary>
    /// <param name="measure">The measure's number, as the writer keys its cells.</param>
    /// <param name="tables">The period's tables, the <c>all</c> table among them.</param>
    /// <param name="values">A table's values of this measure, [area × Categories + category].</param>
    /// <param name="present">The areas with data, in output order: the rows of every table.</param>
    internal static void ProtectMeasure<TTable>(int measure, IEnumerable<TTable> tables, Func<TTable, long[]> values, int[] present, int k,
        HashSet<(int Measure, Characteristic Characteristic, int Area, int Category)> withheld) where TTable : CharacteristicTable
    {
        var areas = present.Length;
        var totalWithheld = new bool[areas];
        foreach (var f in tables)
        {
            var v = values(f);
            if (f.Characteristic == Characteristic.All)
            {
                for (var a = 0; a < areas; a++) if (v[present[a]] >= 1 && v[present[a]] < k) totalWithheld[a] = true;
                continue;
            }
            var cats = Enumerable.Range(0, f.Categories).Where(c => f.HasData[c]).ToArray();
            if (cats.Length == 0) continue;
            var inner = new long[areas * cats.Length];
            for (var a = 0; a < areas; a++)
                for (var c = 0; c < cats.Length; c++) inner[a * cats.Length + c] = v[present[a] * f.Categories + cats[c]];
            var t = CellSuppression.Protect(inner, areas, cats.Length, k);
            for (var a = 0; a < areas; a++)
            {
                for (var c = 0; c < cats.Length; c++)
                    if (t.IsSuppressed(a, c)) withheld.Add((measure, f.Characteristic, present[a], cats[c]));
                if (t.IsSuppressed(a, cats.Length)) totalWithheld[a] = true;
            }
        }
        for (var a = 0; a < areas; a++) if (totalWithheld[a]) withheld.Add((measure, Characteristic.All, present[a], 0));
    }

    internal static void Row(TextWriter w, StringBuilder line, string area, string period, string measure, string characteristic, string category, long value, bool withheld, DisclosurePolicy policy, ref long rows, ref long suppressed, ref long rounded)
    {
        line.Clear().Append(area).Append(',').Append(period).Append(',').Append(measure).Append(',').Append(characteristic).Append(',').Append(category).Append(',');
        if (withheld) { line.Append(",suppressed"); suppressed++; }
        else if (policy is DisclosurePolicy.Round r) { line.Append(Analytics.Disclosure.Rounding.ToBase(value, r.Base).ToString(CultureInfo.InvariantCulture)).Append(",rounded"); rounded++; }
        else line.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
        w.Write(line.Append('\n'));
        rows++;
    }

    static void WriteRate(TextWriter w, StringBuilder line, string area, string period, string characteristic, string category, double value, bool withheld, DisclosurePolicy policy, ref long rows, ref long suppressed, ref long rounded)
    {
        line.Clear().Append(area).Append(',').Append(period).Append(",churn_per_1000,").Append(characteristic).Append(',').Append(category).Append(',');
        if (withheld) { line.Append(",suppressed"); suppressed++; }
        else
        {
            line.Append(Math.Round(value, 1).ToString("0.0", CultureInfo.InvariantCulture)).Append(',');
            if (policy is DisclosurePolicy.Round) { line.Append("rounded"); rounded++; }
        }
        w.Write(line.Append('\n'));
        rows++;
    }
}

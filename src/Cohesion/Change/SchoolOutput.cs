using System.Text;
using Cohesion.Analytics.Change;

namespace Cohesion.Change;

/// <summary>
/// Writes school census figures as the long CSV of <see cref="ChangeOutput"/>
/// (<c>area_code,period,measure,characteristic,category,value,flag</c>), measures <c>pupils</c>,
/// <c>new_to_area</c> and <c>eal</c>, one period that holds a census at a time. The period holding the first
/// census in the data has no <c>new_to_area</c> rows (there is nothing to compare with). Under suppression each
/// measure's tables are protected as the GP figures' are (<see cref="ChangeOutput.ProtectMeasure"/>); EAL by
/// main language repeats pupils by main language (or is zero), so it is withheld exactly where pupils by main
/// language is, rather than protected on its own, which could withhold other cells and let one be subtracted out.
/// </summary>
public static class SchoolOutput
{
    static readonly (SchoolMeasure Measure, string Name)[] Measures =
        [(SchoolMeasure.Pupils, "pupils"), (SchoolMeasure.NewToArea, "new_to_area"), (SchoolMeasure.Eal, "eal")];

    public static ChangeOutput.Stats Write(TextWriter w, SchoolAccumulator counts, IReadOnlyList<string> areaCodes, IReadOnlyList<string> ethnic, IReadOnlyList<string> language, DisclosurePolicy policy)
    {
        w.Write(ChangeOutput.Header);
        w.Write('\n');
        long rows = 0, suppressed = 0, rounded = 0;
        var line = new StringBuilder(128);
        int[]? present = null;
        // Under suppression pupils are also rounded (Publication.HeadcountBase): EAL pupils = pupils − English
        // speakers − not stated, so exact pupils by first language would give away a withheld EAL count.
        var headcounts = policy is DisclosurePolicy.Suppress ? new DisclosurePolicy.Round(Sharing.Publication.HeadcountBase) : policy;
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            present ??= Enumerable.Range(0, counts.Areas).Where(counts.HasArea).ToArray();
            var label = Periods.Label(counts.Kind, period.PeriodKey);
            var measures = period.HasNewToArea ? Measures : Measures.Where(m => m.Measure != SchoolMeasure.NewToArea).ToArray();
            var withheld = Protect(period, measures, present, policy);
            foreach (var f in period.Characteristics)
            {
                var name = ChangeOutput.Name(f.Characteristic);
                foreach (var area in present)
                    for (var cat = 0; cat < f.Categories; cat++)
                    {
                        if (!f.HasData[cat]) continue;
                        var category = ChangeOutput.Category(f.Characteristic, cat, ethnic, language);
                        foreach (var (measure, measureName) in measures)
                            ChangeOutput.Row(w, line, areaCodes[area], label, measureName, name, category, f.Values(measure)[area * f.Categories + cat],
                                withheld.Contains(((int)measure, f.Characteristic, area, cat)), measure == SchoolMeasure.Pupils ? headcounts : policy, ref rows, ref suppressed, ref rounded);
                    }
            }
        }
        return new ChangeOutput.Stats(rows, suppressed, rounded);
    }

    /// <summary>The cells to withhold in one period under suppression: (measure, characteristic, area, category).</summary>
    static HashSet<(int, Characteristic, int, int)> Protect(SchoolPeriodFigures period, (SchoolMeasure Measure, string)[] measures, int[] present, DisclosurePolicy policy)
    {
        var withheld = new HashSet<(int, Characteristic, int, int)>();
        if (policy is not DisclosurePolicy.Suppress s) return withheld;
        foreach (var (measure, _) in measures)
        {
            var tables = measure == SchoolMeasure.Eal ? period.Characteristics.Where(f => f.Characteristic != Characteristic.MainLanguage) : period.Characteristics;
            ChangeOutput.ProtectMeasure((int)measure, tables, f => f.Values(measure), present, s.K, withheld);
        }
        foreach (var (measure, characteristic, area, category) in withheld.ToList())
            if (measure == (int)SchoolMeasure.Pupils && characteristic == Characteristic.MainLanguage)
                withheld.Add(((int)SchoolMeasure.Eal, characteristic, area, category));
        return withheld;
    }
}

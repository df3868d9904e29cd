using Cohesion.Analytics.Change;

namespace Cohesion.Change.Import;

/// <summary>
/// One period's figures for one measure, over every area of a run: the <c>all</c> figure of each area, and one
/// table per characteristic (areas × the categories that have data in the run), each a complete breakdown of
/// the <c>all</c> figure. This is the shape disclosure control and storage work on, whatever the source.
/// </summary>
public sealed record MeasureTables(StoredMeasure Measure, long[] All, IReadOnlyList<CategoryTable> Tables, bool Available = true);

/// <summary>A characteristic's table: <see cref="Values"/> is areas × <see cref="Codes"/>.Length, row-major.</summary>
public sealed record CategoryTable(string[] Codes, long[] Values);

/// <summary>Turns accumulators' per-period figures into <see cref="MeasureTables"/>.</summary>
public static class ChangeTables
{
    static readonly StoredMeasure[] GpMeasures = [StoredMeasure.Stock, StoredMeasure.StartStock, StoredMeasure.Inflow, StoredMeasure.Outflow, StoredMeasure.Arrivals];

    /// <summary>The stored category code of a GP or school category: <c>all</c>, or <c>characteristic:code</c>.</summary>
    public static string StoredCode(Characteristic c, int cat, IReadOnlyList<string> ethnic, IReadOnlyList<string> language) =>
        c == Characteristic.All ? "all" : ChangeOutput.Name(c) + ":" + ChangeOutput.Category(c, cat, ethnic, language);

    /// <summary>The GP measures of each period: stock, stock at the start, inflow, outflow, arrivals.</summary>
    public static IEnumerable<(string Period, IEnumerable<MeasureTables> Measures)> Gp(RegistrationAccumulator counts, IReadOnlyList<string> ethnic, IReadOnlyList<string> language)
    {
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            var label = Periods.Label(counts.Kind, period.PeriodKey);
            yield return (label, GpMeasures.Select(m => FromPeriod(counts.Areas, period, m, ethnic, language)).ToList());
        }
    }

    static MeasureTables FromPeriod(int areas, PeriodFigures period, StoredMeasure measure, IReadOnlyList<string> ethnic, IReadOnlyList<string> language) =>
        Build(areas, period.Characteristics, measure, f => measure switch
        {
            StoredMeasure.Stock => f.Stock,
            StoredMeasure.StartStock => f.StartStock,
            StoredMeasure.Inflow => f.Inflow,
            StoredMeasure.Outflow => f.Outflow,
            _ => f.Arrivals,
        }, ethnic, language);

    /// <summary>
    /// The school measures of each census period: pupils, new to the area (not available at the file's first
    /// census), EAL. EAL by main language is left out: it repeats pupils by main language (every language but
    /// English) and would let one be read off the other.
    /// </summary>
    public static IEnumerable<(string Period, IEnumerable<MeasureTables> Measures)> School(SchoolAccumulator counts, IReadOnlyList<string> ethnic, IReadOnlyList<string> language)
    {
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            var label = Periods.Label(counts.Kind, period.PeriodKey);
            var list = new List<MeasureTables>
            {
                Build(counts.Areas, period.Characteristics, StoredMeasure.Pupils, f => f.Pupils, ethnic, language),
                Build(counts.Areas, period.Characteristics, StoredMeasure.NewToArea, f => f.NewToArea, ethnic, language) with { Available = period.HasNewToArea },
                Build(counts.Areas, period.Characteristics.Where(f => f.Characteristic != Characteristic.MainLanguage), StoredMeasure.Eal, f => f.Eal, ethnic, language),
            };
            yield return (label, list);
        }
    }

    static MeasureTables Build<T>(int areas, IEnumerable<T> characteristics, StoredMeasure measure, Func<T, long[]> pick, IReadOnlyList<string> ethnic, IReadOnlyList<string> language)
        where T : Analytics.Change.CharacteristicTable
    {
        long[] all = [];
        var tables = new List<CategoryTable>();
        foreach (var f in characteristics)
        {
            var values = pick(f);
            if (f.Characteristic == Characteristic.All) { all = (long[])values.Clone(); continue; }
            var cats = Enumerable.Range(0, f.Categories).Where(c => f.HasData[c]).ToArray();
            if (cats.Length == 0) continue;
            var t = new long[areas * cats.Length];
            for (var a = 0; a < areas; a++)
                for (var k = 0; k < cats.Length; k++) t[a * cats.Length + k] = values[a * f.Categories + cats[k]];
            tables.Add(new CategoryTable(cats.Select(c => StoredCode(f.Characteristic, c, ethnic, language)).ToArray(), t));
        }
        return new MeasureTables(measure, all, tables);
    }
}

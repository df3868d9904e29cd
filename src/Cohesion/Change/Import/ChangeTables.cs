using Cohesion.Analytics.Change;

namespace Cohesion.Change.Import;

/// <summary>
/// One period's figures for one measure, over every area of a run: the <c>all</c> figure of each area, and one
/// table per characteristic (areas × the categories that have data in the run), each a complete breakdown of
/// the <c>all</c> figure. This is the shape disclosure control and storage work on, whatever the source.
/// </summary>
public sealed record MeasureTables(StoredMeasure Measure, long[] All, IReadOnlyList<CharacteristicTable> Tables);

/// <summary>A characteristic's table: <see cref="Values"/> is areas × <see cref="Codes"/>.Length, row-major.</summary>
public sealed record CharacteristicTable(string[] Codes, long[] Values);

/// <summary>Turns accumulators' per-period figures into <see cref="MeasureTables"/>.</summary>
public static class ChangeTables
{
    static readonly StoredMeasure[] GpMeasures = [StoredMeasure.Stock, StoredMeasure.StartStock, StoredMeasure.Inflow, StoredMeasure.Outflow, StoredMeasure.Arrivals];

    /// <summary>The stored category code of a GP or school category: <c>all</c>, or <c>characteristic:code</c>.</summary>
    public static string StoredCode(Characteristic c, int cat, IReadOnlyList<string> ethnic, IReadOnlyList<string> language) => c switch
    {
        Characteristic.All => "all",
        Characteristic.Sex => "sex:" + RegistrationAccumulator.Sexes[cat],
        Characteristic.AgeBand => "age_band:" + (cat < AgeBands.Labels.Length ? AgeBands.Labels[cat] : "not_stated"),
        Characteristic.EthnicGroup => "ethnic_group:" + (cat == 0 ? "not_stated" : ethnic[cat]),
        _ => "main_language:" + (cat == 0 ? "not_stated" : language[cat]),
    };

    /// <summary>The GP measures of each period: stock, stock at the start, inflow, outflow, arrivals.</summary>
    public static IEnumerable<(string Period, IEnumerable<MeasureTables> Measures)> Gp(RegistrationAccumulator counts, IReadOnlyList<string> ethnic, IReadOnlyList<string> language)
    {
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            var label = Periods.Label(counts.Kind, period.PeriodKey);
            yield return (label, GpMeasures.Select(m => FromPeriod(counts.Areas, period, m, ethnic, language)).ToList());
        }
    }

    static MeasureTables FromPeriod(int areas, PeriodFigures period, StoredMeasure measure, IReadOnlyList<string> ethnic, IReadOnlyList<string> language)
    {
        long[] Pick(CharacteristicFigures f) => measure switch
        {
            StoredMeasure.Stock => f.Stock,
            StoredMeasure.StartStock => f.StartStock,
            StoredMeasure.Inflow => f.Inflow,
            StoredMeasure.Outflow => f.Outflow,
            _ => f.Arrivals,
        };
        long[] all = [];
        var tables = new List<CharacteristicTable>();
        foreach (var f in period.Characteristics)
        {
            var values = Pick(f);
            if (f.Characteristic == Characteristic.All) { all = (long[])values.Clone(); continue; }
            var cats = Enumerable.Range(0, f.Categories).Where(c => f.HasData[c]).ToArray();
            if (cats.Length == 0) continue;
            var t = new long[areas * cats.Length];
            for (var a = 0; a < areas; a++)
                for (var k = 0; k < cats.Length; k++) t[a * cats.Length + k] = values[a * f.Categories + cats[k]];
            tables.Add(new CharacteristicTable(cats.Select(c => StoredCode(f.Characteristic, c, ethnic, language)).ToArray(), t));
        }
        return new MeasureTables(measure, all, tables);
    }
}

using System.Globalization;
using Cohesion.Analytics.Disclosure;
using Cohesion.Analytics.Change;
using Cohesion.Places;

namespace Cohesion.Change.Read;

/// <summary>One period of an area's (or district's) registrations. Null = withheld by disclosure control (or not computable).</summary>
public sealed record GpPoint(string Period, long? Stock, long? Inflow, long? Outflow, long? Arrivals, double? ChurnPer1000, double? ArrivalsPer1000,
    long? StockChangeFromPrevious, long? StockChangeFromYearEarlier, double? StockPercentChangeFromYearEarlier);

/// <summary>One school census in an area (or district).</summary>
public sealed record SchoolPoint(string Period, long? Pupils, long? NewToArea, long? Eal, double? NewToAreaPercent, double? EalPercent,
    long? PupilsChangeFromPrevious, double? PupilsPercentChangeFromPrevious);

/// <summary>A category's count and share of the area's total (share null where either is withheld).</summary>
public sealed record CategoryShare(string Code, string Label, long? Count, double? Percent);

/// <summary>Diversity of one characteristic in one period: Simpson's 1 − Σp² and Shannon entropy.</summary>
public sealed record DiversityPoint(string Period, double? Simpson, double? Shannon);

/// <summary>
/// The figures pages and endpoints show, computed from a <see cref="ChangeCube"/> (so always in the viewer's
/// class: exact for the owner, published for everyone else).
/// </summary>
public static class ChangeViews
{
    public static PeriodKind Kind(ChangeCube c) => c.Dataset.PeriodKind switch { "quarter" => PeriodKind.Quarter, "year" => PeriodKind.Year, _ => PeriodKind.Month };

    /// <summary>The period key of a label made by <see cref="Periods.Label"/>.</summary>
    public static int KeyOf(PeriodKind kind, string label) => kind switch
    {
        PeriodKind.Month => int.Parse(label[..4], CultureInfo.InvariantCulture) * 12 + int.Parse(label[5..7], CultureInfo.InvariantCulture) - 1,
        PeriodKind.Quarter => int.Parse(label[..4], CultureInfo.InvariantCulture) * 4 + (label[6] - '1'),
        _ => int.Parse(label, CultureInfo.InvariantCulture),
    };

    /// <summary>The index of the same period a year earlier, or −1.</summary>
    public static int YearEarlier(ChangeCube c, int period)
    {
        var kind = Kind(c);
        return c.PeriodIndex(Periods.Label(kind, KeyOf(kind, c.Periods[period]) - Periods.PerYear(kind)));
    }

    static long? Diff(long? now, long? before) => now is { } a && before is { } b ? a - b : null;
    static double? Pct(long? now, long? before) => now is { } a && before is { } b && b > 0 ? (a - b) * 100.0 / b : null;

    public static GpPoint Gp(ChangeCube c, int areaId, int p, int slot = 0)
    {
        var stock = c.Get(areaId, p, StoredMeasure.Stock, slot);
        var prev = p > 0 ? c.Get(areaId, p - 1, StoredMeasure.Stock, slot) : null;
        var y = YearEarlier(c, p);
        var year = y >= 0 ? c.Get(areaId, y, StoredMeasure.Stock, slot) : null;
        return new GpPoint(c.Periods[p], stock, c.Get(areaId, p, StoredMeasure.Inflow, slot), c.Get(areaId, p, StoredMeasure.Outflow, slot),
            c.Get(areaId, p, StoredMeasure.Arrivals, slot), c.Churn(areaId, p, slot), c.Rate(areaId, p, StoredMeasure.Arrivals, StoredMeasure.StartStock, slot),
            Diff(stock, prev), Diff(stock, year), Pct(stock, year));
    }

    public static SchoolPoint School(ChangeCube c, int areaId, int p, int slot = 0)
    {
        var pupils = c.Get(areaId, p, StoredMeasure.Pupils, slot);
        var prev = p > 0 ? c.Get(areaId, p - 1, StoredMeasure.Pupils, slot) : null;
        return new SchoolPoint(c.Periods[p], pupils, c.Get(areaId, p, StoredMeasure.NewToArea, slot), c.Get(areaId, p, StoredMeasure.Eal, slot),
            c.Rate(areaId, p, StoredMeasure.NewToArea, StoredMeasure.Pupils, slot, 100), c.Rate(areaId, p, StoredMeasure.Eal, StoredMeasure.Pupils, slot, 100),
            Diff(pupils, prev), Pct(pupils, prev));
    }

    public static List<GpPoint> GpSeries(ChangeCube c, int areaId, int slot = 0) => Enumerable.Range(0, c.Periods.Length).Select(p => Gp(c, areaId, p, slot)).ToList();
    public static List<SchoolPoint> SchoolSeries(ChangeCube c, int areaId, int slot = 0) => Enumerable.Range(0, c.Periods.Length).Select(p => School(c, areaId, p, slot)).ToList();

    /// <summary>The main count of a dataset: registered (GP) or pupils (school).</summary>
    public static StoredMeasure Headcount(ChangeCube c) => c.Dataset.Kind == DatasetKind.SchoolCensus ? StoredMeasure.Pupils : StoredMeasure.Stock;

    /// <summary>An area's categories of one characteristic in one period, largest first, with shares of the area's total.</summary>
    public static List<CategoryShare> Composition(ChangeCube c, int areaId, int p, string characteristic)
    {
        var m = Headcount(c);
        var total = c.Get(areaId, p, m);
        return c.SlotsOf(characteristic).Select(s =>
        {
            var n = c.Get(areaId, p, m, s);
            return new CategoryShare(c.Codes[s][(characteristic.Length + 1)..], c.Labels[s], n, n is { } v && total is { } t && t > 0 ? v * 100.0 / t : null);
        }).Where(x => x.Count != 0).OrderByDescending(x => x.Count ?? -1).ToList();
    }

    /// <summary>
    /// Diversity of a characteristic (ethnic group or language) over the stated categories. In the published view
    /// withheld categories are pooled into one residual (<see cref="PublishedDiversity"/>), whose size the
    /// published figures already give away, so the index reveals nothing new; null when the total is withheld.
    /// A withheld "not stated" is pooled with the other withheld categories.
    /// </summary>
    public static DiversityPoint Diversity(ChangeCube c, int areaId, int p, string characteristic)
    {
        var m = Headcount(c);
        var total = c.Get(areaId, p, m);
        // Not stated is not a group: it is left out of the index and of the total it is taken over.
        var stated = c.SlotsOf(characteristic).Where(s => !c.Codes[s].EndsWith(":not_stated", StringComparison.Ordinal)).ToArray();
        var notStated = c.SlotsOf(characteristic).Except(stated).Select(s => c.Get(areaId, p, m, s)).FirstOrDefault() ?? 0;
        var counts = stated.Select(s => c.Get(areaId, p, m, s)).ToArray();
        var score = total is { } t && t - notStated > 0 ? PublishedDiversity.Of(counts, t - notStated) : null;
        return new DiversityPoint(c.Periods[p], score?.Simpson, score?.Shannon);
    }

    public static List<DiversityPoint> DiversitySeries(ChangeCube c, int areaId, string characteristic) =>
        Enumerable.Range(0, c.Periods.Length).Select(p => Diversity(c, areaId, p, characteristic)).ToList();

    /// <summary>Sex × age band of the registered population in a period (GP datasets keep these as separate breakdowns).</summary>
    public static (List<CategoryShare> Sex, List<CategoryShare> Age) Structure(ChangeCube c, int areaId, int p) =>
        (Composition(c, areaId, p, "sex"), Composition(c, areaId, p, "age_band").OrderBy(x => AgeOrder(x.Code)).ToList());

    static int AgeOrder(string code) { var i = Array.IndexOf(AgeBands.Labels, code); return i < 0 ? int.MaxValue : i; }
}

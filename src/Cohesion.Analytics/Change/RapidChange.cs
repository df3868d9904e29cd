using System.Globalization;

namespace Cohesion.Analytics.Change;

/// <summary>
/// One rapid-change flag: area <paramref name="Area"/> (index) in period <paramref name="Period"/> (key) had a
/// rate above <paramref name="Threshold"/>. <paramref name="Rule"/> says in plain English which rule fired and
/// with which numbers.
/// </summary>
public sealed record RapidChangeFlag(int Area, int Period, string Measure, double Rate, double Threshold, string Rule);

/// <summary>
/// The thresholds of <see cref="RapidChange.Flags"/>, with the defaults agreed for arrivals and churn.
/// </summary>
/// <param name="Measure">What the rate is, as said in the rule text: "arrivals per 1,000".</param>
/// <param name="CountNoun">What the count behind it counts, plural: "arrivals".</param>
public sealed record RapidChangeRule(string Measure, string CountNoun)
{
    /// <summary>Periods of history before the period flagged; null = a year's worth (12 months, 4 quarters) or 3 years.</summary>
    public int? Window { get; init; }
    /// <summary>Fewer periods of history than this (with any rate available) and nothing is flagged.</summary>
    public int MinHistory { get; init; } = 3;
    /// <summary>District rule: how many robust SDs above the median a rate must be.</summary>
    public double RobustSds { get; init; } = 3;
    /// <summary>District rule: the rate must also be at least this multiple of the median.</summary>
    public double MinRatioToMedian { get; init; } = 2;
    /// <summary>Both rules: the count behind the rate must be at least this, so a handful of people is never "rapid change".</summary>
    public long MinCount { get; init; } = 10;
    /// <summary>Rising rule: the rate must be above this multiple of the area's own mean.</summary>
    public double RisingRatio { get; init; } = 2;
}

/// <summary>
/// Flags areas and periods where a rate (arrivals per 1,000 registered at the start of the period, churn per
/// 1,000, …) is far above what is usual, by two rules.
/// <para>District rule ("well above the district's usual level"): the usual level for period p is the median
/// m of the rates of all areas over the W periods before p (NaN — not available or withheld — left out), and
/// its spread the robust SD s = 1.4826 × MAD, the median absolute deviation from m, scaled to estimate the
/// standard deviation of a normal distribution. When over half the values are equal, MAD is 0 and s is
/// taken as 1.2533 × the mean absolute deviation from m (√(π/2), its own normal-consistency factor). Flag
/// when rate &gt; m + 3s (a robust z-score above 3), rate ≥ 2m and the count ≥ 10. Median and MAD are not
/// pulled up by the outliers being looked for, unlike the mean and SD.</para>
/// <para>Rising rule ("rising"): the rate is above 2 × the area's own mean rate over the W periods before p
/// (at least <see cref="RapidChangeRule.MinHistory"/> of them available) and the count ≥ 10. It catches an
/// area that doubles from its own level while staying unremarkable for the district.</para>
/// <para>W defaults to 12 months, 4 quarters or 3 years; with fewer than 3 periods of history nothing is
/// flagged. Where the history is all zeros both levels are 0, so any rate with the minimum count behind it
/// is flagged: something where there was nothing. A flag compares only with earlier periods, so adding later data never changes it.</para>
/// <para>Cost: per period a sort of at most areas × W rates, so O(periods × areas·W × log(areas·W)).</para>
/// <para>Sources: Iglewicz, B. and Hoaglin, D. C. (1993) How to Detect and Handle Outliers, ASQC Basic
/// References in Quality Control 16 (modified z-scores from the median and MAD); Leys, C. et al. (2013)
/// Detecting outliers: do not use standard deviation around the mean, use absolute deviation around the
/// median. J. Exp. Soc. Psychol. 49(4), 764–766 (the 1.4826 factor and the threshold of 3); Rousseeuw, P. J.
/// and Croux, C. (1993) Alternatives to the median absolute deviation. JASA 88, 1273–1283.</para>
/// </summary>
public static class RapidChange
{
    /// <summary>A year's worth of periods, or 3 years for yearly data.</summary>
    public static int DefaultWindow(PeriodKind kind) => kind == PeriodKind.Year ? 3 : Periods.PerYear(kind);

    /// <summary>The flags for one measure, by period then area, the district rule before the rising rule.</summary>
    /// <param name="rates">Areas × periods, area-major (rates[a·periods + p]); NaN = not available.</param>
    /// <param name="counts">The counts behind the rates, same layout.</param>
    /// <param name="areas">Areas (rows).</param>
    /// <param name="periods">Consecutive periods (columns), the first with key <paramref name="firstPeriodKey"/>.</param>
    /// <param name="kind">The length of the periods, for the default window and the rule text.</param>
    /// <param name="firstPeriodKey">The key (see <see cref="Periods.Key(PeriodKind, int, int)"/>) of column 0; flags carry keys.</param>
    /// <param name="rule">Thresholds and wording.</param>
    public static IReadOnlyList<RapidChangeFlag> Flags(ReadOnlySpan<double> rates, ReadOnlySpan<long> counts, int areas, int periods,
        PeriodKind kind, int firstPeriodKey, RapidChangeRule rule)
    {
        if (areas < 0 || periods < 0) throw new ArgumentOutOfRangeException(nameof(areas), "areas and periods cannot be negative");
        if (rates.Length != areas * periods) throw new ArgumentException($"expected {areas * periods} rates, got {rates.Length}", nameof(rates));
        if (counts.Length != rates.Length) throw new ArgumentException($"expected {rates.Length} counts, got {counts.Length}", nameof(counts));
        var window = rule.Window ?? DefaultWindow(kind);
        if (window < 1 || rule.MinHistory < 1) throw new ArgumentOutOfRangeException(nameof(rule), "the window and the history needed are at least one period");

        var flags = new List<RapidChangeFlag>();
        var values = new double[areas * window];
        var deviations = new double[areas * window];
        var sum = new double[areas];   // per area, over the window: the sum and number of available rates
        var n = new int[areas];
        for (var p = 0; p < periods; p++)
        {
            var from = Math.Max(0, p - window);
            var history = 0;
            var count = 0;
            for (var q = from; q < p; q++)
            {
                var any = false;
                for (var a = 0; a < areas; a++)
                {
                    var x = rates[a * periods + q];
                    if (!double.IsNaN(x)) { values[count++] = x; any = true; }
                }
                if (any) history++;
            }
            var usual = history >= rule.MinHistory ? Usual(values.AsSpan(0, count), deviations) : ((double, double)?)null;
            var span = Span(kind, p - from);
            for (var a = 0; a < areas; a++)
            {
                var rate = rates[a * periods + p];
                var c = counts[a * periods + p];
                if (double.IsNaN(rate) || c < rule.MinCount) continue;
                if (usual is (var median, var sd))
                {
                    var robust = median + rule.RobustSds * sd;
                    var ratio = rule.MinRatioToMedian * median;
                    if (rate > robust && rate >= ratio)
                        flags.Add(new(a, firstPeriodKey + p, rule.Measure, rate, Math.Max(robust, ratio),
                            DistrictText(rule, rate, median, sd, robust, ratio, span, c)));
                }
                if (n[a] >= rule.MinHistory)
                {
                    var mean = sum[a] / n[a];
                    var threshold = rule.RisingRatio * mean;
                    if (rate > threshold)
                        flags.Add(new(a, firstPeriodKey + p, rule.Measure, rate, threshold,
                            Invariant($"{rule.Measure} of {F(rate)} is above {F(threshold)}, {G(rule.RisingRatio)} × this area's own mean of {F(mean)} over {span}: rising, with {c:N0} {rule.CountNoun} (at least {rule.MinCount:N0})")));
                }
            }
            // Slide each area's window: period p comes in, period p − window goes out.
            for (var a = 0; a < areas; a++)
            {
                Slide(rates[a * periods + p], +1, ref sum[a], ref n[a]);
                if (p - window >= 0) Slide(rates[a * periods + p - window], -1, ref sum[a], ref n[a]);
            }
        }
        return flags;
    }

    static void Slide(double x, int sign, ref double sum, ref int n)
    {
        if (double.IsNaN(x)) return;
        sum += sign * x;
        n += sign;
        if (n == 0) sum = 0; // no drift from adding and removing the same values
    }

    /// <summary>The median and robust SD of some values (reordered in place).</summary>
    static (double Median, double Sd) Usual(Span<double> values, double[] scratch)
    {
        var median = Median(values);
        var deviations = scratch.AsSpan(0, values.Length);
        var total = 0.0;
        for (var i = 0; i < values.Length; i++) total += deviations[i] = Math.Abs(values[i] - median);
        var mad = Median(deviations);
        return (median, mad > 0 ? 1.4826 * mad : 1.2533 * total / values.Length);
    }

    static double Median(Span<double> xs)
    {
        xs.Sort();
        var mid = xs.Length / 2;
        return xs.Length % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
    }

    static string DistrictText(RapidChangeRule rule, double rate, double median, double sd, double robust, double ratio, string span, long count)
    {
        var level = $"median {F(median)} + {G(rule.RobustSds)} × {F(sd)} robust SD over {span}";
        var body = robust >= ratio
            ? $"is above {F(robust)}, the district's usual level ({level}), and at least {G(rule.MinRatioToMedian)} × the median"
            : $"is at least {F(ratio)}, {G(rule.MinRatioToMedian)} × the district's median, and above its usual level of {F(robust)} ({level})";
        return Invariant($"{rule.Measure} of {F(rate)} {body}, with {count:N0} {rule.CountNoun} (at least {rule.MinCount:N0})");
    }

    static string Span(PeriodKind kind, int periods)
    {
        var unit = kind switch { PeriodKind.Month => "month", PeriodKind.Quarter => "quarter", _ => "year" };
        return periods == 1 ? $"the previous {unit}" : $"the {periods} previous {unit}s";
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    static string F(double x) => x.ToString(x != 0 && Math.Abs(x) < 1 ? "0.0##" : "#,##0.0", CultureInfo.InvariantCulture);
    static string G(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}

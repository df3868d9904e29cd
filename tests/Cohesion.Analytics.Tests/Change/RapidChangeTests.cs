using Cohesion.Analytics.Change;

namespace Cohesion.Analytics.Tests.Change;

public class RapidChangeTests
{
    static readonly RapidChangeRule Arrivals = new("arrivals per 1,000", "arrivals");
    const int Areas = 8;
    const int First = 2024 * 12; // January 2024

    /// <summary>8 areas × 13 months: the first 12 around 6 per 1,000 with some spread; month 13 as given.</summary>
    static (double[] Rates, long[] Counts) District(double lastRate, long lastCount, int area = 3)
    {
        const int periods = 13;
        var rates = new double[Areas * periods];
        var counts = new long[Areas * periods];
        for (var a = 0; a < Areas; a++)
            for (var p = 0; p < periods; p++)
            {
                rates[a * periods + p] = 2 + (a * 7 + p * 3) % 9; // 2..10: median 6, robust SD 3
                counts[a * periods + p] = 12;
            }
        rates[area * periods + 12] = lastRate;
        counts[area * periods + 12] = lastCount;
        return (rates, counts);
    }

    static (double Median, double Sd) MedianAndRobustSd(IEnumerable<double> xs)
    {
        static double Median(double[] v) { Array.Sort(v); var m = v.Length / 2; return v.Length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2; }
        var values = xs.ToArray();
        var median = Median(values);
        var mad = Median(values.Select(x => Math.Abs(x - median)).ToArray());
        return (median, mad > 0 ? 1.4826 * mad : 1.2533 * values.Average(x => Math.Abs(x - median)));
    }

    [Fact]
    public void ARateFarAboveTheDistrictsUsualLevelIsFlaggedWithTheRuleAndItsNumbers()
    {
        var (rates, counts) = District(46.2, 23);
        var flags = RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals);
        var (median, sd) = MedianAndRobustSd(Enumerable.Range(0, Areas).SelectMany(a => rates.Skip(a * 13).Take(12)));
        Assert.Equal(2, flags.Count); // far above the district, and more than double the area's own mean too
        var (district, rising) = (flags[0], flags[1]);
        Assert.Equal((3, First + 12, "arrivals per 1,000", 46.2), (district.Area, district.Period, district.Measure, district.Rate));
        Assert.Equal(median + 3 * sd, district.Threshold, 9);
        Assert.Equal(
            $"arrivals per 1,000 of 46.2 is above {median + 3 * sd:0.0}, the district's usual level (median {median:0.0} + 3 × {sd:0.0} robust SD over the 12 previous months), and at least 2 × the median, with 23 arrivals (at least 10)",
            district.Rule);
        Assert.Equal((3, First + 12), (rising.Area, rising.Period));
        Assert.Contains("this area's own mean", rising.Rule);
    }

    [Fact]
    public void FewerThanTenBehindTheRateIsNeverFlagged()
    {
        var (rates, counts) = District(46.2, 9);
        Assert.Empty(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals));
    }

    [Fact]
    public void WithoutThreePeriodsOfHistoryNothingIsFlagged()
    {
        // Month 3 has two months of history; the same jump there is not flagged.
        var (rates, counts) = District(6, 12);
        rates[3 * 13 + 2] = 100;
        Assert.DoesNotContain(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals), f => f.Period == First + 2);
        rates[3 * 13 + 3] = 100;
        Assert.Contains(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals), f => f.Period == First + 3 && f.Rule.Contains("district"));
    }

    [Fact]
    public void AboveTheSpreadButUnderTwiceTheMedianIsNotFlaggedByTheDistrictRule()
    {
        // Every area at exactly 20, then one at 30: many robust SDs up (the spread is nil) but not double.
        var rates = Enumerable.Repeat(20.0, Areas * 13).ToArray();
        var counts = Enumerable.Repeat(50L, Areas * 13).ToArray();
        rates[3 * 13 + 12] = 30;
        Assert.Empty(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals));
        rates[3 * 13 + 12] = 40;
        var flag = Assert.Single(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals));
        Assert.Equal(40, flag.Threshold); // twice the median binds
        Assert.StartsWith("arrivals per 1,000 of 40.0 is at least 40.0, 2 × the district's median", flag.Rule);
    }

    [Fact]
    public void AnAreaDoublingFromItsOwnLevelIsFlaggedAsRisingEvenWhenUnremarkableForTheDistrict()
    {
        // The district runs at 20; area 3 has run at 5 and goes to 12: not high for the district, but rising.
        var rates = Enumerable.Repeat(20.0, Areas * 13).ToArray();
        var counts = Enumerable.Repeat(40L, Areas * 13).ToArray();
        for (var p = 0; p < 13; p++) rates[3 * 13 + p] = 5;
        rates[3 * 13 + 12] = 12;
        var flag = Assert.Single(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, Arrivals));
        Assert.Equal((3, 10.0), (flag.Area, flag.Threshold));
        Assert.Equal("arrivals per 1,000 of 12.0 is above 10.0, 2 × this area's own mean of 5.0 over the 12 previous months: rising, with 40 arrivals (at least 10)", flag.Rule);
    }

    [Fact]
    public void UnavailableRatesAreLeftOutOfTheUsualLevelAndNeverFlagged()
    {
        var (rates, counts) = District(46.2, 23);
        var withGaps = (double[])rates.Clone();
        for (var p = 0; p < 12; p += 2) withGaps[5 * 13 + p] = double.NaN;
        withGaps[6 * 13 + 12] = double.NaN;
        var flags = RapidChange.Flags(withGaps, counts, Areas, 13, PeriodKind.Month, First, Arrivals);
        Assert.All(flags, f => Assert.Equal(3, f.Area));
        var flag = flags.Single(f => f.Rule.Contains("district"));
        var (median, sd) = MedianAndRobustSd(Enumerable.Range(0, Areas).SelectMany(a => withGaps.Skip(a * 13).Take(12)).Where(x => !double.IsNaN(x)));
        Assert.Equal(median + 3 * sd, flag.Threshold, 9);
    }

    [Fact]
    public void QuartersLookBackFourQuartersAndSaySo()
    {
        var rates = Enumerable.Repeat(5.0, 3 * 6).ToArray();
        var counts = Enumerable.Repeat(30L, 3 * 6).ToArray();
        rates[0 * 6 + 0] = 500; // six quarters back: outside the window, it must not count
        rates[1 * 6 + 5] = 50;
        var flags = RapidChange.Flags(rates, counts, 3, 6, PeriodKind.Quarter, 2024 * 4, Arrivals);
        Assert.All(flags, f => Assert.Equal((1, 2024 * 4 + 5), (f.Area, f.Period)));
        Assert.Contains(flags, f => f.Rule.Contains("over the 4 previous quarters") && f.Rule.Contains("district"));
        Assert.Contains(flags, f => f.Rule.Contains("rising"));
    }

    [Fact]
    public void ThresholdsAreParameters()
    {
        var (rates, counts) = District(46.2, 23);
        var strict = Arrivals with { MinCount = 30, RisingRatio = 100 };
        Assert.Empty(RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, strict));
        var shortWindow = Arrivals with { Window = 3 };
        var flags = RapidChange.Flags(rates, counts, Areas, 13, PeriodKind.Month, First, shortWindow);
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Contains("over the 3 previous months", f.Rule));
    }

    /// <summary>Against a brute force that recomputes every window from scratch, over random matrices with gaps.</summary>
    [Fact]
    public void MatchesTheRulesRecomputedFromScratchEverywhere()
    {
        var rng = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var (areas, periods) = (rng.Next(1, 12), rng.Next(1, 30));
            var rates = new double[areas * periods];
            var counts = new long[areas * periods];
            for (var j = 0; j < rates.Length; j++)
            {
                rates[j] = rng.NextDouble() < 0.1 ? double.NaN : rng.NextDouble() < 0.1 ? rng.Next(0, 80) : rng.Next(0, 3) * 2.5;
                counts[j] = rng.Next(0, 40);
            }
            var kind = (PeriodKind)rng.Next(3);
            var actual = RapidChange.Flags(rates, counts, areas, periods, kind, 1000, Arrivals).Select(f => (f.Area, f.Period, Math.Round(f.Threshold, 9))).ToList();
            Assert.Equal(BruteForce(rates, counts, areas, periods, RapidChange.DefaultWindow(kind)), actual);
        }
    }

    static List<(int, int, double)> BruteForce(double[] rates, long[] counts, int areas, int periods, int w)
    {
        var flags = new List<(int, int, double)>();
        for (var p = 0; p < periods; p++)
        {
            var window = Enumerable.Range(Math.Max(0, p - w), p - Math.Max(0, p - w)).ToArray();
            var history = window.Count(q => Enumerable.Range(0, areas).Any(a => !double.IsNaN(rates[a * periods + q])));
            var all = window.SelectMany(q => Enumerable.Range(0, areas).Select(a => rates[a * periods + q])).Where(x => !double.IsNaN(x)).ToArray();
            for (var a = 0; a < areas; a++)
            {
                var rate = rates[a * periods + p];
                if (double.IsNaN(rate) || counts[a * periods + p] < 10) continue;
                if (history >= 3)
                {
                    var (median, sd) = MedianAndRobustSd(all);
                    if (rate > median + 3 * sd && rate >= 2 * median) flags.Add((a, 1000 + p, Math.Round(Math.Max(median + 3 * sd, 2 * median), 9)));
                }
                var own = window.Select(q => rates[a * periods + q]).Where(x => !double.IsNaN(x)).ToArray();
                if (own.Length >= 3 && rate > 2 * own.Average()) flags.Add((a, 1000 + p, Math.Round(2 * own.Average(), 9)));
            }
        }
        return flags;
    }
}

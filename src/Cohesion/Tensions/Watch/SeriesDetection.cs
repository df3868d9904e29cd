using System.Globalization;
using Cohesion.Analytics.Surveillance;

namespace Cohesion.Tensions.Watch;

/// <summary>One monitored week of a series: its week index and what the method made of it.</summary>
public sealed record WeekResult(int Week, int Observed, double? Expected, double? Upper, bool Alarm, double? Score, string? Note);

/// <summary>
/// Runs the configured method over one weekly series, sized to the history there is: Farrington (1996) or Noufaily
/// (2013) with b = the whole years available before the first week asked for (at most 5) and w = 3; with less than a
/// year and w + 1 weeks of history, EARS C3 (which needs 11 earlier weeks) with its standard deviation floored at 1,
/// so that a run of zero weeks does not turn a single report into an alarm; with less than that, nothing. The method
/// actually used is returned in words, to be shown with every alert.
/// </summary>
public static class SeriesDetection
{
    const int W = 3;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="counts">Weekly counts from <paramref name="firstWeek"/> on.</param>
    /// <param name="from">First week to monitor; <paramref name="to"/> the last (both within the counts).</param>
    public static (IReadOnlyList<WeekResult> Weeks, string Method) Run(int[] counts, int firstWeek, int from, int to, string method, double alpha)
    {
        var last = Math.Min(to, firstWeek + counts.Length - 1);
        var start = Math.Max(from, firstWeek);
        if (last < start) return ([], "no weeks to monitor");
        var y = new double[last - firstWeek + 1];
        for (var i = 0; i < y.Length; i++) y[i] = counts[i];
        var t0 = start - firstWeek + 1; // R's 1-based time of the first monitored week
        List<int> Range(int minT)
        {
            var s = Math.Max(minT, t0);
            return s > y.Length ? [] : [.. Enumerable.Range(s, y.Length - s + 1)];
        }

        if (method is "noufaily" or "farrington")
        {
            var b = Math.Min(5, (t0 - W - 1) / 52);
            if (b >= 1)
            {
                var preset = method == "noufaily" ? FarringtonOptions.Noufaily2013 : FarringtonOptions.Farrington1996;
                var o = preset with { B = b, W = W, Alpha = alpha };
                var name = method == "noufaily" ? "Noufaily et al. (2013)" : "Farrington et al. (1996)";
                return (Map(Farrington.Detect(y, Range(o.FirstTime), o), firstWeek, hasExpected: true),
                    string.Create(Inv, $"{name}, b = {b}, w = {W}, α = {alpha}"));
            }
        }
        var c = method == "ears-c2" ? EarsMethod.C2 : EarsMethod.C3;
        var e = new EarsOptions(c, Baseline: 7, Alpha: alpha, MinSigma: 1);
        if (y.Length <= e.MaxLag) return ([], $"fewer than {e.MaxLag + 1} weeks of reports: not monitored yet");
        var why = method is "noufaily" or "farrington" ? " (less than a year of history for the Farrington method)" : "";
        return (Map(Ears.Detect(y, Range(e.MaxLag + 1), e), firstWeek, hasExpected: false),
            string.Create(Inv, $"EARS {c}{why}, baseline 7 weeks, α = {alpha}, σ at least 1"));
    }

    static List<WeekResult> Map(IReadOnlyList<DetectionPoint> points, int firstWeek, bool hasExpected) =>
        [.. points.Select(p => new WeekResult(firstWeek + p.Time - 1, (int)p.Observed,
            hasExpected && double.IsFinite(p.Expected) ? p.Expected : null, double.IsFinite(p.Upper) ? p.Upper : null, p.Alarm,
            double.IsFinite(p.Score) ? p.Score : null, p.Note))];
}

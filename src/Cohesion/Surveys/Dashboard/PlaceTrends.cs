using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;

namespace Cohesion.Surveys.Dashboard;

/// <summary>One survey's overall estimate of an indicator: a point on a place's trend.</summary>
public sealed record TrendPoint(Survey Survey, DomainEstimate Estimate)
{
    public bool HasValue => !Estimate.Suppressed && Estimate.N > 0 && !double.IsNaN(Estimate.Estimate);
}

/// <summary>
/// A survey as just read (title, period, published and synthetic flags current) with its results (which the cache may
/// have made from an earlier read of the same survey: only what changes the figures is checked there).
/// </summary>
public sealed record SurveyAndResults(Survey Survey, SurveyResults Results);

/// <summary>A target and the name of the organisation that set it.</summary>
public sealed record TargetView(IndicatorTarget Target, string Organisation);

public enum TargetPosition { Below, At, Above }

/// <summary>Where the latest estimate stands against a target, and whether its 95% interval reaches the target.</summary>
public sealed record TargetCheck(TargetPosition Position, bool IntervalIncludes);

/// <summary>An indicator across the surveys of a place, oldest period first, with the targets set for it there.</summary>
public sealed record IndicatorTrend(Indicator Indicator, IReadOnlyList<TrendPoint> Points, IReadOnlyList<TargetView> Targets)
{
    public TrendPoint Latest => Points[^1];

    /// <summary>
    /// The point the change is measured from: the most recent survey of an earlier period than the latest's (several
    /// surveys can share a period; the change compares periods, so one of the latest's own period is never used).
    /// </summary>
    public TrendPoint? Previous => Points.LastOrDefault(p => SurveyPeriods.Compare(p.Survey.Period, Latest.Survey.Period) < 0);

    /// <summary>Latest − previous with its test, when both have a published estimate.</summary>
    public Difference? Change => Previous is { } p && p.HasValue && Latest.HasValue
        ? SurveyEstimator.IndependentDifference(Latest.Estimate, p.Estimate) : null;
}

/// <summary>
/// A place's indicators over its surveys: each survey's overall (weighted) estimate, the change between periods and
/// the targets. Pure: the surveys' results and the targets come in, figures and words go out.
/// </summary>
public static class PlaceTrends
{
    /// <summary>A change is called significant when its two-sided p-value is under this (the 5% level).</summary>
    public const double Significance = 0.05;

    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Every indicator that at least one survey reports, in the bank's order, with a point for each survey that reports
    /// it. <paramref name="surveys"/> must already be in period order (<see cref="SurveyPeriods"/>).
    /// </summary>
    public static IReadOnlyList<IndicatorTrend> Build(IReadOnlyList<SurveyAndResults> surveys, IReadOnlyList<TargetView> targets)
    {
        var reported = surveys.Select(s => s.Results.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal)).ToList();
        var trends = new List<IndicatorTrend>();
        foreach (var indicator in Indicators.All)
        {
            var points = surveys.Where((_, k) => reported[k].Contains(indicator.Code)).Select(s => new TrendPoint(s.Survey, s.Results.Overall(indicator))).ToList();
            if (points.Count == 0) continue;
            trends.Add(new IndicatorTrend(indicator, points, targets.Where(t => t.Target.Indicator == indicator.Code).ToList()));
        }
        return trends;
    }

    /// <summary>A value in the indicator's unit on the page's scale: percentages 0–100, scores as they are.</summary>
    public static double Display(Indicator i, double value) => i.IsPercentage ? value * 100 : value;

    /// <summary>A target value as people read it: "70%", "32.5".</summary>
    public static string TargetText(Indicator i, double value) =>
        Display(i, value).ToString("0.#", Uk) + (i.IsPercentage ? "%" : "");

    /// <summary>"percentage" or "score from 10 to 50": what a target's value is typed in.</summary>
    public static string Unit(Indicator i) => i.IsPercentage ? "percentage" : $"score from {i.Low.ToString("0.#", Uk)} to {i.High.ToString("0.#", Uk)}";

    /// <summary>
    /// The change in words: "up 4 points, not a statistically significant change", "down 12 points, significant at 5%".
    /// Points are percentage points for percentages (whole numbers, as the page shows them) and scale points to one
    /// decimal otherwise. Significant = two-sided p under 5% (independent samples, see
    /// <see cref="SurveyEstimator.IndependentDifference"/>).
    /// </summary>
    public static string ChangeText(Indicator i, Difference d)
    {
        var points = Math.Round(Display(i, d.Estimate), i.IsPercentage ? 0 : 1, MidpointRounding.AwayFromZero);
        var size = Math.Abs(points).ToString(i.IsPercentage ? "0" : "0.0", Uk);
        var unit = Math.Abs(points) == 1 ? "point" : "points";
        var direction = points > 0 ? $"up {size} {unit}" : points < 0 ? $"down {size} {unit}" : $"no change to the nearest {(i.IsPercentage ? "point" : "0.1 point")}";
        return d.PValue < Significance ? $"{direction}, significant at 5%" : $"{direction}, not a statistically significant change";
    }

    /// <summary>Where an estimate stands against a target, on the scale the page shows (so "at" means equal as shown).</summary>
    public static TargetCheck? Check(Indicator i, TrendPoint latest, IndicatorTarget target)
    {
        if (!latest.HasValue) return null;
        var e = latest.Estimate;
        var digits = i.IsPercentage ? 0 : 1;
        var shown = Math.Round(Display(i, e.Estimate), digits, MidpointRounding.AwayFromZero);
        var goal = Math.Round(Display(i, target.Value), digits + 1, MidpointRounding.AwayFromZero);
        var position = shown > goal ? TargetPosition.Above : shown < goal ? TargetPosition.Below : TargetPosition.At;
        var includes = !double.IsNaN(e.Low) && e.Low <= target.Value && target.Value <= e.High;
        return new TargetCheck(position, includes);
    }

    /// <summary>The check in words, e.g. "below the target; the 95% interval includes it, so the survey cannot say the target is missed".</summary>
    public static string CheckText(Indicator i, TargetCheck c)
    {
        var where = c.Position switch { TargetPosition.Above => "above the target", TargetPosition.Below => "below the target", _ => "at the target" };
        var interval = c.IntervalIncludes
            ? "the 95% interval includes the target, so the survey cannot tell the two apart"
            : c.Position == TargetPosition.At ? "the 95% interval does not include the target"
            : $"the 95% interval does not include the target, so the latest value is {(c.Position == TargetPosition.Above ? "above" : "below")} it beyond sampling error";
        return $"{where}; {interval}";
    }
}

using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Results;

/// <summary>
/// One group of a breakdown: its estimate and its test against the rest of the breakdown (null when either side is
/// under the minimum base, or the group has nobody in the base).
/// </summary>
/// <param name="Code">The area's code for a breakdown by area; the group's name otherwise.</param>
public sealed record GroupEstimate(string Code, DomainEstimate Estimate, Difference? VersusRest)
{
    /// <summary>Different from the rest at the 5% level (two-sided).</summary>
    public bool Significant => VersusRest is { } d && d.PValue < SurveyBreakdown.Alpha;
}

/// <summary>The gap between the highest and the lowest group of a breakdown that have figures, with its test.</summary>
public sealed record LargestGap(GroupEstimate High, GroupEstimate Low, Difference Difference)
{
    public bool Significant => Difference.PValue < SurveyBreakdown.Alpha;
}

/// <summary>
/// An indicator broken down by residence area or by a characteristic's broad groups, each group tested against the
/// rest, and the largest gap: what the indicator page, its downloads and the API show.
/// </summary>
public sealed record SurveyBreakdown(Indicator Indicator, string By, string Label, IReadOnlyList<GroupEstimate> Groups, LargestGap? Gap)
{
    /// <summary>The significance level of the tests pages mark.</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The breakdown, or null when the survey cannot give it (no residence asked, characteristic not asked). By area,
    /// every residence area is listed in name order, with base 0 where nobody there answered; by a characteristic,
    /// its broad groups in the order the question lists them.
    /// </summary>
    public static SurveyBreakdown? Of(SurveyResults results, Indicator indicator, string by) =>
        results.Breakdowns.Any(b => b.Code == by) ? results.Memo($"breakdown|{indicator.Code}|{by}", () => Make(results, indicator, by)) : null;

    static SurveyBreakdown? Make(SurveyResults results, Indicator indicator, string by)
    {
        if (results.Breakdowns.Where(b => b.Code == by).Select(b => b.Label).FirstOrDefault() is not { } label || results.Labels(by) is not { } labels) return null;
        var values = results.Values(indicator);
        var estimates = results.Breakdown(indicator, values, Domains.FromLabels(labels)).ToDictionary(e => e.Domain, StringComparer.Ordinal);
        var order = by == SurveyResults.ByArea
            ? results.Areas.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => (a.Code, a.Name))
            : GroupOrder(results, by).Where(estimates.ContainsKey).Select(g => (Code: g, Name: g));
        var groups = order.Select(g => estimates.TryGetValue(g.Name, out var e)
                ? new GroupEstimate(g.Code, e, e.Suppressed ? null : results.CompareWithRest(indicator, values, labels, g.Name))
                : new GroupEstimate(g.Code, SurveyResults.Nobody(g.Name), null))
            .ToList();
        return new SurveyBreakdown(indicator, by, label, groups, LargestOf(results, indicator, by, groups));
    }

    /// <summary>The broad groups of a characteristic in the order its question lists their answers.</summary>
    static IEnumerable<string> GroupOrder(SurveyResults results, string by) =>
        results.Data.Items.First(i => i.Characteristic == by).Options.Where(o => o.Opinion).Select(o => o.Broad ?? o.Label).Distinct(StringComparer.Ordinal);

    static LargestGap? LargestOf(SurveyResults results, Indicator indicator, string by, List<GroupEstimate> groups)
    {
        var shown = groups.Where(g => !g.Estimate.Suppressed && g.Estimate.N > 0 && !double.IsNaN(g.Estimate.Estimate)).ToList();
        if (shown.Count < 2) return null;
        var high = shown.MaxBy(g => g.Estimate.Estimate)!;
        var low = shown.MinBy(g => g.Estimate.Estimate)!;
        if (ReferenceEquals(high, low)) return null;
        return results.Compare(indicator, by, high.Estimate.Domain, low.Estimate.Domain) is { } d ? new LargestGap(high, low, d) : null;
    }
}

using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Results;

namespace Cohesion.Surveys.Attitudes;

/// <summary>A cell of the matrix: one group's mean rating of one target group, and whether it is their own group.</summary>
public sealed record AttitudeCell(Indicator Thermometer, DomainEstimate Estimate, bool InGroup)
{
    public bool HasValue => !Estimate.Suppressed && Estimate.N > 0 && !double.IsNaN(Estimate.Estimate);
}

/// <summary>A row: a respondent group (or everyone) and its ratings of each target group the survey asked.</summary>
public sealed record AttitudeRow(string Group, IReadOnlyList<AttitudeCell> Cells);

/// <summary>
/// A target group's in-group mean less its out-group mean (everyone else who stated their group on the rule's
/// characteristic), with the design-based test of the difference; null difference when either side is withheld.
/// </summary>
public sealed record AttitudeGap(Indicator Thermometer, InGroups.Rule Rule, DomainEstimate InGroup, DomainEstimate OutGroup, Difference? Difference);

/// <summary>
/// "How people with different characteristics feel about each other": weighted mean feeling-thermometer ratings
/// (0 very cold – 100 very warm) by respondent group × target group, each a design-based mean of the thermometer's
/// values in the domain of the group (<see cref="SurveyEstimator.Estimate"/> by domain), with its interval, base
/// and suppression under the survey's minimum base.
/// </summary>
public sealed class AttitudeMatrix
{
    public const string Everyone = "Everyone";

    public required string By { get; init; }
    public required IReadOnlyList<Indicator> Thermometers { get; init; }
    public required AttitudeRow All { get; init; }
    public required IReadOnlyList<AttitudeRow> Rows { get; init; }

    /// <summary>The thermometers a survey asked, as indicators, in the bank's order.</summary>
    public static IReadOnlyList<Indicator> ThermometersOf(SurveyResults r) =>
        r.Indicators.Where(i => i.Kind == IndicatorKind.Mean && StandardItems.Find(i.ItemCodes[0]) is { Kind: ItemKind.Thermometer }).ToList();

    /// <summary>What the rows can be: the characteristics the survey asked, and residence area.</summary>
    public static IReadOnlyList<(string Code, string Label)> RowChoices(SurveyResults r) => r.Breakdowns;

    /// <summary>The matrix by <paramref name="by"/> (a characteristic code or <see cref="SurveyResults.ByArea"/>), or null when the survey cannot break down by it.</summary>
    public static AttitudeMatrix? Of(SurveyResults r, string by)
    {
        if (r.DomainsBy(by) is not { } domains) return null;
        var thermometers = ThermometersOf(r);
        var overall = thermometers.Select(t => new AttitudeCell(t, r.Overall(t), false)).ToList();
        var byGroup = thermometers.Select(t => r.Breakdown(t, domains).ToDictionary(e => e.Domain, StringComparer.Ordinal)).ToList();
        var rows = domains.Names.Select(group => new AttitudeRow(group, thermometers.Select((t, k) => new AttitudeCell(t,
            byGroup[k].GetValueOrDefault(group) ?? NobodyAnswered(group), InGroups.Find(by, group, t.Code) is not null)).ToList())).ToList();
        return new AttitudeMatrix { By = by, Thermometers = thermometers, All = new AttitudeRow(Everyone, overall), Rows = rows };
    }

    static DomainEstimate NobodyAnswered(string group) => new(group, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, double.PositiveInfinity, false);

    /// <summary>
    /// For each thermometer with an in-group rule whose characteristic the survey asked: in-group against out-group
    /// (<see cref="SurveyEstimator.DomainDifference"/>, the two domains of one design, so their covariance counts).
    /// </summary>
    public static IReadOnlyList<AttitudeGap> Gaps(SurveyResults r)
    {
        var gaps = new List<AttitudeGap>();
        foreach (var t in ThermometersOf(r))
        {
            if (InGroups.For(t.Code) is not { } rule || r.Labels(rule.Characteristic) is not { } labels) continue;
            var codes = labels.Select(l => l is null ? -1 : l == rule.Group ? 0 : 1).ToArray();
            var domains = Domains.FromCodes(codes, [$"{rule.Group} (in-group)", "Everyone else who said (out-group)"]);
            var estimates = r.Breakdown(t, domains);
            var inGroup = estimates.FirstOrDefault(e => e.Domain == domains.Names[0]) ?? NobodyAnswered(domains.Names[0]);
            var outGroup = estimates.FirstOrDefault(e => e.Domain == domains.Names[1]) ?? NobodyAnswered(domains.Names[1]);
            // A difference between a withheld figure and another would give the withheld one away.
            var difference = inGroup.N >= Math.Max(1, r.MinimumBase) && outGroup.N >= Math.Max(1, r.MinimumBase) ? r.Compare(t, domains, 0, 1) : null;
            gaps.Add(new AttitudeGap(t, rule, inGroup, outGroup, difference));
        }
        return gaps;
    }

    /// <summary>The band of a rating for the heat map's colour (the number is always shown too): 0 very cold … 4 very warm.</summary>
    public static int Band(double rating) => rating switch { < 20 => 0, < 40 => 1, < 60 => 2, < 80 => 3, _ => 4 };

    public static readonly string[] BandLabels = ["under 20 (very cold)", "20 to under 40 (cold)", "40 to under 60 (neither)", "60 to under 80 (warm)", "80 to 100 (very warm)"];

    /// <summary>The coolest and warmest published cells among <paramref name="rows"/>.</summary>
    public static (AttitudeRow Row, AttitudeCell Cell)? Extreme(IEnumerable<AttitudeRow> rows, bool warmest)
    {
        var cells = rows.SelectMany(row => row.Cells.Where(c => c.HasValue).Select(c => (Row: row, Cell: c))).ToList();
        if (cells.Count == 0) return null;
        return warmest ? cells.MaxBy(x => x.Cell.Estimate.Estimate) : cells.MinBy(x => x.Cell.Estimate.Estimate);
    }
}

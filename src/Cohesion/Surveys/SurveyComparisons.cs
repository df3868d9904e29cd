using Cohesion.Surveys.Results;

namespace Cohesion.Surveys;

/// <summary>How a breakdown's tests are put into words, the same on the page and in its download.</summary>
public static class SurveyComparisons
{
    /// <summary>A group against the rest: "higher", "lower", "no significant difference", "not tested", or "" when it has no figure.</summary>
    public static string Code(GroupEstimate g) => g.VersusRest switch
    {
        null => SurveyFigures.Missing(g.Estimate) ? "" : "not tested",
        { } d when g.Significant => d.Estimate > 0 ? "higher" : "lower",
        _ => "no significant difference",
    };

    /// <summary>The same for a table cell a reader sees.</summary>
    public static string Text(GroupEstimate g) => Code(g) switch
    {
        "higher" => "Significantly higher than the rest",
        "lower" => "Significantly lower than the rest",
        "no significant difference" => "No significant difference",
        "not tested" => "Not tested: too few people in the rest",
        _ => "",
    };

    /// <summary>
    /// An area × group cell against the rest of its area, for a reader: "Higher than the rest of the ward", "No clear
    /// difference"; "" when it has no figure. Worded apart from <see cref="Text"/> because the rest here is the area's.
    /// </summary>
    public static string WithinArea(GroupEstimate g, string area) => Code(g) switch
    {
        "higher" => $"Higher than the rest of the {area}",
        "lower" => $"Lower than the rest of the {area}",
        "no significant difference" => "No clear difference",
        "not tested" => $"Not tested: too few people in the rest of the {area}",
        _ => "",
    };

    /// <summary>The largest gap of a breakdown in a sentence, and whether it could be chance.</summary>
    public static string Gap(SurveyBreakdown b)
    {
        if (b.Gap is not { } gap) return "There are not enough groups with figures to compare.";
        var i = b.Indicator;
        var sentence = $"The largest gap is between {gap.High.Estimate.Domain} ({SurveyFigures.Text(i, gap.High.Estimate)}) and {gap.Low.Estimate.Domain} ({SurveyFigures.Text(i, gap.Low.Estimate)}): {SurveyFigures.Gap(i, gap.Difference.Estimate)}. ";
        return sentence + (gap.Significant
            ? $"The difference is statistically significant at the 5% level ({SurveyFigures.P(gap.Difference.PValue)}): it is unlikely to be down to chance in who happened to answer."
            : $"The difference is not statistically significant at the 5% level ({SurveyFigures.P(gap.Difference.PValue)}): it could be down to chance in who happened to answer.");
    }
}

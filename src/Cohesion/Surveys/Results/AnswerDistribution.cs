using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Results;

/// <summary>One answer's weighted share of the people who answered an item (a proportion 0–1, with its interval and the item's base).</summary>
public sealed record AnswerShare(string Code, string Label, DomainEstimate Share);

/// <summary>How people answered one item: every answer's weighted share, among everyone who answered it.</summary>
/// <param name="Base">Respondents who answered the item (any answer, "don't know" included).</param>
public sealed record ItemDistribution(Item Item, int Base, IReadOnlyList<AnswerShare> Answers);

/// <summary>
/// The answers behind an indicator. Each share is the weighted proportion choosing the answer among all who answered
/// the item, non-opinions included, so the shares of an item add up to 100% and a reader sees how many said
/// "don't know"; the indicator itself leaves those out of its base. Thermometer ratings are shown in bands.
/// </summary>
public static class AnswerDistribution
{
    /// <summary>Feeling thermometer bands: 50 is "neither warm nor cold", as the ANES card words it.</summary>
    public static readonly IReadOnlyList<(string Code, string Label, double Low, double High)> ThermometerBands =
    [
        ("0-24", "0 to 24 (cold)", 0, 24),
        ("25-49", "25 to 49 (cool)", 25, 49),
        ("50", "50 (neither warm nor cold)", 50, 50),
        ("51-75", "51 to 75 (warm)", 51, 75),
        ("76-100", "76 to 100 (very warm)", 76, 100),
    ];

    /// <summary>The distribution of each of the indicator's items the survey asked, in the indicator's order.</summary>
    public static IReadOnlyList<ItemDistribution> Of(SurveyResults results, Indicator indicator) =>
        indicator.ItemCodes.Select(results.Data.Column).OfType<ItemColumn>().Select(c => results.Memo($"answers|{c.Item.Code}", () => Of(results, c))).ToList();

    public static ItemDistribution Of(SurveyResults results, ItemColumn column)
    {
        var rows = results.Data.Rows;
        var answered = 0;
        for (var r = 0; r < rows; r++) if (column.Answered(r)) answered++;
        var answers = column.Item.Kind == ItemKind.Choice
            ? column.Item.Options.Select(o => new AnswerShare(o.Code, o.Label, Share(results, column, r => column.Choices[r] == o.Code)))
            : ThermometerBands.Select(b => new AnswerShare(b.Code, b.Label, Share(results, column, r => column.Values[r] >= b.Low && column.Values[r] <= b.High)));
        return new ItemDistribution(column.Item, answered, answers.ToList());
    }

    static DomainEstimate Share(SurveyResults results, ItemColumn column, Func<int, bool> chose)
    {
        var values = new double[results.Data.Rows];
        for (var r = 0; r < values.Length; r++) values[r] = !column.Answered(r) ? double.NaN : chose(r) ? 1 : 0;
        return results.Proportion(values);
    }
}

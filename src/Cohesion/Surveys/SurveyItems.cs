using System.Globalization;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;

namespace Cohesion.Surveys;

/// <summary>A survey's questions as items, in the order it asks them: standard items from the bank, local ones from the survey.</summary>
public static class SurveyItems
{
    public const string LocalPrefix = "local-";

    /// <summary>The items a survey asks, in order; a question whose code no longer resolves is left out rather than failing the page.</summary>
    public static IReadOnlyList<Item> Of(Survey survey)
    {
        var local = survey.LocalItems.ToDictionary(i => i.Code, ToItem, StringComparer.Ordinal);
        return survey.Questions.OrderBy(q => q.Position)
            .Select(q => StandardItems.Find(q.ItemCode) ?? local.GetValueOrDefault(q.ItemCode))
            .OfType<Item>().ToList();
    }

    /// <summary>A local question as an item: options stored one per line as <c>code|label</c>.</summary>
    public static Item ToItem(LocalItem local) =>
        new(local.Code, "Local questions", local.Question, local.Kind, ParseOptions(local.Options))
        {
            Hint = local.Hint,
            Min = local.Min,
            Max = local.Max,
            IsStandard = false,
            Source = "Local question written for this survey",
            Derivation = local.Kind == ItemKind.Choice ? "Percentage choosing each answer, among those who answered." : "Mean answer, among those who answered.",
        };

    public static IReadOnlyList<ItemOption> ParseOptions(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((line, i) => line.Split('|', 2) is [var code, var label]
                ? new ItemOption(code, label, i + 1)
                : new ItemOption((i + 1).ToString(CultureInfo.InvariantCulture), line, i + 1))
            .ToList();

    public static string FormatOptions(IEnumerable<ItemOption> options) => string.Join('\n', options.Select(o => $"{o.Code}|{o.Label}"));
}

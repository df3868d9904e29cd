namespace Cohesion.Surveys.ItemBank;

/// <summary>How an indicator turns answers into one figure per respondent.</summary>
public enum IndicatorKind
{
    /// <summary>1 when the answer is one of the item's positive answers, 0 for any other opinion; not counted otherwise. Shown as a percentage.</summary>
    PositiveShare,
    /// <summary>The answer's value (thermometer rating, number), or its option's score.</summary>
    Mean,
    /// <summary>1 when any of the items has a positive answer, 0 when all answered items are non-positive opinions.</summary>
    AnyPositive,
    /// <summary>
    /// The sum of the items' scores (reverse-scored items as max + min − score), prorated from the items answered when at
    /// least <see cref="Indicator.MinimumAnswered"/> are: mean of answered scores × number of items.
    /// </summary>
    Scale,
}

/// <summary>
/// A figure the dashboard tracks: what it is called, which items it is derived from and how. Indicators of single items
/// follow from the bank; the derived ones (mixing in any setting, the collective efficacy scale) are listed in
/// <see cref="Indicators"/>.
/// </summary>
public sealed record Indicator(string Code, string Title, IndicatorKind Kind, IReadOnlyList<string> ItemCodes, string Measure)
{
    public string Derivation { get; init; } = "";
    public string Source { get; init; } = "";
    /// <summary>Headline indicators open the dashboard; the rest are one click away.</summary>
    public bool Headline { get; init; }
    public int MinimumAnswered { get; init; }
    /// <summary>The range a value can take (percentages 0–100; the collective efficacy scale 10–50; thermometers 0–100).</summary>
    public double Low { get; init; }
    public double High { get; init; } = 100;
    public bool IsPercentage => Kind is IndicatorKind.PositiveShare or IndicatorKind.AnyPositive;
    public bool HigherIsBetter { get; init; } = true;
}

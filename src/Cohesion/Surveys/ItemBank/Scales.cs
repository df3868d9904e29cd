namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// The answer scales the standard items share, with their codes (files, imports, the API) and labels (as the source
/// words them). Scores run high = more of the quality the item measures.
/// </summary>
public static class Scales
{
    /// <summary>The Community Life Survey's four-point agreement scale, positive = definitely or tend to agree.</summary>
    public static IReadOnlyList<ItemOption> Agree(params ItemOption[] extra) =>
    [
        new("definitely-agree", "Definitely agree", 4, Positive: true),
        new("tend-to-agree", "Tend to agree", 3, Positive: true),
        new("tend-to-disagree", "Tend to disagree", 2),
        new("definitely-disagree", "Definitely disagree", 1),
        .. extra,
        DontKnow,
    ];

    public static readonly ItemOption DontKnow = new("dont-know", "Don't know", Opinion: false);
    public static readonly ItemOption PreferNotToSay = new("prefer-not-to-say", "Prefer not to say", Opinion: false);

    /// <summary>Belonging: very strongly … not at all strongly, positive = very or fairly strongly.</summary>
    public static readonly IReadOnlyList<ItemOption> Strength =
    [
        new("very-strongly", "Very strongly", 4, Positive: true),
        new("fairly-strongly", "Fairly strongly", 3, Positive: true),
        new("not-very-strongly", "Not very strongly", 2),
        new("not-at-all-strongly", "Not at all strongly", 1),
        DontKnow,
    ];

    /// <summary>How often people mix socially, the Citizenship Survey's scale; positive = at least once a month.</summary>
    public static readonly IReadOnlyList<ItemOption> MixingFrequency =
    [
        new("every-day", "Every day", 6, Positive: true),
        new("at-least-weekly", "At least once a week but not every day", 5, Positive: true),
        new("at-least-monthly", "At least once a month but not every week", 4, Positive: true),
        new("at-least-yearly", "At least once a year but not every month", 3),
        new("less-often", "Less often than once a year", 2),
        new("never", "Never", 1),
        new("not-applicable", "I don't go to places like this", Opinion: false),
    ];

    /// <summary>Sampson, Raudenbush &amp; Earls (1997) cohesion and trust: strongly agree 5 … strongly disagree 1.</summary>
    public static readonly IReadOnlyList<ItemOption> AgreeFive =
    [
        new("strongly-agree", "Strongly agree", 5, Positive: true),
        new("agree", "Agree", 4, Positive: true),
        new("neither", "Neither agree nor disagree", 3),
        new("disagree", "Disagree", 2),
        new("strongly-disagree", "Strongly disagree", 1),
    ];

    /// <summary>
    /// The same scale for a negatively worded item: the labels and codes are the same, the item is marked
    /// <see cref="Item.Reverse"/> and its positive answers are the disagreeing ones.
    /// </summary>
    public static readonly IReadOnlyList<ItemOption> AgreeFiveReversed =
    [
        new("strongly-agree", "Strongly agree", 5),
        new("agree", "Agree", 4),
        new("neither", "Neither agree nor disagree", 3),
        new("disagree", "Disagree", 2, Positive: true),
        new("strongly-disagree", "Strongly disagree", 1, Positive: true),
    ];

    /// <summary>Sampson, Raudenbush &amp; Earls (1997) informal social control: very likely 5 … very unlikely 1.</summary>
    public static readonly IReadOnlyList<ItemOption> Likely =
    [
        new("very-likely", "Very likely", 5, Positive: true),
        new("likely", "Likely", 4, Positive: true),
        new("neither", "Neither likely nor unlikely", 3),
        new("unlikely", "Unlikely", 2),
        new("very-unlikely", "Very unlikely", 1),
    ];

    public static IReadOnlyList<ItemOption> YesNo(bool yesPositive = true) =>
    [
        new("yes", "Yes", 1, Positive: yesPositive),
        new("no", "No", 0, Positive: !yesPositive),
        DontKnow,
    ];
}

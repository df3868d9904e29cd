namespace Cohesion.Surveys.ItemBank;

/// <summary>How an item is answered.</summary>
public enum ItemKind
{
    /// <summary>One option from a fixed list (radios).</summary>
    Choice,
    /// <summary>A feeling thermometer: a whole number from 0 (very cold) to 100 (very warm), 50 neither.</summary>
    Thermometer,
    /// <summary>A whole number between the item's <see cref="Item.Min"/> and <see cref="Item.Max"/>.</summary>
    Number,
    /// <summary>The area the respondent lives in, picked from the survey area's areas at the survey's residence level.</summary>
    Residence,
}

/// <summary>
/// One answer an item offers. <paramref name="Score"/> is the value a mean or scale uses; <paramref name="Positive"/>
/// marks the answers counted in the item's headline percentage; <paramref name="Opinion"/> false marks answers
/// outside its base ("don't know", "too few people in local area"); <paramref name="Broad"/> is the broad group the
/// answer belongs to where results are shown by broad group (ethnic group: Asian, Black, Mixed, White, Other).
/// </summary>
public sealed record ItemOption(string Code, string Label, double? Score = null, bool Positive = false, bool Opinion = true, string? Broad = null);

/// <summary>
/// A question in the item bank, worded exactly as its source asks it so that results compare with national figures.
/// Standard items live in code (<see cref="StandardItems"/>) and never change: new wording is a new code. A survey's
/// local questions are the same shape, stored with the survey.
/// </summary>
public sealed record Item(string Code, string Measure, string Question, ItemKind Kind, IReadOnlyList<ItemOption> Options)
{
    /// <summary>Where the wording comes from, cited so a reader can find it.</summary>
    public string Source { get; init; } = "";
    /// <summary>How the item's indicator is derived, in words a reader of the methodology page can check.</summary>
    public string Derivation { get; init; } = "";
    /// <summary>Shown under the question: what the item means by a word, or how to answer.</summary>
    public string? Hint { get; init; }
    /// <summary>Items asked as one block share a stem ("How often do you mix socially … in the following places?"); the question is then the row.</summary>
    public string? Stem { get; init; }
    public int Min { get; init; }
    public int Max { get; init; }
    /// <summary>Scored the other way round in its scale (collective efficacy's negatively worded items).</summary>
    public bool Reverse { get; init; }
    /// <summary>The scale the item belongs to, e.g. <c>collective-efficacy/cohesion-trust</c>.</summary>
    public string? Scale { get; init; }
    /// <summary>For demographic items: the characteristic results can be broken down by (<c>ethnic-group</c>, <c>age</c>, …).</summary>
    public string? Characteristic { get; init; }
    /// <summary>For thermometers: the group the feeling is towards, and the characteristic that group is defined by.</summary>
    public string? TargetGroup { get; init; }
    public string? TargetCharacteristic { get; init; }
    /// <summary>Standard (from the bank) or a survey's own question.</summary>
    public bool IsStandard { get; init; } = true;
    /// <summary>True when a higher percentage or mean is the better result; false for items where it is not (never for demographics).</summary>
    public bool HigherIsBetter { get; init; } = true;

    public bool IsDemographic => Characteristic is not null;

    /// <summary>The item has a headline percentage: the share choosing a positive answer among those giving an opinion.</summary>
    public bool HasPositiveShare => Kind == ItemKind.Choice && Options.Any(o => o.Positive);

    public ItemOption? Option(string? code) => code is null ? null : Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
}

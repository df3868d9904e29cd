namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// The item bank: every standard question, worded as its source asks it. Codes are permanent: answers, imports and
/// the API refer to them, so a changed wording gets a new code rather than a changed text.
/// </summary>
public static class StandardItems
{
    public static readonly IReadOnlyList<Item> All =
    [
        .. CohesionItems.All(),
        .. MixingItems.All(),
        .. CollectiveEfficacyItems.All(),
        .. ThermometerItems.All(),
        .. SocialCapitalItems.All(),
        .. DemographicItems.All(),
    ];

    static readonly Dictionary<string, Item> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>The standard item with this code (exact, lower-case), or null.</summary>
    public static Item? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var item) ? item : null;

    /// <summary>The measures in the order pages list them.</summary>
    public static IReadOnlyList<string> Measures { get; } = All.Select(i => i.Measure).Distinct().ToList();

    /// <summary>The demographic characteristics results can be broken down by, in the bank's order.</summary>
    public static IReadOnlyList<Item> Characteristics { get; } = All.Where(i => i.IsDemographic).ToList();

    public const string ResidenceCode = "residence";
}

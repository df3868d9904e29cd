using System.Globalization;
using System.Text.RegularExpressions;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Bank;

/// <summary>An item's parts in words, the same on the item bank pages and in its downloads.</summary>
public static partial class ItemText
{
    /// <summary>How the item is answered, as the downloads name it.</summary>
    public static string KindCode(Item item) => item.Kind.ToString().ToLowerInvariant();

    public static string Kind(Item item) => item.Kind switch
    {
        ItemKind.Choice => "One answer from a list",
        ItemKind.Thermometer => $"A rating from {item.Min} (very cold) to {item.Max} (very warm): a feeling thermometer",
        ItemKind.Number => $"A whole number from {item.Min.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} to {item.Max.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))}",
        _ => "The area the respondent lives in, picked from the survey's areas (wards, MSOAs or LSOAs)",
    };

    /// <summary>Every option as <c>code = label (score)</c>, in the order asked.</summary>
    public static string Options(Item item) => string.Join("; ", item.Options.Select(o =>
        o.Score is { } s ? $"{o.Code} = {o.Label} ({s.ToString(CultureInfo.InvariantCulture)})" : $"{o.Code} = {o.Label}"));

    public static string Positive(Item item) => string.Join("; ", item.Options.Where(o => o.Positive).Select(o => o.Code));

    /// <summary>The answers left out of the base of the item's percentage ("don't know", "prefer not to say" and the like).</summary>
    public static string NonOpinion(Item item) => string.Join("; ", item.Options.Where(o => !o.Opinion).Select(o => o.Code));

    /// <summary>The indicators that use the item, in the order the methodology lists them.</summary>
    public static IReadOnlyList<Indicator> IndicatorsOf(Item item) => Indicators.All.Where(i => i.ItemCodes.Contains(item.Code)).ToList();

    public static string Link(Item item) => $"/surveys/items/{Uri.EscapeDataString(item.Code)}";

    public static string IndicatorLink(Indicator indicator) => $"{MethodologyPath}#indicator-{indicator.Code}";

    public const string MethodologyPath = SurveyAbout.Methodology;

    /// <summary>A fragment id for a measure's heading ("Social capital: civic engagement" → <c>measure-social-capital-civic-engagement</c>).</summary>
    public static string MeasureId(string measure) => "measure-" + NotLettersOrDigits().Replace(measure.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLettersOrDigits();
}

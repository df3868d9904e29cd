namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Every indicator the survey results report: one per standard item that has a headline percentage or a rating, and
/// the derived ones. Headline indicators are the standard measures product.md names.
/// </summary>
public static class Indicators
{
    public const string MixAnySetting = "mix-any-setting", CollectiveEfficacy = "collective-efficacy",
        CohesionTrust = "ce-cohesion-trust", SocialControl = "ce-social-control";

    static readonly HashSet<string> HeadlineItems = ["cohesion", "belonging", "influence", "trust-neighbours", "pull-together", "sc-generalised-trust"];

    public static readonly IReadOnlyList<Indicator> All = Build();

    static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static Indicator? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var i) ? i : null;

    /// <summary>The indicators a survey can report: those whose items it asked (a scale needs enough of its items to meet its minimum).</summary>
    public static IReadOnlyList<Indicator> For(IReadOnlyCollection<string> askedItemCodes) =>
        All.Where(i => i.ItemCodes.Count(askedItemCodes.Contains) >= Math.Max(1, i.Kind == IndicatorKind.Scale ? i.MinimumAnswered : 1)).ToList();

    static List<Indicator> Build()
    {
        var list = new List<Indicator>();
        foreach (var item in StandardItems.All.Where(i => !i.IsDemographic))
        {
            if (item.HasPositiveShare)
                list.Add(new Indicator(item.Code, Title(item), IndicatorKind.PositiveShare, [item.Code], item.Measure)
                { Derivation = item.Derivation, Source = item.Source, Headline = HeadlineItems.Contains(item.Code), HigherIsBetter = item.HigherIsBetter });
            else if (item.Kind == ItemKind.Thermometer)
                list.Add(new Indicator(item.Code, $"Feeling towards {item.TargetGroup} (0–100)", IndicatorKind.Mean, [item.Code], item.Measure)
                { Derivation = item.Derivation, Source = item.Source, Low = 0, High = 100 });
        }
        var settings = MixingItems.Settings.Select(s => $"mix-{s.Code}").ToList();
        list.Insert(list.FindIndex(i => i.ItemCodes[0].StartsWith("mix-", StringComparison.Ordinal)),
            new Indicator(MixAnySetting, "Mixes at least monthly with people from different ethnic or religious backgrounds", IndicatorKind.AnyPositive, settings, "Mixing")
            {
                Headline = true,
                Source = "Citizenship Survey (DCLG) and Community Life Survey (DCMS) mixing indicator",
                Derivation = "Percentage who mix socially with people from different ethnic or religious backgrounds at least once a month in at least one of the settings asked, among those who answered at least one setting other than \"I don't go to places like this\".",
            });
        var cohesion = CollectiveEfficacyItems.All().Where(i => i.Scale == CollectiveEfficacyItems.CohesionScale).Select(i => i.Code).ToList();
        var control = CollectiveEfficacyItems.All().Where(i => i.Scale == CollectiveEfficacyItems.ControlScale).Select(i => i.Code).ToList();
        const string ce = "Sampson, Raudenbush & Earls (1997), Science 277:918–924";
        list.Insert(list.FindIndex(i => i.ItemCodes[0].StartsWith("ce-", StringComparison.Ordinal)),
            new Indicator(CollectiveEfficacy, "Collective efficacy (scale 10–50)", IndicatorKind.Scale, [.. cohesion, .. control], "Collective efficacy")
            {
                Headline = true, MinimumAnswered = 8, Low = 10, High = 50, Source = ce,
                Derivation = "Sum of the ten items' scores (1–5; \"don't get along\" and \"don't share values\" reverse-scored), 10–50. A respondent who answered at least 8 of the 10 gets the mean of their answered scores × 10; fewer, no score. Neighbourhood means come with their reliability λ = τ / (τ + σ²/n) from the variance components (ecometrics, Raudenbush & Sampson 1999).",
            });
        list.Insert(list.FindIndex(i => i.Code == CollectiveEfficacy) + 1,
            new Indicator(CohesionTrust, "Social cohesion and trust (subscale 5–25)", IndicatorKind.Scale, cohesion, "Collective efficacy")
            { MinimumAnswered = 4, Low = 5, High = 25, Source = ce, Derivation = "Sum of the five cohesion and trust items (two reverse-scored), 5–25; at least 4 answered, prorated." });
        list.Insert(list.FindIndex(i => i.Code == CohesionTrust) + 1,
            new Indicator(SocialControl, "Informal social control (subscale 5–25)", IndicatorKind.Scale, control, "Collective efficacy")
            { MinimumAnswered = 4, Low = 5, High = 25, Source = ce, Derivation = "Sum of the five informal social control items, 5–25; at least 4 answered, prorated." });
        return list;
    }

    static string Title(Item item) => item.Code switch
    {
        "cohesion" => "People from different backgrounds get on well together",
        "belonging" => "Feel they belong to their neighbourhood",
        "influence" => "Feel they can influence decisions affecting their local area",
        "trust-neighbours" => "Trust many or some people in their neighbourhood",
        "chat-neighbours" => "Chat to neighbours at least monthly",
        "pull-together" => "People in the neighbourhood pull together to improve it",
        "borrow-favours" => "Borrow things and exchange favours with neighbours",
        "sc-meet-socially" => "Meet socially at least monthly",
        "sc-rely-on" => "Have someone to rely on in a serious problem",
        "sc-volunteering" => "Gave unpaid help to a group in the last 12 months",
        "sc-generalised-trust" => "Say most people can be trusted",
        _ when item.Stem is not null => $"{item.Measure}: {item.Question.TrimEnd('.')}",
        _ => item.Question,
    };
}

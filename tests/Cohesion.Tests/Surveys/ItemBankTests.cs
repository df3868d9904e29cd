using System.Text.RegularExpressions;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Tests.Surveys;

/// <summary>The item bank's content: the wording product.md fixes, codes that files can rely on, and indicators that can be derived.</summary>
public partial class ItemBankTests
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex Kebab();

    [Fact]
    public void CodesAreUniqueKebabCaseAndEveryChoiceItemHasDistinctOptions()
    {
        Assert.Equal(StandardItems.All.Count, StandardItems.All.Select(i => i.Code).Distinct().Count());
        foreach (var item in StandardItems.All)
        {
            Assert.Matches(Kebab(), item.Code);
            Assert.False(item.Code.StartsWith("local-", StringComparison.Ordinal), item.Code);
            Assert.False(string.IsNullOrWhiteSpace(item.Source), item.Code);
            Assert.False(string.IsNullOrWhiteSpace(item.Derivation), item.Code);
            if (item.Kind != ItemKind.Choice) continue;
            Assert.True(item.Options.Count >= 2, item.Code);
            Assert.Equal(item.Options.Count, item.Options.Select(o => o.Code).Distinct().Count());
            Assert.All(item.Options, o => Assert.Matches(Kebab(), o.Code));
        }
    }

    [Fact]
    public void CohesionAndBelongingAreWordedAsTheCommunityLifeSurveyAsksThem()
    {
        var cohesion = StandardItems.Find("cohesion")!;
        Assert.Equal("To what extent do you agree or disagree that your local area is a place where people from different backgrounds get on well together?", cohesion.Question);
        Assert.Equal(["Definitely agree", "Tend to agree", "Tend to disagree", "Definitely disagree", "Too few people in local area", "All same background", "Don't know"], cohesion.Options.Select(o => o.Label));
        // Positive = either agree, among those expressing an opinion: the three non-opinions leave the base.
        Assert.Equal(["definitely-agree", "tend-to-agree"], cohesion.Options.Where(o => o.Positive).Select(o => o.Code));
        Assert.Equal(["too-few-people", "all-same-background", "dont-know"], cohesion.Options.Where(o => !o.Opinion).Select(o => o.Code));

        var belonging = StandardItems.Find("belonging")!;
        Assert.Equal("How strongly do you feel you belong to your immediate neighbourhood?", belonging.Question);
        Assert.Equal(["Very strongly", "Fairly strongly", "Not very strongly", "Not at all strongly"], belonging.Options.Where(o => o.Opinion).Select(o => o.Label));
    }

    [Fact]
    public void CollectiveEfficacyHasTenItemsTwoReverseScoredOnFivePointScales()
    {
        var items = StandardItems.All.Where(i => i.Scale?.StartsWith("collective-efficacy/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal(5, items.Count(i => i.Scale == "collective-efficacy/cohesion-trust"));
        Assert.Equal(["ce-dont-get-along", "ce-dont-share-values"], items.Where(i => i.Reverse).Select(i => i.Code));
        Assert.All(items, i => Assert.Equal([1.0, 2, 3, 4, 5], i.Options.Select(o => o.Score!.Value).Order()));
        var scale = Indicators.Find(Indicators.CollectiveEfficacy)!;
        Assert.Equal((10, 50), (scale.Low, scale.High));
        Assert.Equal(items.Select(i => i.Code).Order(), scale.ItemCodes.Order());
    }

    [Fact]
    public void ThermometersCoverEveryCharacteristicAndPointToADemographicItem()
    {
        var thermometers = StandardItems.All.Where(i => i.Kind == ItemKind.Thermometer).ToList();
        var characteristics = StandardItems.Characteristics.Select(c => c.Characteristic).ToHashSet();
        Assert.All(thermometers, t => Assert.Contains(t.TargetCharacteristic, characteristics));
        Assert.All(thermometers, t => Assert.Equal((0, 100), (t.Min, t.Max)));
        foreach (var c in new[] { "ethnic-group", "religion", "age", "disability", "sexual-orientation", "gender-identity", "sex", "country-of-birth" })
            Assert.Contains(thermometers, t => t.TargetCharacteristic == c);
    }

    [Fact]
    public void DemographicQuestionsAreOptionalAndBrokenDownByBroadGroups()
    {
        foreach (var item in StandardItems.Characteristics.Where(i => i.Kind == ItemKind.Choice))
        {
            Assert.Contains(item.Options, o => o.Code == "prefer-not-to-say" && !o.Opinion);
            Assert.DoesNotContain(item.Options, o => o.Positive);
        }
        Assert.Equal(["Asian", "Black", "Mixed", "Other", "White"], StandardItems.Find("ethnic-group")!.Options.Where(o => o.Broad is not null).Select(o => o.Broad!).Distinct().Order());
        foreach (var c in new[] { "age", "sex", "ethnic-group", "religion", "disability", "sexual-orientation", "country-of-birth", "main-language", "area" })
            Assert.Contains(StandardItems.Characteristics, i => i.Characteristic == c);
    }

    [Fact]
    public void EveryIndicatorRestsOnBankItemsAndTheHeadlinesAreTheStandardMeasures()
    {
        foreach (var indicator in Indicators.All)
            Assert.All(indicator.ItemCodes, code => Assert.NotNull(StandardItems.Find(code)));
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Code).Distinct().Count());
        Assert.Equal(["cohesion", "belonging", "influence", "trust-neighbours", "pull-together", "mix-any-setting", "collective-efficacy", "sc-generalised-trust"],
            Indicators.All.Where(i => i.Headline).Select(i => i.Code));
        // A survey that asked only the cohesion question reports only its indicator.
        Assert.Equal(["cohesion"], Indicators.For(["cohesion", "age"]).Select(i => i.Code));
    }
}

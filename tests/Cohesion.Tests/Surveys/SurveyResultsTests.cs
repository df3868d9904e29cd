using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>Indicators from stored responses: derivations, breakdowns and weighting to the census in the database, checked by hand.</summary>
public class SurveyResultsTests
{
    static async Task<SurveyResults> ResultsAsync(TestApp app, Survey survey, int minimumBase = 1)
    {
        await using var db = app.Database.Context();
        var loaded = await db.Surveys.Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Id == survey.Id);
        return await SurveyResults.LoadAsync(db, loaded, minimumBase, default);
    }

    [Theory]
    [BothProviders]
    public async Task PositiveShareLeavesNonOpinionsOutOfTheBaseAndBreaksDownByBroadGroup(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "shares", ["cohesion", "ethnic-group", "residence"]);
        await ResponsesAsync(app, survey,
            R(("cohesion", "definitely-agree"), ("ethnic-group", "asian-pakistani"), ("residence", Coldhurst)),
            R(("cohesion", "tend-to-agree"), ("ethnic-group", "asian-bangladeshi"), ("residence", Coldhurst)),
            R(("cohesion", "tend-to-disagree"), ("ethnic-group", "white-british"), ("residence", Werneth)),
            R(("cohesion", "too-few-people"), ("ethnic-group", "white-british")),
            R(("cohesion", "dont-know"), ("ethnic-group", "prefer-not-to-say")),
            R(("cohesion", "definitely-disagree")));
        var results = await ResultsAsync(app, survey);
        var cohesion = Indicators.Find("cohesion")!;
        var overall = results.Overall(cohesion);
        // 2 positive among the 4 opinions; "too few people" and "don't know" are outside the base.
        Assert.Equal(4, overall.N);
        Assert.Equal(0.5, overall.Estimate, 12);
        var byGroup = results.Breakdown(cohesion, "ethnic-group").ToDictionary(d => d.Domain);
        Assert.Equal(["Asian", "White"], byGroup.Keys.Order());
        Assert.Equal((1.0, 2), (byGroup["Asian"].Estimate, byGroup["Asian"].N));
        Assert.Equal((0.0, 1), (byGroup["White"].Estimate, byGroup["White"].N));
        var byArea = results.Breakdown(cohesion, SurveyResults.ByArea).ToDictionary(d => d.Domain);
        Assert.Equal(["Coldhurst", "Werneth"], byArea.Keys.Order());
        Assert.Contains(results.Breakdowns, b => b.Code == "ethnic-group");
    }

    [Theory]
    [BothProviders]
    public async Task SmallBasesAreSuppressed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "small", ["belonging"]);
        await ResponsesAsync(app, survey, R(("belonging", "very-strongly")), R(("belonging", "not-very-strongly")));
        var estimate = (await ResultsAsync(app, survey, minimumBase: 10)).Overall(Indicators.Find("belonging")!);
        Assert.True(estimate.Suppressed);
        Assert.Equal(2, estimate.N);
        Assert.True(double.IsNaN(estimate.Estimate));
    }

    [Fact]
    public void TheCollectiveEfficacyScaleReverseScoresAndProrates()
    {
        var items = StandardItems.All.Where(i => i.Scale?.StartsWith("collective-efficacy/", StringComparison.Ordinal) == true).ToList();
        // Row 0: all ten answered, "agree" (4) to everything: 8 items score 4, the two reversed score 6 − 4 = 2 → 36.
        // Row 1: eight answered with the top score (reversed ones answered "strongly disagree") → 5 × 10 = 50.
        // Row 2: seven answered → below the minimum of 8 → no score.
        var columns = items.ToDictionary(i => i.Code, i => new ItemColumn(i, new string?[3], [double.NaN, double.NaN, double.NaN]));
        foreach (var (item, c) in items.Select(i => (i, columns[i.Code])))
        {
            Set(c, 0, item.Kind == ItemKind.Choice && item.Options.Any(o => o.Code == "agree") ? "agree" : "likely");
            var top = item.Reverse ? "strongly-disagree" : item.Options[0].Code;
            if (items.IndexOf(item) < 8) Set(c, 1, item.Reverse ? top : item.Options.MaxBy(o => o.Score)!.Code);
            if (items.IndexOf(item) < 7) Set(c, 2, "neither");
        }
        var data = new SurveyData
        {
            Survey = new Survey { Name = "x", Title = "x", Period = "2025" }, Items = items, Rows = 3, Columns = columns,
            Residence = new int?[3], DesignWeight = new double?[3], Stratum = new string?[3], Cluster = new string?[3],
        };
        var values = IndicatorValues.Of(Indicators.Find(Indicators.CollectiveEfficacy)!, data);
        Assert.Equal(36, values[0], 12);
        Assert.Equal(50, values[1], 12);
        Assert.True(double.IsNaN(values[2]));

        static void Set(ItemColumn c, int row, string code)
        {
            c.Choices[row] = code;
            c.Values[row] = c.Item.Option(code)!.Score!.Value;
        }
    }

    [Theory]
    [BothProviders]
    public async Task PostStratifiedToAreaPopulationsTheEstimateIsThePopulationWeightedMeanOfAreaShares(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "weighted", ["influence", "residence"], weighting: SurveyWeighting.Area);
        // Coldhurst: 5 of 6 agree; Werneth: 1 of 5 agree; one respondent in neither (not stated).
        var rows = Enumerable.Range(0, 6).Select(i => R(("influence", i < 5 ? "tend-to-agree" : "tend-to-disagree"), ("residence", Coldhurst)))
            .Concat(Enumerable.Range(0, 5).Select(i => R(("influence", i < 1 ? "definitely-agree" : "definitely-disagree"), ("residence", Werneth))))
            .Append(R(("influence", "tend-to-agree"))).ToArray();
        await ResponsesAsync(app, survey, rows);
        var results = await ResultsAsync(app, survey);

        await using var db = app.Database.Context();
        var population = await WardResidentsAsync(db);
        var n = population[Coldhurst];
        var w = population[Werneth];
        // The 18 wards without respondents cannot be weighted up from nobody: the figures stand for the two wards, each
        // weighted to its residents, and the one respondent who did not say where they live keeps their share (1/12).
        Assert.Null(results.Weighting.Error);
        Assert.Equal(SurveyWeighting.Area, results.Weighting.Applied);
        Assert.Contains(results.Weighting.Notes, note => note.StartsWith("18 area(s) had no respondents", StringComparison.Ordinal));
        var expected = (1 - 1.0 / 12) * (n * 5.0 / 6 + w * 1.0 / 5) / (n + w) + 1.0 / 12;
        Assert.Equal(expected, results.Overall(Indicators.Find("influence")!).Estimate, 12);
        Assert.Equal("post-stratification", results.Weighting.Report!.Method);
    }

    [Theory]
    [BothProviders]
    public async Task RakedToAreaAndEthnicGroupTheWeightedCountsMatchTheCensus(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "raked", ["cohesion", "ethnic-group", "residence"], weighting: SurveyWeighting.AreaAndEthnicGroup);
        await using var db = app.Database.Context();
        var wards = await db.Areas.Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync();
        string[] groups = ["white-british", "asian-pakistani", "asian-bangladeshi", "black-african", "mixed-other", "other-arab", "white-other"];
        // Every ward gets six respondents, cycling through groups and answers; one respondent does not give a group.
        var rows = new List<Dictionary<string, string>>();
        var k = 0;
        foreach (var ward in wards)
            for (var i = 0; i < 6; i++, k++)
                rows.Add(R(("cohesion", k % 3 == 0 ? "tend-to-disagree" : "tend-to-agree"), ("ethnic-group", k == 5 ? "prefer-not-to-say" : groups[k % groups.Length]), ("residence", ward)));
        await ResponsesAsync(app, survey, [.. rows]);
        var results = await ResultsAsync(app, survey);

        Assert.Null(results.Weighting.Error);
        Assert.Equal(SurveyWeighting.AreaAndEthnicGroup, results.Weighting.Applied);
        Assert.Equal("raking", results.Weighting.Report!.Method);
        Assert.True(results.Weighting.DesignEffect > 1);
        var population = await WardResidentsAsync(db);
        var weights = results.Design.Weights.ToArray();
        var areaIds = await db.Areas.Where(a => a.Level == AreaLevel.Ward).ToDictionaryAsync(a => a.Id, a => a.Code);
        // Weighted count of each ward = its census residents (nobody left out of the area margin here).
        foreach (var (id, code) in areaIds)
        {
            var sum = weights.Where((_, r) => results.Data.Residence[r] == id).Sum();
            Assert.Equal(population[code], sum, population[code] * 1e-6);
        }
        Assert.Contains(results.Weighting.Notes, n => n.Contains("1 respondent(s) did not give their broad ethnic group", StringComparison.Ordinal));
    }

    [Theory]
    [BothProviders]
    public async Task RakingConvergesWhenSomeAreasHaveNoRespondents(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "partial", ["cohesion", "ethnic-group", "residence"], weighting: SurveyWeighting.AreaAndEthnicGroup);
        string[] groups = ["white-british", "asian-pakistani", "black-african", "mixed-other", "other-arab"];
        var rows = Enumerable.Range(0, 30).Select(k => R(("cohesion", k % 4 == 0 ? "tend-to-disagree" : "definitely-agree"),
            ("ethnic-group", groups[k % groups.Length]), ("residence", k % 2 == 0 ? Coldhurst : Werneth))).ToArray();
        await ResponsesAsync(app, survey, rows);
        var results = await ResultsAsync(app, survey);
        Assert.Null(results.Weighting.Error);
        Assert.Equal(SurveyWeighting.AreaAndEthnicGroup, results.Weighting.Applied);
        // The two margins share one total, so raking converges; the weights add up to the two wards' residents.
        await using var db = app.Database.Context();
        var population = await WardResidentsAsync(db);
        Assert.Equal(population[Coldhurst] + population[Werneth], results.Design.Weights.ToArray().Sum(), 1e-6 * population[Coldhurst]);
    }

    /// <summary>Census 2011 residents of each Oldham ward, summed from its LSOAs through the lookup.</summary>
    static async Task<Dictionary<string, double>> WardResidentsAsync(CohesionDb db)
    {
        var dataset = await db.Datasets.SingleAsync(d => d.Name == Census2011.DatasetName);
        var total = await db.DatasetCategories.SingleAsync(c => c.DatasetId == dataset.Id && c.Code == Census2011.TotalCategory);
        var lsoaCounts = await db.AreaCounts.Where(c => c.DatasetId == dataset.Id && c.CategoryId == total.Id).ToDictionaryAsync(c => c.AreaId, c => (double)c.Value);
        var lookup = await db.AreaGroupings.Join(db.Areas, g => g.GroupId, a => a.Id, (g, a) => new { g.AreaId, a.Code, a.Level }).Where(x => x.Level == AreaLevel.Ward).ToListAsync();
        return lookup.GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Sum(x => lsoaCounts.GetValueOrDefault(x.AreaId)));
    }
}

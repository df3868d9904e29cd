using Cohesion.Data;
using Cohesion.Surveys.Demo;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// The demo's synthetic residents' surveys: seeded once in the background from a seed (the same answers every time),
/// about 1,500 respondents a year from Oldham's census population with differential non-response, every standard item
/// answered, the story ward's fall in cohesion in the raw data, targets for the district, labelled synthetic.
/// </summary>
public class DemoSurveyTests
{
    /// <summary>Positive share among those expressing an opinion, from the raw answers (no weighting).</summary>
    static double PositiveShare(IEnumerable<SurveyAnswer> answers, Item item)
    {
        var opinions = answers.Where(a => item.Option(a.Choice) is { Opinion: true }).ToList();
        return 100.0 * opinions.Count(a => item.Option(a.Choice)!.Positive) / opinions.Count;
    }

    [Theory]
    [BothProviders]
    public async Task DemoSurveysAreSeededOnceInTheBackgroundWithTheStoryAndTargets(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithSurveyData);
        Assert.Contains("Seeded synthetic residents' surveys for Oldham (3 years, 4,505 responses", app.StartupOutput, StringComparison.Ordinal);

        await using var db = app.Database.Context();
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).OrderBy(s => s.Period).ToListAsync();
        Assert.Equal(["oldham-residents-2023", "oldham-residents-2024", "oldham-residents-2025"], surveys.Select(s => s.Name));
        Assert.All(surveys, s =>
        {
            Assert.True(s.IsSynthetic && s.IsPublished && !s.IsOpen);
            Assert.Equal((Cohesion.Places.AreaLevel.Ward, SurveyWeighting.AreaAndEthnicGroup), (s.ResidenceLevel, s.Weighting));
            Assert.Equal(StandardItems.All.Select(i => i.Code), s.Questions.OrderBy(q => q.Position).Select(q => q.ItemCode));
        });
        var owner = await db.Organisations.SingleAsync(o => o.Id == surveys[0].OwnerOrganisationId);
        Assert.Equal(Cohesion.PlaceStandard.Demo.DemoPlaceStandard.Owner, owner.Name);
        Assert.Equal([1480, 1520, 1505], await db.SurveyResponses.GroupBy(r => r.SurveyId).OrderBy(g => g.Key).Select(g => g.Count()).ToListAsync());
        Assert.Equal(0, await db.SurveyResponses.CountAsync(r => r.ResidenceAreaId == null || r.Source != "demo"));

        // Every standard item has answers (the residence one is kept on the response); each answer is one the item allows.
        var answers = await db.SurveyAnswers.AsNoTracking().ToListAsync();
        var byItem = answers.GroupBy(a => a.ItemCode).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(StandardItems.All.Where(i => i.Code != StandardItems.ResidenceCode).Select(i => i.Code).Order(), byItem.Keys.Order());
        foreach (var item in StandardItems.All.Where(i => i.Kind == ItemKind.Choice))
            Assert.All(byItem[item.Code], a => Assert.NotNull(item.Option(a.Choice)));
        Assert.All(byItem["therm-muslims"], a => Assert.InRange(a.Value!.Value, 0, 100));

        // Near the national levels the demo is built around, on the raw answers.
        Assert.InRange(PositiveShare(byItem["cohesion"], StandardItems.Find("cohesion")!), 72, 88);
        Assert.InRange(PositiveShare(byItem["belonging"], StandardItems.Find("belonging")!), 52, 70);
        Assert.InRange(PositiveShare(byItem["influence"], StandardItems.Find("influence")!), 18, 34);
        Assert.InRange(PositiveShare(byItem["trust-neighbours"], StandardItems.Find("trust-neighbours")!), 32, 50);
        Assert.InRange(PositiveShare(byItem["chat-neighbours"], StandardItems.Find("chat-neighbours")!), 62, 80);
        Assert.InRange(PositiveShare(byItem["pull-together"], StandardItems.Find("pull-together")!), 52, 70);
        Assert.Contains(byItem["cohesion"], a => a.Choice == "dont-know");

        // The story: cohesion in Waterhead falls in 2025, well below 2023 and 2024.
        var story = await db.Areas.SingleAsync(a => a.Code == DemoSurveys.StoryWard);
        var cohesion = StandardItems.Find("cohesion")!;
        var inWard = await db.SurveyAnswers.AsNoTracking().Where(a => a.ItemCode == "cohesion")
            .Join(db.SurveyResponses.Where(r => r.ResidenceAreaId == story.Id), a => a.ResponseId, r => r.Id, (a, r) => new { r.SurveyId, a.Choice, a.ItemCode })
            .ToListAsync();
        double Year(int i) => PositiveShare(inWard.Where(x => x.SurveyId == surveys[i].Id).Select(x => new SurveyAnswer { ItemCode = x.ItemCode, Choice = x.Choice }), cohesion);
        Assert.True(Year(2) < Year(1) - 15, $"Waterhead cohesion 2024 {Year(1):F1}%, 2025 {Year(2):F1}%");
        Assert.True(Year(2) < Year(0) - 15, $"Waterhead cohesion 2023 {Year(0):F1}%, 2025 {Year(2):F1}%");

        // Non-response: the Asian group and young people answer less often than they live here.
        var ethnic = byItem["ethnic-group"].Where(a => a.Choice != "prefer-not-to-say").ToList();
        var asian = 100.0 * ethnic.Count(a => a.Choice!.StartsWith("asian-", StringComparison.Ordinal)) / ethnic.Count;
        Assert.InRange(asian, 8, 18); // Census 2011: 19% of Oldham's residents are Asian or Asian British

        var targets = await db.SurveyTargets.AsNoTracking().ToListAsync();
        Assert.Equal(DemoSurveys.Targets.Select(t => t.Indicator).Order(), targets.Select(t => t.Indicator).Order());
        Assert.All(targets, t => Assert.Equal((SurveySetup.Oldham, owner.Id, "2026"), (db.Areas.Single(a => a.Id == t.AreaId).Code, t.OwnerOrganisationId, t.ByPeriod)));
        Assert.Equal(85, targets.Single(t => t.Indicator == "cohesion").Value);
        Assert.Single(await db.AuditEntries.Where(e => e.Action == "survey-import").ToListAsync());

        // A second run seeds nothing.
        Assert.Null(await DemoSurveys.SeedAsync(db));
        Assert.Equal(4505, await db.SurveyResponses.CountAsync());

        // The item page lists them as synthetic.
        using var http = app.Client();
        var page = await http.GetStringAsync("/surveys/items/cohesion");
        Assert.Contains("Oldham residents&#x27; survey 2025", page);
        Assert.Contains("Synthetic data", page);
    }

    [Fact]
    public async Task ThroughTheResultsWeightingMovesTheFiguresAndTheStoryWardsFallIsSignificant()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithSurveyData);
        await using var db = app.Database.Context();
        var cohesion = Indicators.Find("cohesion")!;
        var results = new List<SurveyResults>();
        foreach (var plan in DemoSurveys.Plans)
        {
            var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Name == plan.Name);
            results.Add(await SurveyResults.LoadAsync(db, survey, 10, default));
        }
        var last = results[2];
        Assert.Equal(SurveyWeighting.AreaAndEthnicGroup, last.Weighting.Applied);
        Assert.Null(last.Weighting.Error);
        Assert.True(last.Weighting.DesignEffect is > 1.1 and < 3, $"design effect of weighting {last.Weighting.DesignEffect:F2}");
        Assert.Equal(last.Indicators.Count, Indicators.All.Count); // every standard item asked: every indicator reported

        // Raking brings the Asian share of the weighted respondents up to the census's, and moves the headline figures.
        var ethnic = last.Breakdown(Indicators.Find("belonging")!, "ethnic-group");
        var asianShare = ethnic.Single(e => e.Domain == "Asian").Population / ethnic.Sum(e => e.Population);
        Assert.InRange(asianShare, 0.17, 0.21); // Census 2011: 19.2%, against about 11% of respondents
        string Moves(string code) => $"{code}: weighted {last.Overall(Indicators.Find(code)!).Estimate:P1}, unweighted {last.Values(Indicators.Find(code)!).Where(double.IsFinite).Average():P1}";
        var weighted = last.Overall(Indicators.Find("influence")!).Estimate;
        var raw = last.Values(Indicators.Find("influence")!).Where(double.IsFinite).Average();
        Assert.True(weighted - raw > 0.01, string.Join("; ", new[] { "influence", "belonging", "cohesion", "trust-neighbours" }.Select(Moves)));

        // The story in Waterhead: cohesion falls from 2024 to 2025 by more than its confidence interval allows.
        var waterhead = results.Select(r => r.Breakdown(cohesion, SurveyResults.ByArea).Single(e => e.Domain == "Waterhead")).ToList();
        Assert.True(waterhead[1].Estimate - waterhead[2].Estimate > 0.15, $"Waterhead 2024 {waterhead[1].Estimate:P0}, 2025 {waterhead[2].Estimate:P0}");
        var change = Cohesion.Analytics.Surveys.SurveyEstimator.IndependentDifference(waterhead[2], waterhead[1]);
        Assert.True(change.PValue < 0.01, $"p = {change.PValue:G3}");
        // Overall the district moves little.
        Assert.InRange(results[2].Overall(cohesion).Estimate - results[1].Overall(cohesion).Estimate, -0.04, 0.02);
        // Wards differ in collective efficacy, so their means are reliable enough to compare.
        var efficacy = results[2].Breakdown(Indicators.Find(Indicators.CollectiveEfficacy)!, SurveyResults.ByArea);
        Assert.True(efficacy.Max(e => e.Estimate) - efficacy.Min(e => e.Estimate) > 3, string.Join(", ", efficacy.Select(e => $"{e.Domain} {e.Estimate:F1}")));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameAnswersOnEachRun()
    {
        string[] fingerprints = new string[2];
        for (var run = 0; run < 2; run++)
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using (var ctx = database.Context())
            {
                await Cohesion.Places.DemoPlace.SeedAsync(ctx, "test");
                Assert.NotNull(await DemoSurveys.SeedAsync(ctx));
            }
            await using var db = database.Context();
            var rows = await db.SurveyAnswers.AsNoTracking()
                .Join(db.SurveyResponses, a => a.ResponseId, r => r.Id, (a, r) => new { r.SurveyId, r.SubmittedOn, r.ResidenceAreaId, r.Id, a.ItemCode, a.Choice, a.Value })
                .OrderBy(x => x.Id).ThenBy(x => x.ItemCode).ToListAsync();
            Assert.True(rows.Count > 250_000, $"{rows.Count} answers");
            fingerprints[run] = string.Join("\n", rows.Select(x => $"{x.SurveyId},{x.SubmittedOn:yyyy-MM-dd},{x.ResidenceAreaId},{x.ItemCode},{x.Choice},{x.Value}"));
        }
        Assert.Equal(fingerprints[0], fingerprints[1]);
    }
}

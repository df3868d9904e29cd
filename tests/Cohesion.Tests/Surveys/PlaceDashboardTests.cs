using System.Net;
using Cohesion.Accounts;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys;
using Cohesion.Surveys.Dashboard;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>The place dashboard: each survey's overall estimates over time, the change between periods in words, targets, and only surveys the viewer may see.</summary>
public class PlaceDashboardTests
{
    const string Dashboard = "/surveys/place/" + Oldham;

    static async Task<SurveyResults> ResultsAsync(TestApp app, Survey survey)
    {
        await using var db = app.Database.Context();
        var loaded = await db.Surveys.Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Id == survey.Id);
        return await SurveyResults.LoadAsync(db, loaded, 10, default);
    }

    static async Task<Survey> PeriodAsync(TestApp app, string name, string period, int agree, int belong, bool published = true, string owner = "Test partner")
    {
        var s = await SurveyAsync(app, name, ["cohesion", "belonging", "chat-neighbours"], published: published, owner: owner, period: period);
        // 20 respondents: `agree` agree that people get on; `belong` belong (very strongly); all chat to neighbours weekly or never alternately.
        await ResponsesAsync(app, s, Enumerable.Range(0, 20).Select(i => new Dictionary<string, string>
        {
            ["cohesion"] = i < agree ? "tend-to-agree" : "tend-to-disagree",
            ["belonging"] = i < belong ? "very-strongly" : "not-very-strongly",
            ["chat-neighbours"] = i % 2 == 0 ? "weekly" : "never",
        }).ToArray());
        return s;
    }

    [Theory]
    [BothProviders]
    public async Task DashboardShowsEachSurveysOverallEstimateTheChangeInWordsAndTheTarget(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // Created out of period order: the dashboard orders by period.
        var latest = await PeriodAsync(app, "oldham-2025", "2025", agree: 18, belong: 15);
        var first = await PeriodAsync(app, "oldham-2023", "Autumn 2023", agree: 10, belong: 10);
        var middle = await PeriodAsync(app, "oldham-2024", "2024", agree: 8, belong: 14);
        // Another organisation's unpublished survey, with every answer negative: it must not move a public figure.
        await PeriodAsync(app, "oldham-private", "2026", agree: 0, belong: 0, published: false, owner: "Other partner");
        await using (var db = app.Database.Context())
        {
            var council = db.Organisations.Add(new Organisation { Name = "Oldham Council", Kind = OrganisationKind.Council, CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            var oldham = await db.Areas.SingleAsync(a => a.Code == Oldham);
            db.SurveyTargets.Add(new IndicatorTarget { AreaId = oldham.Id, Indicator = "cohesion", Value = 0.95, ByPeriod = "2027", OwnerOrganisationId = council.Id, Note = "Cohesion strategy", CreatedAt = DateTime.UtcNow, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var anonymous = app.Client();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(Dashboard));
        Assert.Contains("Surveys included (3)", page);
        Assert.DoesNotContain("oldham-private", page);
        Assert.DoesNotContain("Not published", page);

        // The latest cohesion figure is the 2025 survey's own overall estimate: 18 of 20 = 90%, interval as its results give it.
        var cohesion = Indicators.Find("cohesion")!;
        var estimate2025 = (await ResultsAsync(app, latest)).Overall(cohesion);
        var estimate2024 = (await ResultsAsync(app, middle)).Overall(cohesion);
        Assert.Equal(0.9, estimate2025.Estimate, 12);
        Assert.Contains($"(95% interval {SurveyFigures.Interval(cohesion, estimate2025)})", page);
        Assert.Equal("67% to 98%", SurveyFigures.Interval(cohesion, estimate2025)); // logit interval of 18/20, SE √(0.9 × 0.1 / 19)
        // 90% against 40% in 2024 (the previous period; Autumn 2023 comes before it): up 50 points, z ≈ 3.8.
        Assert.Contains("Since 2024 (40%): <strong>up 50 points, significant at 5%</strong>", page);
        var test = SurveyEstimator.IndependentDifference(estimate2025, estimate2024);
        Assert.True(test.PValue < 0.001);
        // Belonging 75% against 70%: up 5 points, z ≈ 0.35.
        Assert.Contains("Since 2024 (70%): <strong>up 5 points, not a statistically significant change</strong>", page);
        // The trend table lists every period in order.
        var rows = page.IndexOf("Autumn 2023", StringComparison.Ordinal);
        Assert.True(rows > 0 && rows < page.IndexOf("<td class=\"govuk-table__cell\">2024</td>", StringComparison.Ordinal));
        // The target: 95% by 2027 by the council; 90% is below it, and the interval 67% to 98% includes it.
        Assert.Contains("95% by 2027</strong>, set by Oldham Council: the latest value is below the target; the 95% interval includes the target, so the survey cannot tell the two apart.", page);
        Assert.Contains("Cohesion strategy", page);
        Assert.Equal(new TargetCheck(TargetPosition.Below, true), PlaceTrends.Check(cohesion, new TrendPoint(latest, estimate2025), new IndicatorTarget { Indicator = "cohesion", Value = 0.95, ByPeriod = "2027" }));

        // Chatting to neighbours is not a headline indicator: listed with its latest value and a link to its trend.
        Assert.Contains("href=\"/surveys/place/E08000004?indicator=chat-neighbours#chosen-heading\"", page);
        var chosen = WebUtility.HtmlDecode(await anonymous.GetStringAsync(Dashboard + "?indicator=chat-neighbours"));
        Assert.Contains("The indicator you chose", chosen);
        Assert.Contains("Since 2024 (50%): <strong>no change to the nearest point, not a statistically significant change</strong>", chosen);

        // The owner organisation's own user sees its unpublished survey, marked.
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Viewer, "Other partner");
        var own = WebUtility.HtmlDecode(await other.GetStringAsync(Dashboard));
        Assert.Contains("Surveys included (4)", own);
        Assert.Contains("Not published", own);
        Assert.Contains("Since 2025 (90%): <strong>down 90 points, significant at 5%</strong>", own);

        // The download: every indicator × survey the viewer may see, with targets; audited.
        var csv = await CsvText.GetAsync(anonymous, Dashboard + "/trends.csv");
        Assert.Equal(["indicator_code", "indicator", "unit", "period", "survey", "survey_title", "synthetic", "value", "ci_low", "ci_high", "base", "suppressed", "targets"], csv[0]);
        Assert.Equal(1 + 3 * 3, csv.Count);
        var row = csv.Single(r => r[0] == "cohesion" && r[4] == "oldham-2025");
        Assert.Equal(["90", "20", "no", "95% by 2027 (Oldham Council)"], [row[7], row[10], row[11], row[12]]);
        Assert.Equal(Math.Round(estimate2025.Low * 100, 1).ToString(System.Globalization.CultureInfo.InvariantCulture), row[8]);
        Assert.DoesNotContain(csv, r => r[4] == "oldham-private");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Dashboard + "/trends.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Dashboard + "/trends.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/surveys/place/E99999999")).StatusCode);
        await using (var db = app.Database.Context())
        {
            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Target + ": " + a.Detail).ToListAsync();
            Assert.Equal(
            [
                "anonymous survey-place-E08000004-trends.csv: 9 rows; area=E08000004; surveys=oldham-2023,oldham-2024,oldham-2025; minimum base 10",
                "anonymous survey-place-E08000004-trends.xlsx: 9 rows; area=E08000004; surveys=oldham-2023,oldham-2024,oldham-2025; minimum base 10",
            ], audit);
        }

        // The place's profile links to the dashboard; a ward without surveys does not.
        Assert.Contains("href=\"/surveys/place/E08000004\"", await anonymous.GetStringAsync("/areas/E08000004"));
        Assert.DoesNotContain("/surveys/place/", await anonymous.GetStringAsync("/areas/E05000723"));
        _ = first;
    }

    [Fact]
    public void PeriodsOrderByYearThenThePartOfTheYearTheyName()
    {
        string[] periods = ["2025", "Autumn 2025", "Spring 2025", "2024", "Winter 2024", "2025 Q3", "March 2025", "Later"];
        Assert.Equal(["2024", "Winter 2024", "2025", "March 2025", "Spring 2025", "2025 Q3", "Autumn 2025", "Later"], periods.Order(SurveyPeriods.Comparer));
    }
}

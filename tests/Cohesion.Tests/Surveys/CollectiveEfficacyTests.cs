using System.Globalization;
using System.Net;
using Cohesion.Accounts;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>Collective efficacy by area: each area's reliability and shrunken mean are the ecometrics of the same scores; small areas withheld; download audited.</summary>
public class CollectiveEfficacyTests
{
    const string Alexandra = "E05000719", Coldhurst = "E05000723", Werneth = "E05000738";

    /// <summary>A respondent answering every item so that each contributes <paramref name="s"/> (1–5): the scale is 10 × s.</summary>
    static Dictionary<string, string> Respondent(int s, string ward)
    {
        var answers = new Dictionary<string, string> { ["residence"] = ward };
        foreach (var item in StandardItems.All.Where(i => i.Scale?.StartsWith("collective-efficacy/", StringComparison.Ordinal) == true))
        {
            // A reverse-scored item counts (6 − score), so its answer is the option scoring 6 − s.
            var score = item.Reverse ? 6 - s : s;
            answers[item.Code] = item.Options.Single(o => o.Score == score).Code;
        }
        return answers;
    }

    [Theory]
    [BothProviders]
    public async Task AreaReliabilityAndShrunkenMeansAreTheEcometricsOfTheScalesScores(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var items = StandardItems.All.Where(i => i.Scale?.StartsWith("collective-efficacy/", StringComparison.Ordinal) == true).Select(i => i.Code);
        var survey = await SurveyAsync(app, "efficacy", [.. items, "residence"]);
        int[] coldhurst = [2, 3, 3, 4, 2, 3, 3, 2, 4, 3, 2, 3];
        int[] werneth = [4, 5, 4, 3, 5, 4, 4, 5, 3, 4, 4, 5];
        int[] alexandra = [3, 4, 2, 5];
        await ResponsesAsync(app, survey,
        [
            .. coldhurst.Select(s => Respondent(s, Coldhurst)), .. werneth.Select(s => Respondent(s, Werneth)), .. alexandra.Select(s => Respondent(s, Alexandra)),
        ]);
        // The same scores (10 × s) and areas (in name order: Alexandra, Coldhurst, Werneth) straight into the analytics.
        var scores = alexandra.Concat(coldhurst).Concat(werneth).Select(s => 10.0 * s).ToArray();
        var areas = Enumerable.Repeat(0, alexandra.Length).Concat(Enumerable.Repeat(1, coldhurst.Length)).Concat(Enumerable.Repeat(2, werneth.Length)).ToArray();
        var expected = Ecometrics.NeighbourhoodReliability(scores, areas, 3);

        using var http = app.Client();
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/efficacy/collective-efficacy"));
        var uk = CultureInfo.GetCultureInfo("en-GB");
        Assert.Contains($"τ = {expected.Tau.ToString("0.00", uk)}, σ² = {expected.Sigma2.ToString("0.00", uk)}, ICC = {expected.IntraclassCorrelation.ToString("0.000", uk)}", page);
        var c = expected.Neighbourhoods[1];
        Assert.Contains($"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{c.Reliability.ToString("0.00", uk)}</td>", page);
        Assert.Contains("Area figures are unweighted", page);
        Assert.Contains("No: too few respondents", page); // Alexandra, 4 respondents, under the minimum base of 10
        // By hand for Coldhurst: the mean of its twelve scores.
        Assert.Equal(coldhurst.Average() * 10, c.Mean, 12);

        var csv = await CsvText.GetAsync(http, "/surveys/efficacy/collective-efficacy.csv");
        Assert.Equal(["scale", "scale_title", "area_code", "area", "respondents", "mean", "reliability", "shrunken_mean", "withheld", "rankable"], csv[0]);
        var rows = csv.Where(r => r[0] == Indicators.CollectiveEfficacy).ToDictionary(r => r[2]);
        Assert.Equal(["4", "[c]", "[c]", "[c]", "yes", ""], rows[Alexandra][4..]);
        foreach (var (code, n) in new[] { (Coldhurst, expected.Neighbourhoods[1]), (Werneth, expected.Neighbourhoods[2]) })
        {
            var r = rows[code];
            Assert.Equal(n.N.ToString(CultureInfo.InvariantCulture), r[4]);
            Assert.Equal(Math.Round(n.Mean, 4), double.Parse(r[5], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(n.Reliability, 4), double.Parse(r[6], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(n.Shrunken, 4), double.Parse(r[7], CultureInfo.InvariantCulture));
            Assert.Equal(n.Reliability < 0.7 ? "no" : "yes", r[9]);
        }
        // Three scales (the whole and two subscales) × three areas.
        Assert.Equal(1 + 3 * 3, csv.Count);
        await using var db = app.Database.Context();
        Assert.Equal(["anonymous survey-efficacy-collective-efficacy.csv: 9 rows; survey=efficacy; minimum base 10"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.Export).Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync());
    }
}

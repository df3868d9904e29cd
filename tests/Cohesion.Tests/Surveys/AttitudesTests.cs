using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>The feeling-thermometer matrix: cells are the design-based means worked out by hand, small groups withheld, own-group cells marked, gaps tested; downloads audited.</summary>
public class AttitudesTests
{
    static Dictionary<string, string> R(string religion, int muslims, int christians) =>
        new() { ["religion"] = religion, ["therm-muslims"] = muslims.ToString(), ["therm-christians"] = christians.ToString() };

    [Theory]
    [BothProviders]
    public async Task MatrixCellsAreTheGroupsMeanRatingsWithSmallGroupsWithheldAndOwnGroupsMarked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "attitudes", ["therm-muslims", "therm-christians", "religion"]);
        // Ten Muslim respondents rate Muslims 80 or 90 and Christians 60 or 70; ten Christians rate Muslims 40 or 50 and
        // Christians 90 or 100; three with no religion rate both 50 (a group under the minimum base of 10).
        await ResponsesAsync(app, survey,
        [
            .. Enumerable.Range(0, 10).Select(i => R("muslim", i % 2 == 0 ? 80 : 90, i % 2 == 0 ? 60 : 70)),
            .. Enumerable.Range(0, 10).Select(i => R("christian", i % 2 == 0 ? 40 : 50, i % 2 == 0 ? 90 : 100)),
            .. Enumerable.Range(0, 3).Select(_ => R("none", 50, 50)),
        ]);
        using var http = app.Client();
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/attitudes/attitudes?by=religion"));
        // Muslims rating Muslims: mean 85; unweighted, each respondent their own unit, the domain variance is
        // N/(N−1) · Σ(y − ȳ)²/n² = 23/22 · 250/100, SE 1.6167, 95% interval 85 ± 1.96 × 1.6167 = 81.8 to 88.2.
        Assert.Contains("<strong>85.0</strong>", page);
        Assert.Contains("81.8 to 88.2", page);
        Assert.Contains("[c]<span class=\"govuk-visually-hidden\"> (withheld: fewer than the minimum answered)</span>", page);
        Assert.Contains("own group", page);
        // Everyone warmest towards Christians (1,750/23 = 76.1), coolest towards Muslims (1,450/23 = 63.0); by group, Christians rating
        // their own group warmest (95.0) and Christians rating Muslims coolest (45.0).
        Assert.Contains("Everyone together felt warmest towards <strong>Christians</strong> (76.1) and coolest towards <strong>Muslims</strong> (63.0)", page);
        Assert.Contains("the warmest rating was from Christian respondents towards Christians (95.0, their own group); the coolest from Christian respondents towards Muslims (45.0)", page);
        // The gap for Muslims: own group 85 against everyone else (10 Christians and 3 with no religion) (450 + 150)/13 = 46.2.
        Assert.Contains("+38.8 (", page);
        Assert.Contains("Significant at 5%", page);

        var csv = await CsvText.GetAsync(http, "/surveys/attitudes/attitudes.csv?by=religion");
        Assert.Equal(["respondents_by", "respondent_group", "thermometer", "group_rated", "mean", "ci_low", "ci_high", "base", "suppressed", "own_group"], csv[0]);
        string[] Cell(string group, string thermometer) => csv.Single(r => r[1] == group && r[2] == thermometer)[4..];
        Assert.Equal(["85", "81.831", "88.169", "10", "no", "yes"], Cell("Muslim", "therm-muslims"));
        Assert.Equal(["65", "61.831", "68.169", "10", "no", "no"], Cell("Muslim", "therm-christians"));
        Assert.Equal(["95", "91.831", "98.169", "10", "no", "yes"], Cell("Christian", "therm-christians"));
        Assert.Equal(["[c]", "[c]", "[c]", "3", "yes", "no"], Cell("No religion", "therm-christians"));
        Assert.Equal("63.043", Cell("Everyone", "therm-muslims")[0]);
        Assert.Equal(1 + 4 * 2, csv.Count);

        // An unpublished survey does not exist for the public: page and download are 404.
        await SurveyAsync(app, "hidden-attitudes", ["therm-muslims", "religion"], published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/hidden-attitudes/attitudes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/hidden-attitudes/attitudes.csv")).StatusCode);
        await using var db = app.Database.Context();
        Assert.Equal(["anonymous survey-attitudes-attitudes-religion.csv: 8 rows; survey=attitudes; by=religion; minimum base 10"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.Export).Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync());
    }
}

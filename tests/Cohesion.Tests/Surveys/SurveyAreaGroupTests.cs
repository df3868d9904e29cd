using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.Analytics.Surveys;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// An indicator by residence area × group: each cell worked out by hand (unweighted) or from its own rows (raked),
/// tested against the rest of its area, withheld under the minimum base on the page, in the download and in the API
/// alike, downloads audited. (Unpublished surveys' tables are in SurveyResultsPagesTests with the other addresses.)
/// </summary>
public class SurveyAreaGroupTests
{
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    static IEnumerable<Dictionary<string, string>> People(string ward, string group, int agree, int disagree) =>
        Enumerable.Range(0, agree + disagree).Select(k => R(("cohesion", k < agree ? "tend-to-agree" : "tend-to-disagree"), ("ethnic-group", group), ("age", "25-34"), ("residence", ward)));

    /// <summary>
    /// Fifty people, unweighted. Coldhurst: Asian 11 of 12 agree (and one "don't know", outside the base), White 4 of 10,
    /// Black 5 of 10, two who did not give their group (both agree). Werneth: White 8 of 11, Asian 1 of 3 (under the
    /// minimum base of 10). One Asian person who did not say where they live agrees. All but those four are 25 to 34.
    /// </summary>
    static async Task<Survey> FiftyAsync(TestApp app, string name, bool published = true, string owner = "Test partner")
    {
        var survey = await SurveyAsync(app, name, ["cohesion", "ethnic-group", "age", "residence"], published: published, owner: owner);
        await ResponsesAsync(app, survey,
        [
            .. People(Coldhurst, "asian-pakistani", 11, 1), R(("cohesion", "dont-know"), ("ethnic-group", "asian-bangladeshi"), ("residence", Coldhurst)),
            .. People(Coldhurst, "white-british", 4, 6), .. People(Coldhurst, "black-african", 5, 5),
            R(("cohesion", "tend-to-agree"), ("ethnic-group", "prefer-not-to-say"), ("residence", Coldhurst)), R(("cohesion", "definitely-agree"), ("residence", Coldhurst)),
            .. People(Werneth, "white-british", 8, 3), .. People(Werneth, "asian-pakistani", 1, 2),
            R(("cohesion", "tend-to-agree"), ("ethnic-group", "asian-pakistani")),
        ]);
        return survey;
    }

    const int Rows = 50;

    /// <summary>
    /// A share p among n_d of the N units of an unweighted one-stage design (every unit its own PSU): the domain's
    /// influence is (y − p)/n_d on its rows and 0 elsewhere, so V = N/(N − 1) · p(1 − p)/n_d; the interval is the logit one.
    /// </summary>
    static (double Se, double Low, double High) ByHand(double p, int n)
    {
        var se = Math.Sqrt((double)Rows / (Rows - 1) * p * (1 - p) / n);
        var (low, high) = LogitInterval(p, se);
        return (se, low, high);
    }

    static string Cell(double p) => Math.Round(p * 100, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The area × group table of an indicator page.</summary>
    static string Table(string html) => Regex.Match(html, @"<table[^>]*id=""areas-groups-table"".*?</table>", RegexOptions.Singleline).Value;

    /// <summary>The cells of the row of <paramref name="area"/> in that table.</summary>
    static List<string> Cells(string table, string area)
    {
        var row = Regex.Match(table, $@"<tr class=""govuk-table__row"">\s*<th scope=""row""[^>]*><a[^>]*>{Regex.Escape(area)}</a>.*?</tr>", RegexOptions.Singleline).Value;
        return Regex.Matches(row, @"<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, @"\s+", " ").Trim()).ToList();
    }

    [Theory]
    [BothProviders]
    public async Task ApiCellsAreTheSharesWorkedOutByHandTestedAgainstTheRestOfTheirWardAndWithheldUnderTheMinimum(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FiftyAsync(app, "fifty");
        using var http = app.Client();

        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/fifty/indicators/cohesion/by-area-and-group?by=ethnic-group");
        Assert.Equal(("ethnic-group", "Ethnic group"), (api.GetProperty("by").GetString(), api.GetProperty("label").GetString()));
        Assert.Equal(["White", "Asian", "Black"], api.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)); // the question's order
        var cells = api.GetProperty("cells").EnumerateArray().ToDictionary(c => (c.GetProperty("areaCode").GetString()!, c.GetProperty("group").GetString()!));
        Assert.Equal(20 * 3, cells.Count); // every ward of Oldham × every group anyone is in

        var asian = cells[(Coldhurst, "Asian")];
        var (se, low, high) = ByHand(11.0 / 12, 12);
        Assert.Equal(("Coldhurst", 12, false), (asian.GetProperty("areaName").GetString(), asian.GetProperty("n").GetInt32(), asian.GetProperty("withheld").GetBoolean()));
        Assert.Equal(Math.Round(1100.0 / 12, 4), Num(asian, "estimate"));
        Assert.Equal(Math.Round(se * 100, 4), Num(asian, "se"));
        Assert.Equal(Math.Round(low * 100, 4), Num(asian, "ciLow"));
        Assert.Equal(Math.Round(high * 100, 4), Num(asian, "ciHigh"));

        // Against the rest of Coldhurst (White and Black, 9 of 20), not the two who gave no group nor anyone in Werneth:
        // two domains of the one design, V = N/(N − 1) · (pA(1 − pA)/nA + pR(1 − pR)/nR).
        double pa = 11.0 / 12, pr = 9.0 / 20;
        var versus = asian.GetProperty("versusRestOfArea");
        Assert.Equal("higher", versus.GetProperty("result").GetString());
        Assert.Equal(Math.Round((pa - pr) * 100, 4), Num(versus, "difference"));
        Assert.Equal(Math.Round(Math.Sqrt((double)Rows / (Rows - 1) * (pa * (1 - pa) / 12 + pr * (1 - pr) / 20)) * 100, 4), Num(versus, "se"));
        Assert.True(Num(versus, "pValue") < 0.01);
        var white = cells[(Coldhurst, "White")];
        Assert.Equal((40.0, 10), (Num(white, "estimate")!.Value, white.GetProperty("n").GetInt32()));
        Assert.Equal("no significant difference", white.GetProperty("versusRestOfArea").GetProperty("result").GetString());

        // Werneth: White 8 of 11 shown, but its rest (3 Asian people) is under the minimum: not tested. Asian withheld.
        var wernethWhite = cells[(Werneth, "White")];
        Assert.Equal(Math.Round(800.0 / 11, 4), Num(wernethWhite, "estimate"));
        Assert.Equal(("not tested", null), (wernethWhite.GetProperty("versusRestOfArea").GetProperty("result").GetString(), Num(wernethWhite.GetProperty("versusRestOfArea"), "difference")));
        var withheld = cells[(Werneth, "Asian")];
        Assert.Equal((null, null, null, null, 3, true), (Num(withheld, "estimate"), Num(withheld, "se"), Num(withheld, "ciLow"), Num(withheld, "ciHigh"),
            withheld.GetProperty("n").GetInt32(), withheld.GetProperty("withheld").GetBoolean()));
        Assert.Equal("", withheld.GetProperty("versusRestOfArea").GetProperty("result").GetString());
        var nobody = cells[(Werneth, "Black")];
        Assert.Equal((null, 0, false), (Num(nobody, "estimate"), nobody.GetProperty("n").GetInt32(), nobody.GetProperty("withheld").GetBoolean()));
        Assert.All(cells.Where(c => c.Key.Item1 is not (Coldhurst or Werneth)).Select(c => c.Value), c => Assert.Equal(0, c.GetProperty("n").GetInt32()));

        // Without by, ethnic group as on the page; another characteristic asked; a breakdown that is not one.
        var byDefault = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/fifty/indicators/cohesion/by-area-and-group");
        Assert.Equal("ethnic-group", byDefault.GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/surveys/fifty/indicators/cohesion/by-area-and-group?by=age")).StatusCode);
        foreach (var by in (string[])["area", "shoe-size", "religion"])
        {
            var refused = await http.GetAsync($"/api/v1/surveys/fifty/indicators/cohesion/by-area-and-group?by={by}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"unknown characteristic '{by}'", await refused.Content.ReadAsStringAsync());
        }
        var openApi = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(openApi.TryGetProperty("/api/v1/surveys/{name}/indicators/{code}/by-area-and-group", out _));
    }

    [Theory]
    [BothProviders]
    public async Task RakedCellsAreEachCellsWeightedShareWithTheEstimatorsIntervalOnItsOwnRows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "raked", ["cohesion", "ethnic-group", "residence"], weighting: SurveyWeighting.AreaAndEthnicGroup);
        string[] groups = ["white-british", "asian-pakistani", "black-african", "white-other", "asian-bangladeshi"];
        var rows = Enumerable.Range(0, 80).Select(k => R(("cohesion", k % 3 == 0 || k % 7 == 0 ? "tend-to-disagree" : "definitely-agree"),
            ("ethnic-group", groups[k % groups.Length]), ("residence", k % 2 == 0 ? Coldhurst : Werneth))).ToArray();
        await ResponsesAsync(app, survey, rows);
        SurveyResults results;
        await using (var db = app.Database.Context())
        {
            var loaded = await db.Surveys.Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Id == survey.Id);
            results = await SurveyResults.LoadAsync(db, loaded, 10, default);
        }
        Assert.Equal(SurveyWeighting.AreaAndEthnicGroup, results.Weighting.Applied);
        var cohesion = Indicators.Find("cohesion")!;
        var table = AreaGroupBreakdown.Of(results, cohesion, "ethnic-group")!;
        Assert.Same(table, AreaGroupBreakdown.Of(results, cohesion, "ethnic-group")); // worked out once
        Assert.Null(AreaGroupBreakdown.Of(results, cohesion, SurveyResults.ByArea));

        var values = results.Values(cohesion);
        var weights = results.Design.Weights.ToArray();
        var broad = results.Labels("ethnic-group")!;
        var ward = results.Areas.Values.ToDictionary(a => a.Code, a => a.Id);
        var checkedCells = 0;
        foreach (var row in table.Rows.Where(r => r.AreaCode is Coldhurst or Werneth))
            foreach (var cell in row.Cells)
            {
                bool In(int r) => results.Data.Residence[r] == ward[row.AreaCode] && broad[r] == cell.Code;
                var mine = Enumerable.Range(0, results.Data.Rows).Where(r => In(r) && !double.IsNaN(values[r])).ToList();
                Assert.Equal(mine.Count, cell.Estimate.N);
                if (mine.Count < 10)
                {
                    Assert.True(cell.Estimate.Suppressed && double.IsNaN(cell.Estimate.Estimate) && cell.VersusRest is null);
                    continue;
                }
                Assert.Equal(mine.Sum(r => weights[r] * values[r]) / mine.Sum(r => weights[r]), cell.Estimate.Estimate, 12);
                // The estimator on this cell alone: the same design, one domain made here, not from the table's codes.
                var alone = SurveyEstimator.Estimate(results.Design, Statistic.Proportion, values,
                    Domains.FromCodes(Enumerable.Range(0, results.Data.Rows).Select(r => In(r) ? 0 : -1).ToArray(), ["cell"]), new EstimateOptions { MinimumBase = 10 }).Single();
                Assert.Equal(alone.StandardError, cell.Estimate.StandardError, 12);
                Assert.Equal(alone.Low, cell.Estimate.Low, 12);
                Assert.Equal(alone.High, cell.Estimate.High, 12);
                // Against the rest of the ward, again from domains made here.
                var rest = Enumerable.Range(0, results.Data.Rows).Select(r => In(r) ? 0 : results.Data.Residence[r] == ward[row.AreaCode] && broad[r] is not null ? 1 : -1).ToArray();
                var difference = SurveyEstimator.DomainDifference(results.Design, Statistic.Proportion, values, Domains.FromCodes(rest, ["cell", "rest"]), 0, 1, new EstimateOptions { MinimumBase = 10 });
                Assert.Equal(difference.Estimate, cell.VersusRest!.Estimate, 12);
                Assert.Equal(difference.StandardError, cell.VersusRest.StandardError, 12);
                Assert.Equal(difference.PValue, cell.VersusRest.PValue, 12);
                checkedCells++;
            }
        Assert.Equal(4, checkedCells); // White and Asian (16 each) in both wards; Black (8) is withheld
    }

    [Theory]
    [BothProviders]
    public async Task PageShowsTheTableForTheChosenCharacteristicAndWithholdsSmallCells(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FiftyAsync(app, "fifty");
        using var http = app.Client();
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/fifty/indicators/cohesion"));
        Assert.Contains("<h2 class=\"govuk-heading-l\" id=\"by-area-and-group\">By ward and group</h2>", page);
        Assert.Contains("href=\"#by-area-and-group\"", page);
        Assert.Contains("Figures resting on fewer than 10 people are withheld ([c])", page);
        Assert.Contains("role=\"region\" aria-labelledby=\"areas-groups-caption\" tabindex=\"0\"", page);
        var table = Table(page);
        Assert.Contains("People from different backgrounds get on well together, by ward and ethnic group, Oldham, 2025", table);
        Assert.Equal(["Ward", "White", "Asian", "Black"], Regex.Matches(table, @"<th scope=""col""[^>]*>(.*?)</th>").Select(m => m.Groups[1].Value));
        Assert.Equal(20, Regex.Matches(table, @"<th scope=""row""").Count);

        var coldhurst = Cells(table, "Coldhurst");
        var (_, low, high) = ByHand(11.0 / 12, 12);
        Assert.Equal(3, coldhurst.Count);
        Assert.StartsWith("<strong>40%</strong>", coldhurst[0]);
        Assert.Contains("No clear difference", coldhurst[0]);
        Assert.StartsWith("<strong>92%</strong>", coldhurst[1]);
        Assert.Contains($"{(low * 100).ToString("0", Uk)}% to {(high * 100).ToString("0", Uk)}%", coldhurst[1]);
        Assert.Contains("n = 12", coldhurst[1]);
        Assert.Contains("<strong>Higher than the rest of the ward</strong>", coldhurst[1]);
        var werneth = Cells(table, "Werneth");
        Assert.Contains("Not tested: too few people in the rest of the ward", werneth[0]);
        Assert.StartsWith("<strong>[c]<span class=\"govuk-visually-hidden\"> (withheld: fewer than the minimum answered)</span></strong>", werneth[1]);
        Assert.DoesNotContain("%", werneth[1]);
        Assert.Contains("n = 3", werneth[1]);
        Assert.StartsWith("<strong>[x]<span class=\"govuk-visually-hidden\"> (nobody answered)</span></strong>", werneth[2]);
        Assert.Contains("href=\"/surveys/fifty/indicators/cohesion/areas-groups.csv?by=ethnic-group\"", page);
        Assert.Contains("href=\"/surveys/fifty/indicators/cohesion/areas-groups.xlsx?by=ethnic-group\"", page);

        // The picker above chooses the groups of this table too.
        var byAge = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/fifty/indicators/cohesion?by=age"));
        Assert.Contains(", by ward and age group, ", Table(byAge));
        Assert.Equal(["Ward", "16 to 34"], Regex.Matches(Table(byAge), @"<th scope=""col""[^>]*>(.*?)</th>").Select(m => m.Groups[1].Value));
        Assert.Contains("href=\"/surveys/fifty/indicators/cohesion/areas-groups.csv?by=age\"", byAge);

        // No residence asked: no table.
        var survey = await SurveyAsync(app, "nowhere", ["cohesion", "ethnic-group"]);
        await ResponsesAsync(app, survey, [.. Enumerable.Range(0, 12).Select(_ => R(("cohesion", "tend-to-agree"), ("ethnic-group", "white-british")))]);
        var nowhere = await http.GetStringAsync("/surveys/nowhere/indicators/cohesion");
        Assert.DoesNotContain("by-area-and-group", nowhere);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/surveys/nowhere/indicators/cohesion/by-area-and-group?by=ethnic-group")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/nowhere/indicators/cohesion/areas-groups.csv?by=ethnic-group")).StatusCode);

        // No ethnic group asked: the page and the downloads without by take the first characteristic asked alike.
        var ages = await SurveyAsync(app, "ages", ["cohesion", "age", "residence"]);
        await ResponsesAsync(app, ages, [.. Enumerable.Range(0, 12).Select(_ => R(("cohesion", "tend-to-agree"), ("age", "70-74"), ("residence", Coldhurst)))]);
        Assert.Contains(", by ward and age group, ", Table(WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/ages/indicators/cohesion"))));
        Assert.Equal("age", (await CsvText.GetAsync(http, "/surveys/ages/indicators/cohesion/groups.csv"))[1][0]);
        Assert.Equal("age", (await CsvText.GetAsync(http, "/surveys/ages/indicators/cohesion/areas-groups.csv"))[1][0]);
    }

    [Theory]
    [BothProviders]
    public async Task DownloadHasARowPerWardAndGroupWithProvenanceWithholdsSmallCellsAndIsAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FiftyAsync(app, "fifty");
        var (http, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Analyst, "Another partner");

        var csv = await CsvText.GetAsync(http, "/surveys/fifty/indicators/cohesion/areas-groups.csv?by=ethnic-group");
        Assert.Equal(["breakdown", "area_code", "area", "group", "estimate", "ci_low", "ci_high", "base", "compared_with_rest_of_area", "p_value", "weighting", "synthetic", "source"], csv[0]);
        Assert.Equal(1 + 20 * 3, csv.Count);
        var (_, low, high) = ByHand(11.0 / 12, 12);
        var asian = csv.Single(r => r[1] == Coldhurst && r[3] == "Asian");
        Assert.Equal(["ethnic-group", Coldhurst, "Coldhurst", "Asian", Cell(11.0 / 12), Cell(low), Cell(high), "12", "higher"], asian[..9]);
        Assert.Equal(["none", "no", "Test fifty (fifty), Test partner, 2025"], asian[10..]);
        Assert.Equal(["ethnic-group", Werneth, "Werneth", "Asian", "[c]", "[c]", "[c]", "3", "", ""], csv.Single(r => r[1] == Werneth && r[3] == "Asian")[..10]);
        Assert.Equal(["[x]", "[x]", "[x]", "0"], csv.Single(r => r[1] == Werneth && r[3] == "Black")[4..8]);
        Assert.Equal("not tested", csv.Single(r => r[1] == Werneth && r[3] == "White")[8]);

        var xlsx = await http.GetAsync("/surveys/fifty/indicators/cohesion/areas-groups.xlsx?by=age");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var about = XlsxText(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains("each response counts once", about);
        Assert.Contains("Withheld: fewer than 10 people answered (it is never zero)", about);
        Assert.Contains("everyone else in the same ward who gave their age", about);
        Assert.Contains("by analyst@example.org", about);

        foreach (var url in (string[])["/surveys/fifty/indicators/cohesion/areas-groups.csv?by=area", "/surveys/fifty/indicators/cohesion/areas-groups.csv?by=shoe-size",
                     "/surveys/fifty/indicators/cohesion/areas-groups.pdf?by=age"])
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);

        await using var db = app.Database.Context();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).Select(a => new { a.Actor, a.Target, a.Detail }).ToListAsync();
        Assert.Equal(["survey-fifty-cohesion-areas-groups-ethnic-group.csv", "survey-fifty-cohesion-areas-groups-age.xlsx"], audit.Select(a => a.Target));
        Assert.All(audit, a => Assert.Equal("analyst@example.org", a.Actor));
        Assert.StartsWith("60 rows; survey=fifty; table=areas-groups; indicator=cohesion; by=ethnic-group; weighting=None; minimum base 10", audit[0].Detail);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// The results pages, downloads and API of a survey: figures worked out by hand, withheld everywhere the same way,
/// groups tested against the rest, weighting said in words, unpublished surveys for their owner only, downloads audited.
/// </summary>
public class SurveyResultsPagesTests
{
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Twelve people, all giving an opinion on cohesion: 9 agree (5 definitely, 4 tend to). Ten live in Coldhurst
    /// (8 agree) and are White British; two in Werneth (1 agrees) are Pakistani: under the minimum base of 10.
    /// </summary>
    static async Task<Survey> TwelveAsync(TestApp app, string name, bool published = true, string owner = "Test partner", SurveyWeighting weighting = SurveyWeighting.None)
    {
        var survey = await SurveyAsync(app, name, ["cohesion", "ethnic-group", "residence"], published: published, owner: owner, weighting: weighting);
        string[] coldhurst = ["definitely-agree", "definitely-agree", "definitely-agree", "definitely-agree", "definitely-agree", "tend-to-agree", "tend-to-agree", "tend-to-agree", "tend-to-disagree", "definitely-disagree"];
        await ResponsesAsync(app, survey,
        [
            .. coldhurst.Select(a => R(("cohesion", a), ("ethnic-group", "white-british"), ("residence", Coldhurst))),
            R(("cohesion", "tend-to-agree"), ("ethnic-group", "asian-pakistani"), ("residence", Werneth)),
            R(("cohesion", "tend-to-disagree"), ("ethnic-group", "asian-pakistani"), ("residence", Werneth)),
        ]);
        return survey;
    }

    /// <summary>
    /// A proportion p of n people, each their own sampling unit with weight 1, every row in the base: the linearised
    /// variance is n/(n − 1) · Σ((y − p)/n)² = p(1 − p)/(n − 1), and the interval the logit one,
    /// expit(logit p ± 1.96 · SE/(p(1 − p))).
    /// </summary>
    static (double Se, double Low, double High) ByHand(double p, int n)
    {
        var se = Math.Sqrt(p * (1 - p) / (n - 1));
        var (low, high) = LogitInterval(p, se);
        return (se, low, high);
    }

    static string Percent(double p) => (p * 100).ToString("0", Uk) + "%";

    static string Cell(double p) => Math.Round(p * 100, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The table row of the page that starts with <paramref name="name"/>.</summary>
    static string Row(string html, string name) => Regex.Match(html, $@"<tr class=""govuk-table__row"">\s*<th scope=""row""[^>]*>\s*(<a[^>]*>)?{Regex.Escape(name)}.*?</tr>", RegexOptions.Singleline).Value;

    [Theory]
    [BothProviders]
    public async Task PageApiAndDownloadsShowTheFiguresWorkedOutByHandAndWithholdSmallBasesEverywhere(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TwelveAsync(app, "twelve");
        using var http = app.Client();
        var (se, low, high) = ByHand(0.75, 12);

        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/twelve"));
        Assert.Contains("Test twelve", page);
        Assert.Contains($"95% interval {Percent(low)} to {Percent(high)}. Base: 12", page);
        Assert.Contains(">75%<", page);
        Assert.Contains("href=\"/surveys/twelve/indicators/cohesion\"", page);
        Assert.Contains("The responses are not weighted: each counts once", page);
        Assert.Contains("Census", page); // the question sources list and the methodology link are there
        Assert.Contains("href=\"/surveys/methodology\"", page);
        Assert.DoesNotContain("/surveys/twelve/attitudes", page); // no thermometers asked
        Assert.DoesNotContain("Synthetic data:", page);

        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/twelve");
        Assert.Equal(12, api.GetProperty("survey").GetProperty("responses").GetInt32());
        var headline = api.GetProperty("headline").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "cohesion");
        Assert.Equal("percent", headline.GetProperty("unit").GetString());
        var estimate = headline.GetProperty("estimate");
        Assert.Equal((75.0, Math.Round(se * 100, 4), Math.Round(low * 100, 4), Math.Round(high * 100, 4), 12, false),
            (Num(estimate, "estimate")!.Value, Num(estimate, "se")!.Value, Num(estimate, "low")!.Value, Num(estimate, "high")!.Value,
             estimate.GetProperty("n").GetInt32(), estimate.GetProperty("suppressed").GetBoolean()));

        var csv = await CsvText.GetAsync(http, "/surveys/twelve/indicators.csv");
        Assert.Equal(["indicator_code", "indicator", "measure", "headline", "unit", "estimate", "ci_low", "ci_high", "base", "weighting", "synthetic", "source"], csv[0]);
        Assert.Equal(["cohesion", Indicators.Find("cohesion")!.Title, "Cohesion", "yes", "percent", "75", Cell(low), Cell(high), "12", "none", "no", "Test twelve (twelve), Test partner, 2025"],
            csv.Single(r => r[0] == "cohesion"));

        // By area: Coldhurst's 8 of 10 shown; Werneth's 2 withheld on the page, in the download, the API and the map.
        var indicator = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/twelve/indicators/cohesion"));
        Assert.Contains(">80%<", Row(indicator, "Coldhurst"));
        var werneth = Row(indicator, "Werneth");
        Assert.Contains("[c]<span class=\"govuk-visually-hidden\"> (withheld: fewer than the minimum answered)</span>", werneth);
        Assert.DoesNotContain("%", werneth);
        Assert.Contains(">2<", werneth);
        Assert.Contains("class=\"app-map\"", indicator);
        Assert.Contains("data-map-geojson=\"/api/v1/areas/E08000004/boundaries?level=WARD\"", indicator);
        Assert.Contains("data-map-values=\"/api/v1/surveys/twelve/indicators/cohesion/map\"", indicator);
        Assert.Contains("data-chart=\"bar\"", indicator);
        Assert.Contains("\"low\":[", indicator); // the interval across each bar

        var areas = await CsvText.GetAsync(http, "/surveys/twelve/indicators/cohesion/areas.csv");
        Assert.Equal(["breakdown", "area_code", "area", "estimate", "ci_low", "ci_high", "base", "compared_with_rest", "p_value", "weighting", "synthetic", "source"], areas[0]);
        Assert.Equal(21, areas.Count); // Oldham's 20 wards
        Assert.Equal(["area", Coldhurst, "Coldhurst", "80"], areas.Single(r => r[1] == Coldhurst)[..4]);
        Assert.Equal("not tested", areas.Single(r => r[1] == Coldhurst)[7]); // the rest (Werneth's two) is under the minimum
        Assert.Equal(["area", Werneth, "Werneth", "[c]", "[c]", "[c]", "2", "", ""], areas.Single(r => r[1] == Werneth)[..9]);
        Assert.All(areas.Skip(1).Where(r => r[1] is not (Coldhurst or Werneth)), r => Assert.Equal(["[x]", "0"], [r[3], r[6]]));

        var byArea = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/twelve/indicators/cohesion?by=area");
        var groups = byArea.GetProperty("breakdown").GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!);
        Assert.Equal(80, Num(groups[Coldhurst].GetProperty("estimate"), "estimate"));
        var withheld = groups[Werneth].GetProperty("estimate");
        Assert.Equal((null, null, null, null, 2, true), (Num(withheld, "estimate"), Num(withheld, "se"), Num(withheld, "low"), Num(withheld, "high"),
            withheld.GetProperty("n").GetInt32(), withheld.GetProperty("suppressed").GetBoolean()));
        var map = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/twelve/indicators/cohesion/map");
        var values = map.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!, v => Num(v, "value"));
        Assert.Equal(20, values.Count);
        Assert.Equal(80, values[Coldhurst]);
        Assert.Null(values[Werneth]);
        Assert.Equal("%", map.GetProperty("unit").GetString());
        var boundaries = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas/E08000004/boundaries?level=WARD");
        Assert.Equal(values.Keys.Order(), boundaries.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).Order());

        // By ethnic group (the default): White 8 of 10, Asian withheld.
        Assert.Contains(">80%<", Row(indicator, "White"));
        Assert.Contains("[c]", Row(indicator, "Asian"));
        var byGroup = await CsvText.GetAsync(http, "/surveys/twelve/indicators/cohesion/groups.csv?by=ethnic-group");
        Assert.Equal(["ethnic-group", "White", "White", "80"], byGroup[1][..4]); // in the question's order
        Assert.Equal(["ethnic-group", "Asian", "Asian", "[c]", "[c]", "[c]", "2", "", ""], byGroup[2][..9]);

        // How people answered: 5, 4, 2 and 1 of the 12.
        var answers = await CsvText.GetAsync(http, "/surveys/twelve/indicators/cohesion/answers.csv");
        Assert.Equal(["item_code", "question", "answer_code", "answer", "percent", "ci_low", "ci_high", "base", "weighting", "synthetic", "source"], answers[0]);
        var definitely = answers.Single(r => r[2] == "definitely-agree");
        var (_, dLow, dHigh) = ByHand(5.0 / 12, 12);
        Assert.Equal(["cohesion", StandardItems.Find("cohesion")!.Question, "definitely-agree", "Definitely agree", Cell(5.0 / 12), Cell(dLow), Cell(dHigh), "12"], definitely[..8]);
        Assert.Equal(["8.3", "16.7", "0"], [answers.Single(r => r[2] == "definitely-disagree")[4], answers.Single(r => r[2] == "tend-to-disagree")[4], answers.Single(r => r[2] == "dont-know")[4]]);
        Assert.Contains($"{Percent(5.0 / 12)}", Row(indicator, "Definitely agree"));

        // Every download says how the figures were made and where they come from.
        var openApi = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "/api/v1/surveys", "/api/v1/surveys/{name}", "/api/v1/surveys/{name}/indicators", "/api/v1/surveys/{name}/indicators/{code}" }, openApi.ToHashSet());
        Assert.DoesNotContain(openApi, p => p.StartsWith("/surveys/", StringComparison.Ordinal)); // downloads are not API

        var xlsx = await http.GetAsync("/surveys/twelve/indicators/cohesion/areas.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Theory]
    [BothProviders]
    public async Task GroupsDifferentFromTheRestAreMarkedAndTheLargestGapIsTested(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "groups", ["cohesion", "ethnic-group"]);
        IEnumerable<Dictionary<string, string>> People(string group, int agree, int disagree) =>
            Enumerable.Range(0, agree + disagree).Select(k => R(("cohesion", k < agree ? "tend-to-agree" : "tend-to-disagree"), ("ethnic-group", group)));
        await ResponsesAsync(app, survey, [.. People("asian-bangladeshi", 14, 1), .. People("white-british", 4, 11), .. People("black-african", 2, 1)]);
        using var http = app.Client();

        // Asian against the rest (White and Black, 6 of 18): one design of 33 units, the two domains' influences
        // apart, so V = 33/32 · (pA(1 − pA)/nA + pR(1 − pR)/nR).
        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/groups/indicators/cohesion?by=ethnic-group");
        var groups = api.GetProperty("breakdown").GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!);
        Assert.Equal(["Asian", "Black", "White"], groups.Keys.Order());
        double pa = 14.0 / 15, pr = 6.0 / 18;
        var asian = groups["Asian"].GetProperty("versusRest");
        Assert.Equal("higher", asian.GetProperty("result").GetString());
        Assert.Equal(Math.Round((pa - pr) * 100, 4), Num(asian, "difference"));
        Assert.Equal(Math.Round(Math.Sqrt(33.0 / 32 * (pa * (1 - pa) / 15 + pr * (1 - pr) / 18)) * 100, 4), Num(asian, "se"));
        Assert.True(Num(asian, "pValue") < 0.001);
        Assert.Equal("lower", groups["White"].GetProperty("versusRest").GetProperty("result").GetString());
        var black = groups["Black"];
        Assert.Null(Num(black.GetProperty("estimate"), "estimate"));
        Assert.Equal("", black.GetProperty("versusRest").GetProperty("result").GetString());
        Assert.Null(Num(black.GetProperty("versusRest"), "difference"));
        var gap = api.GetProperty("breakdown").GetProperty("largestGap").GetString();
        Assert.StartsWith("The largest gap is between Asian (93%) and White (27%): 67 percentage points. The difference is statistically significant at the 5% level (p < 0.001)", gap);

        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/groups/indicators/cohesion?by=ethnic-group"));
        Assert.Contains("<strong>Significantly higher than the rest</strong>", Row(page, "Asian"));
        Assert.Contains("<strong>Significantly lower than the rest</strong>", Row(page, "White"));
        Assert.DoesNotContain("than the rest", Row(page, "Black"));
        Assert.Contains(gap!, page);
        Assert.DoesNotContain("id=\"by-area\"", page); // no residence asked: no breakdown by area, no map
        Assert.DoesNotContain("class=\"app-map\"", page);

        var csv = await CsvText.GetAsync(http, "/surveys/groups/indicators/cohesion/groups.csv?by=ethnic-group");
        var asianRow = csv.Single(r => r[1] == "Asian");
        Assert.Equal(["ethnic-group", "Asian", "Asian", Cell(pa)], asianRow[..4]);
        Assert.Equal("higher", asianRow[7]);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/surveys/groups/indicators/cohesion?by=shoe-size")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/groups/indicators/cohesion/groups.csv?by=shoe-size")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/groups/indicators/cohesion/areas.csv")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task WeightingIsExplainedAndWhenItCannotBeDoneThePageWarnsTheFiguresAreUnweighted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TwelveAsync(app, "weighted", weighting: SurveyWeighting.Area);
        using var http = app.Client();
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/weighted"));
        Assert.Contains("post-stratification to the Census 2011 residents of each ward", page);
        Assert.Contains("19 area(s) with fewer than 5 respondents were combined into one weighting cell", page);
        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/weighted");
        var weighting = api.GetProperty("weighting");
        var deff = weighting.GetProperty("designEffect").GetDouble();
        Assert.True(deff > 1);
        Assert.Contains($"The design effect of weighting is {deff.ToString("0.00", Uk)} (Kish's 1 + CV²), so the 12 responses are about as precise as a simple random sample of {weighting.GetProperty("effectiveSampleSize").GetInt32()} people", page);
        Assert.Equal(["residence area"], weighting.GetProperty("margins").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Census 2011 usual residents by ethnic group (KS201EW), ONS, Open Government Licence v3.0", page);

        // A district with no census counts: weighting is refused, the page says why and that the figures are unweighted.
        var survey = await SurveyAsync(app, "nocensus", ["cohesion"], weighting: SurveyWeighting.Area, level: AreaLevel.LocalAuthority);
        await using (var db = app.Database.Context())
        {
            var area = db.Areas.Add(new Area { Code = "E06999999", Name = "Nowhere", Level = AreaLevel.LocalAuthority }).Entity;
            await db.SaveChangesAsync();
            await db.Surveys.Where(s => s.Id == survey.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.AreaId, area.Id).SetProperty(s => s.IsSynthetic, true));
        }
        await ResponsesAsync(app, survey, [.. Enumerable.Range(0, 10).Select(_ => R(("cohesion", "tend-to-agree")))]);
        var refused = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/nocensus"));
        Assert.Contains("Weighting could not be done: the census population (Census 2011 usual residents by ethnic group (KS201EW), ONS, Open Government Licence v3.0) is not loaded for the survey's areas. The figures are unweighted.", refused);
        Assert.Contains("class=\"govuk-warning-text\"", refused);
        Assert.Contains("Synthetic data: these responses are generated for demonstration", refused);
        var nocensus = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/nocensus");
        Assert.Equal(("Area", "None"), (nocensus.GetProperty("weighting").GetProperty("requested").GetString(), nocensus.GetProperty("weighting").GetProperty("applied").GetString()));
        Assert.True(nocensus.GetProperty("survey").GetProperty("synthetic").GetBoolean());
        var csv = await CsvText.GetAsync(http, "/surveys/nocensus/indicators.csv");
        Assert.Equal(("cohesion", "100", "none (weighting could not be done)", "yes"), (csv[1][0], csv[1][5], csv[1][9], csv[1][10]));
        Assert.Contains("SYNTHETIC DATA", csv[1][11]);
        var weightedCsv = await CsvText.GetAsync(http, "/surveys/weighted/indicators.csv");
        Assert.Equal("post-stratification", weightedCsv[1][9]);
        Assert.EndsWith("weighted to Census 2011 usual residents (ONS, Open Government Licence v3.0)", weightedCsv[1][11]);
        var notes = await http.GetAsync("/surveys/nocensus/indicators.xlsx");
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task UnpublishedSurveyIsNotFoundForThePublicAndOtherPartnersAndVisibleToItsOwner(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TwelveAsync(app, "draft", published: false, owner: "Owner partner");
        string[] urls =
        [
            "/surveys/draft", "/surveys/draft/indicators/cohesion", "/surveys/draft/indicators.csv", "/surveys/draft/indicators/cohesion/areas.xlsx",
            "/surveys/draft/indicators/cohesion/groups.csv?by=ethnic-group", "/surveys/draft/indicators/cohesion/answers.csv",
            "/api/v1/surveys/draft", "/api/v1/surveys/draft/indicators", "/api/v1/surveys/draft/indicators/cohesion?by=area", "/api/v1/surveys/draft/indicators/cohesion/map",
            "/api/v1/surveys/draft/indicators/cohesion/by-area-and-group?by=ethnic-group", "/surveys/draft/indicators/cohesion/areas-groups.csv?by=ethnic-group",
            "/surveys/draft/indicators/cohesion/areas-groups.xlsx",
        ];
        using var anonymous = app.Client();
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Analyst, "Another partner");
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "owner@example.org", Role.Viewer, "Owner partner");
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
        }
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/surveys")).EnumerateArray());
        var mine = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/surveys")).EnumerateArray().Single();
        Assert.Equal(("draft", false, 12), (mine.GetProperty("name").GetString(), mine.GetProperty("published").GetBoolean(), mine.GetProperty("responses").GetInt32()));
        var page = await owner.GetStringAsync("/surveys/draft");
        Assert.Contains("These results are not published", page);
        Assert.DoesNotContain("/surveys/draft/manage", page); // a viewer sees the results but does not run the survey
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "staff@example.org", Role.Contributor, "Owner partner");
        Assert.Contains("href=\"/surveys/draft/manage\"", await staff.GetStringAsync("/surveys/draft"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/surveys/draft/indicators/no-such-indicator")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/surveys/draft/indicators/belonging")).StatusCode); // not asked
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/v1/surveys/draft/indicators/belonging/by-area-and-group")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task EveryDownloadIsAuditedWithTheExportingActorAndWhatWasExported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TwelveAsync(app, "exported");
        var (http, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Analyst, "Another partner");
        string[] urls =
        [
            "/surveys/exported/indicators.csv", "/surveys/exported/indicators.xlsx", "/surveys/exported/indicators/cohesion/areas.csv",
            "/surveys/exported/indicators/cohesion/groups.xlsx?by=ethnic-group", "/surveys/exported/indicators/cohesion/answers.csv",
        ];
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        foreach (var url in (string[])["/surveys/exported/indicators.pdf", "/surveys/exported/indicators/cohesion/secrets.csv", "/surveys/exported/indicators/nope/areas.csv", "/surveys/nope/indicators.csv"])
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/surveys/exported/indicators.csv")).StatusCode);

        await using var db = app.Database.Context();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).Select(a => new { a.Actor, a.Target, a.Detail }).ToListAsync();
        Assert.Equal(urls.Length + 1, audit.Count);
        Assert.All(audit.Take(urls.Length), a => Assert.Equal("analyst@example.org", a.Actor));
        Assert.Equal("anonymous", audit[^1].Actor);
        Assert.Equal(["survey-exported-indicators.csv", "survey-exported-indicators.xlsx", "survey-exported-cohesion-areas.csv",
            "survey-exported-cohesion-groups-ethnic-group.xlsx", "survey-exported-cohesion-answers.csv"], audit.Take(urls.Length).Select(a => a.Target));
        Assert.StartsWith("20 rows; survey=exported; table=areas; indicator=cohesion; by=area; weighting=None; minimum base 10", audit[2].Detail);

        // The notes of a download: the survey, its weighting, the symbols, the sources and who exported it.
        var text = await http.GetStringAsync("/surveys/exported/indicators.csv");
        Assert.StartsWith("\uFEFFindicator_code,", text);
        var xlsx = await http.GetByteArrayAsync("/surveys/exported/indicators/cohesion/areas.xlsx");
        var about = XlsxText(xlsx);
        Assert.Contains("Test exported (exported)", about);
        Assert.Contains("each response counts once", about);
        Assert.Contains("Design-based: percentages", about);
        Assert.Contains("Withheld: fewer than 10 people answered (it is never zero)", about);
        Assert.Contains("Community Life Survey", about);
        Assert.Contains("by analyst@example.org", about);
    }
}

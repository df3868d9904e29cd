using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.Change;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Change;

/// <summary>One app over a fresh SQLite database with the demo GP extract seeded, shared by the read-only page tests.</summary>
public sealed class ChangeDemoApp : IAsyncLifetime
{
    TestApp? _app;
    public TestApp App => _app ?? throw new InvalidOperationException("the app did not start");
    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithChangeData);
    public async Task DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }
}

/// <summary>
/// The "How communities are changing" pages through HTTP: the figures they show are the API's for the same
/// viewer, withheld figures are [c] (never zero), exports follow the page and are audited, and a dataset the
/// viewer may not see is a 404 everywhere.
/// </summary>
public partial class ChangePagesTests(ChangeDemoApp demo) : IClassFixture<ChangeDemoApp>
{
    const string Dataset = DemoChange.GpDataset;
    const string District = "E08000004";
    const string Area = "E01005320";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    [GeneratedRegex("""<tr class="govuk-table__row[^"]*" id="area-(E\d+)">(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RankingRow();

    [GeneratedRegex("""<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex NumericCell();

    [GeneratedRegex("""<tr class="govuk-table__row app-flag-row" id="flags-(E\d+)">(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex FlagRow();

    static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();

    /// <summary>The ranking table of a page: area code → the text of its numeric cells.</summary>
    static Dictionary<string, string[]> Ranking(string html) => RankingRow().Matches(html)
        .ToDictionary(m => m.Groups[1].Value, m => NumericCell().Matches(m.Groups[2].Value).Select(c => Text(c.Groups[1].Value)).ToArray());

    /// <summary>The API's ranking of the district's small areas in a period, for the same viewer as <paramref name="http"/>.</summary>
    static Task<JsonElement> RankingApiAsync(HttpClient http, string period) =>
        http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/districts/{District}/areas?period={period}");

    static double? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();
    static string Count(double v) => v.ToString("N0", Uk);
    static string Rate(double v) => v.ToString("N1", Uk);
    static string Signed(double v) => v.ToString("+#,##0;−#,##0;0", Uk);

    [Fact]
    public async Task IndexListsTheOpenDatasetWithItsTermsForAnAnonymousVisitor()
    {
        using var http = demo.App.Client();
        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/change"));
        Assert.Contains("How communities are changing", html);
        Assert.Contains("GP registrations in Oldham (synthetic)", html);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--orange\">Synthetic data</strong>", html);
        Assert.Contains(DemoChange.GpOwner, html);
        Assert.Contains("31 December 2025", html);
        Assert.Contains("These figures are disclosure-controlled: counts from 1 to 9 are withheld", html);
        Assert.Contains("Open: published with disclosure control", html);
        Assert.Contains($"href=\"/change/{Dataset}/{District}\"", html);
        Assert.Contains("href=\"/change\" aria-current=\"page\"", html); // the nav item is current
    }

    [Fact]
    public async Task DistrictPageShowsTheApiFiguresForTheSameViewerWithWithheldAsC()
    {
        using var http = demo.App.Client();
        var series = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/areas/{District}/series")).GetProperty("points");
        var latest = series[series.GetArrayLength() - 1];
        var html = await http.GetStringAsync($"/change/{Dataset}/{District}?period=2024-06&pageSize=500");
        var text = WebUtility.HtmlDecode(html);

        // Headline and timeline: the district's registered population, change and churn as the API gives them.
        Assert.Contains("In December 2025, the latest month:", text);
        Assert.Contains($">{Count(Num(latest, "stock")!.Value)}<", text);
        Assert.Contains($">{Signed(Num(latest, "stockChangeFromYearEarlier")!.Value)}<", text);
        Assert.Contains($">{Rate(Num(latest, "churnPer1000")!.Value)}<", text);
        Assert.Contains("Figures for every month as a table (108 rows, latest first)", text);
        Assert.Contains("rates are per 1,000 people registered at the start of the month", text);

        // The ranking for the chosen month: every area, every figure, the same as the API's ranking for this viewer.
        var api = await RankingApiAsync(http, "2024-06");
        var rows = Ranking(html);
        Assert.Equal(141, rows.Count);
        var withheld = 0;
        foreach (var a in api.GetProperty("areas").EnumerateArray())
        {
            var cells = rows[a.GetProperty("code").GetString()!];
            var f = a.GetProperty("figures");
            string[] counts = ["stock", "inflow", "outflow", "arrivals"];
            for (var i = 0; i < counts.Length; i++)
            {
                if (Num(f, counts[i]) is { } v) Assert.Equal(Count(v), cells[i]);
                else { Assert.Equal("[c] (withheld)", cells[i]); withheld++; }
            }
            string[] rates = ["churnPer1000", "arrivalsPer1000"];
            for (var i = 0; i < rates.Length; i++)
            {
                if (Num(f, rates[i]) is { } v) Assert.Equal(Rate(v), cells[4 + i]);
                else Assert.StartsWith("[", cells[4 + i]);
            }
            if (Num(f, "stockChangeFromYearEarlier") is { } change) Assert.Equal(Signed(change), cells[6]);
            else Assert.StartsWith("[", cells[6]);
        }
        Assert.True(withheld > 0, "the demo data should have withheld figures in a month, or this test proves nothing about [c]");
        Assert.Contains("Small areas in June 2024", text);
        Assert.Contains("<option value=\"2024-06\" selected=\"selected\">June 2024</option>", text);
    }

    [Fact]
    public async Task RankingSortsWithWithheldLastFiltersAndPaginates()
    {
        using var http = demo.App.Client();
        var byArrivals = Ranking(await http.GetStringAsync($"/change/{Dataset}/{District}?sort=arrivals&dir=asc&pageSize=500"));
        var arrivals = byArrivals.Values.Select(c => c[3]).ToList();
        var firstWithheld = arrivals.FindIndex(c => c.StartsWith("[c]", StringComparison.Ordinal));
        Assert.True(firstWithheld >= 0);
        Assert.All(arrivals.Skip(firstWithheld), c => Assert.StartsWith("[c]", c)); // withheld last even ascending, never as zero
        var shown = arrivals.Take(firstWithheld).Select(c => long.Parse(c, NumberStyles.AllowThousands, Uk)).ToList();
        Assert.Equal(shown.Order(), shown);

        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/change/{Dataset}/{District}?page=3"));
        Assert.Contains("Showing 101 to 141 of 141 areas.", page);
        Assert.Contains("aria-sort=\"descending\"", page); // by churn, highest first, until the reader chooses
        var search = Ranking(await http.GetStringAsync($"/change/{Dataset}/{District}?q=024A"));
        Assert.Equal(new[] { Area }, search.Keys);
        var none = WebUtility.HtmlDecode(await http.GetStringAsync($"/change/{Dataset}/{District}?flagged=yes&period=2023-01"));
        Assert.Contains("No area is flagged for rapid change in January 2023.", none);
        Assert.Contains("id=\"flagged\" name=\"flagged\" type=\"checkbox\" value=\"yes\" checked=\"checked\"", none);
    }

    [Fact]
    public async Task FlaggedOnlyShowsTheApisFlaggedAreasEachFlagWithItsRule()
    {
        using var http = demo.App.Client();
        var api = await RankingApiAsync(http, "2024-06");
        var flagged = api.GetProperty("areas").EnumerateArray().Where(a => a.GetProperty("flags").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(flagged);
        var html = await http.GetStringAsync($"/change/{Dataset}/{District}?flagged=yes&period=2024-06");
        Assert.Equal(flagged.Select(a => a.GetProperty("code").GetString()).Order(), Ranking(html).Keys.Order());
        Assert.Contains($"Flagged areas only ({flagged.Count})", html);
        var rows = FlagRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(flagged.Count, rows.Count);
        foreach (var a in flagged)
        {
            var code = a.GetProperty("code").GetString()!;
            Assert.Equal(a.GetProperty("flags").GetArrayLength().ToString(CultureInfo.InvariantCulture), Ranking(html)[code][^1]); // the count, sortable
            Assert.Contains($"Why {a.GetProperty("name").GetString()} is flagged", rows[code]);
            foreach (var f in a.GetProperty("flags").EnumerateArray())
            {
                var tag = f.GetProperty("measure").GetString() == "arrivals_per_1000" ? "Arrivals" : "Churn";
                var rule = f.GetProperty("rule").GetString()!;
                Assert.Contains($"<strong class=\"govuk-tag govuk-tag--red\">{tag}</strong> <span class=\"govuk-body-s\">{char.ToUpperInvariant(rule[0])}{rule[1..]}</span>", rows[code]);
            }
        }

        // The download carries the flags with their rules too.
        var csv = await http.GetStringAsync($"/change/{Dataset}/{District}/export.csv?flagged=yes&period=2024-06");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(flagged.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@",""?(Arrivals|Churn): [A-Z]", l));
    }

    [Fact]
    public async Task MapTableShowsTheMeasureForACategoryWithWithheldAreasLabelled()
    {
        using var http = demo.App.Client();
        var map = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/districts/{District}/map?measure=stock&category=ethnic_group:Pakistani&period=2023-01");
        var html = WebUtility.HtmlDecode(await http.GetStringAsync($"/change/{Dataset}/{District}?measure=stock&category=ethnic_group:Pakistani&period=2023-01"));
        Assert.Contains("data-map-values=\"/api/v1/change/gp-oldham-synthetic/districts/E08000004/map?category=ethnic_group%3APakistani&measure=stock&period=2023-01\"", html);
        Assert.Contains($"data-map-link=\"/change/{Dataset}/area/{{code}}\"", html);
        Assert.Contains("data-map-missing=\"Withheld [c]\"", html);
        Assert.Contains("Registered at the end of the period</strong>, ethnic group: Pakistani, January 2023.", html);
        var nulls = 0;
        foreach (var v in map.GetProperty("values").EnumerateArray())
        {
            var code = v.GetProperty("code").GetString();
            var expected = Num(v, "value") is { } x ? Count(x) : "[c] (withheld)";
            if (expected.StartsWith('[')) nulls++;
            Assert.Matches($@"href=""/change/{Dataset}/area/{code}"">[^<]+</a> <span class=""govuk-body-s"">\({code}\)</span></th>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">{Regex.Escape(expected.Replace(" (withheld)", ""))}", html);
        }
        Assert.True(nulls > 0, "some areas' Pakistani counts should be withheld");
    }

    [Fact]
    public async Task AreaPageShowsTimelineStructureLanguagesEthnicityAgainst2011AndDiversity()
    {
        using var http = demo.App.Client();
        var profile = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/areas/{Area}");
        var html = WebUtility.HtmlDecode(await http.GetStringAsync($"/change/{Dataset}/area/{Area}"));
        Assert.Contains("Oldham 024A: how the community is changing", html);
        Assert.Contains($"href=\"/change/{Dataset}/{District}#ranking\"", html); // back to the district's ranking
        var regs = profile.GetProperty("registrations");
        Assert.Contains($">{Count(Num(regs[regs.GetArrayLength() - 1], "stock")!.Value)}<", html);
        foreach (var s in profile.GetProperty("sex").EnumerateArray().Concat(profile.GetProperty("ageBands").EnumerateArray()))
        {
            var (count, share) = Num(s, "count") is { } n ? (Count(n), Rate(Num(s, "percent")!.Value) + "%") : ("[c]", "[c]");
            Assert.Matches($@">{Regex.Escape(s.GetProperty("label").GetString()!)}</th>\s*<td[^>]*>{Regex.Escape(count)}(<span[^>]*>[^<]*</span>)?</td>\s*<td[^>]*>{Regex.Escape(share)}", html);
        }
        var top = profile.GetProperty("languages").EnumerateArray().First(l => l.GetProperty("code").GetString() != "not_stated");
        Assert.Contains($">{top.GetProperty("label").GetString()}</th>", html);
        Assert.Contains("Main language not stated:", html);
        foreach (var e in profile.GetProperty("ethnicity").EnumerateArray())
        {
            var now = Num(e, "percent") is { } p ? Rate(p) + "%" : "[c]";
            var then = Num(e, "census2011Percent") is { } q ? Rate(q) + "%" : "[x]";
            Assert.Matches($@">{Regex.Escape(e.GetProperty("label").GetString()!)}</th>\s*<td[^>]*>[^<]*(<span[^>]*>[^<]*</span>)?</td>\s*<td[^>]*>{Regex.Escape(now)}(<span[^>]*>[^<]*</span>)?</td>\s*<td[^>]*>{Regex.Escape(then)}", html);
        }
        var simpson = profile.GetProperty("ethnicDiversity");
        Assert.Contains($">{Num(simpson[simpson.GetArrayLength() - 1], "simpson")!.Value.ToString("0.000", Uk)}<", html);
        Assert.Contains("Diversity for every month as a table (108 rows, latest first)", html);
        Assert.Contains("id=\"about-figures\"", html);
        Assert.Contains("[c]</strong> = withheld to protect confidentiality", html);
    }

    [Fact]
    public async Task ExportsFollowThePageMarkWithheldAsCAndAreAuditedWithThePolicy()
    {
        using var http = demo.App.Client();
        var api = await RankingApiAsync(http, "2025-06");
        var csv = await http.GetAsync($"/change/{Dataset}/{District}/export.csv?period=2025-06&sort=code&dir=asc&page=2");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name,period,registered_start,registered,inflow,outflow,arrivals,churn_per_1000,arrivals_per_1000,"
            + "registered_change_on_year_earlier,registered_percent_change_on_year_earlier,flags", lines[0]);
        Assert.Equal(142, lines.Length); // every page, not just the one on screen
        var byCode = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        Assert.Equal(byCode.Keys.Order(StringComparer.Ordinal), byCode.Keys);
        var withheld = 0;
        foreach (var a in api.GetProperty("areas").EnumerateArray())
        {
            var row = byCode[a.GetProperty("code").GetString()!];
            Assert.Equal("2025-06", row[2]);
            var f = a.GetProperty("figures");
            foreach (var (name, col) in new[] { ("stock", 4), ("inflow", 5), ("outflow", 6), ("arrivals", 7) })
            {
                if (Num(f, name) is { } v) Assert.Equal(v.ToString(CultureInfo.InvariantCulture), row[col]);
                else { Assert.Equal("[c]", row[col]); withheld++; }
            }
            if (Num(f, "churnPer1000") is { } churn) Assert.Equal(Math.Round(churn, 3), double.Parse(row[8], CultureInfo.InvariantCulture));
        }
        Assert.True(withheld > 0);

        var xlsx = await http.GetByteArrayAsync($"/change/{Dataset}/{District}/export.xlsx?period=2025-06&q=Oldham 024");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        string[][] Rows(string sheet) => ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets.Single(s => s.Name == sheet).Id!)).Worksheet
            .Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToArray();
        var data = Rows("Data");
        Assert.True(data.Length is > 2 and < 10, $"{data.Length} rows for 'Oldham 024'");
        Assert.All(data.Skip(1), r => Assert.StartsWith("Oldham 024", r[1]));
        var about = Rows("About").ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : "");
        Assert.Equal("Withheld to protect confidentiality (it is never zero)", about["[c]"]);
        Assert.StartsWith("These figures are disclosure-controlled", about["Figures"]);
        Assert.StartsWith("Yes", about["Synthetic data"]);
        Assert.Equal(DemoChange.GpOwner, about["Owner"]);
        Assert.Equal("31 December 2025", about["Extract date"]);

        await using var db = demo.App.Database.Context();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.Export && e.Target.StartsWith(Dataset)).ToListAsync();
        var csvEntry = Assert.Single(audit, e => e.Target == $"{Dataset}-{District}-2025-06.csv");
        Assert.Equal("anonymous", csvEntry.Actor);
        Assert.StartsWith($"141 rows; dataset={Dataset}; district={District}; period=2025-06;", csvEntry.Detail);
        Assert.EndsWith("policy: suppress:10", csvEntry.Detail);
        Assert.Contains(audit, e => e.Target == $"{Dataset}-{District}-2025-06.xlsx" && e.Detail.Contains("search=Oldham 024"));
    }

    [Fact]
    public async Task AreaPageShowsTheChosenPeriodAndEveryTableDownloadsWithThePagesFiguresAudited()
    {
        using var http = demo.App.Client();
        var profile = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/areas/{Area}?period=2020-03");
        Assert.Equal("2020-03", profile.GetProperty("period").GetString());
        var html = WebUtility.HtmlDecode(await http.GetStringAsync($"/change/{Dataset}/area/{Area}?period=2020-03"));
        Assert.Contains("Profile for March 2020", html);
        Assert.Contains("<option value=\"2020-03\" selected=\"selected\">March 2020</option>", html);
        Assert.Contains("Age and sex, March 2020", html);
        foreach (var s in profile.GetProperty("sex").EnumerateArray())
        {
            var (count, share) = Num(s, "count") is { } n ? (Count(n), Rate(Num(s, "percent")!.Value) + "%") : ("[c]", "[c]");
            Assert.Matches($@">{Regex.Escape(s.GetProperty("label").GetString()!)}</th>\s*<td[^>]*>{Regex.Escape(count)}(<span[^>]*>[^<]*</span>)?</td>\s*<td[^>]*>{Regex.Escape(share)}", html);
        }
        foreach (var table in new[] { "structure", "languages", "ethnicity" })
            Assert.Contains($"href=\"/change/{Dataset}/area/{Area}/{table}.csv?period=2020-03\"", html);
        Assert.Contains($"href=\"/change/{Dataset}/area/{Area}/timeline.xlsx\"", html);

        // Every language, not only the ten on the page, with the API's counts for that period.
        var languages = await CsvText.GetAsync(http, $"/change/{Dataset}/area/{Area}/languages.csv?period=2020-03");
        Assert.Equal(["code", "period", "characteristic", "category", "label", "count", "percent"], languages[0]);
        var api = profile.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(api.Count, languages.Count - 1);
        Assert.True(api.Count > ChangeAreaModelTop, $"{api.Count} languages");
        for (var i = 0; i < api.Count; i++)
            Assert.Equal(Num(api[i], "count") is { } n ? n.ToString(CultureInfo.InvariantCulture) : "[c]", languages[i + 1][5]);
        var ethnicity = await CsvText.GetAsync(http, $"/change/{Dataset}/area/{Area}/ethnicity.csv?period=2020-03");
        Assert.Equal("census2011_percent", ethnicity[0][6]);
        Assert.All(ethnicity.Skip(1), r => Assert.Equal("2020-03", r[1]));
        var structure = await CsvText.GetAsync(http, $"/change/{Dataset}/area/{Area}/structure.csv?period=2020-03");
        Assert.Equal(["sex", "age_band"], structure.Skip(1).Select(r => r[2]).Distinct());
        var timeline = await CsvText.GetAsync(http, $"/change/{Dataset}/area/{Area}/timeline.csv");
        Assert.Equal(109, timeline.Count); // 2017-01 to 2025-12 and the header
        var diversity = await CsvText.GetAsync(http, $"/change/{Dataset}/area/{Area}/diversity.csv");
        Assert.Equal(["code", "period", "ethnic_group_simpson", "ethnic_group_shannon", "main_language_simpson", "main_language_shannon"], diversity[0]);
        var simpson = profile.GetProperty("ethnicDiversity");
        Assert.Equal(Math.Round(Num(simpson[simpson.GetArrayLength() - 1], "simpson")!.Value, 3), double.Parse(diversity[^1][2], CultureInfo.InvariantCulture));

        var district = await CsvText.GetAsync(http, $"/change/{Dataset}/{District}/timeline.csv");
        Assert.Equal(109, district.Count);
        var map = await CsvText.GetAsync(http, $"/change/{Dataset}/{District}/map.csv?measure=stock&category=sex:F&period=2024-01");
        Assert.Equal(142, map.Count);
        Assert.All(map.Skip(1), r => Assert.Equal(["2024-01", "stock", "sex:F"], r[2..5]));

        var xlsx = await http.GetByteArrayAsync($"/change/{Dataset}/area/{Area}/ethnicity.xlsx?period=2020-03");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        var about = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets.Single(x => x.Name == "About").Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : "");
        Assert.StartsWith("Yes", about["Synthetic data"]);
        Assert.StartsWith("These figures are disclosure-controlled", about["Figures"]);
        Assert.Contains("Contains 2011 Census data © Crown copyright", about["Census 2011"]);
        Assert.EndsWith(" by anonymous", about["Exported"]);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/change/{Dataset}/area/{Area}/secrets.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/change/{Dataset}/areas/{Area}?period=1999-01")).StatusCode);

        await using var db = demo.App.Database.Context();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.Export && e.Target.Contains(Area)).ToListAsync();
        var entry = Assert.Single(audit, e => e.Target == $"{Dataset}-{Area}-languages-2020-03.csv");
        Assert.Equal($"{api.Count} rows; dataset={Dataset}; area={Area}; table=languages; period=2020-03; policy: suppress:10", entry.Detail);
        Assert.Contains(audit, e => e.Target == $"{Dataset}-{Area}-timeline.csv");
        Assert.Contains(audit, e => e.Target == $"{Dataset}-{Area}-ethnicity-2020-03.xlsx");
    }

    const int ChangeAreaModelTop = Cohesion.Change.Pages.ChangeAreaModel.TopLanguages;

    [Fact]
    public async Task DataSourcesListTheChangeDatasetsWithTheirOwnerAgreementAndSyntheticLabel()
    {
        using var http = demo.App.Client();
        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/data-sources"));
        Assert.Contains("Community change datasets", html);
        Assert.Matches(@"GP registrations in Oldham \(synthetic\)\s*<strong class=""govuk-tag govuk-tag--orange"">Synthetic data</strong>", html);
        Assert.Contains("School census in Oldham (synthetic)", html);
        Assert.Contains(DemoChange.GpOwner, html);
        Assert.Contains("Synthetic demonstration data: describes no real person; free to use", html);
    }

    [Theory]
    [InlineData("/change/no-such-dataset/E08000004")]
    [InlineData("/change/no-such-dataset/area/E01005320")]
    [InlineData("/change/no-such-dataset/E08000004/export.csv")]
    [InlineData("/change/gp-oldham-synthetic/E01005320")]         // an LSOA is not a district
    [InlineData("/change/gp-oldham-synthetic/E99999999")]
    [InlineData("/change/gp-oldham-synthetic/area/E99999999")]
    [InlineData("/change/gp-oldham-synthetic/E08000004/export.pdf")]
    [InlineData("/change/gp-oldham-synthetic/E08000004/timeline.pdf")]
    [InlineData("/change/gp-oldham-synthetic/E01005320/timeline.csv")]      // an LSOA is not a district
    [InlineData("/change/gp-oldham-synthetic/area/E99999999/languages.csv")]
    [InlineData("/change/no-such-dataset/area/E01005320/timeline.csv")]
    public async Task UnknownDatasetsAreasAndFormatsAreNotFound(string path)
    {
        using var http = demo.App.Client();
        var r = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task OwnerOnlyDatasetIsExactForTheOwnerAndNotFoundForEveryoneElse(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithChangeData);
        await using (var db = app.Database.Context())
        {
            var ds = await db.Datasets.SingleAsync(d => d.Name == Dataset);
            ds.Sensitivity = Sensitivity.OwnerOnly;
            await db.SaveChangesAsync();
        }
        string[] pages = [$"/change/{Dataset}/{District}", $"/change/{Dataset}/area/{Area}", $"/change/{Dataset}/{District}/export.csv",
            $"/change/{Dataset}/{District}/timeline.csv", $"/change/{Dataset}/{District}/map.csv", $"/change/{Dataset}/area/{Area}/languages.csv"];

        using var anonymous = app.Client();
        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "analyst@partner.example", Role.Analyst, "Oldham Council");
        foreach (var client in new[] { anonymous, partner })
        {
            Assert.DoesNotContain("GP registrations in Oldham", await client.GetStringAsync("/change"));
            Assert.DoesNotContain("GP registrations in Oldham", await client.GetStringAsync("/data-sources"));
            foreach (var page in pages) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
        }

        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "analyst@gp.example", Role.Viewer, DemoChange.GpOwner);
        Assert.Contains("exact figures for you", await owner.GetStringAsync("/change"));
        Assert.Contains("GP registrations in Oldham", await owner.GetStringAsync("/data-sources"));
        var html = WebUtility.HtmlDecode(await owner.GetStringAsync($"/change/{Dataset}/{District}?pageSize=500"));
        Assert.Contains("These figures are exact: you are in the owner organisation", html);
        Assert.Contains("Who can see it</dt><dd class=\"govuk-summary-list__value\">Owner only", html);
        var api = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/change/{Dataset}/districts/{District}/areas");
        var rows = Ranking(html);
        foreach (var a in api.GetProperty("areas").EnumerateArray())
        {
            var f = a.GetProperty("figures");
            var cells = rows[a.GetProperty("code").GetString()!];
            Assert.Equal(Count(Num(f, "stock")!.Value), cells[0]);
            Assert.Equal(Count(Num(f, "arrivals")!.Value), cells[3]); // exact: nothing withheld
        }
        Assert.DoesNotContain("[c]<span", html);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/change/{Dataset}/area/{Area}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/change/{Dataset}/{District}/export.xlsx")).StatusCode);

        await using var check = app.Database.Context();
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.Export && e.Target.StartsWith(Dataset));
        Assert.Equal("analyst@gp.example", entry.Actor);
        Assert.EndsWith("policy: exact (owner)", entry.Detail);
    }
}

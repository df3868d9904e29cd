using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Places;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.BrowserTests;

/// <summary>
/// A survey's results pages in Chromium: axe-core finds no WCAG 2.2 AA violation on the results page and the indicator
/// pages (with their map and charts drawn) for an anonymous visitor and the admin; the map and bar charts draw under the
/// real CSP with nothing logged; without JavaScript the tables are all there and the group picker works; the table by
/// ward and group scrolls in a named region the keyboard reaches.
/// </summary>
public sealed class SurveyResultsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Name = "browser-results", Cross = "browser-cross";

    public static TheoryData<string, int> Pages => new()
    {
        { $"/surveys/{Name}", 200 },
        { $"/surveys/{Name}/indicators/cohesion", 200 },
        { $"/surveys/{Name}/indicators/cohesion?by=age", 200 },
        { $"/surveys/{Name}/indicators/collective-efficacy?by=religion", 200 },
        { $"/surveys/{Name}/indicators/therm-muslims", 200 },
        { $"/surveys/{Cross}/indicators/cohesion", 200 },
        { $"/surveys/{Name}/indicators/no-such-indicator", 404 },
        { "/surveys/no-such-survey", 404 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForAnonymousVisitor(string path, int status)
    {
        await EnsureSurveyAsync();
        await fixture.AssertNoViolationsAsync(path, status);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForSignedInAdmin(string path, int status)
    {
        await EnsureSurveyAsync();
        await fixture.AssertNoViolationsAsync(path, status, asAdmin: true);
    }

    [Fact]
    public async Task IndicatorPageDrawsItsMapAndChartsWithNoConsoleErrorsOrCspViolations()
    {
        await EnsureSurveyAsync();
        await using var context = await fixture.NewContextAsync(); // the app's own CSP
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"HTTP {r.Status}: {r.Url}"); };
        await page.OpenAsync($"/surveys/{Name}/indicators/cohesion");

        // The map, the bar chart by ward and the bar chart by ethnic group, each drawn on a canvas of a useful size.
        var containers = page.Locator(".app-chart, .app-map");
        Assert.Equal(3, await containers.CountAsync());
        Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var n = 0;
        foreach (var c in await containers.AllAsync())
        {
            await Assertions.Expect(c.Locator("canvas")).ToHaveCountAsync(1);
            var box = await c.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 300 }, $"{await c.GetAttributeAsync("class")} is {box?.Width}x{box?.Height}");
            await c.ScreenshotAsync(new() { Path = Path.Combine(dir, $"survey-indicator-chart-{++n}.png") });
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "survey-indicator.png"), FullPage = true });

        // The tables beside them: every ward, and the ward with four respondents withheld.
        await Assertions.Expect(page.Locator("#areas-table tbody tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#areas-table tbody tr", new() { HasText = "Werneth" })).ToContainTextAsync("[c]");
    }

    [Fact]
    public async Task WithoutJavaScriptTheTablesAreThereChartsTakeNoSpaceAndTheGroupPickerWorks()
    {
        await EnsureSurveyAsync();
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"/surveys/{Name}/indicators/belonging");
        Assert.Equal(200, response?.Status);
        foreach (var c in await page.Locator(".app-chart, .app-map").AllAsync())
        {
            await Assertions.Expect(c).ToBeHiddenAsync();
            Assert.Null(await c.BoundingBoxAsync());
        }
        await Assertions.Expect(page.Locator("#areas-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#areas-groups-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#groups-table caption")).ToContainTextAsync("by ethnic group");
        await page.Locator("#by").SelectOptionAsync("age");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show groups" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-table caption")).ToContainTextAsync("by age group");
        await Assertions.Expect(page.Locator("#groups-table tbody tr").First).ToContainTextAsync("16 to 34");

        await page.GotoAsync($"/surveys/{Name}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Feel they belong to their neighbourhood" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Feel they belong to their neighbourhood");
    }

    [Fact]
    public async Task TheTableByWardAndGroupIsANamedRegionTheKeyboardReachesWithFiguresTestedAndWithheld()
    {
        await EnsureSurveyAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync($"/surveys/{Cross}/indicators/cohesion");
        var region = page.GetByRole(AriaRole.Region, new() { Name = "People from different backgrounds get on well together, by ward and ethnic group" });
        await Assertions.Expect(region).ToHaveCountAsync(1);
        // The link just before the table, then Tab: the region takes focus, so a keyboard user can scroll it.
        await page.GetByRole(AriaRole.Link, new() { Name = "choose what to group people by" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(region).ToBeFocusedAsync();
        var table = region.Locator("table");
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["Ward", "White", "Asian"]);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(20);
        var coldhurst = table.Locator("tbody tr", new() { HasText = "Coldhurst" });
        await Assertions.Expect(coldhurst.Locator("td").Nth(0)).ToContainTextAsync("75%");
        await Assertions.Expect(coldhurst.Locator("td").Nth(0)).ToContainTextAsync("Higher than the rest of the ward");
        await Assertions.Expect(coldhurst.Locator("td").Nth(1)).ToContainTextAsync("Lower than the rest of the ward");
        var werneth = table.Locator("tbody tr", new() { HasText = "Werneth" });
        await Assertions.Expect(werneth.Locator("td").Nth(1)).ToContainTextAsync("[c]");
        await Assertions.Expect(werneth.Locator("td").Nth(1)).ToContainTextAsync("n = 3");
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.Locator("#by-area-and-group").ScrollIntoViewIfNeededAsync();
        await region.ScreenshotAsync(new() { Path = Path.Combine(dir, "survey-indicator-areas-groups.png") });
    }

    static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>
    /// A published survey of Oldham by ward, raked to the census by ward and broad ethnic group: 20 respondents in each
    /// ward but Werneth (4, so its figures are withheld), answering the cohesion, belonging, collective efficacy and two
    /// thermometer questions and the questions about themselves; made once per app.
    /// </summary>
    async Task EnsureSurveyAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            var app = fixture.App;
            await using (var db = app.Database.Context())
                if (await db.Surveys.AnyAsync(s => s.Name == Name)) return;
            await CrossAsync(app);
            string[] ce = ["ce-help", "ce-close-knit", "ce-trusted", "ce-dont-get-along", "ce-dont-share-values", "ce-skipping-school", "ce-graffiti", "ce-disrespect", "ce-fight", "ce-fire-station"];
            var survey = await SurveyAsync(app, Name, ["cohesion", "belonging", .. ce, "therm-muslims", "therm-immigrants", "ethnic-group", "age", "religion", "residence"],
                weighting: SurveyWeighting.AreaAndEthnicGroup);
            List<string> wards;
            await using (var db = app.Database.Context())
                wards = await db.Areas.Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name).Select(a => a.Name == "Werneth" ? "W:" + a.Code : a.Code).ToListAsync();
            string[] agree = ["definitely-agree", "tend-to-agree", "tend-to-agree", "tend-to-disagree", "definitely-disagree", "dont-know"];
            string[] strength = ["very-strongly", "fairly-strongly", "fairly-strongly", "not-very-strongly", "not-at-all-strongly"];
            string[] five = ["strongly-agree", "agree", "neither", "disagree", "strongly-disagree"];
            string[] likely = ["very-likely", "likely", "neither", "unlikely", "very-unlikely"];
            string[] groups = ["white-british", "white-british", "asian-pakistani", "asian-bangladeshi", "black-african", "mixed-other", "white-other", "other-arab"];
            string[] ages = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-69", "70-74", "75-plus"];
            string[] religions = ["none", "christian", "muslim", "christian", "hindu", "muslim", "prefer-not-to-say"];
            var rows = new List<Dictionary<string, string>>();
            var k = 0;
            foreach (var ward in wards)
            {
                var werneth = ward.StartsWith("W:", StringComparison.Ordinal);
                for (var i = 0; i < (werneth ? 4 : 20); i++, k++)
                {
                    var row = new Dictionary<string, string>
                    {
                        ["cohesion"] = agree[(k + wards.IndexOf(ward)) % agree.Length],
                        ["belonging"] = strength[(k * 3) % strength.Length],
                        ["therm-muslims"] = ((k * 37) % 101).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["therm-immigrants"] = ((k * 53 + 20) % 101).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["ethnic-group"] = groups[k % groups.Length],
                        ["age"] = ages[(k / 3) % ages.Length],
                        ["religion"] = religions[k % religions.Length],
                        ["residence"] = werneth ? ward[2..] : ward,
                    };
                    for (var q = 0; q < ce.Length; q++) row[ce[q]] = (q < 5 ? five : likely)[(k + q * 2) % 5];
                    rows.Add(row);
                }
            }
            await ResponsesAsync(app, survey, [.. rows]);
        }
        finally { Seeding.Release(); }
    }

    /// <summary>
    /// A small unweighted survey for the table by ward and group: in Coldhurst, 9 of 12 White and 3 of 12 Asian
    /// respondents agree (each different from the rest of the ward); in Werneth, 8 of 11 White and 1 of 3 Asian (withheld).
    /// </summary>
    static async Task CrossAsync(TestApp app)
    {
        var survey = await SurveyAsync(app, Cross, ["cohesion", "ethnic-group", "residence"]);
        static IEnumerable<Dictionary<string, string>> People(string ward, string group, int agree, int disagree) =>
            Enumerable.Range(0, agree + disagree).Select(k => R(("cohesion", k < agree ? "tend-to-agree" : "tend-to-disagree"), ("ethnic-group", group), ("residence", ward)));
        await ResponsesAsync(app, survey,
            [.. People(Coldhurst, "white-british", 9, 3), .. People(Coldhurst, "asian-pakistani", 3, 9), .. People(Werneth, "white-british", 8, 3), .. People(Werneth, "asian-bangladeshi", 1, 2)]);
    }
}

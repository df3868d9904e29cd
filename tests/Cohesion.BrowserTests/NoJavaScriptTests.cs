using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests;

/// <summary>With JavaScript off the pages still give every figure: tables stay, charts take no space, forms and links work.</summary>
public sealed class NoJavaScriptTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OverviewWithoutJavaScriptShowsTheTablesAndNoChartTakesSpace()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/places/E08000004");
        Assert.Equal(200, response?.Status);
        Assert.DoesNotContain("js-enabled", await page.Locator("body").GetAttributeAsync("class") ?? "");

        // No empty box where a chart or the map would be.
        var containers = page.Locator(".app-chart, .app-map");
        Assert.Equal(2, await containers.CountAsync());
        foreach (var c in await containers.AllAsync())
        {
            await Assertions.Expect(c).ToBeHiddenAsync();
            Assert.Null(await c.BoundingBoxAsync());
        }

        // The composition table and the areas table are there.
        await Assertions.Expect(page.Locator("table", new() { HasText = "Usual residents of Oldham by ethnic group" })).ToBeVisibleAsync();
        var areaRows = page.Locator("table[aria-describedby='table-summary'] tbody tr");
        Assert.Equal(25, await areaRows.CountAsync());

        // The map's table alternative opens natively (details/summary needs no script).
        var details = page.Locator("details", new() { HasText = "Map figures as a table" });
        await Assertions.Expect(details).ToBeVisibleAsync();
        var mapTable = details.Locator("table");
        await Assertions.Expect(mapTable).ToBeHiddenAsync();
        await details.Locator("summary").ClickAsync();
        await Assertions.Expect(mapTable).ToBeVisibleAsync();
        Assert.True(await mapTable.Locator("tbody tr").CountAsync() > 1);

        // Filtering and sorting are plain GET forms and links.
        await page.Locator("#level").SelectOptionAsync("LSOA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#table-summary")).ToContainTextAsync("of 141 areas");
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Usual residents" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Usual residents" })).ToHaveAttributeAsync("aria-sort", "ascending");
    }

    [Fact]
    public async Task AreaProfileWithoutJavaScriptShowsItsTableAndHidesTheChart()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/areas/E01005320");
        Assert.Equal(200, response?.Status);
        var chart = page.Locator(".app-chart");
        Assert.Equal(1, await chart.CountAsync());
        await Assertions.Expect(chart).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table", new() { HasText = "ethnic group" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ChangeDistrictWithoutJavaScriptGivesEveryFigureInTablesAndItsFormsWork()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/change/gp-oldham-synthetic/E08000004");
        Assert.Equal(200, response?.Status);
        var containers = page.Locator(".app-chart, .app-map");
        Assert.Equal(3, await containers.CountAsync());
        foreach (var c in await containers.AllAsync()) Assert.Null(await c.BoundingBoxAsync());

        // The timeline's table opens natively; the ranking is there without opening anything.
        var timeline = page.Locator("details", new() { HasText = "Figures for every month as a table" });
        await timeline.Locator("summary").ClickAsync();
        Assert.Equal(108, await timeline.Locator("tbody tr").CountAsync());
        Assert.Equal(50, await page.Locator("table[aria-describedby='ranking-summary'] tbody tr[id^='area-']").CountAsync());

        // Choosing a month, a map measure and a filter are plain GET forms; each keeps the others' choices.
        await page.Locator("#period").SelectOptionAsync("2021-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show month" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Small areas in March 2021" })).ToBeVisibleAsync();
        await page.Locator("#measure").SelectOptionAsync("arrivals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show on map" }).ClickAsync();
        await page.Locator("#q").FillAsync("Oldham 024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("period=2021-03", page.Url);
        Assert.Contains("measure=arrivals", page.Url);
        await Assertions.Expect(page.Locator("#ranking-summary")).ToContainTextAsync("Showing 1 to");
        Assert.All(await page.Locator("table[aria-describedby='ranking-summary'] tbody th a").AllInnerTextsAsync(), n => Assert.StartsWith("Oldham 024", n));
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Arrivals per 1,000" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Arrivals per 1,000" })).ToHaveAttributeAsync("aria-sort", "ascending");
    }
}

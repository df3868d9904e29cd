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
}

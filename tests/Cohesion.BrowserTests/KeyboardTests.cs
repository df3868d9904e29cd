using System.Text.Json;
using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests;

/// <summary>Everything on the district overview can be reached and used with the keyboard alone.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Overview = "/places/E08000004?level=LSOA&sort=population&dir=desc&page=2";

    // What has focus: enough to tell the stops apart and to see the focus style.
    const string Focused = """
        () => {
          const e = document.activeElement
          const s = getComputedStyle(e)
          return { tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, text: (e.innerText || '').replace(/\s+/g, ' ').trim(),
                   href: e.getAttribute('href') || '', inPagination: !!e.closest('.govuk-pagination'),
                   inHeader: !!e.closest('th'), background: s.backgroundColor }
        }
        """;

    [Fact]
    public async Task SkipLinkIsTheFirstTabStopAndMovesFocusToMain()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(Overview);

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<JsonElement>(Focused);
        Assert.Equal("Skip to main content", first.GetProperty("text").GetString());
        Assert.Equal("#main-content", first.GetProperty("href").GetString());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeVisibleAsync(); // visible once focused

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The next Tab goes on from inside main, not back to the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main')"), "Tab after the skip link left <main>");
    }

    [Fact]
    public async Task SortLinksAndPaginationAreReachableByTabWithAVisibleFocusStyle()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(Overview);

        var stops = new List<JsonElement>();
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<JsonElement>(Focused);
            stops.Add(stop);
            if (stop.GetProperty("inPagination").GetBoolean() && stop.GetProperty("text").GetString()!.StartsWith("Next", StringComparison.Ordinal)) break;
        }
        var sortLinks = stops.Where(s => s.GetProperty("inHeader").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Code", "Name", "Type", "Usual residents", "Diversity index"], sortLinks);
        var pagination = stops.Where(s => s.GetProperty("inPagination").GetBoolean()).Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Equal("Previous page", pagination[0]);
        Assert.Contains("1", pagination);
        Assert.Contains("2", pagination);
        Assert.Contains("3", pagination);
        Assert.StartsWith("Next", pagination[^1]);

        // GOV.UK's focus state: yellow background on the focused link.
        Assert.All(stops.Where(s => s.GetProperty("inHeader").GetBoolean() || s.GetProperty("inPagination").GetBoolean()),
            s => Assert.Equal("rgb(255, 221, 0)", s.GetProperty("background").GetString()));

        // Enter on a focused link follows it: Next goes to page 3 with the filters kept.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"page=3"));
        Assert.Contains("level=LSOA", page.Url);
        Assert.Contains("dir=desc", page.Url);
    }
}

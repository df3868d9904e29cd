using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests.Assets;

/// <summary>
/// The gap analysis (both sections, at each level) and the directory import page (with its errors listed) in Chromium
/// over the demo directory: no axe violation, and the choropleth draws under the real CSP with nothing logged.
/// </summary>
public sealed class AssetGapsAndImportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/assets/gaps")]
    [InlineData("/assets/gaps?level=LSOA&term=esol&km=0.5#reach")]
    [InlineData("/assets/gaps?level=MSOA&term=&km=3")]
    public async Task GapPagesHaveNoViolations(string path)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await Assertions.Expect(page.Locator("#provision")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reach")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TheMapDrawsUnderTheRealCspAndTheFormsWorkWithoutJavaScript()
    {
        await using (var context = await fixture.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
            page.PageError += (_, e) => problems.Add($"page error: {e}");
            await page.OpenAsync("/assets/gaps?level=WARD&term=language-learning");
            Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
            await Assertions.Expect(page.Locator(".app-map canvas")).ToHaveCountAsync(1);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "assets-gaps.png"), FullPage = true });
        }
        await using (var context = await fixture.NewContextAsync(javaScript: false))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/assets/gaps");
            await page.Locator("#level").SelectOptionAsync("LSOA");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show areas", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("caption").First).ToContainTextAsync("LSOAs of Oldham");
            await page.GetByLabel("3 km").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Show areas out of reach" }).ClickAsync();
            Assert.Contains("level=LSOA", page.Url, StringComparison.Ordinal);
            Assert.Contains("km=3", page.Url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportPageHasNoViolationsWithOrWithoutErrors()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true, storageState: await fixture.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/assets/import");
        await Axe.AssertNoViolationsAsync(page);
        var file = Path.Combine(Directory.CreateTempSubdirectory("cohesion-bt-").FullName, "bad-directory.csv");
        await File.WriteAllTextAsync(file, string.Join(",", Cohesion.Assets.Csv.AssetCsv.Columns) + "\n,service,Club,Org,,,,,active,,,,,,knitting,,xx,,,no,,,,,,\n");
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.SubmitExpectingErrorsAsync("Import records");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".govuk-error-summary__list")).ToContainTextAsync("bad-directory.csv: line 2, column 'activity_terms', value 'knitting'");
        await Axe.AssertNoViolationsAsync(page);
    }
}

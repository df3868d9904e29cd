using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests;

/// <summary>A partner's whole visit, clicking as a person would: first sign-in, browsing to Oldham's neighbourhoods, downloads, sign-out.</summary>
public sealed class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminSignsInBrowsesOldhamDownloadsTheTableAndSignsOut()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var main = page.Locator("main");

        // First sign-in with the one-time password leads to choosing a new one, then home.
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/account/sign-in"));
        await page.Locator("#email").FillAsync(BrowserFixture.AdminEmail);
        await page.Locator("#password").FillAsync(fixture.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/account/change-password"));
        fixture.AdminPassword = await page.ChangePasswordAsync(fixture.AdminPassword);
        await Assertions.Expect(page.Locator(".govuk-phase-banner")).ToContainTextAsync("Signed in as");

        // Home → Places → Oldham.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Places" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/places"));
        await main.GetByRole(AriaRole.Link, new() { Name = "Oldham", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/places/E08000004"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Oldham");
        await page.ChartsReadyAsync();

        // Only LSOAs, largest population first, second page.
        await page.Locator("#level").SelectOptionAsync("LSOA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"level=LSOA"));
        await Assertions.Expect(page.Locator("#table-summary")).ToContainTextAsync("Showing 1 to 25 of 141 areas");
        var populationHeader = page.GetByRole(AriaRole.Columnheader, new() { Name = "Usual residents" });
        await populationHeader.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(populationHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        await populationHeader.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(populationHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" }).GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"page=2"));
        await Assertions.Expect(page.Locator("#table-summary")).ToContainTextAsync("Showing 26 to 50 of 141 areas");
        await page.ChartsReadyAsync();
        var overviewUrl = page.Url;
        Assert.Contains("level=LSOA", overviewUrl);
        Assert.Contains("sort=population", overviewUrl);
        Assert.Contains("dir=desc", overviewUrl);
        var rows = page.Locator("table[aria-describedby='table-summary'] tbody tr");
        Assert.Equal(25, await rows.CountAsync());
        var populations = (await rows.Locator("td:nth-child(4)").AllInnerTextsAsync()).Select(t => long.Parse(t.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(populations.OrderByDescending(p => p), populations);
        Assert.All(await rows.Locator("td:nth-child(3)").AllInnerTextsAsync(), t => Assert.Equal("LSOA", t));

        // An area's profile, then back to the same page of the table.
        var firstArea = rows.First.Locator("td:nth-child(2) a");
        var areaName = await firstArea.InnerTextAsync();
        await firstArea.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/areas/E01\d{6}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(areaName);
        await page.ChartsReadyAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(overviewUrl);
        await Assertions.Expect(page.Locator("#table-summary")).ToContainTextAsync("Showing 26 to 50 of 141 areas");

        // The CSV has every filtered row (all pages), in the page's order.
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#table-summary").GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        Assert.Equal("cohesion-E08000004-areas.csv", csv.SuggestedFilename);
        var lines = Encoding.UTF8.GetString(await ReadAsync(csv)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,level,population,simpson_diversity,shannon_entropy,", lines[0]);
        Assert.Equal(141, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^E01\d{6},.*,LSOA,\d+,", l));
        var csvPopulations = lines.Skip(1).Select(l => long.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(csvPopulations.OrderByDescending(p => p), csvPopulations);

        // The spreadsheet is an OOXML package: a zip.
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#table-summary").GetByRole(AriaRole.Link, new() { Name = "spreadsheet (xlsx)" }).ClickAsync());
        Assert.Equal("cohesion-E08000004-areas.xlsx", xlsx.SuggestedFilename);
        var bytes = await ReadAsync(xlsx);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));

        // Sign out is a POST form in the service navigation, so it needs the antiforgery token.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        Assert.True(await menu.Locator("form input[name='__RequestVerificationToken']").CountAsync() == 1,
            "The Sign out form in the service navigation has no antiforgery token: signing out would answer 400");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-phase-banner")).Not.ToContainTextAsync("Signed in as");
        var signedOut = await page.GotoAsync("/account/change-password");
        Assert.Contains("/account/sign-in", page.Url); // a page behind sign-in sends a signed-out visitor to sign in
        Assert.NotNull(signedOut);
    }

    [Fact]
    public async Task VisitorFollowsCommunityChangeFromTheMenuToAnAreaAndDownloadsTheRanking()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var main = page.Locator("main");
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Community change" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/change"));
        await Assertions.Expect(main.Locator(".govuk-tag", new() { HasText = "Synthetic data" })).ToHaveCountAsync(2); // GP and school census, both synthetic
        await main.GetByRole(AriaRole.Link, new() { Name = "Oldham in GP registrations in Oldham (synthetic)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/change/gp-oldham-synthetic/E08000004"));
        await page.ChartsReadyAsync();

        // Rank by arrivals, highest first; the first area is the one with the most arrivals per 1,000.
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Arrivals per 1,000" });
        await header.GetByRole(AriaRole.Link).ClickAsync();
        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await page.ChartsReadyAsync();
        var first = page.Locator("table[aria-describedby='ranking-summary'] tbody tr[id^='area-']").First.Locator("th a");
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/change/gp-oldham-synthetic/area/E01\d{6}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{name}: how the community is changing");
        await page.ChartsReadyAsync();
        await page.GoBackAsync();

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#ranking-summary").GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        Assert.Equal("cohesion-gp-oldham-synthetic-E08000004-2025-12.csv", csv.SuggestedFilename);
        var lines = Encoding.UTF8.GetString(await ReadAsync(csv)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(142, lines.Length);
        Assert.Equal(name, lines[1].Split(',')[1]);
    }

    static async Task<byte[]> ReadAsync(IDownload download)
    {
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    static Regex Url(string path) => new("^https?://[^/]+" + Regex.Escape(path) + @"(\?.*)?$");
}

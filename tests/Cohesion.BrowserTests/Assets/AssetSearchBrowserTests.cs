using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;
using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.BrowserTests.Assets;

/// <summary>The app with the demo place only (no synthetic change, Place Standard or survey data): the directory's pages need none of it.</summary>
public sealed class AssetsBrowserFixture : BrowserFixture
{
    protected override string[] DemoData => [];
}

/// <summary>
/// /assets and /assets/{id} in Chromium: no axe-core violation (filters chosen, errors, a corrected search, an offer),
/// the maps draw under the real CSP with nothing logged, the filters work from the keyboard, and without JavaScript.
/// </summary>
public sealed class AssetSearchBrowserTests(AssetsBrowserFixture fixture) : IClassFixture<AssetsBrowserFixture>
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static AssetsBrowserFixture? seeded;
    static Guid first, offer;
    static string ward = "";

    /// <summary>Twelve conversation clubs, cafés and halls spread over a few Oldham LSOAs, one of them an offer.</summary>
    async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (seeded == fixture) return;
            var app = fixture.App;
            await using var scope = app.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
            var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, CancellationToken.None);
            var lsoas = (await db.Areas.Where(a => a.Level == AreaLevel.Lsoa).OrderBy(a => a.Code).Select(a => a.Id).ToListAsync()).Where(shapes.ContainsKey).Take(4).ToList();
            ward = await (from g in db.AreaGroupings join w in db.Areas on g.GroupId equals w.Id where g.AreaId == lsoas[0] && w.Level == AreaLevel.Ward select w.Code).FirstAsync();
            var org = new AssetOrganisation { Id = Guid.NewGuid(), Name = "Browser Test Trust", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.AssetOrganisations.Add(org);
            string[] names = ["English conversation club", "Language café", "Community hall", "Women's ESOL class"];
            string[] terms = ["conversation-club", "language-cafe", "community-space", "esol"];
            for (var i = 0; i < 12; i++)
            {
                var id = Guid.NewGuid();
                var lsoa = lsoas[i % lsoas.Count];
                var c = shapes[lsoa].Centroid;
                var location = new Cohesion.Assets.Model.Location { Id = Guid.NewGuid(), Name = $"Venue {i}", Address1 = $"{i + 1} High Street", City = "Oldham", Latitude = c.Latitude + i * 0.0004, Longitude = c.Longitude, AreaId = lsoa, UpdatedAt = DateTime.UtcNow };
                var s = new Service
                {
                    Id = id, OrganisationId = org.Id, Name = $"{names[i % 4]} {i + 1}", Description = "Meet people and practise English.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                    IsSynthetic = true, IsFree = i % 2 == 0, Kind = i == 5 ? AssetKind.Offer : AssetKind.Service, ConsentRecordedOn = i == 5 ? new DateOnly(2026, 1, 1) : null,
                    Locations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location }],
                    Schedules = [new Schedule { Id = Guid.NewGuid(), ServiceId = id, Freq = ScheduleFrequency.Monthly, ByDay = "1TU", OpensAt = new TimeOnly(18, 0), ClosesAt = new TimeOnly(20, 0) }],
                    Languages = [new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = id, Name = "Urdu", Code = "ur" }],
                    Phones = [new Phone { Id = Guid.NewGuid(), ServiceId = id, Number = "0161 496 0" + i.ToString("000") }],
                    Terms = [new ServiceTerm { ServiceId = id, TermId = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, terms[i % 4]) }],
                };
                db.AssetServices.Add(s);
                if (i == 0) first = id;
                if (i == 5) offer = id;
            }
            await db.SaveChangesAsync();
            seeded = fixture;
        }
        finally { Gate.Release(); }
    }

    static string LanguageLearning => CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "language-learning").ToString();

    public static TheoryData<string> Paths => new()
    {
        "/assets",
        "/assets?q=conversation",
        "/assets?q=convresation+clb", // corrected: "Showing results for"
        "/assets?age=old&within=9", // errors
        "/assets?open=day&free=1&kind=service&sort=name",
        "/assets?language=ur&status=any&sort=updated&page=2",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task TheSearchPageHasNoViolations(string path)
    {
        await SeedAsync();
        await fixture.AssertNoViolationsAsync(path, 200);
    }

    [Fact]
    public async Task SearchesWithEveryFilterChosenAndAssetPagesHaveNoViolations()
    {
        await SeedAsync();
        await fixture.AssertNoViolationsAsync($"/assets?q=english&term={LanguageLearning}&near={ward}&within=2&audience=&language=urdu&age=30", 200);
        await fixture.AssertNoViolationsAsync($"/assets/{first}", 200);
        await fixture.AssertNoViolationsAsync($"/assets/{offer}", 200);
        await fixture.AssertNoViolationsAsync($"/assets/{offer}", 200, asAdmin: true);
        await fixture.AssertNoViolationsAsync($"/assets/{Guid.NewGuid()}", 404);
    }

    [Theory]
    [InlineData("/assets?q=english")]
    [InlineData("near")]
    [InlineData("asset")]
    public async Task MapsDrawUnderTheRealCspWithNothingLogged(string which)
    {
        await SeedAsync();
        var path = which switch { "near" => $"/assets?near={ward}&within=5", "asset" => $"/assets/{first}", _ => which };
        await using var context = await fixture.NewContextAsync(); // CSP enforced
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        await page.OpenAsync(path);
        await Assertions.Expect(page.Locator(".app-map--points canvas")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"assets-{which.Split('?')[0].Trim('/').Replace('/', '-')}.png"), FullPage = true });
    }

    [Fact]
    public async Task TheFiltersWorkFromTheKeyboardAlone()
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/assets");
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.TypeAsync("english");
        // Tab from the search box: the Search button, then the filters in order.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Search", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("term", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // Chromium on Linux: arrow keys change a closed select's value.
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await page.Locator("#term").InputValueAsync());
        await page.Locator("#term").SelectOptionAsync(LanguageLearning);
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "free"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("free", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != "Apply filters"; i++) await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("free=1"));
        Assert.Contains("q=english", page.Url);
        Assert.Contains($"term={LanguageLearning}", page.Url);
        await Assertions.Expect(page.Locator("#results-heading")).ToContainTextAsync("result");
        await Assertions.Expect(page.Locator("#free")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task SearchingWorksWithoutJavaScript()
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/assets");
        await page.Locator("#q").FillAsync("cafe");
        await page.Locator("#near").SelectOptionAsync(ward);
        await page.Locator("#within").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("3 results");
        await Assertions.Expect(page.Locator("#results-summary")).ToContainTextAsync("nearest first");
        Assert.False(await page.Locator(".app-map").IsVisibleAsync());
        await page.Locator(".app-result a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Language café");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("First Tuesday of the month 18:00 to 20:00");
    }
}

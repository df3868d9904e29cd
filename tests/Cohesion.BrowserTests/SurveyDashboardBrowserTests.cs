using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Surveys.ItemBank;
using Cohesion.Tests.Surveys;

namespace Cohesion.BrowserTests;

/// <summary>
/// The place dashboard, the targets page, the attitudes matrix and the collective-efficacy page in Chromium: no axe
/// violation (with and without form errors), and their charts draw under the real CSP with nothing logged.
/// </summary>
public sealed class SurveyDashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Owner = "Browser test surveys";
    static readonly SemaphoreSlim Gate = new(1, 1);
    static BrowserFixture? seeded;

    public static TheoryData<string, int> Pages => new()
    {
        { "/surveys/place/E08000004", 200 },
        { "/surveys/place/E08000004?indicator=chat-neighbours", 200 },
        { "/surveys/place/E99999999", 404 },
        { "/surveys/bt-oldham-2025/attitudes", 200 },
        { "/surveys/bt-oldham-2025/attitudes?by=religion", 200 },
        { "/surveys/bt-oldham-2025/collective-efficacy", 200 },
        { "/surveys/bt-oldham-2025/collective-efficacy?scale=ce-social-control", 200 },
    };

    /// <summary>Two surveys of Oldham a year apart, 40 respondents each in three wards, asking the headline, thermometer and collective efficacy questions.</summary>
    async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (seeded == fixture) return;
            var app = fixture.App;
            string[] wards = ["E05000719", "E05000723", "E05000738"];
            string[] religions = ["muslim", "christian", "none", "muslim"];
            var ce = StandardItems.All.Where(i => i.Scale?.StartsWith("collective-efficacy/", StringComparison.Ordinal) == true).ToList();
            foreach (var (name, period, shift) in new[] { ("bt-oldham-2024", "2024", 0), ("bt-oldham-2025", "2025", 1) })
            {
                var s = await SurveySetup.SurveyAsync(app, name, ["cohesion", "belonging", "chat-neighbours", "therm-muslims", "therm-christians", "therm-women", "religion", "sex", .. ce.Select(i => i.Code), "residence"],
                    owner: Owner, period: period);
                var rows = Enumerable.Range(0, 40).Select(k =>
                {
                    var score = 1 + (k * 7 + shift) % 5;
                    var row = new Dictionary<string, string>
                    {
                        ["cohesion"] = (k + shift) % 3 == 0 ? "tend-to-disagree" : "tend-to-agree",
                        ["belonging"] = k % 4 == 0 ? "not-very-strongly" : "fairly-strongly",
                        ["chat-neighbours"] = k % 2 == 0 ? "weekly" : "never",
                        ["therm-muslims"] = (30 + k * 13 % 70).ToString(),
                        ["therm-christians"] = (40 + k * 7 % 60).ToString(),
                        ["therm-women"] = (50 + k * 3 % 50).ToString(),
                        ["religion"] = religions[k % religions.Length],
                        ["sex"] = k % 2 == 0 ? "female" : "male",
                        ["residence"] = wards[k % wards.Length],
                    };
                    foreach (var item in ce) row[item.Code] = item.Options.Single(o => o.Score == score).Code;
                    return row;
                }).ToArray();
                await SurveySetup.ResponsesAsync(app, s, rows);
            }
            seeded = fixture;
        }
        finally { Gate.Release(); }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForAnonymousVisitor(string path, int status)
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TargetsPageHasNoViolationsWithOrWithoutErrorsAndTheTargetReachesTheDashboard()
    {
        await SeedAsync();
        const string email = "targets.officer@example.org";
        const string password = "a long browser test password";
        await fixture.AddUserAsync(email, password, Role.Contributor, Owner);
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, password);

        await page.OpenAsync("/surveys/place/E08000004/targets");
        await Axe.AssertNoViolationsAsync(page);
        await page.SubmitExpectingErrorsAsync("Add target");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Select the indicator the target is for", "Enter the period the target is for, for example 2027 or Autumn 2027"]);
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#indicator").SelectOptionAsync("cohesion");
        await page.Locator("#value").FillAsync("85");
        await page.Locator("#period").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add target" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Target added");
        await Axe.AssertNoViolationsAsync(page);

        await page.OpenAsync("/surveys/place/E08000004");
        await Assertions.Expect(page.Locator("#trend-cohesion").Locator("..")).ToContainTextAsync("85% by 2027, set by " + Owner);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/surveys/place/E08000004", 3)]
    [InlineData("/surveys/bt-oldham-2025/collective-efficacy", 1)]
    [InlineData("/surveys/bt-oldham-2025/attitudes?by=religion", 0)]
    public async Task ChartsDrawUnderTheRealCspWithNothingLogged(string path, int charts)
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync(); // CSP enforced
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        await page.OpenAsync(path);
        // At least: other surveys of Oldham (the demo's) may add charts to the dashboard.
        var drawn = await page.Locator(".app-chart").CountAsync();
        Assert.True(drawn >= charts, $"{drawn} charts");
        Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
        await Assertions.Expect(page.Locator(".app-chart canvas")).ToHaveCountAsync(drawn);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "surveys-" + path.Split('/')[^1].Split('?')[0] + ".png"), FullPage = true });
    }
}

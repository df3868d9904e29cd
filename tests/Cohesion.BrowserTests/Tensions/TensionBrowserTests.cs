using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Tests.Infrastructure;
using Cohesion.Tensions.Demo;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cohesion.BrowserTests.Tensions;

/// <summary>The app with the demo place and the demo's synthetic tension log only: early warning needs nothing else.</summary>
public sealed class TensionWatchBrowserFixture : BrowserFixture
{
    protected override string[] DemoData => TestApp.WithTensionData;
}

/// <summary>
/// Early warning in Chromium over the demo's synthetic tension log, as the demo administrator (the district's
/// monitoring lead) sees it: every page with no axe-core violation (forms with and without errors), the map and
/// charts drawn under the real CSP with nothing logged, the dashboard's series picker and an alert's actions usable
/// without JavaScript and from the keyboard.
/// </summary>
public sealed class TensionBrowserTests(TensionWatchBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<TensionWatchBrowserFixture>
{
    /// <summary>The seeded flashpoint's alert, once the worker has raised it.</summary>
    async Task<int> FlashpointAlertAsync()
    {
        var key = WeeklyCounts.Key(DemoTensions.FlashpointWard, "hate", "race-or-ethnicity");
        var status = fixture.App.App.Services.GetRequiredService<DetectionStatus>();
        for (var i = 0; i < 5; i++)
        {
            var next = status.NextRun;
            await using (var db = fixture.App.Database.Context())
                if (await db.TensionAlerts.Where(a => a.SeriesKey == key).Select(a => (int?)a.Id).FirstOrDefaultAsync() is { } id) return id;
            await next.WaitAsync(TimeSpan.FromMinutes(2));
        }
        throw new InvalidOperationException($"the worker raised no alert for the flashpoint; its last run: {status.Last}");
    }

    [Fact]
    public async Task TensionPagesHaveNoViolations()
    {
        var alert = await FlashpointAlertAsync();
        int assessment;
        await using (var db = fixture.App.Database.Context())
            assessment = await db.TensionAssessments.OrderByDescending(a => a.Level).Select(a => a.Id).FirstAsync();
        await using var context = await fixture.NewContextAsync(bypassCsp: true, storageState: await fixture.AdminStateAsync());
        var page = await context.NewPageAsync();
        string[] paths =
        [
            "/tensions", "/tensions?series=hate%7C*#counts", "/tensions/alerts", "/tensions/alerts?state=any", $"/tensions/alerts/{alert}", "/tensions/assessments",
            $"/tensions/assessments/{assessment}/edit", $"/tensions/areas/{DemoTensions.FlashpointWard}", "/tensions/areas/E08000004",
            "/tensions/weekly?district=E08000004", "/inbox",
        ];
        foreach (var path in paths)
        {
            await page.OpenAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
        await page.OpenAsync("/tensions/weekly?district=E08000004&week=2026-W99", 400);
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync("/tensions/assessments/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Week").FillAsync("2026-W99");
        await page.SubmitExpectingErrorsAsync("Save assessment");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("\"2026-W99\" is not one");
        await Axe.AssertNoViolationsAsync(page);
        // "Add another" shows the form again with one more row, what was typed kept, nothing saved; Enter still saves.
        var actionRows = page.Locator("[name=ActionDescriptions]");
        var before = await actionRows.CountAsync();
        await page.Locator("#action-description-0").FillAsync("Meet the residents' association");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another action" }).ClickAsync();
        await Assertions.Expect(actionRows).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#action-description-0")).ToHaveValueAsync("Meet the residents' association");
        await Assertions.Expect(page.Locator("#Week")).ToHaveValueAsync("2026-W99");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        Assert.EndsWith("#action-added", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#action-added #action-description-" + before)).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Groups").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("\"2026-W99\" is not one");
        await page.OpenAsync($"/tensions/alerts/{alert}");
        await page.SubmitExpectingErrorsAsync("Add action");
        await Axe.AssertNoViolationsAsync(page);
        output.WriteLine($"Checked {paths.Length + 4} pages");
    }

    [Fact]
    public async Task APartnerWhoLeadsNothingSeesControlledCountsOnPagesWithNoViolations()
    {
        var alert = await FlashpointAlertAsync();
        const string email = "tn.partner@example.org", password = "a long browser test password";
        await using (var db = fixture.App.Database.Context())
        {
            db.Organisations.Add(new Cohesion.Accounts.Organisation { Name = "Oldham Youth Service", Kind = Cohesion.Accounts.OrganisationKind.Voluntary });
            await db.SaveChangesAsync();
        }
        await fixture.AddUserAsync(email, password, Cohesion.Accounts.Role.Contributor, "Oldham Youth Service");
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, password);
        string[] paths =
        [
            "/tensions", $"/tensions/alerts/{alert}", "/tensions/alerts", $"/tensions/areas/{DemoTensions.FlashpointWard}",
            "/tensions/weekly?district=E08000004", "/tensions/reports",
        ];
        foreach (var path in paths)
        {
            await page.OpenAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
        // The demo's wards have weeks of 1 to 4 reports: withheld, with the rule said under the table.
        await page.OpenAsync($"/tensions/areas/{DemoTensions.FlashpointWard}");
        await Assertions.Expect(page.Locator("table").Last).ToContainTextAsync("[c]");
        // The counts chart draws without the model's band (a ward's model figures are for leads).
        await Assertions.Expect(page.Locator(".app-chart canvas")).ToHaveCountAsync(await page.Locator(".app-chart").CountAsync());
        Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
        await Assertions.Expect(page.GetByText("shown to monitoring leads only").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByText("a count from which one could be worked out").First).ToBeAttachedAsync();
        await page.OpenAsync($"/tensions/alerts/{alert}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge alert" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("listed only to monitoring leads")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheMapAndChartsDrawUnderTheRealCspAndThePagesWorkWithoutJavaScript()
    {
        var alert = await FlashpointAlertAsync();
        var state = await fixture.AdminStateAsync();
        await using (var context = await fixture.NewContextAsync(storageState: state))
        {
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
            page.PageError += (_, e) => problems.Add($"page error: {e}");
            await page.OpenAsync("/tensions");
            Assert.Equal(0, await page.Locator(".app-chart--failed").CountAsync());
            await Assertions.Expect(page.Locator(".app-map canvas")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".app-chart canvas")).ToHaveCountAsync(1);
            await page.OpenAsync($"/tensions/alerts/{alert}");
            await Assertions.Expect(page.Locator(".app-chart canvas")).ToHaveCountAsync(1);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var dir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "tensions-alert.png"), FullPage = true });
        }
        await using (var context = await fixture.NewContextAsync(javaScript: false, storageState: state))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/tensions");
            await page.Locator("#series").SelectOptionAsync("hate|*");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show series" }).ClickAsync();
            Assert.Contains("series=hate", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("caption", new() { HasText = "Hate incidents and crimes" }).First).ToBeAttachedAsync();

            // An action added from the keyboard alone, without JavaScript.
            await page.GotoAsync($"/tensions/alerts/{alert}");
            await page.Locator("#Description").FocusAsync();
            await page.Keyboard.TypeAsync("Meet the mosque committee");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("Cohesion officer");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(DateTime.UtcNow.AddDays(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("action added");
            await Assertions.Expect(page.Locator("table", new() { HasText = "Meet the mosque committee" })).ToHaveCountAsync(1);
        }
    }
}

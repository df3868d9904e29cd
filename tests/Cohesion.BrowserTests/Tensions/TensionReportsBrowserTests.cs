using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.BrowserTests.Tensions;

/// <summary>
/// The reports helper's pages in Chromium: axe-core finds no WCAG 2.2 AA violation on the report form (with and
/// without errors), the list, a report's page with its reporter, the import, API keys, leads, media and triage pages;
/// the public form works with JavaScript off, from errors to the confirmation, and its report reaches the triage queue.
/// </summary>
public sealed class TensionReportsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Password = "a long browser test password";

    async Task<IPage> LeadPageAsync(IBrowserContext context, string email, Role role = Role.Analyst)
    {
        await fixture.AddUserAsync(email, Password, role);
        using (var scope = fixture.App.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cohesion.Data.CohesionDb>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var district = await db.Areas.SingleAsync(a => a.Code == "E08000004");
            db.MonitoringLeads.Add(new Cohesion.Tensions.Model.MonitoringLead { UserId = user.Id, AreaId = district.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, Password);
        return page;
    }

    [Fact]
    public async Task ReportPagesHaveNoViolationsWithOrWithoutErrors()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await LeadPageAsync(context, "tn.lead@example.org", Role.Admin);

        await page.OpenAsync("/tensions/reports/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#occurred-year").FillAsync("2100");
        await page.Locator("#occurred-month").FillAsync("1");
        await page.Locator("#occurred-day").FillAsync("1");
        await page.Locator("#latitude").FillAsync("100");
        await page.SubmitExpectingErrorsAsync("Log report");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync([
            "When it happened cannot be in the future (you entered '1/1/2100')", "Choose the area it happened in", "Choose what kind of report it is",
            "Enter description", "Latitude must be a number of degrees from 49 to 61 (you entered '100')"]);
        await Axe.AssertNoViolationsAsync(page);
        var day = DateTime.UtcNow.AddDays(-2);
        await page.Locator("#occurred-year").FillAsync(day.Year.ToString());
        await page.Locator("#occurred-month").FillAsync(day.Month.ToString());
        await page.Locator("#occurred-day").FillAsync(day.Day.ToString());
        await page.Locator("#time").FillAsync("21:15");
        await page.Locator("#area").SelectOptionAsync("E01005320");
        await page.Locator("#latitude").FillAsync("");
        await page.GetByLabel("Rumour").CheckAsync();
        await page.GetByLabel("Religion or belief").CheckAsync();
        await page.Locator("#description").FillAsync("A rumour about a new place of worship.");
        await page.Locator("#reporter-name").FillAsync("Browser Witness");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("logged");
        await Assertions.Expect(page.Locator("#reporter")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change this report" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);

        foreach (var path in new[] { "/tensions/reports", "/tensions/reports?q=rumour&type=rumour", "/tensions/reports/import", "/tensions/reports/triage",
            "/tensions/media", "/tensions/media/new", "/tensions/leads", "/account/api-keys" })
        {
            await page.OpenAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
        await page.Locator("#name").FillAsync("Browser feed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-key")).ToContainTextAsync("coh_");
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync("/tensions/media/new");
        await page.SubmitExpectingErrorsAsync("Log media item");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ThePublicFormWorksWithoutJavaScriptAndReachesTriage()
    {
        await using (var axeContext = await fixture.NewContextAsync(bypassCsp: true))
        {
            var first = await axeContext.NewPageAsync();
            await first.OpenAsync("/report-incident");
            await Axe.AssertNoViolationsAsync(first);
            await first.SubmitExpectingErrorsAsync("Send report");
            await Axe.AssertNoViolationsAsync(first);
        }
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a hate incident or community tension" }).ClickAsync();
        await page.GetByLabel("A rumour going round").CheckAsync();
        await page.Locator("#description").FillAsync("People are saying the youth club will close because of newcomers.");
        var day = DateTime.UtcNow.AddDays(-1);
        await page.Locator("#when-day").FillAsync(day.Day.ToString());
        await page.Locator("#when-month").FillAsync(day.Month.ToString());
        await page.Locator("#when-year").FillAsync(day.Year.ToString());
        await page.Locator("#area").SelectOptionAsync("E05000719");
        await page.GetByLabel("No, I want to stay anonymous").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Report sent");
        var reference = (await page.Locator(".govuk-panel__body strong").InnerTextAsync()).Trim();

        await using var leadContext = await fixture.NewContextAsync(bypassCsp: true);
        var lead = await LeadPageAsync(leadContext, "tn.triage@example.org");
        await lead.OpenAsync("/tensions/reports/triage");
        await Assertions.Expect(lead.Locator("body")).ToContainTextAsync(reference);
        await Axe.AssertNoViolationsAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = $"Accept report {reference}" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync($"Report {reference} accepted");
    }
}

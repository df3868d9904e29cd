using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;

namespace Cohesion.BrowserTests.Assets;

/// <summary>The Open Referral UK import page in Chromium: no WCAG 2.2 AA violation before an upload, with the errors of a bad file, and after a good one.</summary>
public sealed class OrukImportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Service = """
        [{"id": "5f0e8d52-3c44-4a53-9a55-2f2b7f6c1a01", "name": "Browser test ESOL class (synthetic)", "status": "active",
          "organization": {"id": "5f0e8d52-3c44-4a53-9a55-2f2b7f6c1a02", "name": "Browser test college (synthetic)", "description": "Test"}}]
        """;

    [Fact]
    public async Task ImportPageHasNoViolationsBeforeWithErrorsAndAfterAnImport()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        const string password = "a long browser test password";
        await fixture.AddUserAsync("oruk.staff@example.org", password, Role.Contributor);
        var page = await context.NewPageAsync();
        await page.SignInAsync("oruk.staff@example.org", password);

        await page.OpenAsync("/assets/import-oruk");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "bad.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(Service.Replace("\"active\"", "\"open\"", StringComparison.Ordinal)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import services" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("bad.json, at $[0].status, value 'open': status must be one of");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "good.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(Service) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import services" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Imported 1 services (1 added, 0 updated)");
        await Axe.AssertNoViolationsAsync(page);
    }
}

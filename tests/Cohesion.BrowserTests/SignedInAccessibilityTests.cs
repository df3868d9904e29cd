using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Cohesion.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.2 AA violation on the pages as a signed-in admin sees them, on the first
/// sign-in's change-password page and on the administration pages (a class of its own so it runs
/// beside the anonymous checks).
/// </summary>
public sealed class SignedInAccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(AccessibilityTests.PublishedPages), MemberType = typeof(AccessibilityTests))]
    [InlineData("/account/change-password", 200)]
    public async Task PageHasNoViolationsForSignedInAdmin(string path, int status)
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true, storageState: await fixture.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ChangePasswordAtFirstSignInHasNoViolationsWithOrWithoutErrors()
    {
        // A user of this test's own, so the admin's password stays with the rest of the class.
        const string email = "first.sign-in@example.org";
        var oneTime = Passwords.Generate();
        await fixture.AddUserAsync(email, oneTime, Role.Viewer, mustChangePassword: true);
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, oneTime);
        Assert.Equal("/account/change-password", page.Path());
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("one-time password");
        await Axe.AssertNoViolationsAsync(page);

        await page.SubmitExpectingErrorsAsync("Change password");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AdministrationPagesHaveNoViolations()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true, storageState: await fixture.AdminStateAsync());
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();
        // (path, the button that submits its form empty to show the error summary, if it has one)
        (string Path, string? SubmitEmpty)[] pages =
        [
            ("/admin", null), ("/admin/users", null), ("/admin/users/add", "Add user"), ("/admin/users/1", null),
            ("/admin/organisations", null), ("/admin/organisations/add", "Add organisation"), ("/admin/organisations/1", null), ("/admin/audit", null),
        ];
        foreach (var (path, submitEmpty) in pages)
        {
            var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
            Assert.True(response.Status == 200, $"{path} answered {response.Status}");
            await page.ChartsReadyAsync();
            await Axe.AssertNoViolationsAsync(page);
            checkedPages.Add(path);
            if (submitEmpty is null) continue;
            await page.SubmitExpectingErrorsAsync(submitEmpty);
            await Axe.AssertNoViolationsAsync(page);
            checkedPages.Add(path + " (with errors)");
        }
        output.WriteLine($"Checked: {string.Join(", ", checkedPages)}");
    }
}

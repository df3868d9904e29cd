using System.Text.RegularExpressions;

namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>What a person does on the site, in a few words each.</summary>
public static partial class PageActions
{
    /// <summary>Goes to a path, checks the status, and waits until app.js has drawn every chart and map.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == status, $"GET {path} answered {response.Status}, expected {status}");
        await page.ChartsReadyAsync();
        return response;
    }

    /// <summary>app.js sets data-charts-ready on &lt;body&gt; once every chart and map is drawn (or has failed).</summary>
    public static Task ChartsReadyAsync(this IPage page) =>
        page.Locator("body[data-charts-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static string Path(this IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Signs in through the form; ends on the next page (home, or change-password for a one-time password).</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.OpenAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AfterSignIn());
        await page.ChartsReadyAsync();
    }

    /// <summary>Fills the change-password form with a new password; ends on home. Returns the new password.</summary>
    public static async Task<string> ChangePasswordAsync(this IPage page, string current)
    {
        var next = "browser tests " + Guid.NewGuid().ToString("N")[..12];
        await page.Locator("#current").FillAsync(current);
        await page.Locator("#new").FillAsync(next);
        await page.Locator("#confirm").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Home());
        await page.ChartsReadyAsync();
        return next;
    }

    /// <summary>Submits a form that answers with the same page and an error summary.</summary>
    public static async Task SubmitExpectingErrorsAsync(this IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.ChartsReadyAsync();
    }

    [GeneratedRegex(@"^https?://[^/]+/(account/change-password)?$")]
    private static partial Regex AfterSignIn();

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex Home();
}

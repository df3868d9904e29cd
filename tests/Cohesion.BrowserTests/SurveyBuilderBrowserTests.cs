using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.BrowserTests;

/// <summary>
/// The staff pages that build a survey and import its responses, in Chromium: axe-core finds no WCAG 2.2 AA violation
/// on any of them, with or without errors, and the builder works with JavaScript off. (The survey list is among
/// <see cref="AccessibilityTests.PublishedPages"/>, checked anonymous and as the admin.)
/// </summary>
public sealed class SurveyBuilderBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    async Task<IPage> StaffPageAsync(IBrowserContext context, string email)
    {
        const string password = "a long browser test password";
        await fixture.AddUserAsync(email, password, Role.Contributor);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, password);
        return page;
    }

    [Fact]
    public async Task BuilderAndImportPagesHaveNoViolationsWithOrWithoutErrors()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await StaffPageAsync(context, "sv.builder@example.org");

        await page.OpenAsync("/surveys/no-such-survey/manage", 404);
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync("/surveys");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a survey" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#area").SelectOptionAsync("E05000723"); // a ward: residence by ward is refused
        await page.SubmitExpectingErrorsAsync("Start survey");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Enter a title", "Enter the period, for example 2025 or Autumn 2025", "The kind of area respondents live in must be smaller than the area surveyed (ward Coldhurst): choose LSOA"]);
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#title").FillAsync("Browser survey");
        await page.Locator("#period").FillAsync("2026");
        await page.Locator("#area").SelectOptionAsync("E08000004");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start survey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Manage Browser survey");
        await page.ChartsReadyAsync();
        await Axe.AssertNoViolationsAsync(page);
        const string manage = "/surveys/browser-survey/manage";

        await page.OpenAsync(manage + "/questions");
        await Axe.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "survey-questions");
        await page.Locator("#item-cohesion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save questions" }).ClickAsync();
        await Assertions.Expect(page.Locator("#question-cohesion")).ToBeVisibleAsync();

        await page.OpenAsync(manage + "/local");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#kind-2").CheckAsync();
        await page.Locator("#min").FillAsync("9");
        await page.Locator("#max").FillAsync("1");
        await page.SubmitExpectingErrorsAsync("Add question");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Enter the question", "The highest answer must be more than the lowest (9)"]);
        await Axe.AssertNoViolationsAsync(page);

        await page.OpenAsync(manage + "/details");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#title").FillAsync("");
        await page.Locator("#trim-lower").FillAsync("1.5");
        await page.Locator("#trim-upper").FillAsync("abc");
        await page.SubmitExpectingErrorsAsync("Save details");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["Enter a title",
            "The lowest weight must be at least 0 and less than 1 times the mean weight, for example 0.3 (you entered 1.5)",
            "The highest weight must be a number, for example 3 (you entered 'abc')"]);
        await Assertions.Expect(page.Locator("#trim-upper-error")).ToContainTextAsync("(you entered 'abc')");
        await Axe.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "survey-details-errors");
        await page.Locator("#title").FillAsync("Browser survey");
        await page.Locator("#trim-lower").FillAsync("0.3");
        await page.Locator("#trim-upper").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("No weighting (the limits on the weights, between 0.3 and 3 times the mean weight, are not used)");
        await Axe.AssertNoViolationsAsync(page);

        await page.OpenAsync("/surveys/browser-survey/import");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "returns.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("cohesion,residence\nagree,E05000723\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import responses" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("returns.csv: line 2, column 'cohesion', value 'agree'");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "returns.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("cohesion,residence\ntend-to-agree,E05000723\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import responses" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Imported 1 response from returns.csv: 2 answers");
        await Axe.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "survey-manage");
        await page.OpenAsync("/surveys");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Manage Browser survey" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "survey-list");

        // With answers: the answered question cannot be unticked, and deleting needs the name typed.
        await page.OpenAsync(manage + "/questions");
        await page.Locator("#item-cohesion").UncheckAsync();
        await page.SubmitExpectingErrorsAsync("Save questions");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("it cannot be removed");
        await Axe.AssertNoViolationsAsync(page);
        await page.OpenAsync("/surveys/browser-survey/delete");
        await Axe.AssertNoViolationsAsync(page);
        await page.SubmitExpectingErrorsAsync("Delete survey");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#confirm").FillAsync("browser-survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete survey" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Browser survey deleted, with its 1 response");
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>For a person to look at, in bin/.../screenshots (not committed).</summary>
    static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name + ".png"), FullPage = true });

    [Fact]
    public async Task BuilderWorksWithoutJavaScript()
    {
        // Signed in with JavaScript on (the sign-in helper waits for app.js), then the same cookies with it off.
        string state;
        await using (var signIn = await fixture.NewContextAsync())
        {
            await StaffPageAsync(signIn, "sv.nojs@example.org");
            state = await signIn.StorageStateAsync();
        }
        await using var context = await fixture.NewContextAsync(javaScript: false, storageState: state);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/surveys/new");
        Assert.Equal(200, response?.Status);
        await page.Locator("#title").FillAsync("No script survey");
        await page.Locator("#period").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start survey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Manage No script survey");
        await page.GetByRole(AriaRole.Link, new() { Name = "add a question of your own" }).ClickAsync();
        await page.Locator("#question").FillAsync("Do you use the library?");
        await page.Locator("#options").FillAsync("Yes\nNo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        // Added before the questions about the respondent; moved to the top with the buttons, one place at a time.
        await Assertions.Expect(page.Locator("#question-local-1 td").First).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move down local-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#question-local-1 td").First).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up local-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#question-local-1 td").First).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open to responses" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("No script survey is open to responses");
        await using var db = fixture.App.Database.Context();
        Assert.True(await db.Surveys.AnyAsync(s => s.Name == "no-script-survey" && s.IsOpen));
    }
}

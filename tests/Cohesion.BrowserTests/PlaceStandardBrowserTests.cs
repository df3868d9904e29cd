using Cohesion.Accounts;
using Cohesion.BrowserTests.Infrastructure;
using Cohesion.PlaceStandard.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.BrowserTests;

/// <summary>
/// The Place Standard pages in Chromium: axe-core finds no WCAG 2.2 AA violation on any of them (published pages, every
/// page of the online form, the staff pages, with and without errors), and the form works with JavaScript off.
/// </summary>
public sealed class PlaceStandardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> Pages => new()
    {
        { "/place-standard", 200 },
        { "/place-standard?status=closed&period=2025&level=WARD&sort=people&dir=desc&q=o", 200 },
        { "/place-standard/coldhurst-2025", 200 },
        { "/place-standard/coldhurst-2025?compare=coldhurst-2023&by=age_band&theme=care_maintenance&kind=could_be_better", 200 },
        { "/place-standard/werneth-2025?by=ethnic_group_detailed&q=bus", 200 },
        { "/place-standard/compare", 200 },
        { "/place-standard/compare?e=coldhurst-2023&e=coldhurst-2025&e=werneth-2025", 200 },
        { "/place-standard/oldham-2026/respond", 200 },
        { "/place-standard/oldham-2026/respond?code=WRONG-CODE", 200 },
        { "/place-standard/coldhurst-2025/respond", 200 },
        { "/place-standard/oldham-2026/respond/done", 200 },
        { "/place-standard/no-such-engagement", 404 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForAnonymousVisitor(string path, int status)
    {
        await fixture.AssertNoViolationsAsync(path, status);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForSignedInAdmin(string path, int status)
    {
        await fixture.AssertNoViolationsAsync(path, status, asAdmin: true);
    }

    [Fact]
    public async Task EveryPageOfTheOnlineFormHasNoViolationsWithOrWithoutErrors()
    {
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/place-standard/oldham-2026/respond");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you giving your own views or a group's?");
        await Axe.AssertNoViolationsAsync(page);

        await page.SubmitExpectingErrorsAsync("Continue");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("A group's views").CheckAsync();
        await page.Locator("#participants").FillAsync("1");
        await page.SubmitExpectingErrorsAsync("Continue");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["A group assessment needs the number of people who took part, a whole number from 2 to 1,000"]);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("My own views").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Question 1 of 14: Moving around");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#good").FillAsync(new string('a', 1001));
        await page.SubmitExpectingErrorsAsync("Continue");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#good").FillAsync("The canal towpath");
        for (var t = 1; t <= 14; t++)
        {
            await page.Locator(t % 2 == 0 ? "#score-5" : "#score-3").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("About you (optional)");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#age_band-3").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Carry on answering now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Assessment submitted");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task OnlineFormWorksWithoutJavaScriptFromStartToSubmit()
    {
        var before = await CountAsync();
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/place-standard/oldham-2026/respond");
        Assert.Equal(200, response?.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        // The group's questions are plain questions under the choice; they are ignored for an individual.
        await Assertions.Expect(page.Locator("#participants")).ToBeVisibleAsync();
        await page.GetByLabel("My own views").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        for (var t = 1; t <= 14; t++)
        {
            await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync($"Question {t} of 14");
            if (t != 7) await page.Locator("#score-6").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("Question 14 of 14");
        await Assertions.Expect(page.Locator("#score-6")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting");
        Assert.Equal(before, await CountAsync()); // nothing stored yet
        await page.GetByRole(AriaRole.Button, new() { Name = "Change Facilities and services" }).ClickAsync();
        await page.Locator("#score-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "7. Facilities and services" })).ToContainTextAsync("Score 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Assessment submitted");
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task StaffPagesHaveNoViolationsWithOrWithoutErrors()
    {
        const string email = "ps.worker@example.org";
        const string password = "a long browser test password";
        await fixture.AddUserAsync(email, password, Role.Contributor, DemoPlaceStandard.Owner);
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, password);

        await page.OpenAsync("/place-standard/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.SubmitExpectingErrorsAsync("Start engagement");
        await Axe.AssertNoViolationsAsync(page);

        await page.OpenAsync("/place-standard/coldhurst-2025/manage");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "returns.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("assessment,theme,score\nA1,parks,9\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import assessments" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("returns.csv: line 2, column 'theme', value 'parks'");
        await Axe.AssertNoViolationsAsync(page);

        await page.OpenAsync("/place-standard/coldhurst-2025/moderate");
        await Assertions.Expect(page.Locator(".govuk-warning-text").First).ToContainTextAsync("The screen found");
        await Axe.AssertNoViolationsAsync(page);
        // Publishing a redaction that still holds a phone number is refused with the error by its field.
        await page.Locator("textarea").First.FillAsync("Ring 07700 900461");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish redacted" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("still holds a phone number");
        await Axe.AssertNoViolationsAsync(page);
    }

    async Task<int> CountAsync()
    {
        await using var db = fixture.App.Database.Context();
        return await db.PsAssessments.CountAsync();
    }
}

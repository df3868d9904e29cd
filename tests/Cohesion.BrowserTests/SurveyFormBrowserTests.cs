using System.Text.Json;
using System.Text.RegularExpressions;
using Cohesion.BrowserTests.Infrastructure;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.BrowserTests;

/// <summary>
/// The public survey form in Chromium: axe-core finds no WCAG 2.2 AA violation on any of its pages (start, a choice,
/// a thermometer, residence as radios and as a select, errors, check answers, saved, resume, closed, confirmation, and
/// "wait a minute"); it can be done with the keyboard alone, and with JavaScript off.
/// </summary>
public sealed class SurveyFormBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Survey = "browser-survey";
    static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The surveys these tests answer, made once per fixture (its database is fresh).</summary>
    async Task SurveysAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await using var db = fixture.App.Database.Context();
            if (await db.Surveys.AnyAsync(s => s.Name == Survey)) return;
            await SurveyAsync(fixture.App, Survey, ["cohesion", "mix-work", "therm-refugees", "residence", "age"]);
            await SurveyAsync(fixture.App, "browser-lsoa", ["residence"], level: AreaLevel.Lsoa);
            await SurveyAsync(fixture.App, "browser-short", ["belonging", "therm-disabled"]);
            await SurveyAsync(fixture.App, "browser-closed", ["cohesion"], open: false);
        }
        finally { Gate.Release(); }
    }

    public static TheoryData<string, int> Pages => new()
    {
        { $"/surveys/{Survey}/respond", 200 },
        { $"/surveys/{Survey}/respond/resume", 200 },
        { $"/surveys/{Survey}/respond/resume?code=WRONG-CODE", 200 },
        { $"/surveys/{Survey}/respond/done", 200 },
        { "/surveys/browser-closed/respond", 200 },
        { "/surveys/no-such-survey/respond", 404 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoViolationsForAnonymousVisitor(string path, int status)
    {
        await SurveysAsync();
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task EveryPageOfTheFormHasNoViolationsWithOrWithoutErrors()
    {
        await SurveysAsync();
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync($"/surveys/{Survey}/respond");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Test {Survey}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        // A choice, with "don't know" after the divider; the group is named by the question.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "To what extent do you agree or disagree that your local area is a place where people from different backgrounds get on well together?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-radios__divider")).ToHaveTextAsync("or");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Tend to agree").CheckAsync();
        await Continue(page);

        // A choice asked as part of a block: the stem is in the legend, so the group's name is the whole question.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "How often, if at all, do you mix socially with people from different ethnic or religious backgrounds to yourself in each of these places? At work" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip this question" }).ClickAsync();

        // A thermometer, then with an error.
        var rating = page.GetByRole(AriaRole.Textbox, new() { Name = "Refugees and asylum seekers" });
        await Assertions.Expect(rating).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await rating.FillAsync("150");
        await page.SubmitExpectingErrorsAsync("Continue");
        await Assertions.Expect(page.Locator(".govuk-error-summary__list a")).ToHaveTextAsync(["150 is out of range: give a whole number from 0 to 100"]);
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#answer").FillAsync("65");
        await Continue(page);

        // Where you live: Oldham's wards as radios.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which area do you live in?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(20);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Coldhurst").CheckAsync();
        await Continue(page);
        await page.GetByLabel("35 to 44").CheckAsync();
        await Continue(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Refugees and asylum seekers" })).ToContainTextAsync("65 out of 100");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "At work" })).ToContainTextAsync("Not answered");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        var code = await page.Locator("#saved-code").InnerTextAsync();
        await Axe.AssertNoViolationsAsync(page);

        // Resume in a fresh browser: wrong code first (error summary), then the right one.
        await using var other = await fixture.NewContextAsync(bypassCsp: true);
        var later = await other.NewPageAsync();
        await later.OpenAsync($"/surveys/{Survey}/respond");
        await later.GetByRole(AriaRole.Link, new() { Name = "Come back to your saved answers" }).ClickAsync();
        await later.GetByLabel("Come back to your saved answers").FillAsync("ABCD-EFGH-JKLM");
        await later.SubmitExpectingErrorsAsync("Continue");
        await Axe.AssertNoViolationsAsync(later);
        await later.GetByLabel("Come back to your saved answers").FillAsync(code);
        await later.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting");

        var before = await CountAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Submit your answers" }).ClickAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Answers submitted");
        await Axe.AssertNoViolationsAsync(later);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task ResidenceFromManyAreasIsASelectWithNoViolations()
    {
        await SurveysAsync();
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/surveys/browser-lsoa/respond");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = "Which area do you live in?" });
        await Assertions.Expect(select.Locator("option")).ToHaveCountAsync(142);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TooManyAnswersFromOneAddressGivesAWaitPageWithNoViolations()
    {
        // An app of its own with a limit of one, so this fixture's other tests keep theirs.
        await using var app = await TestApp.StartAsync(Cohesion.Data.DatabaseProvider.Sqlite, "--Cohesion:Security:PublicFormPermitPerMinute", "1");
        await SurveyAsync(app, "limited", ["cohesion"]);
        await using var context = await fixture.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        var start = new Uri(app.BaseAddress, "/surveys/limited/respond").ToString();
        for (var i = 0; i < 2; i++)
        {
            await page.GotoAsync(start);
            await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
            await page.GetByLabel("Definitely agree").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit your answers" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Please wait a minute before you send your answers");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Go back to your answers" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list__row")).ToContainTextAsync("Definitely agree");
    }

    // What has focus, and whether it shows GOV.UK's focus style (yellow).
    const string Focused = """
        () => {
          const e = document.activeElement
          return { tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', text: (e.innerText || e.value || '').trim(),
                   yellow: getComputedStyle(e).backgroundColor === 'rgb(255, 221, 0)' || getComputedStyle(e).outlineColor === 'rgb(255, 221, 0)' }
        }
        """;

    /// <summary>Presses Tab until <paramref name="stop"/> says the focused element is the one wanted; fails after 60 presses.</summary>
    static async Task<JsonElement> TabToAsync(IPage page, Func<JsonElement, bool> stop)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var f = await page.EvaluateAsync<JsonElement>(Focused);
            if (stop(f)) return f;
        }
        throw new Xunit.Sdk.XunitException("Tab never reached the element wanted");
    }

    [Fact]
    public async Task AShortSurveyCanBeAnsweredWithTheKeyboardAlone()
    {
        await SurveysAsync();
        var before = await CountAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/surveys/browser-short/respond");

        var start = await TabToAsync(page, f => f.GetProperty("id").GetString() == "start");
        Assert.True(start.GetProperty("yellow").GetBoolean(), "The start button shows no focus style");
        await page.Keyboard.PressAsync("Enter");

        // Radios: Tab into the group, arrows choose, Tab on to Continue.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How strongly do you feel you belong to your immediate neighbourhood?");
        await TabToAsync(page, f => f.GetProperty("type").GetString() == "radio");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Fairly strongly")).ToBeCheckedAsync();
        var next = await TabToAsync(page, f => f.GetProperty("tag").GetString() == "button");
        Assert.Equal("Continue", next.GetProperty("text").GetString());
        await page.Keyboard.PressAsync("Enter");

        // The thermometer: type, then Enter submits with Continue (not Back, Skip or Save).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Disabled people");
        await TabToAsync(page, f => f.GetProperty("id").GetString() == "answer");
        await page.Keyboard.TypeAsync("80");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers before submitting");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Disabled people" })).ToContainTextAsync("80 out of 100");
        // Change the first answer by keyboard and come back.
        var change = await TabToAsync(page, f => f.GetProperty("text").GetString()!.StartsWith("Change", StringComparison.Ordinal));
        Assert.True(change.GetProperty("yellow").GetBoolean(), "The Change link shows no focus style");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Fairly strongly")).ToBeCheckedAsync();
        await TabToAsync(page, f => f.GetProperty("type").GetString() == "radio");
        await page.Keyboard.PressAsync("ArrowUp");
        await TabToAsync(page, f => f.GetProperty("text").GetString() == "Continue");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "belong" })).ToContainTextAsync("Very strongly");

        await TabToAsync(page, f => f.GetProperty("text").GetString() == "Submit your answers");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Answers submitted");
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task TheFormWorksWithoutJavaScriptFromStartToSubmit()
    {
        await SurveysAsync();
        var before = await CountAsync();
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/surveys/browser-short/respond");
        Assert.Equal(200, response?.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.GetByLabel("Not very strongly").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Not very strongly")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("#answer").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal(before, await CountAsync()); // nothing stored yet
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Answers submitted");
        Assert.Equal(before + 1, await CountAsync());
    }

    static Task Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

    async Task<int> CountAsync()
    {
        await using var db = fixture.App.Database.Context();
        return await db.SurveyResponses.CountAsync();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// The public questionnaire through HTTP, as a browser without JavaScript uses it: a start page, one page per question
/// in the survey's order, check answers, submit; answers carried from page to page and stored only on submit, exactly
/// once; save and return by code; a closed survey refuses.
/// </summary>
public partial class SurveyFormTests
{
    const string Coldhurst = "E05000723";

    sealed class Form(HttpClient http, string survey) : PublicForm(http, $"/surveys/{survey}/respond");

    /// <summary>Adds a local number question at the end of the survey.</summary>
    static async Task LocalNumberAsync(TestApp app, Survey survey, string code, string question, int min, int max)
    {
        await using var db = app.Database.Context();
        var position = await db.SurveyQuestions.Where(q => q.SurveyId == survey.Id).MaxAsync(q => q.Position);
        db.SurveyLocalItems.Add(new LocalItem { SurveyId = survey.Id, Code = code, Question = question, Kind = ItemKind.Number, Min = min, Max = max });
        db.SurveyQuestions.Add(new SurveyQuestion { SurveyId = survey.Id, ItemCode = code, Position = position + 1 });
        await db.SaveChangesAsync();
    }

    static async Task<int> CountAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        return await db.SurveyResponses.CountAsync();
    }

    [GeneratedRegex("<strong id=\"saved-code\">([A-Z0-9-]+)</strong>")]
    private static partial Regex SavedCode();

    [Theory]
    [BothProviders]
    public async Task FormWithoutJavaScriptStoresExactlyTheAnswersGivenOnlyWhenSubmittedAndOnlyOnce(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "journey", ["cohesion", "belonging", "therm-muslims", "residence", "age"], published: false);
        await LocalNumberAsync(app, survey, "local-years", "How many years have you lived in your neighbourhood?", 0, 120);
        using var http = app.Client();
        var form = new Form(http, "journey");

        // The start page: what it is, how long, and what happens to the answers. Open but unpublished: still answerable.
        await form.OpenAsync();
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Contains("no-store", form.Last.Headers.CacheControl?.ToString());
        Assert.Contains("Test journey", form.Text);
        Assert.Contains("There are 6 questions. It takes about 2 minutes.", form.Text);
        Assert.Contains("We do not ask for your name, address or contact details", form.Text);
        Assert.Contains("You can skip any question.", form.Text);
        Assert.Contains("groups of at least 10 people", form.Text);
        Assert.Null(form.State); // nothing carried (or stored) before starting

        await form.PressAsync("start");
        Assert.Equal("cohesion", form.Step);
        Assert.Contains(StandardItems.Find("cohesion")!.Question, form.Text);
        Assert.Contains("Question 1 of 6", form.Text);
        Assert.Contains("By your local area, we mean", form.Text); // the item's hint
        // "Don't know" comes after GOV.UK's "or" divider, the answers proper before it.
        Assert.Matches("value=\"all-same-background\".*govuk-radios__divider\">or</div>.*value=\"dont-know\"", Regex.Replace(form.Html, "\\s+", " "));

        // An answer the item does not have (only a forged form can send one) is refused with the parser's message.
        await form.ContinueAsync(("answer", "agree"));
        Assert.Equal("cohesion", form.Step);
        Assert.Contains("<a href=\"#answer\">&quot;agree&quot; is not an answer to this question", form.Html);
        Assert.Contains("id=\"answer-error\"", form.Html);
        Assert.StartsWith("Error: ", Regex.Match(form.Html, "<title>(.*?)</title>").Groups[1].Value);
        await form.ContinueAsync(("answer", "tend-to-agree"));

        // Skipping leaves no answer, even when one was chosen on the page.
        Assert.Equal("belonging", form.Step);
        await form.PressAsync("skip", ("answer", "very-strongly"));

        // The thermometer: its stem, a hint explaining the scale, and out-of-range numbers refused with the message.
        Assert.Equal("therm-muslims", form.Step);
        Assert.Contains("Please rate each group using a scale from 0 to 100", form.Text);
        Assert.Contains("Enter a whole number from 0 to 100.", form.Text);
        Assert.Contains("govuk-input__suffix", form.Html);
        await form.ContinueAsync(("answer", "101"));
        Assert.Equal("therm-muslims", form.Step);
        Assert.Contains("<a href=\"#answer\">101 is out of range: give a whole number from 0 to 100</a>", form.Html);
        Assert.Contains("value=\"101\"", form.Html); // what was typed is shown again to be corrected
        await form.ContinueAsync(("answer", "75"));

        // Where you live: Oldham's 20 wards are few enough for radios.
        Assert.Equal("residence", form.Step);
        Assert.Equal(20, Regex.Matches(form.Html, "type=\"radio\"").Count);
        Assert.Contains("These are the wards of Oldham.", form.Text);
        await form.ContinueAsync(("answer", "E05999999"));
        Assert.Contains("is not one of the survey&#x27;s areas", form.Html);
        await form.ContinueAsync(("answer", Coldhurst.ToLowerInvariant())); // codes in any case

        Assert.Equal("age", form.Step);
        Assert.Matches("value=\"75-plus\".*govuk-radios__divider\">or</div>.*value=\"prefer-not-to-say\"", Regex.Replace(form.Html, "\\s+", " "));
        await form.ContinueAsync(("answer", "25-34"));
        Assert.Equal("local-years", form.Step);
        Assert.Contains("Enter a whole number from 0 to 120.", form.Text);
        await form.ContinueAsync(("answer", "twelve"));
        Assert.Contains("&quot;twelve&quot; is not a whole number: give a whole number from 0 to 120", form.Html);
        await form.ContinueAsync(("answer", " 12 "));
        Assert.Equal(0, await CountAsync(app)); // nothing stored on the way

        Assert.Equal("check-answers", form.Step);
        var check = form.Text;
        Assert.Contains("Check your answers before submitting", check);
        Assert.Contains("Tend to agree", check);
        Assert.Contains("Not answered", check);
        Assert.Contains("75 out of 100", check);
        Assert.Contains("Coldhurst", check);
        Assert.Contains("25 to 34", check);
        Assert.Contains(ThermometerItems.Stem, check); // the block's stem heads its rows

        // Change from the check page: Continue comes back to it.
        await form.PressAsync("change:therm-muslims");
        Assert.Equal("therm-muslims", form.Step);
        Assert.Contains("value=\"75\"", form.Html);
        await form.ContinueAsync(("answer", "60"));
        Assert.Equal("check-answers", form.Step);
        Assert.Contains("60 out of 100", form.Text);
        // Back from a changed answer also returns to the check page; back from the check page goes to the last question.
        await form.PressAsync("change:age");
        await form.PressAsync("back");
        Assert.Equal("check-answers", form.Step);
        await form.PressAsync("back");
        Assert.Equal("local-years", form.Step);
        await form.ContinueAsync(("answer", "12"));
        var state = form.State!;

        await form.PressAsync("submit");
        Assert.Equal(HttpStatusCode.Redirect, form.Last!.StatusCode);
        Assert.Equal("/surveys/journey/respond/done", form.Last.Headers.Location?.OriginalString);
        var done = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/journey/respond/done"));
        Assert.Contains("Answers submitted", done);
        Assert.Contains("groups of at least 10 people", done);

        await using (var db = app.Database.Context())
        {
            var r = await db.SurveyResponses.Include(x => x.Answers).SingleAsync();
            Assert.Equal((survey.Id, ResponseWriter.Online, DateOnly.FromDateTime(DateTime.UtcNow)), (r.SurveyId, r.Source, r.SubmittedOn));
            Assert.Matches("^[0-9A-F]{32}$", r.Receipt);
            Assert.Equal(Coldhurst, (await db.Areas.SingleAsync(a => a.Id == r.ResidenceAreaId)).Code);
            Assert.Null(r.DesignWeight);
            // One row per answer given: the skipped question has none, residence lives on the response.
            Assert.Equal(
                [("age", "25-34", (double?)null), ("cohesion", "tend-to-agree", 3), ("local-years", null, 12), ("therm-muslims", null, 60)],
                r.Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => (a.ItemCode, a.Choice, a.Value)));
            // No audit entry for a public response: it would keep the respondent's internet address.
            Assert.False(await db.AuditEntries.AnyAsync(x => x.Actor == "anonymous"));
        }

        // Submitting the same answers again (double click, back and submit, a second tab) stores nothing more.
        var again = new Form(http, "journey");
        await again.OpenAsync();
        var resubmit = await again.PostStateAsync("submit", "check-answers", state);
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        Assert.Equal(1, await CountAsync(app));
    }

    [Theory]
    [BothProviders]
    public async Task ResidenceIsASelectWhenThereAreManyAreasAndIsStoredAsTheArea(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyAsync(app, "by-lsoa", ["residence", "cohesion"], level: AreaLevel.Lsoa);
        using var http = app.Client();
        var form = new Form(http, "by-lsoa");
        await form.OpenAsync();
        await form.PressAsync("start");
        Assert.Equal("residence", form.Step);
        Assert.Contains("<select class=\"govuk-select \" id=\"answer\" name=\"answer\"", form.Html);
        Assert.Equal(142, Regex.Matches(form.Html, "<option ").Count); // 141 LSOAs and "Choose an area"
        Assert.Contains("These are the LSOAs of Oldham.", form.Text);
        await form.ContinueAsync(("answer", "E01005320"));
        await form.ContinueAsync(("answer", "dont-know"));
        await form.PressAsync("submit");
        Assert.Equal(HttpStatusCode.Redirect, form.Last!.StatusCode);
        await using var db = app.Database.Context();
        var r = await db.SurveyResponses.Include(x => x.Answers).SingleAsync();
        Assert.Equal("E01005320", (await db.Areas.SingleAsync(a => a.Id == r.ResidenceAreaId)).Code);
        Assert.Equal([("cohesion", "dont-know", (double?)null)], r.Answers.Select(a => (a.ItemCode, a.Choice, a.Value)));
    }

    [Theory]
    [BothProviders]
    public async Task SaveAndResumeWithACodeContinuesWhereTheyLeftOffAndSubmittingRemovesTheDraft(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "save-me", ["cohesion", "therm-refugees", "belonging"]);
        await using (var db = app.Database.Context())
        {
            // Someone else's draft that has expired: purged by the next save.
            db.SurveyDrafts.Add(new SurveyDraft { SurveyId = survey.Id, CodeHash = new string('0', 64), Payload = "x", SavedAt = DateTime.UtcNow.AddDays(-40), ExpiresAt = DateTime.UtcNow.AddDays(-10) });
            await db.SaveChangesAsync();
        }
        using var first = app.Client();
        var form = new Form(first, "save-me");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("answer", "definitely-disagree"));
        await form.PressAsync("save", ("answer", "40"));
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Contains("Your answers are saved", form.Text);
        var code = SavedCode().Match(form.Html).Groups[1].Value;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains($"/surveys/save-me/respond/resume?code={code}", form.Text);

        await using (var db = app.Database.Context())
        {
            Assert.Equal(0, await db.SurveyResponses.CountAsync()); // drafts count in no result
            var draft = await db.SurveyDrafts.SingleAsync(); // the expired one is gone
            Assert.DoesNotContain(code.Replace("-", ""), draft.CodeHash); // only a hash of the code is kept
            Assert.DoesNotContain("definitely-disagree", draft.Payload); // and the answers are encrypted
            Assert.Equal(64, draft.CodeHash.Length);
            Assert.InRange(draft.ExpiresAt, DateTime.UtcNow.AddDays(29.9), DateTime.UtcNow.AddDays(30.1));
        }

        // Another browser: the resume page asks for the code; a wrong or empty code is refused politely.
        using var second = app.Client();
        var resume = new Form(second, "save-me");
        await resume.OpenAsync("/resume");
        Assert.Equal(HttpStatusCode.OK, resume.Last!.StatusCode);
        Assert.Contains("Come back to your saved answers", resume.Text);
        Assert.DoesNotContain("There is a problem", resume.Text);
        await resume.PressAsync("code", ("code", ""));
        Assert.Contains("<a href=\"#code\">Enter the code you were given when you saved your answers</a>", resume.Html);
        await resume.PressAsync("code", ("code", "AAAA-BBBB-CCCC"));
        Assert.Equal(HttpStatusCode.OK, resume.Last!.StatusCode);
        Assert.Contains("No saved answers have that code. Check it and try again, or start again (saved answers are kept for 30 days)", resume.Text);
        Assert.Null(resume.State);
        await resume.PressAsync("code", ("code", new string('A', 500)));
        Assert.Contains("No saved answers have that code", resume.Text);

        // The right code, typed loosely: back on the page that was saved, with its answer.
        await resume.PressAsync("code", ("code", " " + code.ToLowerInvariant().Replace("-", " ")));
        Assert.Equal("therm-refugees", resume.Step);
        Assert.Contains("value=\"40\"", resume.Html);
        await resume.PressAsync("back");
        Assert.Equal("cohesion", resume.Step);
        Assert.Contains("value=\"definitely-disagree\" checked=\"checked\"", resume.Html);

        // The link with the code works too.
        var link = new Form(app.Client(), "save-me");
        await link.OpenAsync($"/resume?code={code}");
        Assert.Equal("therm-refugees", link.Step);

        await resume.ContinueAsync(("answer", "definitely-disagree"));
        await resume.ContinueAsync(("answer", "40"));
        await resume.ContinueAsync(("answer", "fairly-strongly"));
        Assert.Equal("check-answers", resume.Step);
        await resume.PressAsync("submit");
        Assert.Equal(HttpStatusCode.Redirect, resume.Last!.StatusCode);
        await using (var db = app.Database.Context())
        {
            Assert.Equal(0, await db.SurveyDrafts.CountAsync());
            var r = await db.SurveyResponses.Include(x => x.Answers).SingleAsync();
            Assert.Equal([("belonging", "fairly-strongly", (double?)3), ("cohesion", "definitely-disagree", 1), ("therm-refugees", null, 40)],
                r.Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => (a.ItemCode, a.Choice, a.Value)));
        }
        // The code now finds nothing.
        var after = new Form(app.Client(), "save-me");
        await after.OpenAsync($"/resume?code={code}");
        Assert.Contains("No saved answers have that code", after.Text);
    }

    [Theory]
    [BothProviders]
    public async Task ClosedSurveyRefusesAnswersAndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "closing", ["cohesion", "belonging"]);
        await SurveyAsync(app, "closed-private", ["cohesion"], open: false, published: false);
        using var http = app.Client();
        var form = new Form(http, "closing");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("answer", "tend-to-agree"));

        await using (var db = app.Database.Context())
        {
            await db.Surveys.Where(s => s.Id == survey.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsOpen, false));
        }
        foreach (var go in new[] { "continue", "save", "submit" })
        {
            var r = await form.PostStateAsync(go, go == "submit" ? "check-answers" : "belonging", form.State!, fields: ("answer", "very-strongly"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("This survey is closed", await r.Content.ReadAsStringAsync());
        }
        var page = new Form(http, "closing");
        await page.OpenAsync();
        Assert.Contains("is not taking answers now", page.Html);
        Assert.DoesNotContain("Start now", page.Html);
        await page.OpenAsync("/resume");
        Assert.Contains("This survey is closed", page.Html);
        await using (var db = app.Database.Context())
        {
            Assert.Equal(0, await db.SurveyResponses.CountAsync());
            Assert.Equal(0, await db.SurveyDrafts.CountAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/no-such-survey/respond")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/closing/respond/elsewhere")).StatusCode);
        // Closed and unpublished: not found for the public, so the address does not give its title away.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/closed-private/respond")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/closed-private/respond/done")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task TamperedOrForgedFormsChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyAsync(app, "guarded", ["cohesion"]);
        await SurveyAsync(app, "other", ["cohesion"]);
        using var http = app.Client();
        var form = new Form(http, "guarded");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("answer", "tend-to-agree"));
        Assert.Equal("check-answers", form.Step);

        var tampered = await form.PostStateAsync("submit", "check-answers", form.State![..^4] + "AAAA");
        Assert.Contains("Your answers could not be read", await tampered.Content.ReadAsStringAsync());
        // A state far larger than any form writes is turned away unread.
        var huge = await form.PostStateAsync("submit", "check-answers", new string('A', Cohesion.Web.PublicForms.CarriedState.MaxTokenLength + 1));
        Assert.Contains("Your answers could not be read", await huge.Content.ReadAsStringAsync());
        // Another survey's state is not accepted either.
        var elsewhere = new Form(http, "other");
        await elsewhere.OpenAsync();
        var moved = await elsewhere.PostStateAsync("submit", "check-answers", form.State!);
        Assert.Contains("Your answers could not be read", await moved.Content.ReadAsStringAsync());
        // Submitting with no answer at all is refused.
        await form.PressAsync("change:cohesion");
        await form.PressAsync("skip");
        await form.PressAsync("submit");
        Assert.Equal("cohesion", form.Step);
        Assert.Contains("<a href=\"#answer\">Answer at least one question before you submit</a>", form.Html);

        // Without the antiforgery token the POST is refused outright (CSRF).
        var forged = await new Form(app.Client(), "guarded").PostStateAsync("submit", "check-answers", form.State!, token: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await CountAsync(app));
    }
}

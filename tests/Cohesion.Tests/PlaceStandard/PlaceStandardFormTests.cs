using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Data;
using Cohesion.PlaceStandard;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.PlaceStandard.PlaceStandardSetup;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>
/// The online assessment through HTTP, as a browser without JavaScript uses it: one page per question, answers carried
/// from page to page, nothing stored until submitted, save-and-return by code, CSRF on every POST, closed means closed.
/// </summary>
public class PlaceStandardFormTests
{
    [Theory]
    [BothProviders]
    public async Task FormJourneyWithoutJavaScriptStoresOneAssessmentOnlyWhenSubmitted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EngagementAsync(app, "coldhurst-test");
        using var http = app.Client();
        var form = new Form(http, "coldhurst-test");
        await form.OpenAsync();
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Contains("Start now", form.Html);
        Assert.Contains("no-store", form.Last.Headers.CacheControl?.ToString());

        await form.PressAsync("start");
        Assert.Equal("kind", form.Step);
        Assert.Contains("Are you giving your own views or a group", form.Html);
        await form.ContinueAsync(("kind", "individual"));
        for (var t = 1; t <= 14; t++)
        {
            Assert.Equal($"theme-{t}", form.Step);
            var theme = PlaceStandardThemes.Get(t);
            Assert.Contains(theme.Question, WebUtility.HtmlDecode(form.Html));
            Assert.Contains($"Question {t} of 14: {theme.Name}", WebUtility.HtmlDecode(form.Html));
            (string, string)[] fields = t switch
            {
                1 => [("score", "2"), ("good", "The canal path"), ("better", "Ring me on 07700 900123 about the kerbs")],
                5 => [("score", ""), ("good", ""), ("better", "")], // left out
                _ => [("score", (t % 7 + 1).ToString()), ("good", ""), ("better", "")],
            };
            await form.ContinueAsync(fields);
            Assert.Equal(0, await CountAsync(app, "coldhurst-test")); // nothing stored on the way
        }
        Assert.Equal("about", form.Step);
        await form.ContinueAsync(("age_band", "65-74"), ("sex", ""), ("ethnic_group", "asian-bangladeshi"), ("disability", "no"));
        Assert.Equal("check", form.Step);
        var check = WebUtility.HtmlDecode(form.Html);
        Assert.Contains("Check your answers before submitting", check);
        Assert.Contains("Score 2", check);
        Assert.Contains("Not answered", check);
        Assert.Contains("The canal path", check);
        Assert.Contains("seem to include personal details", check); // the phone number is pointed out before submitting
        Assert.Contains("Asian or Asian British: Bangladeshi", check);
        Assert.Contains("Prefer not to say", check);

        // Change one answer from the check page: Continue goes back to the check page.
        await form.PressAsync("change:theme-3");
        Assert.Equal("theme-3", form.Step);
        Assert.Contains("value=\"4\" checked=\"checked\"", form.Html); // the earlier answer is kept
        await form.ContinueAsync(("score", "6"), ("good", ""), ("better", ""));
        Assert.Equal("check", form.Step);
        var state = form.State;

        await form.PressAsync("submit");
        Assert.Equal(HttpStatusCode.Redirect, form.Last!.StatusCode);
        Assert.Equal("/place-standard/coldhurst-test/respond/done", form.Last.Headers.Location?.OriginalString);
        Assert.Contains("Assessment submitted", await http.GetStringAsync("/place-standard/coldhurst-test/respond/done"));

        await using (var db = app.Database.Context())
        {
            var a = await db.PsAssessments.Include(x => x.Scores).Include(x => x.Comments).SingleAsync();
            Assert.Equal((AssessmentKind.Individual, 1, "65-74", null, "asian-bangladeshi", "no", AssessmentWriter.Online), (a.Kind, a.Participants, a.AgeBand, a.Sex, a.EthnicGroup, a.Disability, a.Source));
            Assert.Equal(13, a.Scores.Count);
            Assert.DoesNotContain(a.Scores, s => s.Theme == 5);
            Assert.Equal(6, a.Scores.Single(s => s.Theme == 3).Score);
            Assert.All(a.Comments, c => Assert.Equal(ModerationState.Pending, c.State)); // nothing online is published unread
            Assert.Equal("phone", a.Comments.Single(c => c.Kind == CommentKind.CouldBeBetter).Flags);
            Assert.Equal("", a.Comments.Single(c => c.Kind == CommentKind.GoodNow).Flags);
            // No audit entry for a public response: it would keep the respondent's internet address.
            Assert.False(await db.AuditEntries.AnyAsync(x => x.Actor == "anonymous"));
        }

        // Pressing submit again with the same answers (back button, double click) stores nothing more.
        var again = new Form(http, "coldhurst-test");
        await again.OpenAsync();
        var resubmit = await again.PostStateAsync("submit", "check", state!);
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        Assert.Equal(1, await CountAsync(app, "coldhurst-test"));
    }

    [Theory]
    [BothProviders]
    public async Task SaveAndReturnWithACodeKeepsTheAnswersButStoresNoAssessment(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EngagementAsync(app, "save-test");
        using var first = app.Client();
        var form = new Form(first, "save-test");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("kind", "group"), ("participants", "9"), ("groupLabel", "Youth club"));
        await form.ContinueAsync(("score", "3"), ("good", "Good paths"), ("better", ""));
        await form.PressAsync("save", ("score", "5"), ("good", ""), ("better", "More buses"));
        var saved = WebUtility.HtmlDecode(form.Html);
        Assert.Contains("Your answers are saved", saved);
        var code = Regex.Match(saved, "<strong id=\"saved-code\">([A-Z0-9-]+)</strong>").Groups[1].Value;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains($"/place-standard/save-test/respond?code={code}", saved);

        await using (var db = app.Database.Context())
        {
            Assert.Equal(0, await db.PsAssessments.CountAsync());
            var draft = await db.PsDrafts.SingleAsync();
            Assert.DoesNotContain(code, draft.CodeHash); // only a hash of the code is kept
            Assert.DoesNotContain("More buses", draft.Payload); // and the answers are encrypted
            Assert.True(draft.ExpiresAt > DateTime.UtcNow.AddDays(29));
        }

        // Another browser (no cookies) with the link: back on the page that was saved, with its answers.
        using var second = app.Client();
        var back = new Form(second, "save-test");
        await back.OpenAsync($"?code={code.ToLowerInvariant().Replace("-", "")}"); // typed loosely is fine
        Assert.Equal("theme-2", back.Step);
        Assert.Contains("More buses", back.Html);
        await back.PressAsync("back", ("score", "5"), ("good", ""), ("better", "More buses"));
        Assert.Equal("theme-1", back.Step);
        Assert.Contains("value=\"3\" checked=\"checked\"", back.Html);

        // A wrong code says so and restores nothing.
        var wrong = new Form(second, "save-test");
        await wrong.OpenAsync("?code=AAAA-BBBB-CCCC");
        Assert.Contains("No saved answers have that code", WebUtility.HtmlDecode(wrong.Html));
        Assert.Null(wrong.State);

        // Finishing deletes the draft and stores one group assessment.
        for (var t = 1; t <= 14; t++) await back.ContinueAsync(("score", t == 1 ? "3" : ""), ("good", ""), ("better", ""));
        await back.ContinueAsync();
        Assert.Equal("check", back.Step);
        Assert.Contains("A group of 9 (Youth club)", WebUtility.HtmlDecode(back.Html));
        await back.PressAsync("submit");
        Assert.Equal(HttpStatusCode.Redirect, back.Last!.StatusCode);
        await using (var db = app.Database.Context())
        {
            Assert.Empty(await db.PsDrafts.ToListAsync());
            var a = await db.PsAssessments.Include(x => x.Scores).SingleAsync();
            Assert.Equal((AssessmentKind.Group, 9, "Youth club"), (a.Kind, a.Participants, a.GroupLabel));
            Assert.Equal([3], a.Scores.Select(s => (int)s.Score));
        }
    }

    [Theory]
    [BothProviders]
    public async Task ClosedEngagementRefusesResponsesAndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var e = await EngagementAsync(app, "closing-test");
        using var http = app.Client();
        var form = new Form(http, "closing-test");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("kind", "individual"));
        await form.ContinueAsync(("score", "4"), ("good", ""), ("better", ""));

        await using (var db = app.Database.Context())
        {
            await db.PsEngagements.Where(x => x.Id == e.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsOpen, false));
        }
        foreach (var go in new[] { "continue", "save", "submit" })
        {
            var r = await form.PostStateAsync(go, go == "submit" ? "check" : "theme-2", form.State!, fields: ("score", "5"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("This engagement is closed", await r.Content.ReadAsStringAsync());
        }
        var page = new Form(http, "closing-test");
        await page.OpenAsync();
        Assert.Contains("is not taking responses now", page.Html);
        Assert.DoesNotContain("Start now", page.Html);
        await using (var db = app.Database.Context())
        {
            Assert.Equal(0, await db.PsAssessments.CountAsync());
            Assert.Equal(0, await db.PsDrafts.CountAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/place-standard/no-such-thing/respond")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task BadAnswersAreRefusedWithTheErrorSummaryAndForgedFormsChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EngagementAsync(app, "errors-test");
        using var http = app.Client();
        var form = new Form(http, "errors-test");
        await form.OpenAsync();
        await form.PressAsync("start");

        await form.ContinueAsync();
        Assert.Equal("kind", form.Step);
        Assert.Contains("<a href=\"#kind\">Select whether you are giving your own views or a group&#x27;s</a>", form.Html);
        Assert.StartsWith("Error: ", Regex.Match(form.Html, "<title>(.*?)</title>").Groups[1].Value);

        await form.ContinueAsync(("kind", "group"), ("participants", "1"), ("groupLabel", "call 0161 496 0000"));
        Assert.Equal("kind", form.Step);
        Assert.Contains("<a href=\"#participants\">A group assessment needs the number of people who took part, a whole number from 2 to 1,000</a>", form.Html);
        Assert.Contains("<a href=\"#groupLabel\">A group label must not hold an email address, phone number or postcode</a>", form.Html);

        await form.ContinueAsync(("kind", "individual"));
        await form.ContinueAsync(("score", "8"), ("good", new string('x', 1001)), ("better", ""));
        Assert.Equal("theme-1", form.Step);
        Assert.Contains("<a href=\"#score\">Select a score from 1 to 7, or leave the question out</a>", form.Html);
        Assert.Contains("<a href=\"#good\">A comment must be 1,000 characters or fewer</a>", form.Html);

        // A tampered state is not trusted: start again.
        var tampered = await form.PostStateAsync("submit", "check", form.State![..^4] + "AAAA");
        Assert.Contains("Your answers could not be read", await tampered.Content.ReadAsStringAsync());

        // Without the antiforgery token the POST is refused outright (CSRF).
        var forged = await new Form(app.Client(), "errors-test").PostStateAsync("submit", "check", form.State!, token: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await CountAsync(app, "errors-test"));
    }
}

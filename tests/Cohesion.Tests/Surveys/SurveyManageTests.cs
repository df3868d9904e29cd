using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>/surveys/{name}/manage and the pages under it: questions chosen, ordered, written and removed; details; open, publish, delete; all audited, all the owner's staff's only.</summary>
public class SurveyManageTests
{
    const string Org = "Coldhurst Partnership";
    static readonly string[] AboutYou = StandardItems.Characteristics.Select(i => i.Code).ToArray();

    static async Task<List<string>> OrderAsync(TestApp app, string name)
    {
        await using var db = app.Database.Context();
        return await db.SurveyQuestions.Where(q => db.Surveys.Any(s => s.Id == q.SurveyId && s.Name == name)).OrderBy(q => q.Position).Select(q => q.ItemCode).ToListAsync();
    }

    static async Task<string> PostAsync(HttpClient http, string page, string? handler, params (string, string)[] fields)
    {
        var r = await SignIn.PostFormAsync(http, page, fields, handler is null ? null : $"{page}?handler={handler}");
        return r.StatusCode == HttpStatusCode.Redirect ? "redirect " + r.Headers.Location?.OriginalString : WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [BothProviders]
    public async Task StaffChooseOrderAndWriteQuestionsAndAnsweredOnesStay(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "coldhurst-2026", AboutYou, open: false, published: false, owner: Org);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, Org);
        const string manage = "/surveys/coldhurst-2026/manage";

        // Only questions about the respondent: it cannot be opened yet.
        var refused = await PostAsync(staff, manage, "open", ("open", "yes"));
        Assert.Contains("<a href=\"#questions\">Add at least one question that is not about the respondent before opening the survey", refused);

        // From the bank: new items go before the questions about the respondent, in the bank's order.
        var questions = WebUtility.HtmlDecode(await staff.GetStringAsync(manage + "/questions"));
        Assert.Contains("<h2 class=\"govuk-fieldset__heading\" id=\"measure-collective-efficacy\">Collective efficacy</h2>", questions);
        Assert.Contains("Answers: Definitely agree / Tend to agree / Tend to disagree / Definitely disagree / Too few people in local area / All same background / Don't know.", questions);
        Assert.Contains("checked=\"checked\" aria-describedby=\"item-age-hint\"", questions);
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#questions",
            await PostAsync(staff, manage + "/questions", null, [.. AboutYou.Select(c => ("item", c)), ("item", "belonging"), ("item", "cohesion")]));
        Assert.Equal(["cohesion", "belonging", .. AboutYou], await OrderAsync(app, "coldhurst-2026"));
        Assert.Contains("<a href=\"#items\">'nonsense' is not an item in the bank", await PostAsync(staff, manage + "/questions", null, ("item", "nonsense")));

        // Moving: up and down, and nothing past either end.
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#question-belonging", await PostAsync(staff, manage, "move", ("code", "belonging"), ("dir", "up")));
        await PostAsync(staff, manage, "move", ("code", "belonging"), ("dir", "up"));
        await PostAsync(staff, manage, "move", ("code", "residence"), ("dir", "down")); // already last
        Assert.Equal(["belonging", "cohesion", .. AboutYou], await OrderAsync(app, "coldhurst-2026"));

        // Local questions: every field checked, with the error by its field.
        const string local = manage + "/local";
        foreach (var (field, message, fields) in new (string, string, (string, string)[])[]
        {
            ("question", "Enter the question", [("kind", "choice"), ("options", "Yes\nNo")]),
            ("options", "Enter at least two answers, one a line", [("question", "Park?"), ("kind", "choice"), ("options", "Only one")]),
            ("options", "Answers 1 and 2 have the same code 'yes'", [("question", "Park?"), ("kind", "choice"), ("options", "Yes\nyes|Yes again")]),
            ("options", $"A question may offer at most {SurveyLimits.MaxLocalOptions} answers", [("question", "Park?"), ("kind", "choice"), ("options", string.Join("\n", Enumerable.Range(1, 21).Select(i => $"Answer {i}")))]),
            ("kind", "Select how the question is answered", [("question", "Park?"), ("kind", "essay")]),
            ("max", "The highest answer must be more than the lowest (10)", [("question", "Years?"), ("kind", "number"), ("min", "10"), ("max", "5")]),
            ("max", "The highest answer allowed must be from -1,000,000 to 1,000,000", [("question", "Years?"), ("kind", "number"), ("min", "0"), ("max", "1000001")]),
            ("min", "Enter the lowest answer allowed, a whole number", [("question", "Years?"), ("kind", "number"), ("max", "5")]),
            ("code", "The code must be lower-case letters, digits, hyphens (-) and underscores (_)", [("code", "my park!"), ("question", "Park?"), ("kind", "thermometer")]),
            ("question", $"The question must be {SurveyLimits.QuestionLength} characters or fewer", [("question", new string('q', SurveyLimits.QuestionLength + 1)), ("kind", "thermometer")]),
        })
        {
            var html = await PostAsync(staff, local, null, fields);
            Assert.Contains($"<a href=\"#{field}\">{message}", html);
        }
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#question-local-park",
            await PostAsync(staff, local, null, ("code", "park"), ("question", "How satisfied are you with your local park?"), ("kind", "choice"),
                ("options", "Very satisfied\r\nFairly satisfied\r\nnot-satisfied|Not satisfied at all\r\n\r\n")));
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#question-local-1",
            await PostAsync(staff, local, null, ("question", "How many years have you lived here?"), ("hint", "Round down"), ("kind", "number"), ("min", "0"), ("max", "99")));
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#question-local-2", await PostAsync(staff, local, null, ("question", "How warm do you feel towards your neighbours?"), ("kind", "Thermometer")));
        Assert.Contains("<a href=\"#code\">This survey already has a question with the code local-park", await PostAsync(staff, local, null, ("code", "local-park"), ("question", "Again?"), ("kind", "thermometer")));
        Assert.Equal(["belonging", "cohesion", "local-park", "local-1", "local-2", .. AboutYou], await OrderAsync(app, "coldhurst-2026"));
        var edit = WebUtility.HtmlDecode(await staff.GetStringAsync(local + "/local-park"));
        Assert.Contains("very-satisfied|Very satisfied\r\nfairly-satisfied|Fairly satisfied\r\nnot-satisfied|Not satisfied at all</textarea>", edit);
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#question-local-2", await PostAsync(staff, local + "/local-2", null, ("question", "How warm do you feel towards people who live near you?"), ("kind", "number"), ("min", "1"), ("max", "10")));
        Assert.Equal("redirect /surveys/coldhurst-2026/manage", await PostAsync(staff, manage, "remove", ("code", "local-1")));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(local + "/local-1")).StatusCode);

        // Open and publish; then people answer, and what they answered stays.
        Assert.Equal("redirect /surveys/coldhurst-2026/manage", await PostAsync(staff, manage, "open", ("open", "yes")));
        Assert.Equal("redirect /surveys/coldhurst-2026/manage", await PostAsync(staff, manage, "publish", ("publish", "yes")));
        await ResponsesAsync(app, survey,
            new() { ["cohesion"] = "tend-to-agree", ["local-park"] = "very-satisfied", ["residence"] = "E05000723" },
            new() { ["cohesion"] = "definitely-agree", ["local-2"] = "7" });
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync(manage));
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\" id=\"responses-import\">2</td>", page);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\" id=\"responses-online\">0</td>", page);
        Assert.Contains("a question with answers cannot be removed", page);
        Assert.DoesNotContain("name=\"code\" value=\"local-park\"><button type=\"submit\" class=\"govuk-button govuk-button--warning", page);

        var kept = await PostAsync(staff, manage + "/questions", null, [.. AboutYou.Where(c => c != "residence").Select(c => ("item", c)), ("item", "belonging")]);
        Assert.Contains("<a href=\"#item-cohesion\">\"To what extent do you agree or disagree that your local area is a place where...\" has 2 answers: it cannot be removed, because those answers would be left without their question", kept);
        Assert.Contains("<a href=\"#item-residence\">\"Which area do you live in?\" has 1 answer: it cannot be removed", kept);
        Assert.Contains("<a href=\"#question-local-park\">\"How satisfied are you with your local park?\" has 1 answer: it cannot be removed", await PostAsync(staff, manage, "remove", ("code", "local-park")));
        // Still, questions can be added, and an answered local question's wording can be made clearer (its answers cannot change).
        Assert.Equal("redirect /surveys/coldhurst-2026/manage#questions", await PostAsync(staff, manage + "/questions", null, [.. AboutYou.Select(c => ("item", c)), ("item", "belonging"), ("item", "cohesion"), ("item", "influence")]));
        Assert.Contains("1 people have answered this question, so how it is answered cannot change", WebUtility.HtmlDecode(await staff.GetStringAsync(local + "/local-park")));
        await PostAsync(staff, local + "/local-park", null, ("question", "How satisfied are you with the park nearest your home?"), ("kind", "number"), ("min", "0"), ("max", "9"));

        await using var db = app.Database.Context();
        var s = await db.Surveys.Include(x => x.LocalItems).SingleAsync(x => x.Name == "coldhurst-2026");
        Assert.Equal((true, true), (s.IsOpen, s.IsPublished));
        var park = s.LocalItems.Single(l => l.Code == "local-park");
        Assert.Equal(("How satisfied are you with the park nearest your home?", ItemKind.Choice, "very-satisfied|Very satisfied\nfairly-satisfied|Fairly satisfied\nnot-satisfied|Not satisfied at all"),
            (park.Question, park.Kind, park.Options));
        var warm = s.LocalItems.Single(l => l.Code == "local-2");
        Assert.Equal((ItemKind.Number, 1, 10), (warm.Kind, warm.Min, warm.Max));
        Assert.Equal(["belonging", "cohesion", "local-park", "local-2", "influence", .. AboutYou], await OrderAsync(app, "coldhurst-2026"));
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyChanged).OrderBy(a => a.Id).Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync();
        Assert.Equal(
        [
            "worker@example.org survey coldhurst-2026: questions from the item bank: added cohesion, belonging; none removed",
            "worker@example.org survey coldhurst-2026: question belonging moved up to position 1",
            "worker@example.org survey coldhurst-2026: local question local-park added: choice; \"How satisfied are you with your local park?\"",
            "worker@example.org survey coldhurst-2026: local question local-1 added: number; \"How many years have you lived here?\"",
            "worker@example.org survey coldhurst-2026: local question local-2 added: thermometer; \"How warm do you feel towards your neighbours?\"",
            "worker@example.org survey coldhurst-2026: local question local-2 changed: number; \"How warm do you feel towards people who live near you?\"",
            "worker@example.org survey coldhurst-2026: local question local-1 removed",
            "worker@example.org survey coldhurst-2026: opened to responses",
            "worker@example.org survey coldhurst-2026: results published",
            "worker@example.org survey coldhurst-2026: questions from the item bank: added influence; none removed",
            "worker@example.org survey coldhurst-2026: local question local-park changed: choice; \"How satisfied are you with the park nearest your home?\"",
        ], audit);
    }

    [Theory]
    [BothProviders]
    public async Task OnlyTheOwnersStaffRunASurveyAndOthersFindNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "werneth-2025", ["cohesion", "residence"], published: true, owner: Org);
        await ResponsesAsync(app, survey, new Dictionary<string, string> { ["cohesion"] = "tend-to-agree" });
        var (elsewhere, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Admin, "Another partner");
        string[] pages = ["manage", "manage/details", "manage/questions", "manage/local", "import", "delete", "import?handler=template", "nope/manage"];
        foreach (var p in pages)
            Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/surveys/werneth-2025/{p}")).StatusCode);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Analyst, Org);
        var token = SignIn.Token(await staff.GetStringAsync("/surveys/werneth-2025/manage"));
        // A POST from someone else is refused the same way, even with a token of their own.
        var post = await SignIn.PostFormAsync(elsewhere, "/surveys/new", [("publish", "no")], "/surveys/werneth-2025/manage?handler=publish");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, Org);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/surveys/werneth-2025/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/surveys/werneth-2025/manage")).StatusCode); // signed out: to sign-in
        Assert.NotEmpty(token);

        // Details: once answered, the place stays (responses say where people live); the rest may change.
        var details = WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/werneth-2025/manage/details"));
        Assert.Contains("People have answered it, so these cannot change", details);
        Assert.DoesNotContain("id=\"area\"", details);
        Assert.Equal("redirect /surveys/werneth-2025/manage", await PostAsync(staff, "/surveys/werneth-2025/manage/details", null,
            ("title", "Werneth survey"), ("area", "E05000723"), ("level", "LSOA"), ("period", "Spring 2025"), ("weighting", "AreaAndEthnicGroup"), ("description", "")));
        Assert.Contains("<a href=\"#title\">Enter a title", await PostAsync(staff, "/surveys/werneth-2025/manage/details", null, ("title", ""), ("period", "2025"), ("weighting", "None")));
        await using var db = app.Database.Context();
        var s = await db.Surveys.Include(x => x.Area).SingleAsync(x => x.Name == "werneth-2025");
        Assert.Equal(("Werneth survey", Oldham, Cohesion.Places.AreaLevel.Ward, "Spring 2025", SurveyWeighting.AreaAndEthnicGroup), (s.Title, s.Area!.Code, s.ResidenceLevel, s.Period, s.Weighting));
        Assert.Equal(["worker@example.org: details changed: \"Werneth survey\"; area E08000004; residence WARD; period Spring 2025; weighting AreaAndEthnicGroup; trimming none"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyChanged).Select(a => $"{a.Actor}: {a.Detail}").ToListAsync());
    }

    [Theory]
    [BothProviders]
    public async Task DeletingASurveyWithResponsesNeedsItsNameTyped(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyAsync(app, "empty-one", ["cohesion"], owner: Org);
        var answered = await SurveyAsync(app, "answered-one", ["cohesion", "residence"], owner: Org);
        await ResponsesAsync(app, answered, new() { ["cohesion"] = "tend-to-agree", ["residence"] = "E05000723" }, new() { ["cohesion"] = "dont-know" });
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, Org);

        Assert.Contains("Nobody has answered it yet", await staff.GetStringAsync("/surveys/empty-one/delete"));
        Assert.Equal("redirect /surveys", await PostAsync(staff, "/surveys/empty-one/delete", null));
        Assert.Contains("all 2 responses will be deleted", await staff.GetStringAsync("/surveys/answered-one/delete"));
        Assert.Contains("<a href=\"#confirm\">Type the survey's short name, answered-one, to delete it and its 2 responses", await PostAsync(staff, "/surveys/answered-one/delete", null));
        Assert.Contains("<a href=\"#confirm\">That is not the survey's short name: type answered-one exactly", await PostAsync(staff, "/surveys/answered-one/delete", null, ("confirm", "Answered-One")));
        await using (var db = app.Database.Context()) Assert.Equal(2, await db.SurveyResponses.CountAsync());
        Assert.Equal("redirect /surveys", await PostAsync(staff, "/surveys/answered-one/delete", null, ("confirm", " answered-one ")));
        Assert.Contains("Test answered-one deleted, with its 2 responses", WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys")));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/surveys/answered-one/manage")).StatusCode);

        await using var ctx = app.Database.Context();
        Assert.Equal((0, 0, 0, 0), (await ctx.Surveys.CountAsync(), await ctx.SurveyResponses.CountAsync(), await ctx.SurveyAnswers.CountAsync(), await ctx.SurveyQuestions.CountAsync()));
        Assert.Equal(["survey empty-one: \"Test empty-one\"; 0 responses deleted with it", "survey answered-one: \"Test answered-one\"; 2 responses deleted with it"],
            await ctx.AuditEntries.Where(a => a.Action == AuditActions.SurveyDeleted).OrderBy(a => a.Id).Select(a => $"{a.Target}: {a.Detail}").ToListAsync());
    }
}

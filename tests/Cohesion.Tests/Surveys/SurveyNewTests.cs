using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Surveys;

/// <summary>/surveys/new: staff start a survey for their organisation, closed and unpublished, asking the questions about the respondent; every field checked.</summary>
public class SurveyNewTests
{
    static (string, string)[] Valid(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = "Oldham residents survey 2026", ["name"] = "", ["description"] = "How people get on", ["area"] = "E08000004",
            ["level"] = "WARD", ["period"] = "2026", ["weighting"] = "Area",
        };
        foreach (var (k, v) in changes) fields[k] = v;
        return fields.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    [Theory]
    [BothProviders]
    public async Task ContributorStartsASurveyWithTheQuestionsAboutTheRespondentAndAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Coldhurst Partnership");
        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/new"));
        Assert.Contains("<option value=\"E05000723\">Coldhurst (E05000723)</option>", form); // wards of the district are offered
        Assert.Contains("<optgroup label=\"Oldham: MSOAs\">", form);

        foreach (var (fields, field, message) in new (string Field, string Message, (string, string)[] Fields)[]
        {
            ("title", "Enter a title", Valid(("title", ""))),
            ("name", "Short name cannot be 'items': the address /surveys/items is taken by another page", Valid(("name", "items"))),
            ("name", "Short name cannot be 'resume'", Valid(("name", "Resume"))),
            ("name", "Short name must be letters, digits, hyphens (-) and underscores (_) only", Valid(("name", "bad name!"))),
            ("name", $"Short name must be {SurveyLimits.NameLength} characters or fewer", Valid(("name", new string('a', SurveyLimits.NameLength + 1)))),
            ("area", "Select the area the survey covers", Valid(("area", "E01005320"))), // an LSOA: too small to survey
            ("level", "The kind of area respondents live in must be smaller than the area surveyed (ward Coldhurst): choose LSOA", Valid(("area", "E05000723"), ("level", "WARD"))),
            ("level", "MSOAs cross ward boundaries: for a survey of a ward, choose LSOA", Valid(("area", "E05000723"), ("level", "MSOA"))),
            ("level", "Select the kind of area respondents say they live in", Valid(("level", "LAD"))),
            ("period", "Enter the period", Valid(("period", " "))),
            ("weighting", "Select how responses are weighted", Valid(("weighting", "2"))),
            ("description", $"Description must be {SurveyLimits.DescriptionLength:N0} characters or fewer", Valid(("description", new string('x', SurveyLimits.DescriptionLength + 1)))),
        }.Select(x => (x.Fields, x.Field, x.Message)))
        {
            var r = await SignIn.PostFormAsync(staff, "/surveys/new", fields);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            Assert.Contains($"<a href=\"#{field}\">{message}", html);
            Assert.Contains($"id=\"{field}-error\"", html);
        }

        var created = await SignIn.PostFormAsync(staff, "/surveys/new", Valid());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/surveys/oldham-residents-survey-2026/manage", created.Headers.Location?.OriginalString);
        var duplicate = await SignIn.PostFormAsync(staff, "/surveys/new", Valid(("name", "Oldham-Residents-Survey-2026")));
        Assert.Contains("A survey called oldham-residents-survey-2026 already exists", await duplicate.Content.ReadAsStringAsync());
        var ward = await SignIn.PostFormAsync(staff, "/surveys/new", Valid(("title", "Coldhurst"), ("name", "coldhurst_lsoa"), ("area", "E05000723"), ("level", "LSOA"), ("weighting", "None")));
        Assert.Equal("/surveys/coldhurst_lsoa/manage", ward.Headers.Location?.OriginalString);
        var manage = await staff.GetStringAsync("/surveys/oldham-residents-survey-2026/manage");
        Assert.Contains("Manage Oldham residents survey 2026", manage);
        Assert.Contains("Coldhurst created. It is closed and not published", manage); // the notice of the last one made

        // A viewer may not start one; signed out, the page asks to sign in.
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, "Coldhurst Partnership");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/surveys/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/surveys/new")).StatusCode);

        await using var db = app.Database.Context();
        var s = await db.Surveys.Include(x => x.Questions).Include(x => x.Area).SingleAsync(x => x.Name == "oldham-residents-survey-2026");
        Assert.Equal((false, false, false, "worker@example.org"), (s.IsOpen, s.IsPublished, s.IsSynthetic, s.CreatedBy));
        Assert.Equal(("Oldham residents survey 2026", "How people get on", "E08000004", AreaLevel.Ward, "2026", SurveyWeighting.Area),
            (s.Title, s.Description, s.Area!.Code, s.ResidenceLevel, s.Period, s.Weighting));
        Assert.Equal(await db.Organisations.Where(o => o.Name == "Coldhurst Partnership").Select(o => o.Id).SingleAsync(), s.OwnerOrganisationId);
        Assert.Equal(StandardItems.Characteristics.Select(i => i.Code), s.Questions.OrderBy(q => q.Position).Select(q => q.ItemCode));
        Assert.Contains(StandardItems.ResidenceCode, s.Questions.Select(q => q.ItemCode));
        Assert.Equal(AreaLevel.Lsoa, (await db.Surveys.SingleAsync(x => x.Name == "coldhurst_lsoa")).ResidenceLevel);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyCreated).OrderBy(a => a.Id).Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync();
        Assert.Equal(
        [
            $"worker@example.org survey oldham-residents-survey-2026: \"Oldham residents survey 2026\"; area E08000004; residence WARD; period 2026; weighting Area; trimming none; closed; not published; {StandardItems.Characteristics.Count} questions about the respondent",
            $"worker@example.org survey coldhurst_lsoa: \"Coldhurst\"; area E05000723; residence LSOA; period 2026; weighting None; trimming none; closed; not published; {StandardItems.Characteristics.Count} questions about the respondent",
        ], audit);
    }

    [Fact]
    public void ReservedWordsAreRefusedInAnyCaseAndOrdinaryNamesPass()
    {
        foreach (var word in new[] { "new", "items", "methodology", "place", "export", "resume", "NEW", "Export" })
            Assert.StartsWith($"Short name cannot be '{word}'", SurveyNames.Problem(word));
        foreach (var ok in new[] { "oldham-2025", "a", "Coldhurst_2025", "newcastle", "exports" })
            Assert.Null(SurveyNames.Problem(ok));
        Assert.Equal("oldham-cohesion-survey-2025", SurveyNames.Slug("Oldham cohesion survey, 2025!"));
    }
}

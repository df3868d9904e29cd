using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>Targets for a place's indicators: staff add, change and delete their own organisation's, see others' read-only; validated and audited.</summary>
public class SurveyTargetsTests
{
    const string Page = "/surveys/place/" + Oldham + "/targets";

    static Task<HttpResponseMessage> SaveAsync(HttpClient http, params (string, string)[] fields) =>
        SignIn.PostFormAsync(http, Page, fields, Page + "?handler=save");

    [Theory]
    [BothProviders]
    public async Task StaffManageTheirOwnOrganisationsTargetsWithValidationAndAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (council, _, _) = await SignIn.NewUserClientAsync(app, "officer@example.org", Role.Contributor, "Oldham Council");

        foreach (var (fields, errors) in new (string, string)[][]
        {
            [("indicator", ""), ("value", ""), ("period", "")],
            [("indicator", "cohesion"), ("value", "120"), ("period", "2027")],
            [("indicator", "collective-efficacy"), ("value", "5"), ("period", "2027")],
            [("indicator", "belonging"), ("value", "lots"), ("period", "2027"), ("note", new string('x', 501))],
            [("indicator", "no-such-indicator"), ("value", "50"), ("period", new string('9', 33))],
        }.Zip(new[]
        {
            new[] { ("indicator", "Select the indicator the target is for"), ("period", "Enter the period the target is for") },
            [("value", "Target value must be a percentage from 0 to 100")],
            [("value", "Target value must be a score from 10 to 50")],
            [("value", "Target value must be a number, for example 75"), ("note", "Note must be 500 characters or fewer")],
            [("indicator", "Select the indicator the target is for"), ("period", "Period must be 32 characters or fewer")],
        }))
        {
            var r = await SaveAsync(council, fields);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", html);
            foreach (var (field, message) in errors) Assert.Contains($"<a href=\"#{field}\">{message}", html);
        }

        // Percentages are typed 0–100 and stored as proportions; scores as they are.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(council, ("indicator", "cohesion"), ("value", "75%"), ("period", "2027"), ("note", "Cohesion strategy 2024 to 2027"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(council, ("indicator", "collective-efficacy"), ("value", "35.5"), ("period", "2028"))).StatusCode);
        var duplicate = await SaveAsync(council, ("indicator", "cohesion"), ("value", "80"), ("period", "2027"));
        Assert.Contains("Your organisation already has a target for this indicator by 2027", await duplicate.Content.ReadAsStringAsync());
        int cohesionId;
        await using (var db = app.Database.Context())
        {
            var targets = await db.SurveyTargets.OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([("cohesion", 0.75, "2027", "Cohesion strategy 2024 to 2027", "officer@example.org"), ("collective-efficacy", 35.5, "2028", "", "officer@example.org")],
                targets.Select(t => (t.Indicator, t.Value, t.ByPeriod, t.Note, t.CreatedBy)));
            cohesionId = targets[0].Id;
        }

        // Change: the form comes filled in, in the indicator's unit.
        var edit = await council.GetStringAsync($"{Page}?edit={cohesionId}");
        Assert.Contains("name=\"value\" type=\"text\" value=\"75\"", edit);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(council, $"{Page}?edit={cohesionId}",
            [("id", cohesionId.ToString()), ("indicator", "cohesion"), ("value", "80"), ("period", "2027"), ("note", "Revised")], Page + "?handler=save")).StatusCode);

        // Another organisation's staff see the council's targets read-only, and cannot change or delete them.
        var (police, _, _) = await SignIn.NewUserClientAsync(app, "inspector@example.org", Role.Analyst, "Greater Manchester Police");
        var theirs = WebUtility.HtmlDecode(await police.GetStringAsync(Page));
        Assert.Contains("Your organisation has set no targets for Oldham", theirs);
        Assert.Contains("Oldham Council", theirs);
        Assert.DoesNotContain($"?edit={cohesionId}", theirs);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"{Page}?edit={cohesionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignIn.PostFormAsync(police, Page, [("id", cohesionId.ToString())], Page + "?handler=delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(police, ("id", cohesionId.ToString()), ("indicator", "cohesion"), ("value", "10"), ("period", "2027"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(police, ("indicator", "trust-neighbours"), ("value", "60"), ("period", "2026"))).StatusCode);

        // The dashboard shows every organisation's targets with who set them.
        using var anonymous = app.Client();
        var dashboard = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/surveys/place/" + Oldham));
        Assert.Contains("There are no published survey results for Oldham yet", dashboard);
        Assert.Contains("Targets set for Oldham", dashboard);
        Assert.Contains("<td class=\"govuk-table__cell\">Greater Manchester Police", dashboard);
        Assert.Contains("<td class=\"govuk-table__cell\">Oldham Council", dashboard);
        Assert.Contains("35.5", dashboard);
        // Viewers and the public cannot reach the targets page.
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "reader@example.org", Role.Viewer, "Oldham Council");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync("/surveys/place/E99999999/targets")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(council, Page, [("id", cohesionId.ToString())], Page + "?handler=delete")).StatusCode);
        await using (var db = app.Database.Context())
        {
            Assert.Equal(["collective-efficacy", "trust-neighbours"], await db.SurveyTargets.OrderBy(t => t.Id).Select(t => t.Indicator).ToListAsync());
            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyTarget).OrderBy(a => a.Id).Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync();
            Assert.Equal(
            [
                "officer@example.org survey-target E08000004: added: cohesion 75% by 2027; note \"Cohesion strategy 2024 to 2027\"",
                "officer@example.org survey-target E08000004: added: collective-efficacy 35.5 by 2028",
                $"officer@example.org survey-target E08000004: changed #{cohesionId}: from cohesion 75% by 2027 to cohesion 80% by 2027; note \"Revised\"",
                "inspector@example.org survey-target E08000004: added: trust-neighbours 60% by 2026",
                $"officer@example.org survey-target E08000004: deleted #{cohesionId}: cohesion 80% by 2027",
            ], audit);
        }
    }
}

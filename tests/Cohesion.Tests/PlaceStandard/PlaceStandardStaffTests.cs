using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.PlaceStandard.Demo;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>Staff run engagements (create, open, close, publish) for their own organisation, with an audit; the demo's engagements are seeded once, labelled synthetic.</summary>
public class PlaceStandardStaffTests
{
    [Theory]
    [BothProviders]
    public async Task ContributorCreatesOpensClosesAndPublishesAnEngagementWithAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Coldhurst Partnership");
        Assert.Contains("Start a new engagement", await staff.GetStringAsync("/place-standard"));

        foreach (var (fields, field, message) in new (string, string)[][]
        {
            [("title", ""), ("area", ""), ("period", ""), ("open", ""), ("publish", "")],
            [("title", "Ward walk"), ("area", "Nowhere"), ("period", "2025"), ("open", "yes"), ("publish", "no")],
            [("title", "Ward walk"), ("name", "compare"), ("area", "Coldhurst"), ("period", "2025"), ("open", "yes"), ("publish", "no")],
            [("title", "Ward walk"), ("name", "Bad Name!"), ("area", "Coldhurst"), ("period", "2025"), ("open", "yes"), ("publish", "no")],
        }.Zip(new (string, string)[] { ("title", "Enter a title"), ("area", "No area has the code or name Nowhere"), ("name", "Short name cannot be &#x27;compare&#x27;"), ("name", "Short name must be letters") },
            (f, e) => (f, e.Item1, e.Item2)))
        {
            var r = await SignIn.PostFormAsync(staff, "/place-standard/new", fields);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains($"<a href=\"#{field}\">{message}", await r.Content.ReadAsStringAsync());
        }
        var created = await SignIn.PostFormAsync(staff, "/place-standard/new",
            ("title", "Coldhurst Place Standard 2026"), ("area", "E05000723"), ("period", "2026"), ("description", "Walkabouts and a survey"), ("open", "no"), ("publish", "no"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/place-standard/coldhurst-place-standard-2026/manage", created.Headers.Location?.OriginalString);
        var duplicate = await SignIn.PostFormAsync(staff, "/place-standard/new", ("title", "Coldhurst Place Standard 2026"), ("area", "Coldhurst"), ("period", "2026"), ("open", "no"), ("publish", "no"));
        Assert.Contains("An engagement called coldhurst-place-standard-2026 already exists", await duplicate.Content.ReadAsStringAsync());

        const string manage = "/place-standard/coldhurst-place-standard-2026/manage";
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/place-standard/coldhurst-place-standard-2026")).StatusCode);
        // Closed and unpublished: even its form is not found, so its title is not given away.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/place-standard/coldhurst-place-standard-2026/respond")).StatusCode);
        Assert.Contains("This engagement is closed", await staff.GetStringAsync("/place-standard/coldhurst-place-standard-2026/respond"));
        foreach (var (handler, name, value) in new[] { ("open", "open", "yes"), ("publish", "publish", "yes"), ("open", "open", "no") })
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(staff, manage, [(name, value)], $"{manage}?handler={handler}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/place-standard/coldhurst-place-standard-2026")).StatusCode);
        Assert.Contains("Closed to new responses", await anonymous.GetStringAsync("/place-standard/coldhurst-place-standard-2026"));

        // A viewer may not start one; a contributor elsewhere may see it (published) but not run it.
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, "Coldhurst Partnership");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/place-standard/new")).StatusCode);
        Assert.DoesNotContain("Start a new engagement", await viewer.GetStringAsync("/place-standard"));
        var (elsewhere, _, _) = await SignIn.NewUserClientAsync(app, "elsewhere@example.org", Role.Contributor, "Another partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await SignIn.PostFormAsync(elsewhere, "/place-standard/new", [("open", "yes")], $"{manage}?handler=open")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(manage)).StatusCode);

        await using var db = app.Database.Context();
        var e = await db.PsEngagements.SingleAsync();
        Assert.Equal((false, true, "worker@example.org", "Walkabouts and a survey"), (e.IsOpen, e.IsPublished, e.CreatedBy, e.Description));
        Assert.Equal(await db.Organisations.Where(o => o.Name == "Coldhurst Partnership").Select(o => o.Id).SingleAsync(), e.OwnerOrganisationId);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.PlaceStandardCreated || a.Action == AuditActions.PlaceStandardChanged)
            .OrderBy(a => a.Id).Select(a => $"{a.Actor} {a.Action} {a.Target}: {a.Detail}").ToListAsync();
        Assert.Equal(
        [
            "worker@example.org place-standard-created place-standard coldhurst-place-standard-2026: \"Coldhurst Place Standard 2026\"; area E05000723; period 2026; closed; not published",
            "worker@example.org place-standard-changed place-standard coldhurst-place-standard-2026: opened to responses",
            "worker@example.org place-standard-changed place-standard coldhurst-place-standard-2026: results published",
            "worker@example.org place-standard-changed place-standard coldhurst-place-standard-2026: closed to responses",
        ], audit);
    }

    [Fact]
    public async Task DemoEngagementsAreSeededOnceFromASeedAndLabelledSynthetic()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithPlaceStandardData);
        Assert.Contains("Seeded synthetic Place Standard engagements for Oldham", app.StartupOutput, StringComparison.Ordinal);
        using var http = app.Client();
        var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/engagements");
        Assert.Equal(8, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), e => Assert.True(e.GetProperty("engagement").GetProperty("synthetic").GetBoolean()));
        Assert.Contains("Synthetic data", await http.GetStringAsync("/place-standard"));
        var page = await http.GetStringAsync("/place-standard/coldhurst-2025?compare=coldhurst-2023");
        Assert.Contains("Synthetic data: these assessments are generated for demonstration", page);
        Assert.Contains("Difference (Coldhurst 2025 less Coldhurst 2023)", page);
        Assert.Contains("Start now", await http.GetStringAsync("/place-standard/oldham-2026/respond"));

        // The same seed gives the same figures; a second run seeds nothing.
        await using var db = app.Database.Context();
        Assert.Equal(0, await DemoPlaceStandard.SeedAsync(db));
        await using var fresh = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var ctx = fresh.Context())
        {
            await Cohesion.Places.DemoPlace.SeedAsync(ctx, "test");
            Assert.True(await DemoPlaceStandard.SeedAsync(ctx) > 0);
        }
        string Fingerprint(CohesionDb c) => string.Join(";", c.PsScores.OrderBy(s => s.AssessmentId).ThenBy(s => s.Theme).Select(s => s.Score).ToList())
            + string.Join(";", c.PsComments.OrderBy(x => x.Id).Select(x => x.Text + x.State).ToList());
        await using var again = fresh.Context();
        Assert.Equal(Fingerprint(db), Fingerprint(again));
        Assert.Equal(3 * 3, await db.PsComments.CountAsync(c => c.Flags != "" && c.State == Cohesion.PlaceStandard.ModerationState.Pending)); // something for the moderation queue
    }
}

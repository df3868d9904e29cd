using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>The organisations pages: add, rename, change kind, unique names, list and export.</summary>
public class AdminOrganisationsTests
{
    [Theory]
    [BothProviders]
    public async Task AdminAddsAndRenamesOrganisationsWithUniqueNamesAndAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);

        var added = await SignIn.PostFormAsync(admin, "/admin/organisations/add", ("name", "  Oldham Council "), ("kind", "Council"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/organisations", added.Headers.Location?.OriginalString);
        var list = await admin.GetStringAsync("/admin/organisations");
        Assert.Contains("Oldham Council added", list);
        Assert.Contains(">Oldham Council</a>", list);

        foreach (var (name, kind, field, message) in new[]
        {
            ("OLDHAM COUNCIL", "Council", "name", "An organisation called Oldham Council already exists"),
            ("   ", "Council", "name", "Enter the organisation&#x27;s name"),
            (new string('x', 201), "Council", "name", "Organisation name must be 200 characters or fewer"),
            ("Mosque association", "", "kind", "Select the kind of organisation"),
            ("Mosque association", "Church", "kind", "Select the kind of organisation"),
        })
        {
            var r = await SignIn.PostFormAsync(admin, "/admin/organisations/add", ("name", name), ("kind", kind));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains($"<a href=\"#{field}\">{message}</a>", html);
            Assert.Contains("govuk-form-group--error", html);
        }
        var exactly200 = new string('y', 200);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(admin, "/admin/organisations/add", ("name", exactly200), ("kind", "Voluntary"))).StatusCode);

        var id = await AdminUsersTests.OrganisationIdAsync(app, "Oldham Council");
        Assert.Contains("An organisation called Cohesion partnership already exists",
            await (await SignIn.PostFormAsync(admin, $"/admin/organisations/{id}", ("name", "cohesion partnership"), ("kind", "Council"))).Content.ReadAsStringAsync());
        var renamed = await SignIn.PostFormAsync(admin, $"/admin/organisations/{id}", ("name", "Oldham Metropolitan Borough Council"), ("kind", "Other"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Oldham Metropolitan Borough Council saved", await admin.GetStringAsync($"/admin/organisations/{id}"));
        // Changing only the case of its own name is allowed.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(admin, $"/admin/organisations/{id}", ("name", "Oldham Metropolitan Borough council"), ("kind", "Other"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/organisations/99999")).StatusCode);

        await using var db = app.Database.Context();
        var org = await db.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal(("Oldham Metropolitan Borough council", OrganisationKind.Other), (org.Name, org.Kind));
        Assert.Equal(3, await db.Organisations.CountAsync());
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.OrganisationCreated || a.Action == AuditActions.OrganisationChanged)
            .Where(a => a.Actor == SignIn.AdminEmail).OrderBy(a => a.Id).Select(a => $"{a.Action} {a.Target}: {a.Detail}").ToListAsync();
        Assert.Equal(
        [
            "organisation-created Oldham Council: kind Council",
            $"organisation-created {exactly200}: kind Voluntary",
            "organisation-changed Oldham Council: name \"Oldham Council\" → \"Oldham Metropolitan Borough Council\"; kind Council → Other",
            "organisation-changed Oldham Metropolitan Borough Council: name \"Oldham Metropolitan Borough Council\" → \"Oldham Metropolitan Borough council\"",
        ], audit);
    }

    [Theory]
    [BothProviders]
    public async Task OrganisationsListFiltersSortsAndExportsWithAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        await using (var db = app.Database.Context())
        {
            foreach (var (name, kind) in new[] { ("NHS Oldham", OrganisationKind.Nhs), ("Pennine Care NHS Trust", OrganisationKind.Nhs), ("Greater Manchester Police", OrganisationKind.Police), ("Oldham Interfaith Forum", OrganisationKind.Voluntary) })
                db.Organisations.Add(new Organisation { Name = name, Kind = kind, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await SignIn.CreateUserAsync(app, "nurse@example.org", Role.Viewer, "NHS Oldham");

        var nhs = await admin.GetStringAsync("/admin/organisations?kind=Nhs");
        Assert.Contains("Showing 1 to 2 of 2 organisations", nhs);
        Assert.DoesNotContain("Greater Manchester Police", nhs);
        Assert.Contains("Showing 1 to 1 of 1 organisations", await admin.GetStringAsync("/admin/organisations?q=interfaith"));
        var byUsers = await admin.GetStringAsync("/admin/organisations?sort=users&dir=desc");
        Assert.True(byUsers.IndexOf(">NHS Oldham<", StringComparison.Ordinal) < byUsers.IndexOf(">Oldham Interfaith Forum<", StringComparison.Ordinal));

        var csv = await admin.GetAsync("/admin/organisations?handler=export&format=csv&kind=Nhs&sort=name&dir=desc");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,kind,users,added_utc", lines[0]);
        Assert.Equal(["Pennine Care NHS Trust,Nhs,0", "NHS Oldham,Nhs,1"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..3])));
        Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[1]);
        await using var check = app.Database.Context();
        var export = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Export);
        Assert.Equal(("organisations.csv", SignIn.AdminEmail), (export.Target, export.Actor));
        Assert.StartsWith("2 rows; kind=Nhs", export.Detail);
    }
}

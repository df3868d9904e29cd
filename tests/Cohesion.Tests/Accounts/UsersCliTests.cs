using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>`cohesion users add` as a separate process, against the database a running app uses.</summary>
public class UsersCliTests
{
    [Theory]
    [BothProviders]
    public async Task UsersAddCreatesAUserWhoSignsInOnceAndRejectsADuplicateEmail(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var add = await CohesionExe.RunAsync(app.Database, "users", "add", "--email", "Officer@Example.org", "--name", "Equality Officer", "--organisation", "Oldham Council", "--kind", "Council", "--role", "Contributor");
        Assert.True(add.ExitCode == 0, add.All);
        Assert.Contains("Added officer@example.org (Contributor) in Oldham Council.", add.Out);
        var oneTime = Regex.Match(add.Out, @"One-time password \(shown once, change it at first sign-in\): (\S+)").Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{20}$", oneTime);

        using var http = app.Client();
        var first = await SignIn.AttemptAsync(http, "officer@example.org", oneTime);
        Assert.Equal("/account/change-password", first.Headers.Location?.OriginalString);
        await SignIn.AsAsync(http, "officer@example.org", oneTime);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/admin")).StatusCode);

        var duplicate = await CohesionExe.RunAsync(app.Database, "users", "add", "--email", "OFFICER@example.org", "--organisation", "Somewhere else");
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("A user with the email address officer@example.org already exists; nothing was changed.", duplicate.Err);
        var bad = await CohesionExe.RunAsync(app.Database, "users", "add", "--email", "not an address", "--organisation", "Oldham Council");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Enter an email address in the correct format", bad.Err);

        await using var db = app.Database.Context();
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Email == "officer@example.org");
        Assert.Equal(("Equality Officer", Role.Contributor, "Oldham Council", OrganisationKind.Council), (user.DisplayName, user.Role, user.Organisation!.Name, user.Organisation.Kind));
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == "Somewhere else"), "a refused command changes nothing");
        var created = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.UserCreated && a.Target == "officer@example.org");
        Assert.StartsWith("cli:", created.Actor);

        // The same organisation named in another case is the same organisation.
        var second = await CohesionExe.RunAsync(app.Database, "users", "add", "--email", "second@example.org", "--organisation", "oldham council");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name.ToLower() == "oldham council"));
    }
}

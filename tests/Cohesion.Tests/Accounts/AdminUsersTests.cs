using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Account;
using Cohesion.Accounts;
using Cohesion.Admin.Users;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>The users pages: adding a user with a one-time password, changing, disabling, resetting, listing and exporting.</summary>
public class AdminUsersTests
{
    [Theory]
    [BothProviders]
    public async Task AdminAddsAUserWhoseOneTimePasswordWorksOnceAndForcesAChange(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var orgId = await OrganisationIdAsync(app, FirstAdmin.OrganisationName);

        var added = await SignIn.PostFormAsync(admin, "/admin/users/add",
            ("email", "  New.Analyst@Example.org "), ("name", "Nia Analyst"), ("organisation", orgId.ToString()), ("role", "Analyst"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.True(added.Headers.CacheControl?.NoStore, "a page with a one-time password must not be cached");
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("govuk-panel--confirmation", html);
        Assert.Contains("User added", html);
        var oneTime = SignIn.OneTimePassword(html);
        Assert.Matches("^[A-Za-z0-9]{20}$", oneTime);

        // Shown once: not on the form again, not in the list, not in the database or the audit log in clear.
        Assert.DoesNotContain(oneTime, await admin.GetStringAsync("/admin/users/add"));
        var list = await admin.GetStringAsync("/admin/users");
        Assert.Contains("new.analyst@example.org", list);
        Assert.DoesNotContain(oneTime, list);
        await using (var db = app.Database.Context())
        {
            var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Email == "new.analyst@example.org");
            Assert.Equal(("Nia Analyst", Role.Analyst, FirstAdmin.OrganisationName, true), (user.DisplayName, user.Role, user.Organisation!.Name, user.MustChangePassword));
            Assert.DoesNotContain(oneTime, user.PasswordHash);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Detail.Contains(oneTime) || a.Target.Contains(oneTime)));
            var created = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.UserCreated && a.Target == "new.analyst@example.org");
            Assert.Equal(SignIn.AdminEmail, created.Actor);
            Assert.Equal($"role Analyst, organisation {FirstAdmin.OrganisationName}", created.Detail);
        }

        // The one-time password signs in once, straight to the forced change.
        using var analyst = app.Client();
        var first = await SignIn.AttemptAsync(analyst, "new.analyst@example.org", oneTime);
        Assert.Equal("/account/change-password", first.Headers.Location?.OriginalString);
        Assert.Equal("/account/change-password", (await analyst.GetAsync("/places")).Headers.Location?.OriginalString);
        var chosen = await SignIn.AsAsync(analyst, "new.analyst@example.org", oneTime);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/places")).StatusCode);
        using var later = app.Client();
        Assert.Contains(SignInModel.FailedMessage, await (await SignIn.AttemptAsync(later, "new.analyst@example.org", oneTime)).Content.ReadAsStringAsync());
        Assert.Equal(chosen, await SignIn.AsAsync(later, "new.analyst@example.org", chosen));
    }

    [Theory]
    [BothProviders]
    public async Task AddUserFormExplainsEveryProblemAndAddsNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);

        var empty = await Html(await SignIn.PostFormAsync(admin, "/admin/users/add", ("email", ""), ("name", ""), ("organisation", ""), ("role", "")));
        Assert.Contains("<title>Error: Add a user", empty);
        foreach (var (field, message) in new[] { ("email", "Enter an email address"), ("organisation", "Select the user&#x27;s organisation"), ("role", "Select the user&#x27;s role") })
        {
            Assert.Contains($"<a href=\"#{field}\">{message}</a>", empty);
            Assert.Contains($"id=\"{field}-error\"", empty);
        }

        var orgId = (await OrganisationIdAsync(app, FirstAdmin.OrganisationName)).ToString();
        var cases = new[]
        {
            (new[] { ("email", "not-an-address"), ("name", ""), ("organisation", orgId), ("role", "Viewer") }, "Enter an email address in the correct format"),
            ([("email", new string('a', 250) + "@b.org"), ("name", ""), ("organisation", orgId), ("role", "Viewer")], "Email address must be 254 characters or fewer"),
            ([("email", "ok@example.org"), ("name", new string('n', 201)), ("organisation", orgId), ("role", "Viewer")], "Name must be 200 characters or fewer"),
            ([("email", "ok@example.org"), ("name", ""), ("organisation", "99999"), ("role", "Viewer")], "Select the user&#x27;s organisation"),
            ([("email", "ok@example.org"), ("name", ""), ("organisation", orgId), ("role", "Superuser")], "Select the user&#x27;s role"),
            ([("email", "ADMIN@cohesion.local"), ("name", ""), ("organisation", orgId), ("role", "Viewer")], "A user with the email address admin@cohesion.local already exists"),
        };
        foreach (var (fields, message) in cases)
        {
            var r = await SignIn.PostFormAsync(admin, "/admin/users/add", fields);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var page = await r.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", page);
            Assert.Contains(message, page);
            Assert.DoesNotContain("one-time-password", page);
        }
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserCreated && a.Actor == SignIn.AdminEmail));
    }

    [Theory]
    [BothProviders]
    public async Task AdminsCannotDisableOrDemoteThemselves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var me = await SignInTests.UserIdAsync(app, SignIn.AdminEmail);
        var orgId = (await OrganisationIdAsync(app, FirstAdmin.OrganisationName)).ToString();
        var page = await admin.GetStringAsync($"/admin/users/{me}");
        Assert.DoesNotContain("Disable account", page);
        Assert.DoesNotContain("name=\"role\"", page);

        // Posting anyway is refused with a reason.
        var disable = await SignIn.PostFormAsync(admin, $"/admin/users/{me}", [], $"/admin/users/{me}?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(EditUserModel.SelfDisable), await disable.Content.ReadAsStringAsync());
        var demote = await SignIn.PostFormAsync(admin, $"/admin/users/{me}", ("name", "Administrator"), ("organisation", orgId), ("role", "Viewer"));
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(EditUserModel.SelfRole), await demote.Content.ReadAsStringAsync());
        var reset = await SignIn.PostFormAsync(admin, $"/admin/users/{me}", [], $"/admin/users/{me}?handler=ResetPassword");
        Assert.DoesNotContain("one-time-password", await reset.Content.ReadAsStringAsync());

        // Their own name they may change.
        var rename = await SignIn.PostFormAsync(admin, $"/admin/users/{me}", ("name", "Chief Administrator"), ("organisation", orgId));
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);

        await using var db = app.Database.Context();
        var self = await db.Users.SingleAsync(u => u.Id == me);
        Assert.Equal((Role.Admin, false, false, "Chief Administrator"), (self.Role, self.Disabled, self.MustChangePassword, self.DisplayName));
        var changes = await db.AuditEntries.Where(a => a.Action == AuditActions.UserChanged).Select(a => a.Detail).ToListAsync();
        Assert.Equal(["name \"Administrator\" → \"Chief Administrator\""], changes);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task ChangesToAnotherUserTakeEffectAtOnceAndAreAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var (viewer, user, password) = await SignIn.NewUserClientAsync(app, "colleague@example.org", Role.Viewer, "Oldham Council");
        using var _ = viewer;
        var orgId = (await OrganisationIdAsync(app, FirstAdmin.OrganisationName)).ToString();
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/admin")).StatusCode);

        // Promotion reaches the open session without signing in again.
        var promote = await SignIn.PostFormAsync(admin, $"/admin/users/{user.Id}", ("name", "A Colleague"), ("organisation", orgId), ("role", "Admin"));
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        Assert.Contains("Details changed", await admin.GetStringAsync($"/admin/users/{user.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin")).StatusCode);
        var back = await SignIn.PostFormAsync(admin, $"/admin/users/{user.Id}", ("name", "A Colleague"), ("organisation", orgId), ("role", "Viewer"));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/admin")).StatusCode);

        // Disabling ends the session at once and refuses the password; enabling lets them back.
        var disable = await SignIn.PostFormAsync(admin, $"/admin/users/{user.Id}", [], $"/admin/users/{user.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var afterDisable = await viewer.GetAsync("/account/change-password");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/account/sign-in", afterDisable.Headers.Location?.PathAndQuery ?? afterDisable.Headers.Location?.OriginalString);
        using var again = app.Client();
        Assert.Contains(SignInModel.FailedMessage, await (await SignIn.AttemptAsync(again, user.Email, password)).Content.ReadAsStringAsync());
        Assert.Contains(user.Email, await admin.GetStringAsync("/admin/users?status=Disabled"));
        await SignIn.PostFormAsync(admin, $"/admin/users/{user.Id}", [], $"/admin/users/{user.Id}?handler=Enable");
        Assert.Equal(password, await SignIn.AsAsync(again, user.Email, password));

        // Reset: a new one-time password shown once; the old password and the open session stop working.
        var reset = await SignIn.PostFormAsync(admin, $"/admin/users/{user.Id}", [], $"/admin/users/{user.Id}?handler=ResetPassword");
        Assert.True(reset.Headers.CacheControl?.NoStore, "a page with a one-time password must not be cached");
        var oneTime = SignIn.OneTimePassword(await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/account/change-password")).StatusCode);
        using var third = app.Client();
        Assert.Contains(SignInModel.FailedMessage, await (await SignIn.AttemptAsync(third, user.Email, password)).Content.ReadAsStringAsync());
        await SignIn.AsAsync(third, user.Email, oneTime);

        await using var db = app.Database.Context();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.UserChanged && a.Target == user.Email).OrderBy(a => a.Id).Select(a => a.Actor + ": " + a.Detail).ToListAsync();
        Assert.Equal(
        [
            $"{SignIn.AdminEmail}: name \"colleague@example.org\" → \"A Colleague\"; organisation Oldham Council → {FirstAdmin.OrganisationName}; role Viewer → Admin",
            $"{SignIn.AdminEmail}: role Admin → Viewer",
            $"{SignIn.AdminEmail}: disabled",
            $"{SignIn.AdminEmail}: enabled",
            $"{SignIn.AdminEmail}: password reset: new one-time password issued; sessions ended",
        ], audit);
    }

    [Theory]
    [BothProviders]
    public async Task UsersListFiltersSortsPaginatesAndExportsWithAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        await using (var db = app.Database.Context())
        {
            // Straight into the database: hashing sixty passwords would be most of the test's time.
            Organisation[] orgs = [new() { Name = "Oldham Council", Kind = OrganisationKind.Council }, new() { Name = "NHS Oldham", Kind = OrganisationKind.Nhs }];
            for (var i = 0; i < 60; i++)
                db.Users.Add(new User
                {
                    Email = $"user{i:00}@example.org", DisplayName = $"User {i:00}", Organisation = orgs[i % 2], Role = i % 3 == 0 ? Role.Analyst : Role.Viewer,
                    MustChangePassword = true, CreatedAt = DateTime.UtcNow, LockedUntil = i == 7 ? DateTime.UtcNow.AddMinutes(10) : null, Disabled = i == 8,
                });
            await db.SaveChangesAsync();
        }
        var council = await OrganisationIdAsync(app, "Oldham Council");

        var page1 = await admin.GetStringAsync("/admin/users");
        Assert.Contains("Showing 1 to 50 of 61 users", page1);
        Assert.Matches(@"app-nowrap"">\d\d/\d\d/\d{4} \d\d:\d\d<", page1); // the admin's own last sign-in, UK format
        Assert.Contains("Showing 51 to 61 of 61 users", await admin.GetStringAsync("/admin/users?page=2"));
        Assert.Contains("Showing 51 to 61 of 61 users", await admin.GetStringAsync("/admin/users?page=99"));

        var analystsAtCouncil = await admin.GetStringAsync($"/admin/users?role=Analyst&organisation={council}");
        Assert.Contains("Showing 1 to 10 of 10 users", analystsAtCouncil); // 0, 6, 12, … 54
        Assert.Contains("user06@example.org", analystsAtCouncil);
        Assert.DoesNotContain("user03@example.org", analystsAtCouncil);
        Assert.Contains("Showing 1 to 1 of 1 users", await admin.GetStringAsync("/admin/users?status=Locked"));
        Assert.Contains("user08@example.org", await admin.GetStringAsync("/admin/users?status=Disabled"));
        var search = await admin.GetStringAsync("/admin/users?q=USER 1");
        Assert.Contains("Showing 1 to 10 of 10 users", search);
        var sorted = await admin.GetStringAsync("/admin/users?sort=email&dir=desc");
        Assert.True(sorted.IndexOf("user59@example.org", StringComparison.Ordinal) < sorted.IndexOf("user58@example.org", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"descending\"", sorted);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users?q=" + new string('x', 5000) + "&role=nonsense&status=&organisation=abc&sort=evil&page=-3")).StatusCode);

        var csv = await admin.GetAsync($"/admin/users?handler=export&format=csv&role=Analyst&organisation={council}&sort=email");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cohesion-users.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("email,name,organisation,role,status,must_change_password,last_sign_in_utc", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Equal("user00@example.org,User 00,Oldham Council,Analyst,Active,yes,", lines[1]);
        var xlsx = await admin.GetByteArrayAsync("/admin/users?handler=export&format=xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users?handler=export&format=pdf")).StatusCode);

        await using var check = app.Database.Context();
        var exports = await check.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Target + " " + a.Detail).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.StartsWith($"{SignIn.AdminEmail} users.csv 10 rows; organisation=Oldham Council; role=Analyst", exports[0]);
        Assert.StartsWith($"{SignIn.AdminEmail} users.xlsx 61 rows", exports[1]);
    }

    internal static async Task<int> OrganisationIdAsync(TestApp app, string name)
    {
        await using var db = app.Database.Context();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    static Task<string> Html(HttpResponseMessage r) => r.Content.ReadAsStringAsync();

    internal static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
}

using System.Net;
using Cohesion.Account;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>Signing in, the one-time password, lockout, and what the site guarantees to anyone who is not signed in.</summary>
public class SignInTests
{
    [Theory]
    [BothProviders]
    public async Task FirstAdminMustChangeTheOneTimePasswordBeforeAnythingElse(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var signIn = await SignIn.AttemptAsync(http, SignIn.AdminEmail, app.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/change-password", signIn.Headers.Location?.OriginalString);

        // Everything outside /account, public pages included, leads back to the change.
        foreach (var url in new[] { "/admin", "/admin/users", "/", "/places", "/api/v1/areas" })
        {
            var r = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/account/change-password", r.Headers.Location?.OriginalString);
        }
        var page = await http.GetStringAsync("/account/change-password");
        Assert.Contains("You signed in with a one-time password", page);

        // The form insists on the current password and a new one long enough.
        var wrong = await SignIn.PostFormAsync(http, "/account/change-password", ("current", "not it at all"), ("new", "short"), ("confirm", "short"));
        var errors = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("There is a problem", errors);
        Assert.Contains("Enter your current password correctly", errors);
        Assert.Contains($"Password must be {Passwords.MinLength} characters or more", errors);

        var chosen = "a password of my own choosing";
        var changed = await SignIn.PostFormAsync(http, "/account/change-password", ("current", app.AdminPassword), ("new", chosen), ("confirm", chosen));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/admin")).StatusCode);

        // The one-time password is spent; the chosen one works.
        using var again = app.Client();
        var reused = await SignIn.AttemptAsync(again, SignIn.AdminEmail, app.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, await reused.Content.ReadAsStringAsync());
        Assert.Equal(chosen, await SignIn.AsAsync(again, SignIn.AdminEmail, chosen));

        await using var db = app.Database.Context();
        var admin = await db.Users.SingleAsync(u => u.Email == SignIn.AdminEmail);
        Assert.False(admin.MustChangePassword);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PasswordChanged && a.Actor == SignIn.AdminEmail));
    }

    [Theory]
    [BothProviders]
    public async Task WrongPasswordFiveTimesLocksTheAccountAndEveryAttemptIsAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, oneTime) = await SignIn.CreateUserAsync(app, "locked@example.org", Role.Viewer);
        using var http = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var r = await SignIn.AttemptAsync(http, "locked@example.org", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(SignInModel.FailedMessage, await r.Content.ReadAsStringAsync());
        }
        // Locked: the right password is refused too, with the same words.
        var right = await SignIn.AttemptAsync(http, "locked@example.org", oneTime);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(SignInModel.FailedMessage, await right.Content.ReadAsStringAsync());
        Assert.Null(right.Headers.Location);

        await using (var db = app.Database.Context())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "locked@example.org");
            Assert.True(user.LockedUntil > DateTime.UtcNow);
            var attempts = await db.AuditEntries.Where(a => a.Target == "locked@example.org" && a.Action == AuditActions.SignInFailed).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
            Assert.Equal(["wrong password", "wrong password", "wrong password", "wrong password", "wrong password; account locked", "account locked"], attempts);
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Target == "locked@example.org" && a.Action == AuditActions.SignIn));
        }

        // An administrator unlocks it from the user's page; then the password works.
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var id = await UserIdAsync(app, "locked@example.org");
        Assert.Contains("Locked", await admin.GetStringAsync($"/admin/users/{id}"));
        var unlock = await SignIn.PostFormAsync(admin, $"/admin/users/{id}", [], $"/admin/users/{id}?handler=Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Contains("Account unlocked", await admin.GetStringAsync($"/admin/users/{id}"));
        await SignIn.AsAsync(http, "locked@example.org", oneTime);
        await using (var db = app.Database.Context())
            Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.UserChanged).Select(a => a.Detail).ToListAsync(), d => d == "unlocked");
    }

    [Theory]
    [BothProviders]
    public async Task UnknownEmailGetsTheSameAnswerAsAWrongPassword(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var unknown = await SignIn.AttemptAsync(http, "nobody@example.org", "some password or other");
        var wrong = await SignIn.AttemptAsync(http, SignIn.AdminEmail, "some password or other");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var a = ErrorSummary(await unknown.Content.ReadAsStringAsync());
        var b = ErrorSummary(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(SignInModel.FailedMessage, a);
        Assert.Equal(a, b);
        await using var db = app.Database.Context();
        Assert.Equal("unknown user", await db.AuditEntries.Where(e => e.Target == "nobody@example.org").Select(e => e.Detail).SingleAsync());
    }

    [Fact]
    public async Task PostsWithoutAnAntiforgeryTokenAreRejected()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        var signIn = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("email", SignIn.AdminEmail), KeyValuePair.Create("password", app.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Null(signIn.Headers.Location);

        // Signed in, the admin forms are guarded the same way.
        await SignIn.AdminAsync(app, http);
        var add = await http.PostAsync("/admin/organisations/add", new FormUrlEncodedContent([KeyValuePair.Create("name", "Forged"), KeyValuePair.Create("kind", "Other")]));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        await using var db = app.Database.Context();
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == "Forged"));
    }

    [Fact]
    public async Task SignInIsRateLimitedPerClient()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, "--Cohesion:Security:SignInPermitPerMinute", "3");
        using var http = app.Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignIn.AttemptAsync(http, "someone@example.org", "a wrong password")).StatusCode);
        var limited = await SignIn.AttemptAsync(http, "someone@example.org", "a wrong password");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
        // Only the sign-in POST is limited: pages still load.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task ResponsesCarryTheSecurityHeaders()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        foreach (var url in new[] { "/", "/account/sign-in", "/admin" })
        {
            var r = await http.GetAsync(url);
            var csp = Header(r, "Content-Security-Policy");
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Header(r, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(r, "Referrer-Policy"));
            Assert.Equal("DENY", Header(r, "X-Frame-Options"));
            Assert.False(r.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http means nothing and must not be sent");
        }
    }

    [Theory]
    [BothProviders]
    public async Task PublicPagesAreOpenWhileAdministrationNeedsAnAdministrator(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var anonymous = app.Client();
        foreach (var url in new[] { "/", "/places", "/places/E08000004", "/areas/E01005320", "/glossary", "/accessibility" })
            Assert.True((await anonymous.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} should be open to everyone");

        foreach (var url in new[] { "/admin", "/admin/users", "/admin/audit", "/admin/audit?handler=export&format=csv" })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url.Split('?')[0]), r.Headers.Location?.PathAndQuery ?? r.Headers.Location?.OriginalString);
        }

        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer);
        using (viewer)
        {
            foreach (var url in new[] { "/admin", "/admin/users", "/admin/users/1", "/admin/organisations", "/admin/audit", "/admin/audit?handler=export&format=csv" })
            {
                var r = await viewer.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
                Assert.Contains("You do not have permission to see this page", await r.Content.ReadAsStringAsync());
            }
            Assert.DoesNotContain("href=\"/admin\"", await viewer.GetStringAsync("/"));
        }
        await using var db = app.Database.Context();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export), "a refused export must not run");
    }

    [Theory]
    [BothProviders]
    public async Task SigningOutEndsTheSessionAndIsAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        await SignIn.AdminAsync(app, http);
        // The layout's sign-out button posts with the token of the page it is on.
        var home = await http.GetStringAsync("/");
        Assert.Contains("action=\"/account/sign-out\"", home);
        var r = await http.PostAsync("/account/sign-out", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", SignIn.Token(home))]));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/admin")).StatusCode);
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignOut && a.Actor == SignIn.AdminEmail));
    }

    internal static async Task<int> UserIdAsync(TestApp app, string email)
    {
        await using var db = app.Database.Context();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : throw new Xunit.Sdk.XunitException($"{name} missing on {r.RequestMessage?.RequestUri}");

    static string ErrorSummary(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, """<ul class="govuk-list govuk-error-summary__list">\s*<li><a href="#[^"]+">([^<]+)</a></li>""");
        Assert.True(m.Success, "no error summary");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Accounts;

namespace Cohesion.Tests.Infrastructure;

/// <summary>
/// Drives the real forms the way a browser does: GET the page, take the antiforgery token from its hidden input,
/// POST the fields with it. Clients should not follow redirects (TestApp.Client()), so tests can assert them.
/// </summary>
public static partial class SignIn
{
    public const string AdminEmail = FirstAdmin.Email;

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("""<strong id="one-time-password">([^<]+)</strong>""")]
    private static partial Regex OneTimePasswordText();

    /// <summary>The antiforgery token in a page's form.</summary>
    public static string Token(string html)
    {
        var m = TokenInput().Match(html);
        if (!m.Success) throw new InvalidOperationException("no __RequestVerificationToken in the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>The one-time password on a confirmation page (shown once in a GOV.UK panel).</summary>
    public static string OneTimePassword(string html) =>
        OneTimePasswordText().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no one-time password in the page");

    /// <summary>GETs <paramref name="page"/> for its token and POSTs the fields to <paramref name="action"/> (the page itself by default).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string page, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var get = await http.GetAsync(page);
        if (get.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {page} answered {(int)get.StatusCode} {get.Headers.Location}");
        var token = Token(await get.Content.ReadAsStringAsync());
        var form = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await http.PostAsync(action ?? page, form);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient http, string page, params (string Name, string Value)[] fields) => PostFormAsync(http, page, fields, null);

    /// <summary>POSTs the sign-in form once and returns the answer as it is.</summary>
    public static Task<HttpResponseMessage> AttemptAsync(HttpClient http, string email, string password) =>
        PostFormAsync(http, "/account/sign-in", ("email", email), ("password", password));

    /// <summary>
    /// Signs the client in. When the account holds a one-time password, completes the forced change to
    /// <paramref name="newPassword"/> (or a fresh one). Returns the password that now works.
    /// </summary>
    public static async Task<string> AsAsync(HttpClient http, string email, string password, string? newPassword = null)
    {
        var r = await AttemptAsync(http, email, password);
        if (r.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} answered {(int)r.StatusCode}, not a redirect: {Excerpt(await r.Content.ReadAsStringAsync())}");
        if (r.Headers.Location?.OriginalString != "/account/change-password") return password;
        newPassword ??= "a long test password " + Guid.NewGuid().ToString("N")[..8];
        var c = await PostFormAsync(http, "/account/change-password", ("current", password), ("new", newPassword), ("confirm", newPassword));
        if (c.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"changing the one-time password of {email} answered {(int)c.StatusCode}: {Excerpt(await c.Content.ReadAsStringAsync())}");
        return newPassword;
    }

    /// <summary>Signs in as the first administrator, changing the one-time password on the way.</summary>
    public static Task<string> AdminAsync(TestApp app, HttpClient http) => AsAsync(http, AdminEmail, app.AdminPassword);

    /// <summary>A user made straight in the database (as `cohesion users add` does), with their one-time password.</summary>
    public static async Task<(User User, string Password)> CreateUserAsync(TestApp app, string email, Role role, string organisation = "Test partner")
    {
        await using var db = app.Database.Context();
        return await UserAdmin.AddAsync(db, email, null, organisation, OrganisationKind.Other, role, "test");
    }

    /// <summary>A new client signed in as a new user of the role, past the forced password change.</summary>
    public static async Task<(HttpClient Http, User User, string Password)> NewUserClientAsync(TestApp app, string email, Role role, string organisation = "Test partner")
    {
        var (user, oneTime) = await CreateUserAsync(app, email, role, organisation);
        var http = app.Client();
        var password = await AsAsync(http, email, oneTime);
        return (http, user, password);
    }

    static string Excerpt(string html)
    {
        var errors = Regex.Matches(html, """<p id="[^"]+-error" class="govuk-error-message">(.*?)</p>""", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
        var text = string.Join(" | ", errors);
        return text.Length > 0 ? WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", "")) : html[..Math.Min(html.Length, 300)];
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>
/// The reports API: a key of the organisation opens it and nothing else does (no cookie, a revoked key); a POST is
/// idempotent on its id, sequentially and when retries race; a different body under a stored id is a 409; bad fields
/// are a 400 naming the field and value; no CORS is offered.
/// </summary>
public class ReportsApiTests
{
    static string Body(string id, string description = "Leaflets posted through doors", string area = TensionReportSetup.Lsoa, string occurred = "2026-01-05T18:30:00Z") => $$"""
        {"id":"{{id}}","occurred_at":"{{occurred}}","area":"{{area}}","type":"hate-incident","strands":["religion-or-belief"],"factors":["media-coverage"],
         "description":"{{description}}","people_affected":12,"exact_location":"Union Street","latitude":53.54,"longitude":-2.11,
         "reporter":{"name":"A Caller","phone":"0161 770 3000","may_contact":true} }
        """;

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Creates a key on /account/api-keys as an analyst of the organisation; the secret shown once.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient analyst, string name)
    {
        var r = await SignIn.PostFormAsync(analyst, "/account/api-keys", [("name", name)], "/account/api-keys?handler=create");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(r.Headers.CacheControl?.NoStore);
        var html = await r.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, """<strong id="new-key"[^>]*>([^<]+)</strong>""").Groups[1].Value;
    }

    static HttpClient Keyed(TestApp app, string key)
    {
        var http = app.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    [Theory]
    [BothProviders]
    public async Task APostIsIdempotentOnItsIdAndRacingRetriesStoreOneReport(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "systems@police.example", Role.Analyst, "Greater Manchester Police");
        var key = await CreateKeyAsync(analyst, "Police incident feed");
        Assert.StartsWith("coh_", key, StringComparison.Ordinal);
        using var api = Keyed(app, key);

        var created = await api.PostAsync("/api/v1/tensions/reports", Json(Body("INC-1")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/api/v1/tensions/reports/{dto.GetProperty("id").GetGuid():D}", created.Headers.Location!.OriginalString);
        Assert.Equal("2026-W02", dto.GetProperty("iso_week").GetString());
        Assert.False(dto.TryGetProperty("reporter", out _));

        var again = await api.PostAsync("/api/v1/tensions/reports", Json(Body("INC-1")));
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        Assert.Equal(dto.GetProperty("id").GetGuid(), JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        var differs = await api.PostAsync("/api/v1/tensions/reports", Json(Body("INC-1", description: "Something else")));
        Assert.Equal(HttpStatusCode.Conflict, differs.StatusCode);
        Assert.Contains("already sent a report with id 'INC-1'", await differs.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Twenty retries of one new report at once, and twenty of twenty new ones: one row per id.
        var racing = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.PostAsync("/api/v1/tensions/reports", Json(Body("INC-RACE")))));
        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(racing, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        var many = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => api.PostAsync("/api/v1/tensions/reports", Json(Body($"INC-N{i}")))));
        Assert.All(many, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using (var db = app.Database.Context())
        {
            Assert.Equal(22, await db.TensionReports.CountAsync());
            Assert.Equal(22, await db.TensionReports.Select(r => r.ClientId).Distinct().CountAsync());
            Assert.Equal(22, await db.TensionReporters.CountAsync());
            Assert.Equal(22, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TensionReportCreated && a.Actor.StartsWith("api-key:coh_")));
        }

        var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/tensions/reports?since=2020-01-01T00:00:00Z")).RootElement;
        Assert.Equal(22, list.GetProperty("count").GetInt32());
        // Another organisation's key sees none of them, and may reuse the same id for its own report.
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "data@school.example", Role.Admin, "Oldham school");
        using var otherApi = Keyed(app, await CreateKeyAsync(other, "School system"));
        Assert.Equal(0, JsonDocument.Parse(await otherApi.GetStringAsync("/api/v1/tensions/reports")).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await otherApi.PostAsync("/api/v1/tensions/reports", Json(Body("INC-1")))).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task OnlyALiveKeyOpensTheApiAndBadFieldsAreNamed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "systems@police.example", Role.Analyst, "Greater Manchester Police");
        var key = await CreateKeyAsync(analyst, "Feed");

        // A signed-in browser's cookie is not a key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.PostAsync("/api/v1/tensions/reports", Json(Body("X")))).StatusCode);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/tensions/reports")).StatusCode);
        using var wrong = Keyed(app, key[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/v1/tensions/reports", Json(Body("X")))).StatusCode);
        using var headerKey = app.Client();
        headerKey.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await headerKey.GetAsync("/api/v1/tensions/reports")).StatusCode);

        using var api = Keyed(app, key);
        var bad = await api.PostAsync("/api/v1/tensions/reports", Json(Body("BAD-1", area: "E99999999", occurred: "2099-01-01T00:00:00Z")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("occurred_at: When it happened cannot be in the future (you entered '2099-01-01T00:00:00Z')", problem, StringComparison.Ordinal);
        Assert.Contains("area: Area must be the code of a district, ward or small area (LSOA) Cohesion knows (you entered 'E99999999')", problem, StringComparison.Ordinal);
        var typo = await api.PostAsync("/api/v1/tensions/reports", Json("""{"id":"T","occured_at":"2026-01-01T00:00:00Z"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("occured_at", await typo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongType = await api.PostAsync("/api/v1/tensions/reports", Json("""{"id":"T","people_affected":"many"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("people_affected", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var big = await api.PostAsync("/api/v1/tensions/reports", Json(Body("BIG", description: new string('x', 70 * 1024))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        // No CORS: a browser on another site gets no permission to read or send.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/tensions/reports");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var cors = await api.SendAsync(preflight);
        Assert.False(cors.Headers.Contains("Access-Control-Allow-Origin"));

        // Revoked on the page: refused from then on.
        await using (var db = app.Database.Context())
        {
            var id = await db.ApiKeys.Select(k => k.Id).SingleAsync();
            var revoke = await SignIn.PostFormAsync(analyst, "/account/api-keys", [("id", id.ToString())], "/account/api-keys?handler=revoke");
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/v1/tensions/reports", Json(Body("AFTER")))).StatusCode);
        await using var check = app.Database.Context();
        Assert.False(await check.TensionReports.AnyAsync());
        Assert.Equal(["created 'Feed'", "revoked 'Feed'"], await check.AuditEntries.Where(a => a.Action == AuditActions.ApiKeyChanged).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        // The list of keys downloads without secrets or hashes.
        var keysCsv = await analyst.GetStringAsync("/account/api-keys?handler=export&format=csv");
        Assert.Contains("name,prefix,created,last_used,revoked", keysCsv, StringComparison.Ordinal);
        Assert.Contains("Feed," + key[..12] + ",", keysCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(key[13..], keysCsv, StringComparison.Ordinal);
        // A contributor cannot make keys.
        var (contributor, _, _) = await SignIn.NewUserClientAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/account/api-keys")).StatusCode);
    }

    [Fact]
    public async Task EachKeyIsLimitedApartAndTheLimitAnswers429WithRetryAfter()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, "--Cohesion:Tensions:ApiPermitPerMinute", "3");
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "systems@police.example", Role.Analyst, "Greater Manchester Police");
        using var looping = Keyed(app, await CreateKeyAsync(analyst, "Stuck feed"));
        using var other = Keyed(app, await CreateKeyAsync(analyst, "Other feed"));

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await looping.PostAsync("/api/v1/tensions/reports", Json(Body($"L-{i}")))).StatusCode);
        var refused = await looping.PostAsync("/api/v1/tensions/reports", Json(Body("L-3")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("10", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("too many requests in the last minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await looping.GetAsync("/api/v1/tensions/reports")).StatusCode);
        // The other key of the same organisation is not starved by the first.
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsync("/api/v1/tensions/reports", Json(Body("O-1")))).StatusCode);
        await using var db = app.Database.Context();
        Assert.Equal(4, await db.TensionReports.CountAsync());
        Assert.False(await db.TensionReports.AnyAsync(r => r.ClientId == "L-3"));
    }
}

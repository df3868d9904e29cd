using System.Text.Json;
using System.Text.Json.Serialization;
using Cohesion.Accounts;
using Cohesion.Accounts.ApiKeys;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Api;

/// <summary>A report as a partner's system sends it (snake_case JSON); unknown members are refused, so a typo is not silently lost.</summary>
public sealed class ReportBody
{
    public string? Id { get; set; }
    public string? OccurredAt { get; set; }
    public string? Area { get; set; }
    public string? Type { get; set; }
    public string[]? Strands { get; set; }
    public string[]? Factors { get; set; }
    public string? Source { get; set; }
    public string? Description { get; set; }
    public int? PeopleAffected { get; set; }
    public string? ExactLocation { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Other reports of the organisation this one is linked to, by their client ids.</summary>
    public string[]? Links { get; set; }
    public ReporterBody? Reporter { get; set; }
}

public sealed class ReporterBody
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool MayContact { get; set; }
}

public sealed record AreaDto(string Code, string Name);
public sealed record ReportDto(Guid Id, string Reference, string? ClientId, DateTime OccurredAt, string IsoWeek, AreaDto Area, string Type, IReadOnlyList<string> Strands,
    IReadOnlyList<string> Factors, string Source, string Description, int? PeopleAffected, string? ExactLocation, double? Latitude, double? Longitude,
    IReadOnlyList<Guid> Links, string Triage, int Version, bool IsSynthetic, DateTime CreatedAt, DateTime UpdatedAt);
public sealed record ReportListDto(int Count, bool More, DateTime? Next, IReadOnlyList<ReportDto> Reports);

/// <summary>
/// <c>/api/v1/tensions/reports</c>: partners' own systems send reports with an API key of their organisation and read
/// back their own. A POST with a client id already stored is a retry: the stored report comes back (200) and nothing
/// changes, or 409 when the body says something else. No cookies are read here and no CORS is offered: only a key opens it.
/// </summary>
public static class ReportsApi
{
    public const int MaxBody = 64 * 1024;
    public const int MaxList = 1000;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tensions/reports").WithTags("tensions").AllowAnonymous().DisableAntiforgery();
        g.MapPost("", Submit).WithName("TensionReportSubmit")
            .WithSummary("Send a report with an API key (Authorization: Bearer KEY); idempotent on its id")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBody));
        g.MapGet("", List).WithName("TensionReportList").WithSummary("Your organisation's reports changed since a time (?since=ISO 8601), oldest first");
    }

    static ProblemHttpResult Problem(int status, string title, string detail, Dictionary<string, object?>? extra = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extra);

    static ProblemHttpResult Unauthorised() =>
        Problem(401, "API key required", "Send a live API key of your organisation as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'. Keys are made at /account/api-keys.");

    static async Task<(ApiKey? Key, IResult? Refusal)> KeyAsync(HttpContext http, CohesionDb db, ApiKeyCache keys, ApiKeyLimiter limiter, CancellationToken ct)
    {
        var key = await keys.AuthenticateAsync(db, http.Request, ct);
        if (key is null) return (null, Unauthorised());
        if (!limiter.TryAcquire(key.Prefix))
        {
            http.Response.Headers.RetryAfter = "10";
            return (null, Problem(429, "Too many requests", $"This key ({key.Prefix}) has sent too many requests in the last minute: wait and send again."));
        }
        return (key, null);
    }

    static async Task<IResult> Submit(HttpContext http, CohesionDb db, AreaStatsCache places, ApiKeyCache keys, ApiKeyLimiter limiter, IOptions<ReportOptions> options,
        SubmissionWriter writer, CancellationToken ct)
    {
        var (key, refused) = await KeyAsync(http, db, keys, limiter, ct);
        if (refused is not null) return refused;
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problem(415, "JSON required", $"Send the report as application/json (the request said '{http.Request.ContentType}').");
        ReportBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ReportBody>(http.Request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return Problem(400, "The report is not valid JSON for this API", $"{(e.Path is { Length: > 2 } p ? p[2..] : "body")}: {Plain(e)}", new() { ["field"] = e.Path?.TrimStart('$', '.') });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return Problem(413, "Too large", $"A report may be at most {MaxBody / 1024} KB of JSON.");
        }
        if (body is null) return Problem(400, "No report", "The body is empty: send one report as a JSON object.");

        var errors = new List<(string Field, string? Value, string Message)>();
        var directory = await places.DirectoryAsync(db, ct);
        var check = new ReportCheck(directory, options.Value.Enabled(), DateTime.UtcNow, (f, v, m) => errors.Add((f, v, m)));
        var input = await InputAsync(db, key!.OrganisationId, body, check, errors, ct);
        if (input is null || errors.Count > 0)
            return TypedResults.Problem(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), statusCode: 400, title: "The report has problems",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, value = e.Value, message = e.Message }).ToList() });

        var actor = $"api-key:{key.Prefix}";
        // Stored first and asked after: the unique (organisation, client id) index tells a retry from a new report in the
        // insert itself, so a new report costs no lookup, and two copies racing cannot both be stored.
        var (r, reporter) = ReportWriter.New(input, key.OrganisationId, ReportChannel.Api, ReportTriage.Accepted, null, DateTime.UtcNow);
        var audit = Audit.Entry(actor, AuditActions.TensionReportCreated, $"tension report {r.Id:D}",
            $"client id {input.ClientId}; {r.Type.Code()} in {directory.ById[r.AreaId].Code}; by API key {key.Name}", http.Ip());
        if (await writer.StoreAsync(new SubmissionWriter.Submission(r, reporter, audit), ct) == SubmissionWriter.Outcome.Duplicate)
            return await Retried(db, (await StoredAsync(db, key.OrganisationId, input))!, input, directory, ct);
        http.Response.Headers.Location = $"/api/v1/tensions/reports/{r.Id:D}";
        return Send(Dto(r, directory), StatusCodes.Status201Created);
    }

    static Task<TensionReport?> StoredAsync(CohesionDb db, int org, ReportInput input) =>
        db.TensionReports.AsNoTracking().Include(r => r.Links).FirstOrDefaultAsync(r => r.OwnerOrganisationId == org && r.ClientId == input.ClientId);

    /// <summary>The same id again: the stored report when it says the same (the reporter too), else a conflict explaining.</summary>
    static async Task<IResult> Retried(CohesionDb db, TensionReport stored, ReportInput input, PlaceDirectory directory, CancellationToken ct)
    {
        var reporter = await db.TensionReporters.AsNoTracking().FirstOrDefaultAsync(x => x.ReportId == stored.Id, ct);
        if (ReportWriter.Same(stored, input) && ReportWriter.SameReporter(reporter, input.Reporter)) return Send(Dto(stored, directory));
        return Problem(409, "A different report has this id",
            $"Your organisation already sent a report with id '{input.ClientId}' (stored as {ReportAccess.Reference(stored.Id)}) and this body differs from it. A retry must send the same body; a new report needs a new id; a correction is made on the report's page.",
            new() { ["report"] = $"/tensions/reports/{stored.Id:D}" });
    }

    static async Task<ReportInput?> InputAsync(CohesionDb db, int org, ReportBody b, ReportCheck check, List<(string, string?, string)> errors, CancellationToken ct)
    {
        var clientId = check.ClientId(b.Id, "id", required: true);
        var occurred = check.OccurredIso(b.OccurredAt, "occurred_at");
        var area = check.Area(b.Area, "area");
        var type = check.Type(b.Type, "type");
        var strands = check.Strands(b.Strands ?? [], "strands");
        var factors = check.Factors(b.Factors ?? [], "factors");
        var source = check.Source(b.Source, "source");
        var description = check.Description(b.Description, "description");
        var location = check.Location(b.ExactLocation, "exact_location");
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (lat, lon) = check.Coordinates(b.Latitude?.ToString("R", inv), b.Longitude?.ToString("R", inv), "latitude", "longitude");
        var people = check.People(b.PeopleAffected?.ToString(inv), "people_affected");
        var reporter = b.Reporter is { } who ? check.Reporter(who.Name, who.Email, who.Phone, who.MayContact, "reporter.") : null;
        var links = new List<Guid>();
        if (b.Links is { Length: > 0 } wanted)
        {
            if (wanted.Length > 50) errors.Add(("links", null, "A report may link to at most 50 others"));
            var named = wanted.Take(50).Where(w => w is not null).ToList();
            var found = await db.TensionReports.AsNoTracking().Where(r => r.OwnerOrganisationId == org && named.Contains(r.ClientId!)).Select(r => new { r.ClientId, r.Id }).ToListAsync(ct);
            foreach (var w in named)
                if (found.FirstOrDefault(f => f.ClientId == w) is { } hit) links.Add(hit.Id);
                else errors.Add(("links", w, $"Links must be ids of reports your organisation sent (no report has id '{FieldRulesClip(w)}')"));
        }
        if (clientId is null || occurred is null || area is null || type is null || source is null || description is null) return null;
        return new ReportInput(clientId, occurred.Value, area.Id, location, lat, lon, type.Value, strands, factors, source.Value, description, people, links, reporter);
    }

    static string FieldRulesClip(string s) => Cohesion.Assets.Editing.FieldRules.Clip(s);

    static string Plain(JsonException e) => e.Message.Split(" Path:")[0].Split(". LineNumber")[0];

    static async Task<IResult> List(HttpContext http, CohesionDb db, AreaStatsCache places, ApiKeyCache keys, ApiKeyLimiter limiter, string? since, CancellationToken ct)
    {
        var (key, refused) = await KeyAsync(http, db, keys, limiter, ct);
        if (refused is not null) return refused;
        DateTime? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var s))
                return Problem(400, "Bad since", $"since must be an ISO 8601 date and time like 2026-03-27T00:00:00Z (you sent '{Cohesion.Assets.Editing.FieldRules.Clip(since)}')", new() { ["field"] = "since" });
            from = s.UtcDateTime;
        }
        var q = db.TensionReports.AsNoTracking().Include(r => r.Links).Where(r => r.OwnerOrganisationId == key!.OrganisationId);
        if (from is { } f) q = q.Where(r => r.UpdatedAt >= f);
        var rows = await q.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).Take(MaxList + 1).ToListAsync(ct);
        var more = rows.Count > MaxList;
        if (more) rows.RemoveAt(rows.Count - 1);
        var directory = await places.DirectoryAsync(db, ct);
        return Send(new ReportListDto(rows.Count, more, more ? rows[^1].UpdatedAt : null, rows.Select(r => Dto(r, directory)).ToList()));
    }

    /// <summary>Answers in the same snake_case the API is sent in.</summary>
    static IResult Send<T>(T body, int status = StatusCodes.Status200OK) => TypedResults.Json(body, Json, statusCode: status);

    static ReportDto Dto(TensionReport r, PlaceDirectory places)
    {
        var area = places.ById.GetValueOrDefault(r.AreaId);
        return new ReportDto(r.Id, ReportAccess.Reference(r.Id), r.ClientId, DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc), ReportPlaces.IsoWeek(ReportPlaces.WeekStart(r.OccurredAt)),
            new AreaDto(area?.Code ?? "", area?.Name ?? ""), r.Type.Code(), [.. TensionWords.Each(r.Strands).Select(TensionWords.Code)],
            [.. TensionWords.Each(r.Factors).Select(TensionWords.Code)], ReportWords.SourceCode(r.Source), r.Description, r.PeopleAffected, r.ExactLocation,
            r.Latitude, r.Longitude, [.. r.Links.Select(l => l.LinkedReportId)], r.Triage.ToString().ToLowerInvariant(), r.Version, r.IsSynthetic,
            DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc));
    }
}

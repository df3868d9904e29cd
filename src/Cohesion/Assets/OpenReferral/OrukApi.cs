using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// The Open Referral UK read API under <c>/openreferral</c>: the published directory for other directories and apps,
/// open without keys, readable from any origin. Residents' offers never appear: they are people's own skills and
/// time, listed with their consent for this directory only. An organisation appears when it runs at least one
/// published service or space.
/// </summary>
public static class OrukApi
{
    public const string CorsPolicy = "OpenReferral";
    public const string ProfileUrl = "https://github.com/openreferral/uk-profile";
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json";

    public static RouteGroupBuilder MapOrukApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/openreferral").WithTags("openreferral").RequireCors(CorsPolicy).AllowAnonymous();
        g.AddEndpointFilter(async (ctx, next) =>
        {
            try
            {
                var result = await next(ctx);
                // Directory data changes slowly; a minute's caching spares the database when many clients poll.
                ctx.HttpContext.Response.Headers.CacheControl = "public, max-age=60";
                return result;
            }
            catch (BadParameterException e)
            {
                return TypedResults.Problem(e.Message, statusCode: 400, title: "A query parameter is not valid",
                    extensions: new Dictionary<string, object?> { ["parameter"] = e.Parameter, ["value"] = e.Value });
            }
        });
        g.MapGet("/", Info).WithSummary("This API and the HSDS profile it follows");
        g.MapGet("/services", Services).WithSummary("Published services and spaces, a page at a time: search, taxonomy_id, taxonomy_term_id, organization_id, modified_after, page, per_page, full_service");
        g.MapGet("/services/{id}", Service).WithSummary("A published service with every part: organisation, locations, schedules, languages, costs, contacts, areas, taxonomy terms");
        g.MapGet("/taxonomies", Taxonomies).WithSummary("The taxonomies services are classified by, a page at a time");
        g.MapGet("/taxonomies/{id}", Taxonomy).WithSummary("A taxonomy");
        g.MapGet("/taxonomy_terms", TaxonomyTerms).WithSummary("Taxonomy terms, a page at a time: taxonomy_id, parent_id");
        g.MapGet("/taxonomy_terms/{id}", TaxonomyTerm).WithSummary("A taxonomy term");
        g.MapGet("/organizations", Organizations).WithSummary("Organisations running published services, a page at a time");
        g.MapGet("/organizations/{id}", Organization).WithSummary("An organisation with its published services");
        return g;
    }

    static IResult Json(object value) => TypedResults.Json(value, HsdsJson.Options);
    static IResult NotFound(string what, string id) => TypedResults.Problem($"no published {what} has the id '{(id.Length <= 60 ? id : id[..57] + "...")}'", statusCode: 404);

    /// <summary>
    /// What the public API may show: published, and never a resident's offer (so <c>Published()</c>'s consent rule has
    /// nothing left to decide). Written on the two columns of the (publication, kind) index alone, so counting a page
    /// of 50,000 services reads the index and not the table.
    /// </summary>
    public static IQueryable<Service> Exposed(this IQueryable<Service> services) =>
        services.Where(s => s.Publication == Publication.Published && s.Kind != AssetKind.Offer);

    static IResult Info() => Json(new { version = "3.0", profile = ProfileUrl, openapi_url = OpenApiUrl });

    static async Task<IResult> Services(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        var p = new OrukParameters(http.Request.Query);
        var (page, perPage) = (p.Page, p.PerPage);
        var full = p.Flag("full_service");
        var q = db.AssetServices.AsNoTracking().Exposed();
        if (p.Search is { } search) q = OrukSearch.Matching(db, q, search);
        if (p.Id("taxonomy_id") is { } taxonomy) q = q.Where(s => s.Terms.Any(t => t.Term!.TaxonomyId == taxonomy));
        if (p.Id("taxonomy_term_id") is { } term) q = q.Where(s => s.Terms.Any(t => t.TermId == term));
        if (p.Id("organization_id") is { } org) q = q.Where(s => s.OrganisationId == org);
        if (p.ModifiedAfter is { } after) q = q.Where(s => s.UpdatedAt >= after);
        if (p.Search is not null)
        {
            // Words: every matching id in order in one pass, the count being their number and the page a slice of them.
            // Counting and then paging matched the words twice, and on PostgreSQL each match is a visit to the index's
            // table for its id: 2,600 services matching "english" cost 24 ms of the server's time a page, not 12.
            var matching = await q.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            var from = Offset(page, perPage) ?? matching.Count;
            return await PageAsync(http, db, matching.Skip(from).Take(perPage).ToList(), full, matching.Count, page, perPage, ct);
        }
        var total = await q.CountAsync(ct);
        if (Offset(page, perPage) is not { } skip || skip >= total) return Json(Paged(Array.Empty<HsdsService>(), total, page, perPage));
        // The database sorts and skips ids only, along the (publication, id, kind) index, not whole rows (a deep page
        // of whole rows had SQLite sort 50,000 descriptions for every request).
        if (!full)
        {
            // The page's ids as a subquery of the one query that reads the rows and their organisations: one round trip.
            // Written inside the lambda so skip and perPage are parameters: composed from an IQueryable built outside
            // they were inlined as constants, and every page number was a new query for EF to compile and the database to plan.
            var rows = await db.AssetServices.AsNoTracking().Include(s => s.Organisation)
                .Where(s => q.OrderBy(x => x.Id).Select(x => x.Id).Skip(skip).Take(perPage).Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
            return Summaries(http, rows, total, page, perPage);
        }
        // Each part of a full service is its own split query: with the ids as a subquery each would walk the index to
        // the page again, so they are read once and passed as a list.
        var ids = await q.OrderBy(s => s.Id).Select(s => s.Id).Skip(skip).Take(perPage).ToListAsync(ct);
        return await PageAsync(http, db, ids, full: true, total, page, perPage, ct);
    }

    /// <summary>The page of the services with these ids, in id order: their own fields, or every part (full_service).</summary>
    static async Task<IResult> PageAsync(HttpContext http, CohesionDb db, List<Guid> ids, bool full, int total, int page, int perPage, CancellationToken ct)
    {
        if (ids.Count == 0) return Json(Paged(Array.Empty<HsdsService>(), total, page, perPage));
        if (!full)
            return Summaries(http, await db.AssetServices.AsNoTracking().Include(s => s.Organisation).Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct),
                total, page, perPage);
        var found = await db.AssetServices.AsNoTracking().WithParts().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
        var context = await ContextAsync(db, http, found, ct);
        return Json(Paged(found.Select(s => HsdsMapper.Full(s, context)).ToList(), total, page, perPage));
    }

    /// <summary>A list page: each service's own fields.</summary>
    static IResult Summaries(HttpContext http, List<Service> rows, int total, int page, int perPage)
    {
        var c = ListContext(http);
        return Json(Paged(rows.Select(s => HsdsMapper.Summary(s, c)).ToList(), total, page, perPage));
    }

    /// <summary>What a list of services' own fields needs: no taxonomy names or area codes, so nothing from the database.</summary>
    static HsdsContext ListContext(HttpContext http) => new(new Dictionary<Guid, Model.Taxonomy>(), new Dictionary<int, string>(), PageBase(http));

    static string PageBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    static async Task<IResult> Service(string id, HttpContext http, CohesionDb db, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "D", out var gid)) return NotFound("service", id);
        var s = await db.AssetServices.AsNoTracking().Exposed().WithParts().FirstOrDefaultAsync(x => x.Id == gid, ct);
        if (s is null) return NotFound("service", id);
        var etag = $"W/\"{s.Version}-{s.UpdatedAt.Ticks}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return Json(HsdsMapper.Full(s, await ContextAsync(db, http, [s], ct)));
    }

    static async Task<IResult> Taxonomies(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        var p = new OrukParameters(http.Request.Query);
        var (page, perPage) = (p.Page, p.PerPage);
        var q = db.AssetTaxonomies.AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = Offset(page, perPage) is { } skip ? await q.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(perPage).ToListAsync(ct) : [];
        return Json(Paged(rows.Select(HsdsMapper.Taxonomy).ToList(), total, page, perPage));
    }

    static async Task<IResult> Taxonomy(string id, CohesionDb db, CancellationToken ct) =>
        Guid.TryParseExact(id, "D", out var gid) && await db.AssetTaxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == gid, ct) is { } t
            ? Json(HsdsMapper.Taxonomy(t)) : NotFound("taxonomy", id);

    static async Task<IResult> TaxonomyTerms(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        var p = new OrukParameters(http.Request.Query);
        var (page, perPage) = (p.Page, p.PerPage);
        var q = db.AssetTaxonomyTerms.AsNoTracking();
        if (p.Id("taxonomy_id") is { } taxonomy) q = q.Where(t => t.TaxonomyId == taxonomy);
        if (p.Id("parent_id") is { } parent) q = q.Where(t => t.ParentId == parent);
        if (p.Flag("root_only")) q = q.Where(t => t.ParentId == null);
        var total = await q.CountAsync(ct);
        var rows = Offset(page, perPage) is { } skip ? await q.OrderBy(t => t.TaxonomyId).ThenBy(t => t.Code).Skip(skip).Take(perPage).ToListAsync(ct) : [];
        var c = await ContextAsync(db, http, [], ct);
        return Json(Paged(rows.Select(t => HsdsMapper.Term(t, c)).ToList(), total, page, perPage));
    }

    static async Task<IResult> TaxonomyTerm(string id, HttpContext http, CohesionDb db, CancellationToken ct) =>
        Guid.TryParseExact(id, "D", out var gid) && await db.AssetTaxonomyTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == gid, ct) is { } t
            ? Json(HsdsMapper.Term(t, await ContextAsync(db, http, [], ct))) : NotFound("taxonomy term", id);

    static IQueryable<AssetOrganisation> ExposedOrganisations(CohesionDb db) =>
        db.AssetOrganisations.AsNoTracking().Where(o => db.AssetServices.Exposed().Any(s => s.OrganisationId == o.Id));

    static async Task<IResult> Organizations(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        var p = new OrukParameters(http.Request.Query);
        var (page, perPage) = (p.Page, p.PerPage);
        var q = ExposedOrganisations(db);
        if (p.Search is { } search) q = q.Where(o => o.Name.ToLower().Contains(search.ToLower()));
        var total = await q.CountAsync(ct);
        var rows = Offset(page, perPage) is { } skip ? await q.OrderBy(o => o.Id).Skip(skip).Take(perPage).ToListAsync(ct) : [];
        return Json(Paged(rows.Select(HsdsMapper.Organization).ToList(), total, page, perPage));
    }

    static async Task<IResult> Organization(string id, HttpContext http, CohesionDb db, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "D", out var gid) || await ExposedOrganisations(db).FirstOrDefaultAsync(o => o.Id == gid, ct) is not { } o) return NotFound("organization", id);
        var services = await db.AssetServices.AsNoTracking().Exposed().Where(s => s.OrganisationId == gid).OrderBy(s => s.Id).Take(1000).ToListAsync(ct);
        var c = ListContext(http);
        var h = HsdsMapper.Organization(o);
        return Json(new OrganizationWithServices(h, services.Select(s => HsdsMapper.Summary(s, c)).ToList()));
    }

    /// <summary>An organisation with its services' own fields (the profile's organisation, services nested).</summary>
    sealed record OrganizationWithServices(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string? Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("alternate_name")] string? AlternateName,
        [property: System.Text.Json.Serialization.JsonPropertyName("description")] string? Description,
        [property: System.Text.Json.Serialization.JsonPropertyName("email")] string? Email,
        [property: System.Text.Json.Serialization.JsonPropertyName("website")] string? Website,
        [property: System.Text.Json.Serialization.JsonPropertyName("legal_status")] string? LegalStatus,
        [property: System.Text.Json.Serialization.JsonPropertyName("services")] IReadOnlyList<HsdsService>? Services)
    {
        public OrganizationWithServices(HsdsOrganization o, IReadOnlyList<HsdsService> services)
            : this(o.Id, o.Name, o.AlternateName, o.Description, o.Email, o.Website, o.LegalStatus, services.Count == 0 ? null : services) { }
    }

    /// <summary>Rows to skip, or null when the page lies beyond anything the database could hold.</summary>
    static int? Offset(int page, int perPage) => (page - 1L) * perPage is var skip and <= int.MaxValue ? (int)skip : null;

    static HsdsPage<T> Paged<T>(IReadOnlyList<T> contents, int total, int page, int perPage)
    {
        var pages = (int)((total + (long)perPage - 1) / perPage);
        return new HsdsPage<T>(total, pages, page, contents.Count, page == 1, page >= pages, contents.Count == 0, contents);
    }

    /// <summary>Taxonomy names and, for the services given, the codes of the areas they serve.</summary>
    public static async Task<HsdsContext> ContextAsync(CohesionDb db, HttpContext? http, IReadOnlyList<Service> services, CancellationToken ct)
    {
        var taxonomies = await db.AssetTaxonomies.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        return new HsdsContext(taxonomies, await HsdsExport.AreaCodesAsync(db, services, ct), http is null ? null : PageBase(http));
    }
}

using Cohesion.Analytics.Geography;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>A result as the API gives it: no contact details (the asset's page has those, for whom it may show them).</summary>
public sealed record AssetSummaryDto(Guid Id, string Name, string Kind, string Organisation, string Description, IReadOnlyList<string> Terms, string? Place,
    double? DistanceKm, bool OpenNow, string Status, bool Synthetic, DateTime UpdatedAt, double? Latitude, double? Longitude, string Url);
public sealed record PointDto(double Latitude, double Longitude, string Name);
/// <summary>
/// A page of results. <c>SearchedFor</c> is the search as run when a misspelt word was corrected (null otherwise; add
/// exact=1 to search exactly what was typed); <c>Centre</c> is the point distances are from (near=…).
/// </summary>
public sealed record AssetSearchDto(int Total, int Page, int PerPage, int Pages, string? SearchedFor, PointDto? Centre, IReadOnlyList<AssetSummaryDto> Items);
public sealed record NearbyDto(PointDto Centre, double WithinKm, IReadOnlyList<AssetSummaryDto> Items);

/// <summary>
/// Read API for the published directory under <c>/api/v1/assets</c>, for the maps and for scripts: the same search as
/// /assets (words, term, kind, area, near + within, language, age, audience, free, open=now|day + on, status, sort,
/// page, per_page), and the assets near one.
/// </summary>
public static class AssetApi
{
    public const string Path = "/api/v1/assets";

    public static RouteGroupBuilder MapAssetApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assets").WithTags("assets");
        g.MapGet("", Search).WithName("SearchAssets")
            .WithSummary("Search the published directory: q (words; misspellings corrected unless exact=1), term, kind, area, near and within (km), language, age, audience, free=1, open=now or open=day with on=YYYY-MM-DD, status (active by default, or any), sort (relevance, distance, name, updated), page, per_page");
        g.MapGet("/{id:guid}/nearby", NearbyAssets).WithName("NearbyAssets").WithSummary("Published assets within 1 km of an asset, nearest first");
        return g;
    }

    public static string Link(Guid id) => $"/assets/{id}";

    static AssetSummaryDto Summary(AssetHit h) => new(h.Id, h.Name, h.Kind.ToString().ToLowerInvariant(), h.Organisation, h.Description, h.Terms, h.Place,
        h.DistanceKm is { } d ? Math.Round(d, 3) : null, h.OpenNow, h.Status.Hsds(), h.IsSynthetic, h.UpdatedAt, h.Point?.Latitude, h.Point?.Longitude, Link(h.Id));

    static async Task<Results<Ok<AssetSearchDto>, ProblemHttpResult>> Search(HttpContext http, CohesionDb db, AssetSearch search, CancellationToken ct)
    {
        var (_, r, errors) = await search.RunAsync(db, http.Request.Query, DateTimeOffset.UtcNow, ct);
        if (errors.Count > 0 || r is null)
            return TypedResults.Problem(string.Join("; ", errors.Select(e => e.Message)), statusCode: 400, title: "The search could not be run",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.ToDictionary(e => e.FieldId, e => e.Message) });
        return TypedResults.Ok(new AssetSearchDto(r.Hits.Total, r.Hits.Page, r.Hits.PageSize, r.Hits.Pages, r.Plan.Corrected ? r.Plan.AsSearched : null,
            r.Centre is { } c ? new PointDto(c.Latitude, c.Longitude, $"Centre of {r.Near?.Name}") : null, r.Hits.Items.Select(Summary).ToList()));
    }

    static async Task<Results<Ok<NearbyDto>, ProblemHttpResult>> NearbyAssets(Guid id, CohesionDb db, CancellationToken ct)
    {
        var s = await db.AssetServices.AsNoTracking().Published().Include(x => x.Locations).ThenInclude(l => l.Location).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return TypedResults.Problem($"no published asset with id '{id}'", statusCode: 404);
        if (AssetSearch.Nearest(s, null) is not { Latitude: { } lat, Longitude: { } lon }) return TypedResults.Problem($"asset '{id}' has no location on the map", statusCode: 404);
        var centre = new GeoPoint(lat, lon);
        var near = await Nearby.FindAsync(db, centre, id, ct);
        return TypedResults.Ok(new NearbyDto(new PointDto(lat, lon, s.Name), Nearby.DefaultKm, near.Select(n => new AssetSummaryDto(n.Id, n.Name, n.Kind.ToLowerInvariant(), "", "", [], null,
            Math.Round(n.DistanceKm, 3), false, ServiceStatus.Active.Hsds(), n.IsSynthetic, default, n.Point.Latitude, n.Point.Longitude, Link(n.Id))).ToList()));
    }
}

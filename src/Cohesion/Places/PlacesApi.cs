using System.Text.Json;
using Cohesion.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

public sealed record AreaSummary(string Code, string Name, string Level, string? ParentCode);
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
public sealed record AreaDetail(string Code, string Name, string Level, AreaSummary? Parent, IReadOnlyList<AreaSummary> Ancestors,
    IReadOnlyList<AreaSummary> Children, IReadOnlyList<AreaSummary> AlsoIn, bool HasBoundary, AreaFigures? Figures);
public sealed record AreaFigures(string Dataset, string Period, long Population, double? Simpson, double? Shannon, IReadOnlyList<GroupFigure> Groups, string Attribution);
public sealed record GroupFigure(string Code, string Label, long Count, double Share);
public sealed record DatasetSummary(string Name, string Title, string Source, string Licence, string Attribution, bool Synthetic, IReadOnlyList<string> Periods, IReadOnlyList<CategorySummary> Categories);
public sealed record CategorySummary(string Code, string Label, bool IsTotal);
public sealed record MapValue(string Code, string Name, double? Value);
public sealed record MapValues(string Measure, string Label, string Unit, IReadOnlyList<MapValue> Values, string Attribution);

/// <summary>
/// Read API over areas and published datasets. Only datasets with no owner organisation (published,
/// e.g. the census) are served here; owned datasets go through disclosure control in their own module.
/// </summary>
public static class PlacesApi
{
    public const string DefaultDataset = Import.Census2011.DatasetName;

    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/areas", ListAreas).WithName("ListAreas").WithSummary("Areas, filtered by level, parent or text, one page at a time");
        api.MapGet("/areas/{code}", GetArea).WithName("GetArea").WithSummary("One area with its parent, children and census figures");
        api.MapGet("/areas/{code}/boundaries", Boundaries).WithName("AreaBoundaries").WithSummary("GeoJSON of the areas of a level inside an area");
        api.MapGet("/areas/{code}/map", Map).WithName("AreaMapValues").WithSummary("A measure for each area of a level inside an area");
        api.MapGet("/datasets", Datasets).WithName("ListDatasets").WithSummary("Published datasets with their periods, categories and attribution");
        return api;
    }

    static AreaSummary Summary(PlaceDirectory dir, AreaInfo a) => new(a.Code, a.Name, a.Level.Token(), dir.Parent(a)?.Code);

    static async Task<Results<Ok<Page<AreaSummary>>, ProblemHttpResult>> ListAreas(CohesionDb db, AreaStatsCache cache,
        string? level, string? parent, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var size = pageSize ?? 100;
        if (size is < 1 or > TableQuery.MaxPageSize) return TypedResults.Problem($"pageSize must be between 1 and {TableQuery.MaxPageSize}", statusCode: 400);
        var p = page ?? 1;
        if (p < 1) return TypedResults.Problem("page must be 1 or more", statusCode: 400);
        var dir = await cache.DirectoryAsync(db, ct);
        AreaLevel? only = null;
        if (level is not null)
        {
            if (!AreaLevels.TryParse(level, out var lv)) return TypedResults.Problem($"unknown level '{level}': use one of {AreaLevels.AllTokens}", statusCode: 400);
            only = lv;
        }
        // Already in code order, worked out once per import: sorting 34,753 LSOAs per request was the cost.
        IEnumerable<AreaInfo> areas = dir.InCodeOrder(only);
        if (parent is not null)
        {
            if (dir.Find(parent) is not { } pa) return TypedResults.Problem($"unknown parent area '{parent}'", statusCode: 404);
            var inside = dir.Descendants(pa).Select(a => a.Id).ToHashSet();
            areas = areas.Where(a => inside.Contains(a.Id));
        }
        if (!string.IsNullOrWhiteSpace(q)) areas = areas.Where(a => a.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || a.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        var list = areas as IReadOnlyList<AreaInfo> ?? areas.ToList();
        var items = list.Skip((p - 1) * size).Take(size).Select(a => Summary(dir, a)).ToList();
        return TypedResults.Ok(new Page<AreaSummary>(items, p, size, list.Count));
    }

    static async Task<Results<Ok<AreaDetail>, ProblemHttpResult>> GetArea(string code, CohesionDb db, AreaStatsCache cache, CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } a) return NotFound($"no area with code '{code}'");
        var data = await cache.DatasetAsync(db, DefaultDataset, null, ct);
        AreaFigures? figures = null;
        if (data is not null && data.Stats.TryGetValue(a.Id, out var st))
            figures = new AreaFigures(data.Name, data.Period, st.Total, double.IsFinite(st.Simpson) ? st.Simpson : null, double.IsFinite(st.Shannon) ? st.Shannon : null,
                data.Groups.Select((g, k) => new GroupFigure(g.Code, g.Label, st.Counts[k], st.Share(k))).ToList(), data.Attribution);
        return TypedResults.Ok(new AreaDetail(a.Code, a.Name, a.Level.Token(), dir.Parent(a) is { } p ? Summary(dir, p) : null,
            dir.Ancestors(a).Select(x => Summary(dir, x)).ToList(), dir.Children(a).Select(x => Summary(dir, x)).ToList(),
            dir.Groups(a).Select(x => Summary(dir, x)).ToList(), dir.WithBoundary.Contains(a.Id), figures));
    }

    static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> Boundaries(string code, string? level, CohesionDb db, AreaStatsCache cache, CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } a) return NotFound($"no area with code '{code}'");
        var lv = AreaLevel.Lsoa;
        if (level is not null && !AreaLevels.TryParse(level, out lv)) return TypedResults.Problem($"unknown level '{level}'", statusCode: 400);
        var areas = dir.Descendants(a).Where(x => x.Level == lv).ToDictionary(x => x.Id);
        var ids = areas.Keys.ToList();
        // In chunks: a region's LSOAs are more ids than SQLite takes as parameters in one query.
        var geoms = new List<(int AreaId, string GeometryJson)>();
        foreach (var chunk in ids.Chunk(5000))
            geoms.AddRange((await db.AreaBoundaries.AsNoTracking().Where(b => chunk.Contains(b.AreaId)).Select(b => new { b.AreaId, b.GeometryJson }).ToListAsync(ct)).Select(b => (b.AreaId, b.GeometryJson)));
        // The stored geometry is already JSON: splice it in rather than parse and re-serialise megabytes.
        var sb = new System.Text.StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var g in geoms.OrderBy(g => areas[g.AreaId].Code, StringComparer.Ordinal))
        {
            if (!first) sb.Append(',');
            first = false;
            var x = areas[g.AreaId];
            sb.Append("{\"type\":\"Feature\",\"properties\":{\"code\":").Append(JsonSerializer.Serialize(x.Code))
              .Append(",\"name\":").Append(JsonSerializer.Serialize(x.Name)).Append("},\"geometry\":").Append(g.GeometryJson).Append('}');
        }
        sb.Append("]}");
        return TypedResults.Content(sb.ToString(), "application/geo+json");
    }

    static async Task<Results<Ok<MapValues>, ProblemHttpResult>> Map(string code, string? level, string? measure, CohesionDb db, AreaStatsCache cache, CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } a) return NotFound($"no area with code '{code}'");
        var lv = AreaLevel.Lsoa;
        if (level is not null && !AreaLevels.TryParse(level, out lv)) return TypedResults.Problem($"unknown level '{level}'", statusCode: 400);
        var data = await cache.DatasetAsync(db, DefaultDataset, null, ct);
        var m = DistrictTable.Measures(data).FirstOrDefault(x => x.Key == (measure ?? "simpson"));
        if (m.Key is null) return TypedResults.Problem($"unknown measure '{measure}'", statusCode: 400);
        var values = dir.Descendants(a).Where(x => x.Level == lv).OrderBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new MapValue(x.Code, x.Name, DistrictTable.MeasureValue(m.Key, x, data))).ToList();
        return TypedResults.Ok(new MapValues(m.Key, m.Label, m.Unit, values, data?.Attribution ?? ""));
    }

    static async Task<Ok<List<DatasetSummary>>> Datasets(CohesionDb db, CancellationToken ct) =>
        TypedResults.Ok(await PublishedDatasetsAsync(db, ct));

    /// <summary>Datasets with no owner organisation (published), with their periods and categories: for the API and the data-sources page.</summary>
    public static async Task<List<DatasetSummary>> PublishedDatasetsAsync(CohesionDb db, CancellationToken ct)
    {
        var sets = await db.Datasets.AsNoTracking().Include(d => d.Categories).Where(d => d.OwnerOrganisationId == null).OrderBy(d => d.Name).ToListAsync(ct);
        var periods = (await db.DatasetImports.AsNoTracking().Select(i => new { i.DatasetId, i.Period }).Distinct().ToListAsync(ct))
            .ToLookup(i => i.DatasetId, i => i.Period);
        return sets.Select(d => new DatasetSummary(d.Name, d.Title, d.Source, d.Licence, d.Attribution, d.IsSynthetic,
            periods[d.Id].Order().ToList(), d.Categories.OrderBy(c => c.SortOrder).Select(c => new CategorySummary(c.Code, c.Label, c.IsTotal)).ToList())).ToList();
    }
}

using System.Globalization;
using Cohesion.Data;
using Cohesion.Web;

namespace Cohesion.Places;

/// <summary>CSV and xlsx downloads of the district table, with the same filters as the page; every export is audited.</summary>
public static class PlacesExports
{
    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/places").ExcludeFromDescription();
        group.MapGet("/export.{format}", ExportDistricts).WithName("ExportDistricts");
        group.MapGet("/{code}/export.{format}", Export).WithName("ExportDistrictTable");
        return group;
    }

    static async Task<IResult> ExportDistricts(string format, HttpContext http, CohesionDb db, AreaStatsCache cache, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var dir = await cache.DirectoryAsync(db, ct);
        var data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        var q = TableQuery.From(http.Request.Query);
        var rows = DistrictList.Rows(dir, data, q);
        var table = rows.Select(r => new object?[] { r.Code, r.Name, r.Population, r.Lsoas, r.Simpson is { } s ? Math.Round(s, 6) : null }).ToList();
        var filters = $"search={q.Search ?? "none"}; sort={q.Sort} {(q.Descending ? "descending" : "ascending")}";
        var about = About(data, filters, rows.Count);
        return await FileAsync(http, db, new ExportTable("Districts", ["code", "name", "population", "lsoas", "simpson_diversity"], table, about), "districts", format, filters, ct);
    }

    static List<(string, string)> About(DatasetView? data, string filters, int rows) =>
    [
        ("Filters", filters),
        ("Rows", rows.ToString(CultureInfo.InvariantCulture)),
        ("Dataset", data is null ? "none" : $"{data.Title} ({data.Period})"),
        ("Source", data?.Source ?? ""),
        ("Licence", data?.Licence ?? ""),
        ("Attribution", data?.Attribution ?? ""),
        ("Measures", "simpson_diversity = 1 − Σp² over ethnic groups; shannon_entropy = −Σ p ln p; percent = group count / all usual residents × 100"),
        ("Exported", DateTime.UtcNow.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"))),
    ];

    static Task<IResult> FileAsync(HttpContext http, CohesionDb db, ExportTable export, string name, string format, string filters, CancellationToken ct) =>
        ExportFiles.AuditedAsync(http, db, export, name, format, $"{export.Rows.Count} rows; {filters}; policy: published statistics (no disclosure control needed)", ct);

    static async Task<IResult> Export(string code, string format, HttpContext http, CohesionDb db, AreaStatsCache cache, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } district) return Results.NotFound();
        var data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        var q = TableQuery.From(http.Request.Query);
        var rows = DistrictTable.Rows(dir, district, data, q);
        var columns = new List<string> { "code", "name", "level", "population", "simpson_diversity", "shannon_entropy" };
        var groups = data?.Groups ?? [];
        columns.AddRange(groups.Select(g => $"{g.Code}_count"));
        columns.AddRange(groups.Select(g => $"{g.Code}_percent"));
        var table = rows.Select(r =>
        {
            var a = dir.Find(r.Code)!;
            var st = data is not null && data.Stats.TryGetValue(a.Id, out var s) ? s : null;
            var cells = new List<object?> { r.Code, r.Name, r.Level.Token(), r.Population, r.Simpson is { } d ? Math.Round(d, 6) : null, r.Shannon is { } h ? Math.Round(h, 6) : null };
            cells.AddRange(groups.Select((_, k) => (object?)st?.Counts[k]));
            cells.AddRange(groups.Select((_, k) => st is null || !double.IsFinite(st.Share(k)) ? null : (object?)Math.Round(st.Share(k) * 100, 3)));
            return cells.ToArray();
        }).ToList();
        var filters = $"level={q.Level ?? "all"}; search={q.Search ?? "none"}; sort={q.Sort} {(q.Descending ? "descending" : "ascending")}";
        var about = About(data, filters, rows.Count);
        about.Insert(0, ("Area", $"{district.Name} ({district.Code})"));
        return await FileAsync(http, db, new ExportTable($"Areas of {district.Name}", columns, table, about), $"{district.Code}-areas", format, filters, ct);
    }
}

using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Assets.Geo;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Web;

namespace Cohesion.Assets.Gaps;

/// <summary>
/// The gap analysis's map values (<c>/assets/gaps/map.json</c>, the choropleth's contract in docs/frontend.md) and its
/// two tables as CSV or xlsx (<c>/assets/gaps/provision.*</c>, <c>/assets/gaps/reach.*</c>), for the same query as
/// the page; downloads are audited before they are sent.
/// </summary>
public static class GapExports
{
    public static void MapGapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/gaps/map.json", Map).WithName("AssetGapMap").ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/assets/gaps/provision.{format}", Provision).WithName("ExportAssetGaps").ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/assets/gaps/reach.{format}", Reach).WithName("ExportAssetLanguageReach").ExcludeFromDescription().AllowAnonymous();
    }

    static Task<GapView?> RunAsync(HttpContext http, CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes, CancellationToken ct) =>
        GapAnalysis.RunAsync(db, places, change, shapes, Viewer.Of(http.User), http.Request.Query, ct);

    static string Label(GapView v) => v.Term?.Name ?? "All assets";

    static async Task<IResult> Map(HttpContext http, CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes, CancellationToken ct)
    {
        if (await RunAsync(http, db, places, change, shapes, ct) is not { } v) return TypedResults.NotFound();
        return TypedResults.Json(new
        {
            measure = "per1000",
            label = $"{Label(v)} per 1,000 residents",
            unit = "",
            values = v.Rows.Select(r => new { code = r.Area.Code, name = r.Area.Name, value = r.Per1000 is { } x ? Math.Round(x, 3) : (double?)null }),
        });
    }

    static IReadOnlyList<(string, string)> About(GapView v, HttpContext http, int rows) =>
    [
        ("District", $"{v.District.Name} ({v.District.Code})"),
        ("Areas", v.Query.Level.Label()),
        ("Assets", $"{Label(v)}: published directory records with a location in the area (a broader kind includes its narrower kinds); each counted once per area"),
        ("Residents", GapView.ResidentsSource),
        ("Rate", "assets / usual residents x 1,000; a count of the whole directory, not a sample: no confidence interval"),
        .. v.AnySynthetic ? [("Synthetic data", "SYNTHETIC DATA: the demo directory is made up and describes no real provision")] : Array.Empty<(string, string)>(),
        ("Symbols", "[x] = not available; [c] = withheld by disclosure control (blank cells in the file)"),
        ("Attribution", Places.Import.Census2011.Attribution),
        ("Rows", rows.ToString(CultureInfo.InvariantCulture)),
        ExportFiles.Exported(http.Actor()),
    ];

    static async Task<IResult> Provision(string format, HttpContext http, CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.NotFound();
        if (await RunAsync(http, db, places, change, shapes, ct) is not { } v) return TypedResults.NotFound();
        var rows = new[] { v.DistrictRow }.Concat(v.Rows).Select(r => (object?[])
        [
            r.Area.Code, r.Area.Name, r.Area.Level.Token(), r.Residents, r.Assets, r.Per1000, r.Relative,
        ]).ToList();
        var export = new ExportTable($"{Label(v)} per 1,000 residents, {v.Query.Level.Plural(2)} of {v.District.Name}",
            ["area_code", "area_name", "level", "residents_2011", "assets", "per_1000_residents", "relative_to_district"], rows, About(v, http, rows.Count));
        return await ExportFiles.AuditedAsync(http, db, export, $"asset-gaps-{v.District.Code}-{v.Query.Level.Token()}", format,
            $"{rows.Count} rows; level={v.Query.Level.Token()}; term={v.Query.Term}", ct);
    }

    static async Task<IResult> Reach(string format, HttpContext http, CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.NotFound();
        if (await RunAsync(http, db, places, change, shapes, ct) is not { } v) return TypedResults.NotFound();
        var rows = v.Unreached.Select(r => (object?[])
        [
            r.Area.Code, r.Area.Name, r.Area.Level.Token(), r.Residents, r.Need?.Percent, r.Need?.Base, r.Need is { Percent: null } ? "yes" : "no",
            r.Nearest?.Id.ToString(), r.Nearest?.Name, r.NearestKm is { } km ? Math.Round(km, 3) : null,
        ]).ToList();
        var need = v.Need;
        var export = new ExportTable($"{v.Query.Level.Plural(2)} of {v.District.Name} with no language learning within {v.Query.KmText}",
            ["area_code", "area_name", "level", "residents_2011", "need_percent", "need_base", "need_withheld", "nearest_id", "nearest_name", "nearest_km"], rows,
            [
                ("Distance", $"{v.Query.KmText}, straight line from the area's centroid to the nearest published language-learning location"),
                ("Need", need is null ? "not available" : $"{need.Measure}; {need.Period}{(need.IsProxy ? "; a PROXY, not a measure of language" : "")}{(need.IsSynthetic ? "; SYNTHETIC DATA" : "")}"),
                ("Need source", need is null ? "" : $"{need.Source}; {need.Licence}"),
                .. About(v, http, rows.Count),
            ]);
        return await ExportFiles.AuditedAsync(http, db, export, $"asset-language-reach-{v.District.Code}-{v.Query.Level.Token()}", format,
            $"{rows.Count} rows; level={v.Query.Level.Token()}; km={v.Query.Km.ToString(CultureInfo.InvariantCulture)}", ct);
    }
}

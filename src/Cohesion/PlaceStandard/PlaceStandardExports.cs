using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Cohesion.Sharing;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.PlaceStandard;

/// <summary>
/// CSV and xlsx downloads of every Place Standard table on the pages: the engagements list, an engagement's results,
/// distribution, breakdown and published comments, and a comparison. Each is what the page shows the same viewer,
/// with [c] where a figure is withheld, the engagement's terms in the notes, and an audit entry before it is sent.
/// </summary>
public static class PlaceStandardExports
{
    public static RouteGroupBuilder MapPlaceStandardExports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/place-standard").ExcludeFromDescription();
        g.MapGet("/export.{format}", ListExport).WithName("ExportPlaceStandardEngagements");
        g.MapGet("/compare.{format}", CompareExport).WithName("ExportPlaceStandardComparison");
        g.MapGet("/{name}/{table}.{format}", EngagementExport).WithName("ExportPlaceStandardTable");
        return g;
    }

    public static readonly string[] Tables = ["results", "distribution", "breakdown", "comments"];

    static bool IsFormat(string format) => format is "csv" or "xlsx";

    static async Task<IResult> EngagementExport(string name, string table, string format, string? by, string? theme, string? kind, string? q,
        HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format) || !Tables.Contains(table)) return Results.NotFound();
        if (await EngagementView.LoadAsync(db, name, Viewer.Of(http.User), options.Value.MinimumBase, ct) is not { } v) return Results.NotFound();
        ExportTable export;
        string detail;
        switch (table)
        {
            case "results":
                export = new ExportTable($"Place Standard results: {v.Summary.Title}",
                    ["theme_number", "theme_code", "theme", "question", "assessments", "people", "mean", "median"],
                    v.Results.Themes.Select(t => (object?[])[t.Theme.Number, t.Theme.Code, t.Theme.Name, t.Theme.Question, t.Figures.Assessments, t.Figures.People,
                        PlaceStandardFigures.Cell(t.Figures.Mean, t.Figures.Withheld), PlaceStandardFigures.Cell(t.Figures.Median, t.Figures.Withheld)]).ToList(), []);
                detail = "table=results";
                break;
            case "distribution":
                export = new ExportTable($"Place Standard scores given, by theme: {v.Summary.Title}",
                    ["theme_number", "theme_code", "theme", "score", "people", "percent_of_people_answering"],
                    v.Results.Themes.SelectMany(t => Enumerable.Range(1, 7).Select(s => (object?[])[t.Theme.Number, t.Theme.Code, t.Theme.Name, s,
                        PlaceStandardFigures.Cell(t.Figures.Distribution[s - 1], t.Figures.Withheld), PlaceStandardFigures.Cell(t.Figures.Percent[s - 1], t.Figures.Withheld)])).ToList(), []);
                detail = "table=distribution";
                break;
            case "breakdown":
                if (PlaceStandardResults.Breakdown(by ?? "kind", v.Set) is not { } b) return Results.NotFound();
                export = new ExportTable($"Place Standard results by {b.Label.ToLowerInvariant()}: {v.Summary.Title}",
                    ["breakdown", "group_code", "group", "theme_number", "theme_code", "theme", "assessments", "people", "mean", "median"],
                    v.By(b).SelectMany(g => g.Results.Themes.Select(t => (object?[])[b.Key, g.Group.Code, g.Group.Label, t.Theme.Number, t.Theme.Code, t.Theme.Name,
                        t.Figures.Assessments, t.Figures.People, PlaceStandardFigures.Cell(t.Figures.Mean, t.Figures.Withheld), PlaceStandardFigures.Cell(t.Figures.Median, t.Figures.Withheld)])).ToList(),
                    [("Breakdown", $"{b.Key}: {b.Label}")]);
                detail = $"table=breakdown; by={b.Key}";
                break;
            default:
                var t = PlaceStandardThemes.Find(theme);
                var k = CommentList.ParseKind(kind);
                var comments = await CommentList.Published(db, v.Engagement.Id, t?.Number, k, q).ToListAsync(ct);
                var filters = $"theme={t?.Code ?? "all"}; kind={(k is { } kk ? CommentList.Code(kk) : "all")}; search={(string.IsNullOrWhiteSpace(q) ? "none" : q.Trim())}";
                export = new ExportTable($"Place Standard comments: {v.Summary.Title}", ["theme_number", "theme_code", "theme", "kind", "comment", "redacted"],
                    comments.Select(c => (object?[])[c.Theme, PlaceStandardThemes.Get(c.Theme).Code, PlaceStandardThemes.Get(c.Theme).Name, CommentList.Code(c.Kind), c.Text, c.Redacted ? "yes" : "no"]).ToList(),
                    [("Comments", "Published comments only: each was approved by a moderator, or published with its personal data removed (redacted = yes)"), ("Filters", filters)]);
                detail = $"table=comments; {filters}";
                break;
        }
        export = export with { About = [.. EngagementAbout(v.Summary, v.MinimumBase), .. export.About, ("Rows", export.Rows.Count.ToString(CultureInfo.InvariantCulture)), Exported(http)] };
        return await ExportFiles.AuditedAsync(http, db, export, $"place-standard-{v.Summary.Name}-{table}{(table == "breakdown" ? "-" + (by ?? "kind") : "")}", format,
            $"{export.Rows.Count} rows; engagement={v.Summary.Name}; {detail}; minimum base {v.MinimumBase}", ct);
    }

    static async Task<IResult> ListExport(string format, HttpContext http, CohesionDb db, CancellationToken ct)
    {
        if (!IsFormat(format)) return Results.NotFound();
        var query = EngagementQuery.From(http.Request.Query);
        var rows = query.Apply(await EngagementList.LoadAsync(db, Viewer.Of(http.User), ct));
        var export = new ExportTable("Place Standard engagements",
            ["name", "title", "area_code", "area", "period", "owner", "open", "published", "synthetic", "assessments", "people"],
            rows.Select(r => (object?[])[r.Summary.Name, r.Summary.Title, r.Summary.AreaCode, r.Summary.AreaName, r.Summary.Period, r.Summary.Owner,
                r.Summary.Open ? "yes" : "no", r.Summary.Published ? "yes" : "no", r.Summary.Synthetic ? "yes" : "no", r.Assessments, r.People]).ToList(),
            [("Filters", query.Describe()), ("Rows", rows.Count.ToString(CultureInfo.InvariantCulture)), Exported(http)]);
        return await ExportFiles.AuditedAsync(http, db, export, "place-standard-engagements", format, $"{rows.Count} rows; {query.Describe()}", ct);
    }

    static async Task<IResult> CompareExport(string format, HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format)) return Results.NotFound();
        var names = http.Request.Query["e"].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct().Take(Comparison.Max).ToList();
        var views = (await Comparison.LoadAsync(db, names, Viewer.Of(http.User), options.Value.MinimumBase, ct)).Where(v => v.View is not null).Select(v => v.View!).ToList();
        if (views.Count == 0) return Results.NotFound();
        var export = new ExportTable("Place Standard comparison: mean score per theme",
            ["theme_number", "theme_code", "theme", .. views.Select(v => $"mean_{v.Summary.Name}"), .. views.Select(v => $"people_{v.Summary.Name}")],
            PlaceStandardThemes.All.Select((t, i) => (object?[])[t.Number, t.Code, t.Name,
                .. views.Select(v => PlaceStandardFigures.Cell(v.Results.Themes[i].Figures.Mean, v.Results.Themes[i].Figures.Withheld)),
                .. views.Select(v => (object?)v.Results.Themes[i].Figures.People)]).ToList(),
            [.. views.Select(v => ($"Engagement {v.Summary.Name}", $"{v.Summary.Title}; {v.Summary.AreaName} ({v.Summary.AreaCode}); {v.Summary.Period}; owner {v.Summary.Owner}{(v.Summary.Synthetic ? "; SYNTHETIC DATA" : "")}")),
             .. Method(options.Value.MinimumBase), Exported(http)]);
        return await ExportFiles.AuditedAsync(http, db, export, "place-standard-comparison", format,
            $"{export.Rows.Count} rows; engagements={string.Join(",", views.Select(v => v.Summary.Name))}; minimum base {options.Value.MinimumBase}", ct);
    }

    /// <summary>The engagement's terms every download of it carries.</summary>
    static List<(string, string)> EngagementAbout(EngagementSummary s, int minimumBase) =>
    [
        ("Engagement", $"{s.Title} ({s.Name})"),
        ("Area", $"{s.AreaName} ({s.AreaCode})"),
        ("Period", s.Period),
        ("Owner", s.Owner),
        ("Synthetic data", s.Synthetic ? "Yes: generated for demonstration, describing no real person's views" : "No"),
        ("Published", s.Published ? "Yes" : "No: visible to the owner organisation only"),
        .. Method(minimumBase),
    ];

    static List<(string, string)> Method(int minimumBase) =>
    [
        ("Scale", $"1 ({PlaceStandardThemes.LowLabel}) to 7 ({PlaceStandardThemes.HighLabel})"),
        ("Weighting", PlaceStandardApi.Weighting),
        (PlaceStandardFigures.Withheld, $"Withheld: fewer than {minimumBase} people answered the theme (it is never zero)"),
        (PlaceStandardFigures.NotAvailable, "Not available: nobody answered the theme"),
        ("Questions", PlaceStandardThemes.Source),
        ("Licence of the questions", PlaceStandardThemes.Licence),
    ];

    static (string, string) Exported(HttpContext http) => ExportFiles.Exported(http.Actor());
}

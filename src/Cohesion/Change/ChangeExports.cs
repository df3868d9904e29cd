using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Change.Pages;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Web;

namespace Cohesion.Change;

/// <summary>
/// CSV and xlsx downloads of a district's ranking, as the viewer sees it on the page (same period, filters and
/// sort; exact only for the owner). Withheld figures are "[c]", never blank or zero; every export is audited
/// with the disclosure policy the figures were released under.
/// </summary>
public static class ChangeExports
{
    public static RouteGroupBuilder MapChangeExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/change").ExcludeFromDescription();
        group.MapGet("/{dataset}/{district}/export.{format}", Export).WithName("ExportChangeRanking");
        return group;
    }

    static async Task<IResult> Export(string dataset, string district, string format, string? period, HttpContext http,
        CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var viewer = Viewer.Of(http.User);
        if (await ChangeDistrict.FindAsync(db, cache, places, dataset, district, viewer, ct) is not { } d || d.Cube.Periods.Length == 0) return Results.NotFound();
        var c = d.Cube;
        var p = d.Period(period);
        var q = RankingQuery.From(http.Request.Query, c);
        var rows = d.Ranking(p, q);
        var columns = ChangeTable.Columns(c);
        var table = rows.Select(r => (object?[])[
            r.Area.Code, r.Area.Name, c.Periods[p],
            .. r.Figures.Select((f, i) => f.Cell(columns[i].Format)),
            string.Join("; ", r.Area.Flags.Select(f => $"{ChangeTable.FlagLabel(f.Measure)}: {ChangeTable.FlagRule(f.Rule)}")),
        ]).ToList();
        var filters = q.Describe(c.Periods[p]);
        var policy = Access.PolicyFor(c.Dataset.AsDataset(), viewer);
        var about = About(AboutFigures.Of(c), d.District, c.Periods[p], filters, rows.Count, http.Actor());
        var export = new ExportTable($"Small areas of {d.District.Name}, {PeriodText.Long(c.Periods[p])}: {c.Dataset.Title}",
            ["code", "name", "period", .. columns.Select(x => x.Export), "flags"], table, about);
        return await ExportFiles.AuditedAsync(http, db, export, $"{c.Dataset.Name}-{d.District.Code}-{c.Periods[p]}", format,
            $"{rows.Count} rows; dataset={c.Dataset.Name}; district={d.District.Code}; {filters}; policy: {policy}", ct);
    }

    static List<(string, string)> About(AboutFigures a, AreaInfo district, string period, string filters, int rows, string actor) =>
    [
        .. DatasetAbout(a),
        ("District", $"{district.Name} ({district.Code})"),
        ("Period", $"{PeriodText.Long(period)} ({period})"),
        ("Filters", filters),
        ("Rows", rows.ToString(CultureInfo.InvariantCulture)),
        ("Measures", "registered = registered with a GP at the end of the period; registered_start = at the start (the denominator of the rates); "
            + "inflow = registrations; outflow = deregistrations; arrivals = registrations whose previous address was abroad; "
            + "churn_per_1000 = (inflow + outflow) / registered_start × 1,000; arrivals_per_1000 = arrivals / registered_start × 1,000; "
            + "school census: new_to_area_percent and eal_percent are of pupils at the census"),
        Exported(actor),
    ];

    /// <summary>The dataset's terms every change download carries.</summary>
    internal static List<(string, string)> DatasetAbout(AboutFigures a) =>
    [
        ("Dataset", $"{a.Dataset.Title} ({a.Dataset.Name})"),
        ("Synthetic data", a.Dataset.IsSynthetic ? "Yes: generated for demonstration, describing no real person" : "No"),
        ("Figures", a.Figures),
        (Figure.WithheldSymbol, "Withheld to protect confidentiality (it is never zero)"),
        (Figure.NotAvailableSymbol, "Not available: no period a year earlier to compare with, or nobody registered at the start to divide by"),
        ("Owner", a.Dataset.OwnerName),
        ("Source", a.Dataset.Source),
        ("Extract date", a.ExtractDate),
        ("Sharing agreement", a.Dataset.Agreement),
        ("Who can see it", a.Sensitivity),
    ];

    /// <summary>Who exported it and when: the last line of every download's notes.</summary>
    internal static (string, string) Exported(string actor) => ExportFiles.Exported(actor);
}

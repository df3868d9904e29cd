using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>/tensions/reports: every report the viewer may see, at the grain they may see it, with filters and downloads.</summary>
public sealed class ReportsIndexModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public const int PageSize = 50;
    public ReportFilter Filter { get; private set; } = null!;
    public Paged<ReportView> Reports { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        Filter = ReportFilter.Parse(Request.Query);
        Reports = Paged<ReportView>.Of(await Filter.ApplyAsync(Db, Viewer, Places, ct), Filter.List.Page, PageSize);
    }

    public IReadOnlyList<Choice> AreaChoices =>
        ReportPlaces.WardChoices(Places, "All areas");

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        await LoadViewerAsync(ct);
        var filter = ReportFilter.Parse(Request.Query);
        var all = await filter.ApplyAsync(Db, Viewer, Places, ct);
        var truncated = all.Count > AdminExport.MaxRows;
        var rows = all.Take(AdminExport.MaxRows).ToList();
        var blurred = rows.Count(r => !r.Whole);
        var filters = filter.Describe() + $"; {rows.Count - blurred} exact (own organisation), {blurred} blurred (other organisations)";
        var about = AdminExport.About(filters, rows.Count, truncated);
        about.Add(("Blurring", "Reports of other organisations show only their ward, ISO week, type, strands and source; their other columns are empty."));
        about.Add(("Synthetic", rows.Any(r => r.IsSynthetic) ? "Rows marked synthetic=yes are made up for the demonstration." : "None of these rows is synthetic."));
        var table = new ExportTable("Tension reports", ReportExport.Columns, rows.Select(ReportExport.Row).ToList(), about);
        return await AdminExport.FileAsync(HttpContext, Db, table, "tension-reports", format!, filters, ct);
    }
}

/// <summary>The columns of a report download; a blurred row leaves the owner's columns empty.</summary>
public static class ReportExport
{
    public static readonly string[] Columns =
    [
        "reference", "organisation", "seen", "iso_week", "week_start", "occurred_at_utc", "area_code", "area_name", "ward_code", "ward_name",
        "type", "strands", "source", "triage", "factors", "people_affected", "exact_location", "latitude", "longitude", "description", "client_id", "synthetic",
    ];

    public static object?[] Row(ReportView r) =>
    [
        r.Reference, r.OwnerOrganisation, r.Whole ? "exact" : "blurred", r.Week, r.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.OccurredAt is { } at ? UkTime.Iso(at) : null, r.Area.Code, r.Area.Name, r.Ward.Code, r.Ward.Name,
        r.Type.Code(), string.Join(';', TensionWords.Each(r.Strands).Select(TensionWords.Code)), ReportWords.SourceCode(r.Source), r.Triage.ToString().ToLowerInvariant(),
        r.Factors is { } f ? string.Join(';', TensionWords.Each(f).Select(TensionWords.Code)) : null, r.PeopleAffected, r.ExactLocation, r.Latitude, r.Longitude,
        r.Description, r.ClientId, r.IsSynthetic ? "yes" : "no",
    ];
}

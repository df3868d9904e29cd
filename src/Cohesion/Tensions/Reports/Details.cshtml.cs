using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// /tensions/reports/{id}: one report as the viewer may see it (<see cref="ReportAccess"/>). Every view is audited,
/// saying whether it was seen whole; the reporter section is only for the owner's monitoring leads, its read audited too.
/// </summary>
public sealed class ReportDetailsModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public ReportView Report { get; private set; } = null!;
    public ReportReporter? Reporter { get; private set; }
    public bool ShowsReporter { get; private set; }
    public List<(string Reference, Guid Id)> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        var r = await Db.TensionReports.AsNoTracking().Include(x => x.Links).Visible(Viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        var owner = await Db.Organisations.Where(o => o.Id == r.OwnerOrganisationId).Select(o => o.Name).FirstAsync(ct);
        Report = ReportAccess.View(r, Viewer, Places, owner);
        if (Report.Whole) Links = [.. r.Links.Select(l => (ReportAccess.Reference(l.LinkedReportId), l.LinkedReportId))];
        ReportAccess.RecordView(Db, Report, Actor, Ip);
        await Db.SaveChangesAsync(ct);
        if (Viewer.SeesReporter(r.OwnerOrganisationId))
        {
            ShowsReporter = true;
            Reporter = await ReportAccess.ReadReporterAsync(Db, r, Viewer, Actor, Ip, ct);
        }
        // A report's detail must not linger in a shared computer's cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

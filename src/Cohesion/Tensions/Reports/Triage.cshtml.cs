using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// /tensions/reports/triage: the public's reports waiting for the owner organisation's monitoring leads, oldest first.
/// Accepting one makes it count (and visible, blurred, to partners); rejecting keeps it out of every count. Audited.
/// </summary>
public sealed class ReportTriageModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public const int Shown = 100;
    public List<ReportView> Waiting { get; private set; } = [];
    public int Total { get; private set; }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (!Viewer.IsLead || Viewer.OrganisationId is not { } org) return Forbid();
        var q = Db.TensionReports.AsNoTracking().Where(r => r.OwnerOrganisationId == org && r.Triage == ReportTriage.Pending);
        Total = await q.CountAsync(ct);
        var name = await Db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        Waiting = [.. (await q.OrderBy(r => r.CreatedAt).Take(Shown).ToListAsync(ct)).Select(r => ReportAccess.View(r, Viewer, Places, name))];
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int version, CancellationToken ct) => DecideAsync(id, version, ReportTriage.Accepted, ct);
    public Task<IActionResult> OnPostRejectAsync(Guid id, int version, CancellationToken ct) => DecideAsync(id, version, ReportTriage.Rejected, ct);

    async Task<IActionResult> DecideAsync(Guid id, int version, ReportTriage to, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        var r = await Db.TensionReports.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !Viewer.Owns(r.OwnerOrganisationId)) return NotFound();
        if (!Viewer.MayTriage(r.OwnerOrganisationId)) return Forbid();
        var reference = ReportAccess.Reference(r.Id);
        if (r.Triage != ReportTriage.Pending || r.Version != version)
        {
            Notice($"Report {reference} was already dealt with ({ReportWords.Triage(r.Triage).ToLowerInvariant()}): nothing changed");
            return RedirectToPage();
        }
        r.Triage = to;
        r.Version++;
        r.UpdatedAt = DateTime.UtcNow;
        Db.Entry(r).Property(x => x.Version).OriginalValue = version;
        Db.Record(Actor, AuditActions.TensionReportChanged, $"tension report {r.Id:D}", $"triage: {to.ToString().ToLowerInvariant()}", Ip);
        try { await Db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            Notice($"Report {reference} was changed by someone else at the same moment: look at it again");
            return RedirectToPage();
        }
        Signal.ReportsChanged();
        Notice(to == ReportTriage.Accepted ? $"Report {reference} accepted: it now counts" : $"Report {reference} rejected: it does not count");
        return RedirectToPage();
    }
}

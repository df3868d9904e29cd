using Cohesion.Accounts;
using Cohesion.Assets.Editing;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// /tensions/reports/{id}/delete: the owner organisation's administrators remove a report (logged in error, a
/// duplicate), typing its reference to confirm. Its reporter and links go with it; evidence citing it keeps its text.
/// </summary>
public sealed class ReportDeleteModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public TensionReport Report { get; private set; } = null!;
    public string Reference => ReportAccess.Reference(Report.Id);
    public string? Confirm { get; private set; }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        var r = await Db.TensionReports.Visible(Viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        if (!Viewer.MayDelete(r.OwnerOrganisationId)) return Forbid();
        Report = r;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? confirm, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Confirm = confirm;
        if (!string.Equals(confirm?.Trim(), Reference, StringComparison.OrdinalIgnoreCase))
        {
            Fail("confirm", string.IsNullOrWhiteSpace(confirm)
                ? $"Type the report's reference, {Reference}, to delete it"
                : $"That is not the report's reference (you typed '{FieldRules.Clip(confirm.Trim())}'): type {Reference}");
            return Page();
        }
        Db.TensionReports.Remove(Report);
        Db.Record(Actor, AuditActions.TensionReportDeleted, $"tension report {Report.Id:D}", $"{Report.Type.Code()} of week {ReportPlaces.IsoWeek(ReportPlaces.WeekStart(Report.OccurredAt))} deleted at version {Report.Version}", Ip);
        await Db.SaveChangesAsync(ct);
        Signal.ReportsChanged();
        Notice($"Report {Reference} deleted");
        return Redirect("/tensions/reports");
    }
}

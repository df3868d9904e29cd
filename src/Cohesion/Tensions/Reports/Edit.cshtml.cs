using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// /tensions/reports/{id}/edit: the owner organisation's contributors change a report. A save made to a version someone
/// else has since replaced is refused (409) and shows theirs. The reporter's details are on the form only for the
/// owner's monitoring leads (reading them is audited).
/// </summary>
public sealed class ReportEditModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public ReportForm Form { get; private set; } = new();
    public TensionReport Report { get; private set; } = null!;
    public bool ShowReporter => Viewer.SeesReporter(Report.OwnerOrganisationId);
    ReportReporter? reporter;

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        var r = await Db.TensionReports.Include(x => x.Links).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await Db.TensionReports.Where(x => x.Id == id).Visible(Viewer).AnyAsync(ct)) return NotFound();
        if (!Viewer.MayEdit(r.OwnerOrganisationId)) return Forbid();
        Report = r;
        if (ShowReporter) reporter = await ReportAccess.ReadReporterAsync(Db, r, Viewer, Actor, Ip, ct);
        return null;
    }

    ReportForm Current() => ReportForm.Of(Report, Report.Links.Select(l => ReportAccess.Reference(l.LinkedReportId)), reporter,
        Places.ById.GetValueOrDefault(Report.AreaId)?.Code ?? "");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form = Current();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form = ReportForm.From(Request.Form);
        if (!int.TryParse(Form.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || from != Report.Version) return Refused();
        var input = Form.Check(Check(), await ReferencesAsync(Form.Links, ct), Fail, withReporter: ShowReporter, Report.ClientId);
        if (input is null || Errors.Count > 0) return Page();
        var now = DateTime.UtcNow;
        if (!ReportWriter.Update(Db, Report, input, reporter, touchReporter: ShowReporter, now))
        {
            Notice($"Report {ReportAccess.Reference(Report.Id)} saved with no changes");
            return Redirect(Link(Report.Id));
        }
        // The version the form was opened at, so a save racing another one fails here instead of overwriting it.
        Db.Entry(Report).Property(r => r.Version).OriginalValue = from;
        Db.Record(Actor, AuditActions.TensionReportChanged, $"tension report {Report.Id:D}", $"edited to version {Report.Version}", Ip);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            if (await LoadAsync(id, ct) is { } gone) return gone;
            return Refused();
        }
        Signal.ReportsChanged();
        Notice($"Report {ReportAccess.Reference(Report.Id)} saved as version {Report.Version}");
        return Redirect(Link(Report.Id));
    }

    /// <summary>Someone saved since this form was opened: their version is shown, and nothing typed here was saved.</summary>
    Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused()
    {
        Errors.Clear();
        Fail("conflict", $"Someone else saved this report (version {Report.Version}, at {UkTime.Format(Report.UpdatedAt)}) while you were changing it. Your changes have not been saved: their version is shown below. Make your changes again.");
        Form = Current();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}

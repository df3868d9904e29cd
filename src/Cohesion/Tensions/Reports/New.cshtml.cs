using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>/tensions/reports/new: a partner's contributor logs a report for their organisation; it counts at once.</summary>
public sealed class ReportNewModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public ReportForm Form { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        Form = new ReportForm { Source = "partner" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (Viewer.OrganisationId is not { } org) return Forbid();
        Form = ReportForm.From(Request.Form);
        var input = Form.Check(Check(), await ReferencesAsync(Form.Links, ct), Fail, withReporter: true);
        if (input is null || Errors.Count > 0) return Page();
        var now = DateTime.UtcNow;
        var r = ReportWriter.Create(Db, input, org, ReportChannel.Form, ReportTriage.Accepted, Viewer.UserId, now);
        Db.Record(Actor, AuditActions.TensionReportCreated, $"tension report {r.Id:D}", $"{r.Type.Code()} in {Places.ById[r.AreaId].Code}; reporter {(input.Reporter is null ? "none" : "recorded")}", Ip);
        await Db.SaveChangesAsync(ct);
        Signal.ReportsChanged();
        Notice($"Report {ReportAccess.Reference(r.Id)} logged");
        return Redirect(Link(r.Id));
    }
}

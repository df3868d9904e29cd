using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>
/// /assets/moderation/reports/{id}: one resident's problem report; accept it (the record needs checking, and may be
/// marked closed — closed for good only once the moderator confirms it) or dismiss it with a reason.
/// </summary>
public sealed class AssetProblemModel(CohesionDb db) : AdminPage
{
    public ProblemReport Report { get; private set; } = null!;
    public Service? Record { get; private set; }
    public string? Status { get; private set; }
    public string? Note { get; private set; }
    public string? Reason { get; private set; }

    public static readonly IReadOnlyList<Choice> Statuses =
    [
        new("", "Leave it as it is"), new(nameof(ServiceStatus.TemporarilyClosed), ServiceStatus.TemporarilyClosed.Label()),
        new(nameof(ServiceStatus.Inactive), ServiceStatus.Inactive.Label()), new(nameof(ServiceStatus.Defunct), ServiceStatus.Defunct.Label()),
    ];

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.AssetProblemReports.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r) return false;
        Report = r;
        Record = await db.AssetServices.WithParts().FirstOrDefaultAsync(s => s.Id == r.ServiceId, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Status = Report.Kind == ProblemKind.NoLongerExists ? nameof(ServiceStatus.Defunct) : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, string? status, string? confirm, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Record is null) return NotFound();
        if (Report.State != ModerationState.Pending) return Redirect($"/assets/moderation/reports/{id}");
        (Status, Note) = (status, note);
        ServiceStatus? to = Enum.TryParse<ServiceStatus>(status, out var st) && Enum.IsDefined(st) && !int.TryParse(status, out _) ? st : null;
        if (!string.IsNullOrEmpty(status) && to is null) Fail("status", "Choose whether it is still running from the list");
        if (to == ServiceStatus.Defunct && confirm != "yes")
            Fail("confirm", $"Confirm that {Record.Name} has closed for good before marking it so, or choose another answer");
        var n = FieldRules.Text(note, "The note for the maintainer", AssetLimits.SummaryLength);
        if (n.Problem is { } problem) Fail("note", problem);
        if (Errors.Count > 0) return Page();
        await ModerationActions.AcceptAsync(db, Report, Record, to, n.Value, Actor, Ip, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Fail("status", "The record was changed at the same moment: look at it again, then accept the report.");
            return Page();
        }
        Notice($"Report accepted: {Record.Name} needs checking by whoever keeps it");
        return Redirect("/assets/moderation");
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Report.State != ModerationState.Pending) return Redirect($"/assets/moderation/reports/{id}");
        Reason = reason;
        var r = FieldRules.Text(reason, "The reason", AssetLimits.SummaryLength, required: true);
        if (r.Problem is { } problem)
        {
            Fail("reason", problem);
            return Page();
        }
        ModerationActions.Dismiss(db, Report, r.Value!, Actor, Ip);
        await db.SaveChangesAsync(ct);
        Notice("Report dismissed");
        return Redirect("/assets/moderation");
    }
}

using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Alerts;

/// <summary>
/// /tensions/alerts/{id}: the series behind an alert (chart and table), the reports it counts as far as the viewer may
/// see them, and — for the area's monitoring leads — acknowledging it, linking an assessment, adding and finishing
/// actions, and closing it with an outcome; each change audited.
/// </summary>
public sealed class AlertModel(CohesionDb db, AreaStatsCache placesCache, SeriesHistory history, TimeProvider clock) : AdminPage
{
    public TensionAlert Alert { get; private set; } = null!;
    public PlaceDirectory Places { get; private set; } = null!;
    public AreaInfo Area { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    public bool CanAct { get; private set; }
    /// <summary>{the alert's id} when its count is withheld from the viewer.</summary>
    public IReadOnlySet<int> Withheld { get; private set; } = new HashSet<int>();
    public SeriesHistory.View? Series { get; private set; }
    public List<ReportLine> Reports { get; private set; } = [];
    public List<TensionAction> Actions { get; private set; } = [];
    public TensionAssessment? Assessment { get; private set; }
    public List<Choice> AssessmentChoices { get; private set; } = [];
    public string? AcknowledgedBy { get; private set; }
    public string? ClosedBy { get; private set; }

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Due { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? AssessmentId { get; set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var alert = await db.TensionAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        Places = await placesCache.DirectoryAsync(db, ct);
        if (alert is null || Places.ById.GetValueOrDefault(alert.AreaId) is not { } area) return false;
        Alert = alert;
        Area = area;
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        CanAct = Viewer.Leads(area, Places);
        return true;
    }

    async Task ShowAsync(CancellationToken ct)
    {
        var current = Weeks.Current(clock.GetUtcNow().UtcDateTime);
        Series = await history.LoadAsync(db, Alert.SeriesKey, Math.Max(current, Weeks.Index(Alert.LastWeek)), 52, Viewer, ct);
        Withheld = await history.WithheldAlertsAsync(db, [Alert], Viewer, current, ct);
        Reports = await ReportsBehind.ForAsync(db, new AreaRollup(Places), Alert.SeriesKey, Alert.FirstWeek, Alert.LastWeek,
            ReportViewer.Of(User, Viewer.IsLead), ct);
        Actions = await db.TensionActions.AsNoTracking().Where(a => a.AlertId == Alert.Id).OrderBy(a => a.DueOn).ToListAsync(ct);
        if (Alert.AssessmentId is { } aid) Assessment = await db.TensionAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aid, ct);
        var options = await db.TensionAssessments.AsNoTracking().Where(a => a.AreaId == Alert.AreaId).OrderByDescending(a => a.WeekStart).Take(12)
            .Select(a => new { a.Id, a.WeekStart, a.Level }).ToListAsync(ct);
        AssessmentChoices = [.. options.Select(a => new Choice(a.Id.ToString(CultureInfo.InvariantCulture), $"{Weeks.Iso(Weeks.Index(a.WeekStart))}: level {a.Level} ({TensionWords.LevelName(a.Level).ToLowerInvariant()})"))];
        var users = new[] { Alert.AcknowledgedByUserId, Alert.ClosedByUserId }.OfType<int>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        AcknowledgedBy = Alert.AcknowledgedByUserId is { } ab ? names.GetValueOrDefault(ab) : null;
        ClosedBy = Alert.ClosedByUserId is { } cb ? names.GetValueOrDefault(cb) : null;
        // Opening the alert reads the viewer's messages about it.
        if (Viewer.UserId is { } me)
            await db.InboxMessages.Where(m => m.AlertId == Alert.Id && m.UserId == me && m.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, DateTime.UtcNow), ct);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await ShowAsync(ct);
        return Page();
    }

    /// <summary>Loads the alert and checks the user leads its area; the change runs, is audited and the page reloads.</summary>
    async Task<IActionResult> ActAsync(int id, Func<bool> change, string what, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanAct) return Forbid();
        if (!change())
        {
            await ShowAsync(ct);
            return Page();
        }
        Alert.UpdatedAt = DateTime.UtcNow;
        db.Record(Actor, AuditActions.TensionAlertChanged, $"alert {Alert.Id}", what, Ip);
        await db.SaveChangesAsync(ct);
        Notice($"Alert {Alert.Id}: {what}.");
        return Redirect($"/tensions/alerts/{Alert.Id}");
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) => ActAsync(id, () =>
    {
        if (Alert.State != AlertState.Open) { Fail("acknowledge", "The alert has already been acknowledged or closed"); return false; }
        Alert.State = AlertState.Acknowledged;
        Alert.AcknowledgedAt = DateTime.UtcNow;
        Alert.AcknowledgedByUserId = Viewer.UserId;
        return true;
    }, "acknowledged", ct);

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanAct) return Forbid();
        if (AssessmentId == "new")
            return Redirect($"/tensions/assessments/new?area={Uri.EscapeDataString(Area.Code)}&week={Weeks.Iso(Weeks.Index(Alert.LastWeek))}&alert={Alert.Id}");
        var chosen = int.TryParse(AssessmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var aid) ? aid : (int?)null;
        var areaId = Alert.AreaId;
        var ok = chosen is { } c && await db.TensionAssessments.AnyAsync(a => a.Id == c && a.AreaId == areaId, ct);
        return await ActAsync(id, () =>
        {
            if (!ok) { Fail("AssessmentId", $"Choose an assessment of {Area.Name} (\"{Clip(AssessmentId)}\" is not one)"); return false; }
            Alert.AssessmentId = chosen;
            return true;
        }, $"linked to assessment {chosen}", ct);
    }

    public Task<IActionResult> OnPostActionAsync(int id, CancellationToken ct) => ActAsync(id, () =>
    {
        var description = Description?.Trim() ?? "";
        var owner = Owner?.Trim() ?? "";
        var due = ActionInput.ParseDate(Due);
        if (description.Length == 0) Fail("Description", "Enter what will be done");
        else if (description.Length > TensionLimits.ActionLength) Fail("Description", $"The action must be {TensionLimits.ActionLength} characters or fewer (it has {description.Length})");
        if (owner.Length == 0) Fail("Owner", "Enter who will do it");
        else if (owner.Length > TensionLimits.OwnerLength) Fail("Owner", $"The owner must be {TensionLimits.OwnerLength} characters or fewer (it has {owner.Length})");
        if (due is null) Fail("Due", $"Enter the due date as a date, for example 27/11/2026 (\"{Clip(Due)}\" is not one)");
        if (Errors.Count > 0) return false;
        db.TensionActions.Add(new TensionAction { AlertId = Alert.Id, Description = description, Owner = owner, DueOn = due!.Value, State = ActionState.Open, CreatedAt = DateTime.UtcNow });
        return true;
    }, $"action added: {Clip(Description)}", ct);

    public async Task<IActionResult> OnPostDoneAsync(int id, int action, CancellationToken ct)
    {
        var a = await db.TensionActions.SingleOrDefaultAsync(x => x.Id == action && x.AlertId == id, ct);
        if (a is null) return NotFound();
        return await ActAsync(id, () =>
        {
            a.State = ActionState.Done;
            a.DoneOn = Cohesion.Admin.UkTime.Today;
            return true;
        }, $"action {a.Id} done", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => ActAsync(id, () =>
    {
        var outcome = Outcome?.Trim() ?? "";
        if (Alert.State == AlertState.Closed) { Fail("Outcome", "The alert is already closed"); return false; }
        if (outcome.Length == 0) { Fail("Outcome", "Enter the outcome: what was found and done"); return false; }
        if (outcome.Length > TensionLimits.OutcomeLength) { Fail("Outcome", $"The outcome must be {TensionLimits.OutcomeLength} characters or fewer (it has {outcome.Length})"); return false; }
        Alert.State = AlertState.Closed;
        Alert.Outcome = outcome;
        Alert.ClosedAt = DateTime.UtcNow;
        Alert.ClosedByUserId = Viewer.UserId;
        return true;
    }, "closed", ct);

    static string Clip(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";
}

/// <summary>Dates typed into action rows: 27/11/2026 (the UK way) or 2026-11-27, within ten years either side of today.</summary>
public static class ActionInput
{
    static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"];

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Math.Abs(d.Year - DateTime.UtcNow.Year) <= 10 ? d : null;

    public static string Format(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

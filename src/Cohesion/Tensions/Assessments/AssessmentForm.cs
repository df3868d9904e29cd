using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Alerts;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Assessments;

/// <summary>
/// The weekly assessment form, new and edit: area and ISO week, level on the 1–5 scale, summary, factors, groups
/// involved, evidence rows (each evidenced, experienced or potential) and action rows (owner, due date, state). Rows
/// left blank are ignored; clearing an existing action's description removes it. Only leads of the area write;
/// every save audited.
/// </summary>
public abstract class AssessmentFormPage(CohesionDb db, AreaStatsCache placesCache) : AdminPage
{
    protected CohesionDb Db => db;

    /// <summary>Blank evidence and action rows offered beyond those filled in ("Add another" offers one more).</summary>
    public const int BlankRows = 2;
    /// <summary>At most this many pieces of evidence, and actions, in one assessment (and rows on the form).</summary>
    public const int MaxRows = 50;

    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Week { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<string> Factors { get; set; } = [];
    [BindProperty] public string? Groups { get; set; }
    [BindProperty] public List<string?> EvidenceKinds { get; set; } = [];
    [BindProperty] public List<string?> EvidenceTexts { get; set; } = [];
    [BindProperty] public List<string?> ActionIds { get; set; } = [];
    [BindProperty] public List<string?> ActionDescriptions { get; set; } = [];
    [BindProperty] public List<string?> ActionOwners { get; set; } = [];
    [BindProperty] public List<string?> ActionDues { get; set; } = [];
    [BindProperty] public List<string?> ActionStates { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? Alert { get; set; }
    /// <summary>"evidence" or "action" when the form came back from an "Add another" button: show it again with one more row, saving nothing.</summary>
    [BindProperty] public string? Add { get; set; }

    /// <summary>Whether the post only asks for another row.</summary>
    protected bool AddsRow => Add is "evidence" or "action";

    public PlaceDirectory Places { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    public List<Choice> AreaChoices { get; private set; } = [];
    public abstract bool IsNew { get; }

    protected async Task PrepareAsync(CancellationToken ct)
    {
        Places = await placesCache.DirectoryAsync(db, ct);
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        AreaChoices = [.. AreaLists.WardsAndDistricts(Places).Where(c => Places.Find(c.Value) is { } a && Viewer.Leads(a, Places))];
    }

    protected void Fill(TensionAssessment a)
    {
        Area = Places.ById.GetValueOrDefault(a.AreaId)?.Code;
        Week = Weeks.Iso(Weeks.Index(a.WeekStart));
        Level = a.Level.ToString(CultureInfo.InvariantCulture);
        Summary = a.Summary;
        Factors = [.. TensionWords.Each(a.Factors).Select(TensionWords.Code)];
        Groups = a.GroupsInvolved;
        EvidenceKinds = [.. a.Evidence.OrderBy(e => e.Id).Select(e => (string?)e.Kind.ToString().ToLowerInvariant())];
        EvidenceTexts = [.. a.Evidence.OrderBy(e => e.Id).Select(e => (string?)e.Text)];
        var actions = a.Actions.OrderBy(x => x.DueOn).ThenBy(x => x.Id).ToList();
        ActionIds = [.. actions.Select(x => (string?)x.Id.ToString(CultureInfo.InvariantCulture))];
        ActionDescriptions = [.. actions.Select(x => (string?)x.Description)];
        ActionOwners = [.. actions.Select(x => (string?)x.Owner)];
        ActionDues = [.. actions.Select(x => (string?)ActionInput.Format(x.DueOn))];
        ActionStates = [.. actions.Select(x => (string?)x.State.ToString().ToLowerInvariant())];
    }

    // A form shown again after a post (an error, or "Add another") keeps the rows as posted, blank ones too, so it does
    // not grow by itself and "Add another" adds exactly one; a form opened afresh offers BlankRows beyond what is filled in.
    bool Posted => HttpMethods.IsPost(Request.Method);
    int Rows(int filled, int posted, string kind) => Math.Min(MaxRows, (Posted ? Math.Max(filled, posted) : filled + BlankRows) + (Add == kind ? 1 : 0));
    public int EvidenceRows => Rows(EvidenceTexts.Count(t => !string.IsNullOrWhiteSpace(t)), EvidenceTexts.Count, "evidence");
    public int ActionRows => Rows(Math.Max(ActionDescriptions.Count(t => !string.IsNullOrWhiteSpace(t)), ActionIds.Count(i => !string.IsNullOrEmpty(i))), ActionDescriptions.Count, "action");
    /// <summary>The row that "Add another" just added (to focus), or −1.</summary>
    public int AddedEvidenceRow => Add == "evidence" ? EvidenceRows - 1 : -1;
    public int AddedActionRow => Add == "action" ? ActionRows - 1 : -1;
    public static string? At(List<string?> list, int i) => i < list.Count ? list[i] : null;

    /// <summary>Checks the form and writes it into <paramref name="a"/>; false with <see cref="AdminPage.Errors"/> when it does not pass.</summary>
    protected async Task<bool> ApplyAsync(TensionAssessment a, CancellationToken ct)
    {
        var area = Places.Find(Area?.Trim() ?? "");
        if (area is null || (area.Level != AreaLevel.Ward && area.Level != AreaLevel.LocalAuthority)) Fail("Area", $"Choose a ward or district (\"{Clip(Area)}\" is not one)");
        else if (!Viewer.Leads(area, Places)) Fail("Area", $"You do not lead tension monitoring for {area.Name}: only its leads assess it");
        var week = Weeks.Parse(Week?.Trim());
        if (week is null) Fail("Week", $"Enter the week as an ISO week, for example 2026-W47 (\"{Clip(Week)}\" is not one)");
        else if (Weeks.Monday(week.Value) > UkTime.Today) Fail("Week", $"The week {Week} has not started yet");
        var level = int.TryParse(Level, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= TensionWords.MinLevel and <= TensionWords.MaxLevel ? l : (int?)null;
        if (level is null) Fail("Level", "Choose a level from 1 (low) to 5 (critical)");
        var summary = Summary?.Trim() ?? "";
        if (summary.Length == 0) Fail("Summary", "Enter a summary of the assessment");
        else if (summary.Length > TensionLimits.SummaryLength) Fail("Summary", $"The summary must be {TensionLimits.SummaryLength} characters or fewer (it has {summary.Length})");
        var factors = TensionFactors.None;
        foreach (var f in Factors)
            if (TensionWords.Parse<TensionFactors>(f) is { } one and not TensionFactors.None) factors |= one;
            else Fail("Factors", $"\"{Clip(f)}\" is not a tension factor");
        var groups = Groups?.Trim();
        if (groups?.Length > TensionLimits.GroupsLength) Fail("Groups", $"The groups involved must be {TensionLimits.GroupsLength} characters or fewer (it has {groups.Length})");

        var evidence = new List<AssessmentEvidence>();
        for (var i = 0; i < EvidenceTexts.Count; i++)
        {
            var text = EvidenceTexts[i]?.Trim() ?? "";
            if (text.Length == 0) continue;
            var kind = TensionWords.Parse<EvidenceKind>(At(EvidenceKinds, i));
            if (kind is null) Fail($"evidence-kind-{i}", $"Evidence {i + 1}: choose whether it is evidenced, experienced or potential");
            if (text.Length > TensionLimits.EvidenceLength) Fail($"evidence-text-{i}", $"Evidence {i + 1} must be {TensionLimits.EvidenceLength} characters or fewer (it has {text.Length})");
            evidence.Add(new AssessmentEvidence { Kind = kind ?? EvidenceKind.Evidenced, Text = text });
        }

        if (evidence.Count > MaxRows) Fail("evidence-text-0", $"An assessment holds at most {MaxRows} pieces of evidence (this one has {evidence.Count})");
        var keep = new List<(int? Id, string Description, string Owner, DateOnly Due, ActionState State)>();
        var rows = Math.Max(ActionDescriptions.Count, ActionIds.Count);
        for (var i = 0; i < rows; i++)
        {
            var description = At(ActionDescriptions, i)?.Trim() ?? "";
            var id = int.TryParse(At(ActionIds, i), NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? x : (int?)null;
            if (description.Length == 0) continue; // blank, or an existing action cleared to remove it
            var owner = At(ActionOwners, i)?.Trim() ?? "";
            var due = ActionInput.ParseDate(At(ActionDues, i));
            var state = TensionWords.Parse<ActionState>(At(ActionStates, i)) ?? ActionState.Open;
            if (description.Length > TensionLimits.ActionLength) Fail($"action-description-{i}", $"Action {i + 1} must be {TensionLimits.ActionLength} characters or fewer (it has {description.Length})");
            if (owner.Length == 0) Fail($"action-owner-{i}", $"Action {i + 1}: enter who will do it");
            else if (owner.Length > TensionLimits.OwnerLength) Fail($"action-owner-{i}", $"Action {i + 1}: the owner must be {TensionLimits.OwnerLength} characters or fewer (it has {owner.Length})");
            if (due is null) Fail($"action-due-{i}", $"Action {i + 1}: enter the due date, for example 27/11/2026 (\"{Clip(At(ActionDues, i))}\" is not a date)");
            keep.Add((id, description, owner, due ?? default, state));
        }
        if (keep.Count > MaxRows) Fail("action-description-0", $"An assessment holds at most {MaxRows} actions (this one has {keep.Count})");
        if (area is not null && week is not null && Errors.Count == 0)
        {
            var monday = Weeks.Monday(week.Value);
            if (await db.TensionAssessments.AnyAsync(x => x.AreaId == area.Id && x.WeekStart == monday && x.Id != a.Id, ct))
                Fail("Week", $"{area.Name} already has an assessment for {Week}: edit that one instead");
        }
        if (Errors.Count > 0) return false;

        a.AreaId = area!.Id;
        a.WeekStart = Weeks.Monday(week!.Value);
        a.Level = level!.Value;
        a.Summary = summary;
        a.Factors = factors;
        a.GroupsInvolved = string.IsNullOrEmpty(groups) ? null : groups;
        a.AssessedByUserId = Viewer.UserId;
        a.OrganisationId = Viewer.OrganisationId!.Value;
        a.UpdatedAt = DateTime.UtcNow;
        db.TensionEvidence.RemoveRange(a.Evidence);
        a.Evidence = evidence;
        var today = UkTime.Today;
        foreach (var old in a.Actions.Where(o => !keep.Any(k => k.Id == o.Id)).ToList())
        {
            a.Actions.Remove(old);
            db.TensionActions.Remove(old);
        }
        foreach (var k in keep)
        {
            var action = k.Id is { } kid ? a.Actions.FirstOrDefault(o => o.Id == kid) : null;
            if (action is null) a.Actions.Add(action = new TensionAction { CreatedAt = DateTime.UtcNow });
            action.Description = k.Description;
            action.Owner = k.Owner;
            action.DueOn = k.Due;
            action.DoneOn = k.State == ActionState.Done ? action.DoneOn ?? today : null;
            action.State = k.State;
        }
        return true;
    }

    /// <summary>Saves, audits, links the alert the form was opened from, and goes to the area's page.</summary>
    protected async Task<IActionResult> SaveAsync(TensionAssessment a, string what, CancellationToken ct)
    {
        if (IsNew) db.TensionAssessments.Add(a);
        db.Record(Actor, AuditActions.TensionAssessment, $"{Area} {Week}", $"{what}: level {a.Level}, {a.Evidence.Count} evidence, {a.Actions.Count} actions", Ip);
        await db.SaveChangesAsync(ct);
        if (Alert is { } alertId && await db.TensionAlerts.SingleOrDefaultAsync(x => x.Id == alertId && x.AreaId == a.AreaId, ct) is { } alert)
        {
            alert.AssessmentId = a.Id;
            alert.UpdatedAt = DateTime.UtcNow;
            db.Record(Actor, AuditActions.TensionAlertChanged, $"alert {alert.Id}", $"linked to assessment {a.Id}", Ip);
            await db.SaveChangesAsync(ct);
            Notice($"Assessment saved and linked to alert {alert.Id}.");
            return Redirect($"/tensions/alerts/{alert.Id}");
        }
        Notice($"Assessment of {Places.Find(Area!)?.Name} for {Week} saved.");
        return Redirect($"/tensions/areas/{Uri.EscapeDataString(Area!)}");
    }

    protected static string Clip(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}

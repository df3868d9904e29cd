using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Dashboard;

/// <summary>
/// /surveys/place/{areaCode}/targets: staff of any organisation set their organisation's targets for a place's
/// indicators (add, change, delete); other organisations' targets are listed read-only. Every change is audited.
/// </summary>
public sealed class SurveyTargetsModel(CohesionDb db) : AdminPage
{
    [BindProperty] public int? Id { get; set; }
    [BindProperty(Name = "indicator")] public string? IndicatorCode { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Area Area { get; private set; } = null!;
    public IReadOnlyList<TargetView> Targets { get; private set; } = [];
    public int? Organisation { get; private set; }
    public string Base => $"/surveys/place/{Uri.EscapeDataString(Area.Code)}";
    public bool Editing => Id is not null;

    public bool IsOwn(TargetView t) => t.Target.OwnerOrganisationId == Organisation;

    public async Task<IActionResult> OnGetAsync(string areaCode, int? edit, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ct) is { } refused) return refused;
        if (edit is { } id)
        {
            if (Targets.FirstOrDefault(t => t.Target.Id == id) is not { } t) return NotFound();
            if (!IsOwn(t)) return Forbid();
            var i = Indicators.Find(t.Target.Indicator);
            (Id, IndicatorCode, Period, Note) = (id, t.Target.Indicator, t.Target.ByPeriod, t.Target.Note);
            Value = i is null ? t.Target.Value.ToString(CultureInfo.InvariantCulture) : PlaceTrends.Display(i, t.Target.Value).ToString("0.###", CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string areaCode, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ct) is { } refused) return refused;
        IndicatorTarget? existing = null;
        if (Id is { } id)
        {
            existing = await db.SurveyTargets.FirstOrDefaultAsync(t => t.Id == id && t.AreaId == Area.Id, ct);
            if (existing is null) return NotFound();
            if (existing.OwnerOrganisationId != Organisation) return Forbid();
        }
        var indicator = Indicators.Find(IndicatorCode);
        if (indicator is null) Fail("indicator", "Select the indicator the target is for");
        var value = indicator is null ? null : ParseValue(indicator);
        var period = Period?.Trim() ?? "";
        if (period.Length == 0) Fail("period", "Enter the period the target is for, for example 2027 or Autumn 2027");
        else if (period.Length > SurveyLimits.PeriodLength) Fail("period", $"Period must be {SurveyLimits.PeriodLength} characters or fewer");
        var note = Note?.Trim() ?? "";
        if (note.Length > SurveyLimits.NoteLength) Fail("note", $"Note must be {SurveyLimits.NoteLength} characters or fewer");
        if (Errors.Count == 0 && Targets.Any(t => IsOwn(t) && t.Target.Id != Id && t.Target.Indicator == indicator!.Code && string.Equals(t.Target.ByPeriod, period, StringComparison.OrdinalIgnoreCase)))
            Fail("indicator", $"Your organisation already has a target for this indicator by {period}: change that one instead");
        if (Errors.Count > 0) return Page();

        var text = $"{indicator!.Code} {PlaceTrends.TargetText(indicator, value!.Value)} by {period}";
        if (existing is null)
        {
            db.SurveyTargets.Add(new IndicatorTarget
            {
                AreaId = Area.Id, Indicator = indicator.Code, Value = value.Value, ByPeriod = period, Note = note,
                OwnerOrganisationId = Organisation!.Value, CreatedAt = DateTime.UtcNow, CreatedBy = Actor,
            });
            db.Record(Actor, AuditActions.SurveyTarget, $"survey-target {Area.Code}", $"added: {text}{NoteText(note)}", Ip);
            Notice($"Target added: {indicator.Title}, {PlaceTrends.TargetText(indicator, value.Value)} by {period}");
        }
        else
        {
            var before = Describe(existing);
            (existing.Indicator, existing.Value, existing.ByPeriod, existing.Note) = (indicator.Code, value.Value, period, note);
            db.Record(Actor, AuditActions.SurveyTarget, $"survey-target {Area.Code}", $"changed #{existing.Id}: from {before} to {text}{NoteText(note)}", Ip);
            Notice($"Target changed: {indicator.Title}, {PlaceTrends.TargetText(indicator, value.Value)} by {period}");
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"{Base}/targets");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string areaCode, int id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, ct) is { } refused) return refused;
        var target = await db.SurveyTargets.FirstOrDefaultAsync(t => t.Id == id && t.AreaId == Area.Id, ct);
        if (target is null) return NotFound();
        if (target.OwnerOrganisationId != Organisation) return Forbid();
        db.SurveyTargets.Remove(target);
        db.Record(Actor, AuditActions.SurveyTarget, $"survey-target {Area.Code}", $"deleted #{target.Id}: {Describe(target)}", Ip);
        await db.SaveChangesAsync(ct);
        Notice($"Target deleted: {Indicators.Find(target.Indicator)?.Title ?? target.Indicator} by {target.ByPeriod}");
        return Redirect($"{Base}/targets");
    }

    async Task<IActionResult?> LoadAsync(string areaCode, CancellationToken ct)
    {
        if (!SurveyAccess.IsStaff(User) || Viewer.Of(User).OrganisationId is not { } org) return Forbid();
        var code = areaCode.Trim();
        var area = code.Length is 0 or > 32 ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null) return NotFound();
        (Area, Organisation) = (area, org);
        Targets = await PlaceSurveys.TargetsAsync(db, area.Id, ct);
        return null;
    }

    /// <summary>The value typed, in the indicator's unit (a percentage for percentages, "75%" allowed), as stored: a proportion 0–1 or the score.</summary>
    double? ParseValue(Indicator i)
    {
        var text = Value?.Trim().TrimEnd('%').Trim() ?? "";
        if (text.Length == 0)
        {
            Fail("value", "Enter the target value");
            return null;
        }
        if (text.Length > 20 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Fail("value", $"Target value must be a number, for example {(i.IsPercentage ? "75" : ((i.Low + i.High) / 2).ToString("0.#", CultureInfo.InvariantCulture))}");
            return null;
        }
        var (low, high) = i.IsPercentage ? (0.0, 100.0) : (i.Low, i.High);
        if (v < low || v > high)
        {
            Fail("value", i.IsPercentage ? "Target value must be a percentage from 0 to 100" : $"Target value must be a score from {i.Low.ToString("0.#", CultureInfo.InvariantCulture)} to {i.High.ToString("0.#", CultureInfo.InvariantCulture)}");
            return null;
        }
        return i.IsPercentage ? v / 100 : v;
    }

    static string Describe(IndicatorTarget t) =>
        $"{t.Indicator} {(Indicators.Find(t.Indicator) is { } i ? PlaceTrends.TargetText(i, t.Value) : t.Value.ToString(CultureInfo.InvariantCulture))} by {t.ByPeriod}";

    static string NoteText(string note) => note.Length == 0 ? "" : $"; note \"{note}\"";

    public static IReadOnlyList<Choice> IndicatorChoices { get; } =
        [new("", "Choose an indicator"), .. ItemBank.Indicators.All.Select(i => new Choice(i.Code, $"{i.Title} ({PlaceTrends.Unit(i)})"))];
}

using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Web;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Surveys.Respond;

/// <summary>
/// /surveys/{name}/respond: the public questionnaire, one question to a page, for anyone while the survey is open; and
/// /surveys/{name}/respond/resume, where saved answers are taken up again by their code. It works without JavaScript:
/// each page posts the answers so far (encrypted in a hidden field) with its own, and the next page comes back. Nothing
/// is stored until the respondent submits on the check-answers page, unless they save to come back (an encrypted draft
/// under a code only they are given). No identity is asked for or kept.
/// </summary>
public sealed class SurveyRespondModel(CohesionDb db, IDataProtectionProvider dp, IOptions<SurveyOptions> options, PublicFormLimiter limiter) : PublicFormPage
{
    public const string ResumePart = "resume";

    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public SurveyFormState State { get; private set; } = new();
    string? _token;
    /// <summary>The answers so far, protected once per page (read only while rendering, after the handler is done with them).</summary>
    public string Token => _token ??= SurveyForm.Protect(dp, State);
    /// <summary>What was typed on a page refused with an error, shown again as typed.</summary>
    public string? Typed { get; private set; }
    public IReadOnlyList<ResidenceAreas.Choice> Residence { get; private set; } = [];
    public int MinimumBase => options.Value.MinimumBase;
    public int DraftDays => options.Value.DraftDays;

    public string Base => $"/surveys/{Uri.EscapeDataString(Survey.Name)}";
    /// <summary>Every form of the questionnaire posts here, also when the page came from the resume address.</summary>
    public string Action => $"{Base}/respond";
    public string ResumePath => $"{Base}/respond/{ResumePart}";
    public WaitForm Wait => new(Action, Token, State.Step, "survey");
    public int ItemIndex => SurveyForm.IndexOf(Items, View);
    public Item? Item => ItemIndex >= 0 ? Items[ItemIndex] : null;

    async Task<bool> FindAsync(string name, CancellationToken ct)
    {
        if (await SurveyForm.FindAsync(db, name, User, ct) is not { } survey) return false;
        Survey = survey;
        Items = SurveyItems.Of(survey);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string name, string? part, string? code, CancellationToken ct)
    {
        if (part is not (null or ResumePart) || !await FindAsync(name, ct)) return NotFound();
        NoStore();
        if (!Survey.IsOpen) View = "closed";
        else if (part == ResumePart) await ResumeAsync(code, showErrors: code is not null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, string? part, CancellationToken ct)
    {
        if (part is not (null or ResumePart) || !await FindAsync(name, ct)) return NotFound();
        NoStore();
        if (!Survey.IsOpen)
        {
            View = "closed";
            return Page();
        }
        var form = Request.Form;
        var go = form["go"].ToString();
        if (go == "code")
        {
            await ResumeAsync(form["code"], showErrors: true, ct);
            return Page();
        }
        var carried = SurveyForm.Unprotect(dp, form["state"], Survey.Id);
        if (go == "start")
        {
            // Back from the first question to the start page carries the answers; starting again from there keeps them.
            State = carried ?? SurveyForm.Start(Survey.Id);
            return await ShowAsync(Items.Count > 0 ? Items[0].Code : SurveyForm.CheckStep, ct);
        }
        if (carried is null)
        {
            Errors.Add(new FieldError("start", "Your answers could not be read (the page may be from an old visit): start again"));
            return Page();
        }
        State = carried;
        var step = form["step"].ToString();
        if (!SurveyForm.IsStep(Items, step) || go == "resume") return await ShowAsync(SurveyForm.IsStep(Items, State.Step) ? State.Step : FirstStep, ct);
        if (go == "back") return await ShowAsync(BackFrom(step), ct);
        if (go.StartsWith("change:", StringComparison.Ordinal) && SurveyForm.IsStep(Items, go[7..]))
        {
            State.Checking = true;
            return await ShowAsync(go[7..], ct);
        }
        if (SurveyForm.IndexOf(Items, step) is var i and >= 0)
        {
            var item = Items[i];
            if (go == "skip") State.Answers.Remove(item.Code);
            else if (SurveyForm.Apply(State, item, form["answer"], await AreasFor(item, ct)) is { } problem)
            {
                Errors.Add(new FieldError("answer", problem));
                Typed = form["answer"].ToString();
                if (Typed.Length > SurveyLimits.ChoiceLength) Typed = Typed[..SurveyLimits.ChoiceLength];
                return await ShowAsync(step, ct);
            }
        }
        if (go == "save") return await SaveAsync(step, ct);
        if (go == "submit" && step == SurveyForm.CheckStep) return await SubmitAsync(ct);
        return await ShowAsync(State.Checking ? SurveyForm.CheckStep : SurveyForm.Next(Items, step), ct);
    }

    string FirstStep => Items.Count > 0 ? Items[0].Code : SurveyForm.CheckStep;

    /// <summary>Back goes to the check page while changing an answer, otherwise to the page before ("start" before the first).</summary>
    string BackFrom(string step) => State.Checking && step != SurveyForm.CheckStep ? SurveyForm.CheckStep : SurveyForm.Previous(Items, step) ?? "start";

    async Task<IActionResult> ShowAsync(string step, CancellationToken ct)
    {
        View = step == "start" || SurveyForm.IsStep(Items, step) ? step : FirstStep;
        if (View == "start") return Page();
        State.Step = View;
        if (View == SurveyForm.CheckStep) State.Checking = true;
        if (View == SurveyForm.CheckStep ? Items.Any(x => x.Kind == ItemKind.Residence) : Item?.Kind == ItemKind.Residence)
            Residence = await ResidenceAreas.ForAsync(db, Survey, ct);
        return Page();
    }

    /// <summary>The survey's residence areas by code, for checking a residence answer; null for other items.</summary>
    async Task<IReadOnlyDictionary<string, int>?> AreasFor(Item item, CancellationToken ct) =>
        item.Kind == ItemKind.Residence ? ResidenceAreas.ByCode(await ResidenceAreas.ForAsync(db, Survey, ct)) : null;

    async Task ResumeAsync(string? code, bool showErrors, CancellationToken ct)
    {
        if (await SurveyDrafts.RestoreAsync(db, dp, code, Survey.Id, ct) is { } saved)
        {
            State = saved;
            await ShowAsync(SurveyForm.IsStep(Items, saved.Step) ? saved.Step : FirstStep, ct);
            return;
        }
        View = "resume";
        if (showErrors)
            Errors.Add(new FieldError("code", string.IsNullOrWhiteSpace(code)
                ? "Enter the code you were given when you saved your answers"
                : $"No saved answers have that code. Check it and try again, or start again (saved answers are kept for {DraftDays} days)"));
    }

    async Task<IActionResult> SaveAsync(string step, CancellationToken ct)
    {
        State.Step = step;
        if (!limiter.TryAcquire(HttpContext)) return TooMany();
        var (code, until) = await SurveyDrafts.SaveAsync(db, dp, State, DraftDays, ct);
        Saved = new SavedForm(code, until, ResumePath, Action, Token, State.Step);
        View = "saved";
        return Page();
    }

    async Task<IActionResult> SubmitAsync(CancellationToken ct)
    {
        var areas = ResidenceAreas.ByCode(await ResidenceAreas.ForAsync(db, Survey, ct));
        var (response, step, problem) = SurveyForm.ToResponse(State, Items, areas);
        if (response is null)
        {
            Errors.Add(new FieldError(step == SurveyForm.CheckStep ? "submit" : "answer", problem!));
            return await ShowAsync(step!, ct);
        }
        if (!limiter.TryAcquire(HttpContext)) return TooMany();
        await Submissions.StoreOnceAsync(db, () => db.SurveyResponses.AnyAsync(r => r.Receipt == State.Receipt, ct), async () =>
        {
            ResponseWriter.Add(db, Survey.Id, response, areas, ResponseWriter.Online, DateOnly.FromDateTime(DateTime.UtcNow), State.Receipt);
            await SavedDrafts.DeleteAsync(db.SurveyDrafts, State.DraftId, ct);
        }, ct);
        return Redirect($"{Base}/respond/done");
    }
}

using Cohesion.Data;
using Cohesion.Web;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>
/// /place-standard/{name}/respond: the online assessment, one question to a page, for anyone while the engagement is
/// open. It works without JavaScript: each page posts its answers with the rest (encrypted in a hidden field) and the
/// next page comes back. Nothing is stored until the respondent submits on the check-answers page, unless they choose
/// to save and come back (then only an encrypted draft under a code they are given). No identity is asked for or kept.
/// </summary>
public sealed class PlaceStandardRespondModel(CohesionDb db, IDataProtectionProvider dp, IOptions<PlaceStandardOptions> options, PublicFormLimiter limiter) : PublicFormPage
{
    public Engagement Engagement { get; private set; } = null!;
    public RespondState State { get; private set; } = new();
    public string Token => RespondForm.Protect(dp, State);

    public string Base => $"/place-standard/{Uri.EscapeDataString(Engagement.Name)}";
    public string Action => $"{Base}/respond";
    public WaitForm Wait => new(Action, Token, State.Step, "engagement");
    public int Theme => RespondForm.ThemeOf(View);

    async Task<bool> FindAsync(string name, CancellationToken ct)
    {
        Engagement = (await RespondForm.FindAsync(db, name, User, ct))!;
        return Engagement is not null;
    }

    public async Task<IActionResult> OnGetAsync(string name, string? code, CancellationToken ct)
    {
        if (!await FindAsync(name, ct)) return NotFound();
        NoStore();
        if (!Engagement.IsOpen) View = "closed";
        else if (code is not null) await ReturnAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken ct)
    {
        if (!await FindAsync(name, ct)) return NotFound();
        NoStore();
        if (!Engagement.IsOpen)
        {
            View = "closed";
            return Page();
        }
        var form = Request.Form;
        var go = form["go"].ToString();
        if (go == "start")
        {
            State = RespondForm.Start(Engagement.Id);
            return Show(RespondForm.KindStep);
        }
        if (go == "return")
        {
            await ReturnAsync(form["code"], ct);
            return Page();
        }
        if (RespondForm.Unprotect(dp, form["state"], Engagement.Id) is not { } state)
        {
            Errors.Add(new FieldError("start", "Your answers could not be read (the page may be from an old visit): start again"));
            return Page();
        }
        State = state;
        var step = form["step"].ToString();
        if (!RespondForm.IsStep(step) || go == "resume") return Show(state.Step);
        RespondForm.Apply(State, step, form, check: go != "back", (f, m) => Errors.Add(new FieldError(f, m)));
        if (Errors.Count > 0) return Show(step);
        if (go == "back") return Show(RespondForm.Previous(step));
        if (go == "save")
        {
            State.Step = step;
            if (!limiter.TryAcquire(HttpContext)) return TooMany();
            var (code, until) = await Drafts.SaveAsync(db, dp, State, options.Value.DraftDays, ct);
            Saved = new SavedForm(code, until, Action, Action, Token, State.Step);
            View = "saved";
            return Page();
        }
        if (go.StartsWith("change:", StringComparison.Ordinal) && RespondForm.IsStep(go[7..]))
        {
            State.Checking = true;
            return Show(go[7..]);
        }
        if (go == "submit" && step == RespondForm.CheckStep) return await SubmitAsync(ct);
        var next = RespondForm.Next(step);
        return Show(State.Checking && step != RespondForm.CheckStep ? RespondForm.CheckStep : next);
    }

    PageResult Show(string step)
    {
        View = RespondForm.IsStep(step) ? step : RespondForm.KindStep;
        State.Step = View;
        if (View == RespondForm.CheckStep) State.Checking = true;
        return Page();
    }

    async Task ReturnAsync(string? code, CancellationToken ct)
    {
        if (await Drafts.RestoreAsync(db, dp, code, Engagement.Id, ct) is { } saved)
        {
            State = saved;
            Show(saved.Step);
            return;
        }
        View = "start";
        Errors.Add(new FieldError("code", "No saved answers have that code: check it, or start again (saved answers are kept for " + options.Value.DraftDays + " days)"));
    }

    async Task<IActionResult> SubmitAsync(CancellationToken ct)
    {
        var (assessment, step, field, problem) = RespondForm.ToAssessment(State);
        if (assessment is null)
        {
            Errors.Add(new FieldError(field!, problem!));
            return Show(step!);
        }
        if (!limiter.TryAcquire(HttpContext)) return TooMany();
        await Submissions.StoreOnceAsync(db, () => db.PsAssessments.AnyAsync(a => a.Receipt == State.Receipt, ct), async () =>
        {
            AssessmentWriter.Add(db, Engagement.Id, assessment, AssessmentWriter.Online, DateOnly.FromDateTime(DateTime.UtcNow), State.Receipt);
            await SavedDrafts.DeleteAsync(db.PsDrafts, State.DraftId, ct);
        }, ct);
        return Redirect($"{Base}/respond/done");
    }
}

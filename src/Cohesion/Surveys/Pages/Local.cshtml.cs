using Cohesion.Data;
using Cohesion.Surveys.Builder;
using Cohesion.Surveys.Model;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys/{name}/manage/local[/{code}]: add a question of the survey's own, or edit one (only its wording once it has answers).</summary>
public sealed class SurveysLocalModel(CohesionDb db) : SurveyStaffPage(db)
{
    public LocalQuestionForm Form { get; private set; } = new() { Kind = "choice" };
    public LocalItem? Editing { get; private set; }
    public int Answers { get; private set; }
    public bool IsNew => Editing is null;

    async Task<IActionResult?> LoadAsync(string name, string? code, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (code is null) return null;
        if (Survey.LocalItems.FirstOrDefault(l => l.Code == code) is not { } item) return NotFound();
        Editing = item;
        Answers = (await SurveyQuestions.AnsweredAsync(Db, Survey.Id, ct)).GetValueOrDefault(item.Code);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string name, [FromRoute] string? code, CancellationToken ct)
    {
        if (await LoadAsync(name, code, ct) is { } refused) return refused;
        if (Editing is { } item) Form = LocalQuestionForm.Of(item);
        return Page();
    }

    // The code comes from the address only: the form has a field of the same name for a new question's code.
    public async Task<IActionResult> OnPostAsync(string name, [FromRoute] string? code, LocalQuestionForm form, CancellationToken ct)
    {
        if (await LoadAsync(name, code, ct) is { } refused) return refused;
        Form = form;
        var item = Editing ?? new LocalItem { SurveyId = Survey.Id, Code = "", Question = "" };
        if (!form.TryApply(item, Survey, IsNew, Answers > 0, Fail)) return Page();
        if (IsNew) SurveyQuestions.AddLocal(Survey, item);
        Audit($"local question {item.Code} {(IsNew ? "added" : "changed")}: {item.Kind.ToString().ToLowerInvariant()}; \"{item.Question}\"");
        await Db.SaveChangesAsync(ct);
        Notice(IsNew ? $"Question added as {item.Code}: {item.Question}" : $"Question {item.Code} saved");
        return Redirect($"{Manage}#question-{Uri.EscapeDataString(item.Code)}");
    }
}

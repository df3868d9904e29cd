using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Pages;

/// <summary>
/// /surveys/{name}/delete: asks before deleting a survey with its questions, responses and saved drafts. When people
/// have answered, the survey's short name must be typed, so a slip of the mouse cannot lose their answers.
/// </summary>
public sealed class SurveysDeleteModel(CohesionDb db) : SurveyStaffPage(db)
{
    public int Responses { get; private set; }
    public string? Confirm { get; private set; }

    public Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => ShowAsync(name, ct);

    protected override async Task ReadAsync(CancellationToken ct) => Responses = await Db.SurveyResponses.CountAsync(r => r.SurveyId == Survey.Id, ct);

    public async Task<IActionResult> OnPostAsync(string name, string? confirm, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        await ReadAsync(ct);
        Confirm = confirm;
        if (Responses > 0 && !string.Equals(confirm?.Trim(), Survey.Name, StringComparison.Ordinal))
        {
            Fail("confirm", string.IsNullOrWhiteSpace(confirm)
                ? $"Type the survey's short name, {Survey.Name}, to delete it and its {Responses:N0} responses"
                : $"That is not the survey's short name: type {Survey.Name} exactly");
            return Page();
        }
        var title = Survey.Title;
        // Responses, answers, drafts, questions and local items go with it (cascading foreign keys), in the same transaction as the audit entry.
        Db.Surveys.Remove(Survey);
        Db.Record(Actor, AuditActions.SurveyDeleted, $"survey {Survey.Name}", $"\"{title}\"; {Cohesion.Imports.ImportCounts.Count(Responses, "response", "responses")} deleted with it", Ip);
        await Db.SaveChangesAsync(ct);
        Notice($"{title} deleted, with its {Cohesion.Imports.ImportCounts.Count(Responses, "response", "responses")}");
        return Redirect(SurveysIndexModel.Path);
    }
}

using Cohesion.Data;
using Cohesion.Surveys.Builder;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys/{name}/manage/questions: choose the survey's standard questions from the item bank, a measure's items together.</summary>
public sealed class SurveysQuestionsModel(CohesionDb db) : SurveyStaffPage(db)
{
    public HashSet<string> Selected { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Answered { get; private set; } = new Dictionary<string, int>();

    public Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => ShowAsync(name, ct);

    protected override async Task ReadAsync(CancellationToken ct)
    {
        Selected = Survey.Questions.Select(q => q.ItemCode).ToHashSet(StringComparer.Ordinal);
        Answered = await SurveyQuestions.AnsweredAsync(Db, Survey.Id, ct);
    }

    public async Task<IActionResult> OnPostAsync(string name, [FromForm(Name = "item")] string[]? item, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        var chosen = (item ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count > StandardItems.All.Count) return BadRequest();
        Answered = await SurveyQuestions.AnsweredAsync(Db, Survey.Id, ct);
        var (problems, added, removed) = SurveyQuestions.SetStandard(Db, Survey, chosen, Answered);
        if (problems.Count > 0)
        {
            // Each problem is named by its item's checkbox, so the summary's links lead to it.
            foreach (var (code, problem) in problems) Fail(StandardItems.Find(code) is null ? "items" : $"item-{code}", problem);
            Selected = chosen.ToHashSet(StringComparer.Ordinal);
            return Page();
        }
        if (added.Count + removed.Count > 0)
        {
            Audit($"questions from the item bank: {(added.Count > 0 ? "added " + string.Join(", ", added) : "none added")}; {(removed.Count > 0 ? "removed " + string.Join(", ", removed) : "none removed")}");
            await Db.SaveChangesAsync(ct);
        }
        Notice(added.Count + removed.Count == 0 ? "No change to the questions"
            : $"Questions saved: {added.Count:N0} added, {removed.Count:N0} removed. New questions are asked before the questions about the respondent; change the order below.");
        return Redirect($"{Manage}#questions");
    }

    /// <summary>The answers an item offers, as a reader of the page needs them: the option labels, or the range.</summary>
    public static string Scale(Item i) => i.Kind switch
    {
        ItemKind.Choice => string.Join(" / ", i.Options.Select(o => o.Label)),
        ItemKind.Thermometer => "0 (very cold) to 100 (very warm)",
        ItemKind.Number => $"A whole number from {i.Min:N0} to {i.Max:N0}",
        ItemKind.Residence => "The respondent's area, from the survey's areas",
        _ => "",
    };
}

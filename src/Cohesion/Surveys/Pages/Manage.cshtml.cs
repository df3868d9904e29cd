using Cohesion.Data;
using Cohesion.Surveys.Builder;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Pages;

/// <summary>
/// /surveys/{name}/manage: a survey's details, its questions in order (move, edit and remove local ones), its responses
/// by source, open or close it, publish or withdraw its results; links to edit details, choose questions, import and delete.
/// </summary>
public sealed class SurveysManageModel(CohesionDb db) : SurveyStaffPage(db)
{
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Answered { get; private set; } = new Dictionary<string, int>();
    /// <summary>Responses by source: online, import, demo.</summary>
    public IReadOnlyDictionary<string, int> BySource { get; private set; } = new Dictionary<string, int>();
    public int Responses => BySource.Values.Sum();
    public string Owner { get; private set; } = "";

    public static readonly string[] Sources = [ResponseWriter.Online, ResponseWriter.Import, ResponseWriter.Demo];

    public Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => ShowAsync(name, ct);

    protected override async Task ReadAsync(CancellationToken ct)
    {
        Items = SurveyItems.Of(Survey);
        Answered = await SurveyQuestions.AnsweredAsync(Db, Survey.Id, ct);
        BySource = await Db.SurveyResponses.Where(r => r.SurveyId == Survey.Id).GroupBy(r => r.Source)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Owner = await Db.Organisations.Where(o => o.Id == Survey.OwnerOrganisationId).Select(o => o.Name).FirstAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(string name, string? open, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (open is not ("yes" or "no")) return BadRequest();
        if (open == "yes" && !SurveyItems.Of(Survey).Any(i => !i.IsDemographic))
        {
            Fail("questions", "Add at least one question that is not about the respondent before opening the survey: choose from the item bank or add a question of your own");
            return await RedisplayAsync(ct);
        }
        Survey.IsOpen = open == "yes";
        Audit(Survey.IsOpen ? "opened to responses" : "closed to responses");
        await Db.SaveChangesAsync(ct);
        Notice(Survey.IsOpen ? $"{Survey.Title} is open to responses" : $"{Survey.Title} is closed: the form takes no more responses");
        return Redirect(Manage);
    }

    public async Task<IActionResult> OnPostPublishAsync(string name, string? publish, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (publish is not ("yes" or "no")) return BadRequest();
        Survey.IsPublished = publish == "yes";
        Audit(Survey.IsPublished ? "results published" : "results withdrawn from publication");
        await Db.SaveChangesAsync(ct);
        Notice(Survey.IsPublished ? $"{Survey.Title}: results published" : $"{Survey.Title}: results withdrawn, only your organisation sees them");
        return Redirect(Manage);
    }

    public async Task<IActionResult> OnPostMoveAsync(string name, string? code, string? dir, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (code is null || dir is not ("up" or "down")) return BadRequest();
        if (SurveyQuestions.Move(Survey, code, dir == "up"))
        {
            var position = Survey.Questions.First(q => q.ItemCode == code).Position;
            Audit($"question {code} moved {dir} to position {position}");
            await Db.SaveChangesAsync(ct);
        }
        // Back to the same row, so a keyboard or screen-reader user moving a question several places keeps their place.
        return Redirect($"{Manage}#question-{Uri.EscapeDataString(code)}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string name, string? code, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (Survey.LocalItems.FirstOrDefault(l => l.Code == code) is not { } item) return NotFound();
        var answered = await SurveyQuestions.AnsweredAsync(Db, Survey.Id, ct);
        if (answered.TryGetValue(item.Code, out var n) && n > 0)
        {
            Fail($"question-{item.Code}", SurveyQuestions.CannotRemove(item.Question, n));
            return await RedisplayAsync(ct);
        }
        SurveyQuestions.RemoveLocal(Db, Survey, item);
        Audit($"local question {item.Code} removed");
        await Db.SaveChangesAsync(ct);
        Notice($"Question removed: {item.Question}");
        return Redirect(Manage);
    }

    public static string KindLabel(Item i) => i.Kind switch
    {
        ItemKind.Choice => $"Choice of {i.Options.Count}",
        ItemKind.Thermometer => "Thermometer, 0 to 100",
        ItemKind.Number => $"Number, {i.Min:N0} to {i.Max:N0}",
        ItemKind.Residence => "Area lived in",
        _ => i.Kind.ToString(),
    };
}

using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Builder;

/// <summary>
/// Changing which questions a survey asks and in what order. Once people have answered a question it stays: taking it
/// away would leave answers with no question, and results already seen would change under their readers.
/// </summary>
public static class SurveyQuestions
{
    /// <summary>How many answers each of the survey's items has; the residence item counts the responses that said where they live.</summary>
    public static async Task<Dictionary<string, int>> AnsweredAsync(CohesionDb db, int surveyId, CancellationToken ct)
    {
        var counts = await db.SurveyAnswers.Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId))
            .GroupBy(a => a.ItemCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);
        var residence = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId && r.ResidenceAreaId != null, ct);
        if (residence > 0) counts[StandardItems.ResidenceCode] = residence;
        return counts;
    }

    /// <summary>Why an answered item cannot be removed, in the words the pages show.</summary>
    public static string CannotRemove(string question, int answers) =>
        $"\"{Shorten(question)}\" has {answers:N0} answer{(answers == 1 ? "" : "s")}: it cannot be removed, because those answers would be left without their question";

    /// <summary>
    /// Makes the survey ask exactly the standard items in <paramref name="selected"/> (local questions are left as they
    /// are). New items go before the questions about the respondent, which stay last; demographic ones join them at the end.
    /// Returns the problems, each with the item it is about (nothing is changed when there are any), and the codes added and removed.
    /// </summary>
    public static (List<(string Code, string Message)> Problems, List<string> Added, List<string> Removed) SetStandard(CohesionDb db, Survey survey, IReadOnlyCollection<string> selected,
        IReadOnlyDictionary<string, int> answered)
    {
        var problems = new List<(string Code, string Message)>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in selected)
        {
            if (StandardItems.Find(code) is null) problems.Add((code, $"'{Shorten(code)}' is not an item in the bank"));
            else wanted.Add(code);
        }
        var asked = survey.Questions.Where(q => StandardItems.Find(q.ItemCode) is not null).ToList();
        var removed = asked.Where(q => !wanted.Contains(q.ItemCode)).ToList();
        foreach (var q in removed)
            if (answered.TryGetValue(q.ItemCode, out var n) && n > 0) problems.Add((q.ItemCode, CannotRemove(StandardItems.Find(q.ItemCode)!.Question, n)));
        if (problems.Count > 0) return (problems, [], []);

        foreach (var q in removed)
        {
            survey.Questions.Remove(q);
            db.SurveyQuestions.Remove(q);
        }
        var ordered = survey.Questions.OrderBy(q => q.Position).ToList();
        var has = ordered.Select(q => q.ItemCode).ToHashSet(StringComparer.Ordinal);
        var added = StandardItems.All.Where(i => wanted.Contains(i.Code) && !has.Contains(i.Code)).ToList();
        foreach (var item in added)
        {
            survey.Questions.Add(Insert(ordered, new SurveyQuestion { SurveyId = survey.Id, ItemCode = item.Code }, atEnd: item.IsDemographic));
        }
        Renumber(ordered);
        return ([], added.Select(i => i.Code).ToList(), removed.Select(q => q.ItemCode).ToList());
    }

    /// <summary>Moves a question one place up or down; false when it is not asked or already at that end.</summary>
    public static bool Move(Survey survey, string code, bool up)
    {
        var ordered = survey.Questions.OrderBy(q => q.Position).ToList();
        var i = ordered.FindIndex(q => q.ItemCode == code);
        var j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= ordered.Count) return false;
        (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        Renumber(ordered);
        return true;
    }

    /// <summary>Adds a local question at the end, before the questions about the respondent.</summary>
    public static void AddLocal(Survey survey, LocalItem item)
    {
        survey.LocalItems.Add(item);
        var ordered = survey.Questions.OrderBy(q => q.Position).ToList();
        survey.Questions.Add(Insert(ordered, new SurveyQuestion { SurveyId = survey.Id, ItemCode = item.Code }, atEnd: false));
        Renumber(ordered);
    }

    /// <summary>Removes a local question and its place in the order.</summary>
    public static void RemoveLocal(CohesionDb db, Survey survey, LocalItem item)
    {
        survey.LocalItems.Remove(item);
        db.SurveyLocalItems.Remove(item);
        if (survey.Questions.FirstOrDefault(q => q.ItemCode == item.Code) is { } q)
        {
            survey.Questions.Remove(q);
            db.SurveyQuestions.Remove(q);
        }
        Renumber(survey.Questions.OrderBy(x => x.Position).ToList());
    }

    /// <summary>Puts a question at the end, or before the first question about the respondent so those stay last.</summary>
    static SurveyQuestion Insert(List<SurveyQuestion> ordered, SurveyQuestion q, bool atEnd)
    {
        var firstAboutYou = ordered.FindIndex(x => StandardItems.Find(x.ItemCode)?.IsDemographic == true);
        if (atEnd || firstAboutYou < 0) ordered.Add(q);
        else ordered.Insert(firstAboutYou, q);
        return q;
    }

    static void Renumber(List<SurveyQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
    }

    static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

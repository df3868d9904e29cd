using System.Collections.Concurrent;
using Cohesion.Data;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Surveys.Results;

/// <summary>
/// Loaded results per survey, reused while nothing that changes them has changed: the responses (count and last id),
/// the questions and the weighting (method and trimming bounds). Reading 1,500 responses' 90,000 answers and raking
/// takes a few hundred milliseconds; every page and download of a survey wants the same thing. A singleton; entries are
/// small.
/// </summary>
public sealed class SurveyResultsCache(IOptions<SurveyOptions> options)
{
    readonly ConcurrentDictionary<int, (string Key, SurveyResults Results)> entries = new();

    public int MinimumBase => options.Value.MinimumBase;

    /// <summary>The results of a survey the caller has already checked the viewer may see (loaded with questions and local items).</summary>
    public async Task<SurveyResults> GetAsync(CohesionDb db, Survey survey, CancellationToken ct)
    {
        var stats = await db.SurveyResponses.Where(r => r.SurveyId == survey.Id)
            .GroupBy(r => r.SurveyId).Select(g => new { Count = g.Count(), Last = g.Max(r => r.Id) }).FirstOrDefaultAsync(ct);
        // The survey's own details are part of the key too, so results never carry an old title, period or state.
        // Trimming bounds in full ("R"), so a change in any digit reweights.
        var key = string.Join('|', stats?.Count ?? 0, stats?.Last ?? 0, survey.Weighting, Bound(survey.WeightTrimLower), Bound(survey.WeightTrimUpper),
            survey.ResidenceLevel, survey.AreaId,
            survey.Name, survey.Title, survey.Period, survey.Description, survey.IsOpen, survey.IsPublished, survey.IsSynthetic,
            string.Join(',', survey.Questions.OrderBy(q => q.Position).Select(q => q.ItemCode)),
            string.Join(',', survey.LocalItems.Select(i => $"{i.Code}:{i.Kind}:{i.Question}:{i.Hint}:{i.Options}:{i.Min}:{i.Max}")));
        if (entries.TryGetValue(survey.Id, out var hit) && hit.Key == key) return hit.Results;
        var results = await SurveyResults.LoadAsync(db, survey, MinimumBase, ct);
        entries[survey.Id] = (key, results);
        return results;
    }

    static string Bound(double? x) => x?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}

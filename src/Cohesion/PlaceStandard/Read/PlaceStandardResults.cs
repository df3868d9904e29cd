using Cohesion.Analytics.PlaceStandard;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;
using static Cohesion.PlaceStandard.RespondentGroups;

namespace Cohesion.PlaceStandard.Read;

/// <summary>
/// An engagement's assessments as the analytics want them: what each is (for breakdowns), its 14 scores in one row
/// (0 = not answered) and its weight (1, or a group's participants).
/// </summary>
public sealed record AssessmentSet(IReadOnlyList<AssessmentFacts> Facts, int[] Scores, double[] Weights)
{
    public int Count => Weights.Length;

    public static async Task<AssessmentSet> LoadAsync(CohesionDb db, int engagementId, CancellationToken ct)
    {
        var rows = await db.PsAssessments.AsNoTracking().Where(a => a.EngagementId == engagementId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, Facts = new AssessmentFacts(a.Kind, a.GroupLabel, a.AgeBand, a.Sex, a.EthnicGroup, a.Disability), a.Participants })
            .ToListAsync(ct);
        var scores = await (from s in db.PsScores
                            join a in db.PsAssessments on s.AssessmentId equals a.Id
                            where a.EngagementId == engagementId
                            select new { s.AssessmentId, s.Theme, s.Score }).ToListAsync(ct);
        var row = new Dictionary<long, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++) row[rows[i].Id] = i;
        var grid = new int[rows.Count * PlaceStandardThemes.Count];
        foreach (var s in scores) grid[row[s.AssessmentId] * PlaceStandardThemes.Count + s.Theme - 1] = s.Score;
        return new AssessmentSet(rows.Select(r => r.Facts).ToList(), grid, rows.Select(r => (double)r.Participants).ToArray());
    }

    /// <summary>The assessments for which <paramref name="keep"/> holds, in the same order.</summary>
    public AssessmentSet Where(Func<AssessmentFacts, bool> keep)
    {
        var picked = Enumerable.Range(0, Count).Where(i => keep(Facts[i])).ToList();
        var scores = new int[picked.Count * PlaceStandardThemes.Count];
        for (var j = 0; j < picked.Count; j++)
            Array.Copy(Scores, picked[j] * PlaceStandardThemes.Count, scores, j * PlaceStandardThemes.Count, PlaceStandardThemes.Count);
        return new AssessmentSet(picked.Select(i => Facts[i]).ToList(), scores, picked.Select(i => Weights[i]).ToArray());
    }
}

/// <summary>How many assessments, of which kind, and how many people they stand for.</summary>
public sealed record ResultSummary(int Assessments, int Individuals, int Groups, int GroupParticipants, double People);

/// <summary>One theme's figures, as they may be published.</summary>
public sealed record ThemeFigures(PlaceStandardTheme Theme, PublishedTheme Figures);

/// <summary>Every theme's figures for a set of assessments.</summary>
public sealed record ThemeResults(ResultSummary Summary, IReadOnlyList<ThemeFigures> Themes);

/// <summary>One group of a breakdown (an age band, "group assessments", "not stated"…) with its figures.</summary>
public sealed record GroupResult(GroupCode Group, ThemeResults Results);

/// <summary>
/// Place Standard results for a set of assessments: per theme the weighted mean, median and distribution and the
/// counts (<see cref="ThemeScores"/>), with small bases withheld (<see cref="SmallBases"/>); and the same per group
/// of a breakdown.
/// </summary>
public static class PlaceStandardResults
{
    public static ThemeResults Of(AssessmentSet set, double minimumBase)
    {
        var summaries = ThemeScores.SummariseAll(set.Scores, set.Weights, PlaceStandardThemes.Count);
        var groups = set.Facts.Select((f, i) => (f, i)).Where(x => x.f.Kind == AssessmentKind.Group).ToList();
        var summary = new ResultSummary(set.Count, set.Count - groups.Count, groups.Count, groups.Sum(g => (int)set.Weights[g.i]), set.Weights.Sum());
        return new ThemeResults(summary, summaries.Select((s, t) => new ThemeFigures(PlaceStandardThemes.All[t], SmallBases.Publish(s, minimumBase))).ToList());
    }

    /// <summary>
    /// Each group of the breakdown that has assessments, in the breakdown's order, then "Not stated" for those that
    /// did not say. Every group is withheld on its own base, so a small group shows its count and [c].
    /// </summary>
    public static IReadOnlyList<GroupResult> By(AssessmentSet set, Breakdown by, double minimumBase)
    {
        var result = new List<GroupResult>();
        foreach (var g in by.Groups)
        {
            var part = set.Where(f => by.GroupOf(f) == g.Code);
            if (part.Count > 0) result.Add(new GroupResult(g, Of(part, minimumBase)));
        }
        var notStated = set.Where(f => by.GroupOf(f) is null);
        if (notStated.Count > 0) result.Add(new GroupResult(new GroupCode("not-stated", NotStated), Of(notStated, minimumBase)));
        return result;
    }

    /// <summary>A breakdown by its key; the group-label breakdown takes its groups from the assessments.</summary>
    public static Breakdown? Breakdown(string? key, AssessmentSet set) =>
        key == "group_label" ? ByGroupLabel(set.Facts.Where(f => f.GroupLabel is not null).Select(f => f.GroupLabel!))
        : Breakdowns.FirstOrDefault(b => b.Key == key);

    public static IReadOnlyList<(string Key, string Label)> BreakdownChoices =>
        [.. Breakdowns.Select(b => (b.Key, b.Label)), ("group_label", "Group (label of a group assessment)")];
}

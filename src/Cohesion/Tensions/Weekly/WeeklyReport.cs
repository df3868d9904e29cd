using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;

namespace Cohesion.Tensions.Weekly;

/// <summary>A ward's level this week and last (null: not assessed that week).</summary>
public sealed record WardLevel(AreaInfo Ward, int? Level, int? Before, int? AssessmentId)
{
    /// <summary>Up, down, same, new or none, as the report marks it.</summary>
    public string Change => (Level, Before) switch
    {
        (null, _) => "Not assessed",
        (_, null) => "New this week",
        ({ } a, { } b) when a > b => $"Up {a - b}",
        ({ } a, { } b) when a < b => $"Down {b - a}",
        _ => "Same",
    };
}

/// <summary>Reports of one type or strand in the district: this week, the week before, and the mean of the 12 weeks
/// before this one; null where withheld from the viewer (the mean when any of its weeks is).</summary>
public sealed record CountLine(string Code, string Label, int? ThisWeek, int? WeekBefore, double? TwelveWeekAverage);

/// <summary>
/// The weekly tension report of a district, worked out from plain lists so the figures can be checked by hand:
/// levels by ward this week and last, alerts raised, open and closed, the week's evidence by kind, actions due,
/// overdue and done, and report counts by type and by strand against the week before and the 12-week average
/// (mean of weeks w−12 … w−1, zeros included).
/// </summary>
public sealed record WeeklyReport(AreaInfo District, int Week, IReadOnlyList<WardLevel> Levels, IReadOnlyList<TensionAlert> Raised, IReadOnlyList<TensionAlert> Open,
    IReadOnlyList<TensionAlert> Closed, IReadOnlyDictionary<EvidenceKind, int> Evidence, IReadOnlyList<TensionAction> DueThisWeek, IReadOnlyList<TensionAction> Overdue,
    IReadOnlyList<TensionAction> Done, IReadOnlyList<CountLine> ByType, IReadOnlyList<CountLine> ByStrand, CountLine Total, bool Synthetic)
{
    public DateOnly Monday => Weeks.Monday(Week);
    public DateOnly Sunday => Monday.AddDays(6);

    public static WeeklyReport Build(AreaInfo district, IReadOnlyList<AreaInfo> wards, int week, WeeklyCounts? counts, IReadOnlyList<TensionAssessment> assessments,
        IReadOnlyList<TensionAlert> alerts, IReadOnlyList<TensionAction> actions, bool synthetic, CountProtection? protection = null)
    {
        var monday = Weeks.Monday(week);
        var sunday = monday.AddDays(6);
        var start = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = sunday.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var levels = wards.Select(w =>
        {
            var now = assessments.FirstOrDefault(a => a.AreaId == w.Id && a.WeekStart == monday);
            var before = assessments.FirstOrDefault(a => a.AreaId == w.Id && a.WeekStart == monday.AddDays(-7));
            return new WardLevel(w, now?.Level, before?.Level, now?.Id);
        }).ToList();
        var evidence = Enum.GetValues<EvidenceKind>().ToDictionary(k => k, k => assessments.Where(a => a.WeekStart == monday).Sum(a => a.Evidence.Count(e => e.Kind == k)));
        int? At(string key, int w) => protection?.Withheld(key, w) == true ? null : counts!.At(key, w);
        CountLine Line(string code, string label, string key) => counts is null
            ? new CountLine(code, label, 0, 0, 0)
            : new CountLine(code, label, At(key, week), At(key, week - 1),
                protection?.WithheldAny(key, Enumerable.Range(week - 12, 12)) == true ? null : Enumerable.Range(week - 12, 12).Sum(w => counts.At(key, w)) / 12.0);
        var byType = Enum.GetValues<ReportType>().Select(t => Line(t.Code(), t.Label(), WeeklyCounts.Key(district.Code, t.Code(), WeeklyCounts.All))).ToList();
        var byStrand = TensionWords.Each((Strands)511).Select(s => Line(TensionWords.Code(s), TensionWords.Label(s), WeeklyCounts.Key(district.Code, WeeklyCounts.All, TensionWords.Code(s)))).ToList();
        return new WeeklyReport(district, week, levels,
            [.. alerts.Where(a => a.CreatedAt >= start && a.CreatedAt < end)],
            [.. alerts.Where(a => a.CreatedAt < end && (a.ClosedAt is null || a.ClosedAt >= end))],
            [.. alerts.Where(a => a.ClosedAt >= start && a.ClosedAt < end)],
            evidence,
            [.. actions.Where(a => a.DueOn >= monday && a.DueOn <= sunday)],
            [.. actions.Where(a => a.DueOn < monday && (a.State == ActionState.Open || (a.State == ActionState.Done && a.DoneOn > sunday)))],
            [.. actions.Where(a => a.State == ActionState.Done && a.DoneOn >= monday && a.DoneOn <= sunday)],
            byType, byStrand, Line("all", "All reports", WeeklyCounts.Key(district.Code, WeeklyCounts.All, WeeklyCounts.All)), synthetic);
    }
}

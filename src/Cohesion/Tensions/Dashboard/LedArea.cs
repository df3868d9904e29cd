using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Dashboard;

/// <summary>
/// One area a monitoring lead leads, as their to-do on the dashboard: its current level, open alerts and overdue
/// actions in it (and the areas below it, for a district), and whether this week's assessment is written yet.
/// </summary>
public sealed record LedArea(AreaInfo Area, int? Level, int OpenAlerts, int OverdueActions, int? ThisWeeksAssessment)
{
    /// <param name="overdueAreas">The area of each overdue open action (0 where it has none).</param>
    public static async Task<List<LedArea>> ForAsync(CohesionDb db, AreaRollup rollup, AreaInfo district, TensionViewer viewer, int currentWeek,
        IReadOnlyList<int> overdueAreas, CancellationToken ct)
    {
        var places = rollup.Places;
        var led = viewer.LeadAreas.Select(id => places.ById.GetValueOrDefault(id))
            .OfType<AreaInfo>()
            .Where(a => a.Id == district.Id || (a.Level == AreaLevel.Ward && places.District(a)?.Id == district.Id))
            .OrderBy(a => a.Level != AreaLevel.LocalAuthority).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (led.Count == 0) return [];
        var ids = led.Select(a => a.Id).ToList();
        var since = Weeks.Monday(currentWeek - CurrentLevels.StaleAfterWeeks);
        var monday = Weeks.Monday(currentWeek);
        var recent = await db.TensionAssessments.AsNoTracking().Where(a => ids.Contains(a.AreaId) && a.WeekStart >= since)
            .Select(a => new { a.Id, a.AreaId, a.WeekStart, a.Level }).ToListAsync(ct);
        var within = rollup.Within(district);
        var open = await db.TensionAlerts.AsNoTracking().Where(a => a.State != AlertState.Closed && within.Contains(a.AreaId)).Select(a => a.AreaId).ToListAsync(ct);
        return [.. led.Select(area =>
        {
            // A district counts what happens in its wards too; a ward only its own.
            var inside = area.Level == AreaLevel.LocalAuthority ? within : [area.Id];
            var latest = recent.Where(a => a.AreaId == area.Id).MaxBy(a => a.WeekStart);
            return new LedArea(area, latest?.Level, open.Count(inside.Contains), overdueAreas.Count(inside.Contains),
                recent.FirstOrDefault(a => a.AreaId == area.Id && a.WeekStart == monday)?.Id);
        })];
    }
}

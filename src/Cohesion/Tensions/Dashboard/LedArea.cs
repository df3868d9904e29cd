using Cohesion.Places;
using Cohesion.Tensions.Watch;

namespace Cohesion.Tensions.Dashboard;

/// <summary>
/// One area a monitoring lead leads, as their to-do on the dashboard: its current level, open alerts and overdue
/// actions in it (and the areas below it, for a district), and whether this week's assessment is written yet.
/// </summary>
public sealed record LedArea(AreaInfo Area, int? Level, int OpenAlerts, int OverdueActions, int? ThisWeeksAssessment)
{
    /// <summary>The areas of <paramref name="district"/> the viewer leads, the district first, then wards by name.</summary>
    /// <param name="levels">Current levels of the district and its wards (<see cref="CurrentLevels.OfAsync"/>).</param>
    /// <param name="within">The district and every area below it.</param>
    /// <param name="openAlertAreas">The area of each open alert of the district.</param>
    /// <param name="overdueAreas">The area of each overdue open action of the district.</param>
    public static List<LedArea> For(IEnumerable<CurrentLevel> levels, AreaInfo district, TensionViewer viewer, int currentWeek,
        IReadOnlySet<int> within, IReadOnlyList<int> openAlertAreas, IReadOnlyList<int> overdueAreas)
    {
        var monday = Weeks.Monday(currentWeek);
        return [.. levels.Where(l => viewer.LeadAreas.Contains(l.Area.Id))
            .OrderBy(l => l.Area.Id != district.Id).ThenBy(l => l.Area.Name, StringComparer.OrdinalIgnoreCase)
            .Select(l =>
            {
                // A district counts what happens in its wards too; a ward only its own.
                IReadOnlySet<int> inside = l.Area.Id == district.Id ? within : new HashSet<int> { l.Area.Id };
                // The latest current assessment is this week's if there is one: weeks not yet started cannot be assessed.
                return new LedArea(l.Area, l.Level, openAlertAreas.Count(inside.Contains), overdueAreas.Count(inside.Contains),
                    l.Week == monday ? l.AssessmentId : null);
            })];
    }
}

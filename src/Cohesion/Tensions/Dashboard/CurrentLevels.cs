using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Dashboard;

/// <summary>An area's current level: its latest assessment within <see cref="CurrentLevels.StaleAfterWeeks"/> weeks, or none.</summary>
public sealed record CurrentLevel(AreaInfo Area, int? Level, DateOnly? Week, int? AssessmentId, bool Synthetic);

/// <summary>The map of current levels: the latest assessment of each ward, if recent enough to be current.</summary>
public static class CurrentLevels
{
    /// <summary>An assessment older than this many weeks is history, not the current level.</summary>
    public const int StaleAfterWeeks = 4;

    /// <summary>The current level of each ward of a district.</summary>
    public static Task<List<CurrentLevel>> ForAsync(CohesionDb db, AreaRollup rollup, AreaInfo district, int currentWeek, CancellationToken ct) =>
        OfAsync(db, rollup.Wards(district), currentWeek, ct);

    /// <summary>The current level of each of <paramref name="areas"/>, in their order.</summary>
    public static async Task<List<CurrentLevel>> OfAsync(CohesionDb db, IReadOnlyList<AreaInfo> areas, int currentWeek, CancellationToken ct)
    {
        var ids = areas.Select(w => w.Id).ToList();
        var since = Weeks.Monday(currentWeek - StaleAfterWeeks);
        var recent = await db.TensionAssessments.AsNoTracking().Where(a => ids.Contains(a.AreaId) && a.WeekStart >= since)
            .Select(a => new { a.Id, a.AreaId, a.WeekStart, a.Level, a.IsSynthetic }).ToListAsync(ct);
        var latest = recent.GroupBy(a => a.AreaId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.WeekStart)!);
        return [.. areas.Select(w => latest.TryGetValue(w.Id, out var a) ? new CurrentLevel(w, a.Level, a.WeekStart, a.Id, a.IsSynthetic) : new CurrentLevel(w, null, null, null, false))];
    }

    /// <summary>GET /tensions/levels.json?district=: the values file of the dashboard's map (signed-in users).</summary>
    public static void MapCurrentLevels(this WebApplication app) =>
        app.MapGet("/tensions/levels.json", async (string? district, CohesionDb db, AreaStatsCache places, TimeProvider clock, CancellationToken ct) =>
        {
            var dir = await places.DirectoryAsync(db, ct);
            if (dir.Find(district ?? DemoPlace.DistrictCode) is not { Level: AreaLevel.LocalAuthority } d) return Results.NotFound();
            var levels = await ForAsync(db, new AreaRollup(dir), d, Weeks.Current(clock.GetUtcNow().UtcDateTime), ct);
            return Results.Json(new
            {
                label = "Tension level (1 low to 5 critical)",
                unit = "",
                values = levels.Select(l => new { code = l.Area.Code, name = l.Area.Name, value = l.Level }),
            });
        }).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
}

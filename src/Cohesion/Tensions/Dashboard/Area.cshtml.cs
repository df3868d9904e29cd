using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Dashboard;

/// <summary>/tensions/areas/{code}: a ward's or district's level history (chart and table), weekly counts with the expected band, alerts and assessments.</summary>
public sealed class AreaModel(CohesionDb db, AreaStatsCache placesCache, SeriesHistory history, TimeProvider clock) : AdminPage
{
    public const int HistoryWeeks = 26;
    public AreaInfo Area { get; private set; } = null!;
    public PlaceDirectory Places { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    public List<TensionAssessment> Assessments { get; private set; } = [];
    public List<TensionAlert> Alerts { get; private set; } = [];
    public SeriesHistory.View? Series { get; private set; }
    public int Current { get; private set; }

    async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        Places = await placesCache.DirectoryAsync(db, ct);
        if (Places.Find(code) is not { Level: AreaLevel.Ward or AreaLevel.LocalAuthority } area) return false;
        Area = area;
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        Current = Weeks.Current(clock.GetUtcNow().UtcDateTime);
        var since = Weeks.Monday(Current - HistoryWeeks + 1);
        Assessments = await db.TensionAssessments.AsNoTracking().Include(a => a.Actions).Where(a => a.AreaId == area.Id && a.WeekStart >= since).OrderByDescending(a => a.WeekStart).ToListAsync(ct);
        Alerts = await db.TensionAlerts.AsNoTracking().Where(a => a.AreaId == area.Id).OrderByDescending(a => a.LastWeek).Take(50).ToListAsync(ct);
        Series = await history.LoadAsync(db, WeeklyCounts.Key(area.Code, WeeklyCounts.All, WeeklyCounts.All), Current, HistoryWeeks, Viewer, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    /// <summary>The level of each of the last weeks (null where not assessed), oldest first.</summary>
    public IEnumerable<(int Week, TensionAssessment? Assessment)> LevelWeeks =>
        Enumerable.Range(Current - HistoryWeeks + 1, HistoryWeeks).Select(w => (w, Assessments.FirstOrDefault(a => Weeks.Index(a.WeekStart) == w)));

    /// <summary>Whether the count of a week is withheld from the viewer.</summary>
    public bool Withheld(int week) => Series?.Withheld.Contains(week) == true;

    public async Task<IActionResult> OnGetExportAsync(string code, string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        if (!await LoadAsync(code, ct)) return NotFound();
        var counts = Series?.Weeks.ToDictionary(w => w.Week) ?? [];
        var rows = LevelWeeks.Select(x => new object?[]
        {
            Weeks.Iso(x.Week), x.Assessment?.Level, x.Assessment is { } a ? TensionWords.LevelName(a.Level) : null,
            counts.TryGetValue(x.Week, out var c) && !Withheld(x.Week) ? c.Observed : null,
            counts.TryGetValue(x.Week, out var e) && Series!.ModelShown ? e.Expected : null, counts.TryGetValue(x.Week, out var u) && Series!.ModelShown ? u.Upper : null,
            counts.TryGetValue(x.Week, out var al) && al.Alarm ? "alarm" : "",
        }).ToList();
        var table = new ExportTable($"Tension level and reports, {Area.Name}", ["week", "level", "level_name", "reports", "expected", "upper_bound", "alarm"], rows,
            [("Area", $"{Area.Name} ({Area.Code})"), ("Counts", Viewer.SeesExactCounts ? "exact" : "empty = withheld: " + CountDisclosure.Rule), ("Method", Series?.Method ?? ""), ExportFiles.Exported(Actor)]);
        return await AdminExport.FileAsync(HttpContext, db, table, $"tensions-area-{Area.Code}", format!, Viewer.Policy, ct);
    }
}

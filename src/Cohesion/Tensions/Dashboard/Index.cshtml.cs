using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Dashboard;

/// <summary>
/// /tensions: the lead's picture of a district — current levels by ward (map and table), the district's weekly counts
/// with the expected band and alarms for a chosen series (chart and table), open alerts, overdue actions and recent
/// media items. Counts follow <see cref="CountProtection"/> for non-leads.
/// </summary>
public sealed class DashboardModel(CohesionDb db, AreaStatsCache placesCache, SeriesHistory history, DetectionStatus status, TimeProvider clock) : AdminPage
{
    public PlaceDirectory Places { get; private set; } = null!;
    public AreaInfo? District { get; private set; }
    public TensionViewer Viewer { get; private set; } = null!;
    public List<CurrentLevel> Levels { get; private set; } = [];
    public SeriesHistory.View? Series { get; private set; }
    public string SeriesChoice { get; private set; } = "*|*";
    public List<Choice> SeriesChoices { get; private set; } = [];
    public List<TensionAlert> OpenAlerts { get; private set; } = [];
    /// <summary>Open alerts whose count the viewer may not see.</summary>
    public IReadOnlySet<int> Withheld { get; private set; } = new HashSet<int>();
    public List<(TensionAction Action, string Link, string Where)> Overdue { get; private set; } = [];
    public List<MediaItem> Media { get; private set; } = [];
    /// <summary>For a lead: each area they lead in this district (the district first, then wards by name) and what it needs.</summary>
    public List<LedArea> MyAreas { get; private set; } = [];
    public int CurrentWeek { get; private set; }
    public RunSummary? LastRun => status.Last;
    public bool Synthetic { get; private set; }

    async Task LoadAsync(string? district, string? series, CancellationToken ct)
    {
        Places = await placesCache.DirectoryAsync(db, ct);
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        District = Places.Find(ListQuery.Text(district, 20) ?? DemoPlace.DistrictCode) is { Level: AreaLevel.LocalAuthority } d ? d : Places.Districts.FirstOrDefault();
        if (District is null) return;
        var rollup = new AreaRollup(Places);
        var current = Weeks.Current(clock.GetUtcNow().UtcDateTime);
        // The wards' levels for the map, and the district's for a district lead's row of "your areas": one query.
        var levels = await CurrentLevels.OfAsync(db, [.. rollup.Wards(District), District], current, ct);
        Levels = levels[..^1];
        SeriesChoices = [new("*|*", "All reports"), new("hate|*", "Hate incidents and crimes"),
            .. Enum.GetValues<ReportType>().Select(t => new Choice($"{t.Code()}|*", t.Label())),
            .. TensionWords.Each(TensionWords.Monitored).Select(s => new Choice($"*|{TensionWords.Code(s)}", "Motivation: " + TensionWords.Label(s).ToLowerInvariant()))];
        SeriesChoice = SeriesChoices.Any(c => c.Value == series) ? series! : "*|*";
        Series = await history.LoadAsync(db, $"{District.Code}|{SeriesChoice}", current, 52, Viewer, ct);
        var within = rollup.Within(District);
        OpenAlerts = await db.TensionAlerts.AsNoTracking().Where(a => a.State != AlertState.Closed && within.Contains(a.AreaId)).OrderByDescending(a => a.LastWeek).ThenByDescending(a => a.Id).Take(20).ToListAsync(ct);
        Withheld = await history.WithheldAlertsAsync(db, OpenAlerts, Viewer, current, ct);
        var today = UkTime.Today;
        var assessments = await db.TensionAssessments.AsNoTracking().Where(a => within.Contains(a.AreaId)).Select(a => new { a.Id, a.AreaId }).ToDictionaryAsync(a => a.Id, a => a.AreaId, ct);
        var alerts = await db.TensionAlerts.AsNoTracking().Where(a => within.Contains(a.AreaId)).Select(a => new { a.Id, a.AreaId, a.State }).ToDictionaryAsync(a => a.Id, ct);
        var overdue = await db.TensionActions.AsNoTracking().Where(x => x.State == ActionState.Open && x.DueOn < today).OrderBy(x => x.DueOn).ToListAsync(ct);
        // Each overdue action of this district with its page and area (through its alert or assessment); others are left out.
        var placed = overdue.Select(x =>
            x.AlertId is { } al && alerts.TryGetValue(al, out var alert) ? (Action: x, Link: $"/tensions/alerts/{al}", AreaId: alert.AreaId)
            : x.AssessmentId is { } asm && assessments.TryGetValue(asm, out var asArea) ? (Action: x, Link: $"/tensions/assessments/{asm}/edit", AreaId: asArea)
            : (Action: x, Link: "", AreaId: 0)).Where(t => t.Link.Length > 0).ToList();
        Overdue = [.. placed.Take(20).Select(t => (t.Action, t.Link, Places.ById[t.AreaId].Name))];
        CurrentWeek = current;
        MyAreas = LedArea.For(levels, District, Viewer, current, within,
            [.. alerts.Values.Where(a => a.State != AlertState.Closed).Select(a => a.AreaId)], [.. placed.Select(t => t.AreaId)]);
        Media = await db.MediaItems.AsNoTracking().OrderByDescending(m => m.PublishedOn).ThenByDescending(m => m.Id).Take(8).ToListAsync(ct);
        Synthetic = await db.TensionReports.AnyAsync(r => r.IsSynthetic, ct);
    }

    public async Task OnGetAsync(string? district, string? series, CancellationToken ct) => await LoadAsync(district, series, ct);

    public string BoundariesUrl => $"/api/v1/areas/{Uri.EscapeDataString(District!.Code)}/boundaries?level=WARD";

    /// <summary>The dashboard's tables as files: levels, the chosen series, or the overdue actions.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? district, string? series, string? table, string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format) || table is not ("levels" or "counts" or "overdue")) return NotFound();
        await LoadAsync(district, series, ct);
        if (District is null) return NotFound();
        var uk = CultureInfo.InvariantCulture;
        ExportTable export = table switch
        {
            "levels" => new ExportTable($"Current tension levels, wards of {District.Name}", ["ward_code", "ward", "level", "level_name", "week", "synthetic"],
                [.. Levels.Select(l => new object?[] { l.Area.Code, l.Area.Name, l.Level, l.Level is { } v ? TensionWords.LevelName(v) : "not assessed in the last 4 weeks", l.Week is { } w ? Weeks.Iso(Weeks.Index(w)) : null, l.Synthetic ? "synthetic" : "" })],
                [("Current", $"The latest assessment of each ward within {CurrentLevels.StaleAfterWeeks} weeks"), ("Scale", "1 low, 2 moderate, 3 elevated, 4 high, 5 critical"), ExportFiles.Exported(Actor)]),
            "counts" => new ExportTable(Series!.Title, ["week", "reports", "expected", "upper_bound", "alarm", "note"],
                [.. Series.Weeks.Select(w => new object?[] { Weeks.Iso(w.Week), Series.Withheld.Contains(w.Week) ? null : w.Observed, Series.ModelShown ? w.Expected : null, Series.ModelShown ? w.Upper : null, w.Alarm ? "alarm" : "", w.Note })],
                [("Series", Series.Key), ("Method", Series.Method), ("Counts", "District counts, reports not rejected, by ISO week (UK time)" + (Series.Withheld.Count > 0 ? "; empty = withheld so that a ward count cannot be worked out" : "")), ("Synthetic", Synthetic ? "The log holds the demo's synthetic reports" : "No synthetic reports"), ExportFiles.Exported(Actor)]),
            _ => new ExportTable($"Overdue actions, {District.Name}", ["area", "action", "owner", "due", "link"],
                [.. Overdue.Select(o => new object?[] { o.Where, o.Action.Description, o.Action.Owner, o.Action.DueOn.ToString("yyyy-MM-dd", uk), o.Link })],
                [("Overdue", "Open actions due before today"), ExportFiles.Exported(Actor)]),
        };
        return await AdminExport.FileAsync(HttpContext, db, export, $"tensions-{table}-{District.Code}", format!, $"{table}; {Viewer.Policy}", ct);
    }

    public string ExportLinkFor(string table, string format) => Link(("handler", "export"), ("table", table), ("format", format));
}

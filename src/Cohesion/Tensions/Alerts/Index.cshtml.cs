using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Alerts;

/// <summary>/tensions/alerts: early-warning alerts, open and acknowledged first, filtered by state and area, downloadable.</summary>
public sealed class AlertsIndexModel(CohesionDb db, AreaStatsCache placesCache, SeriesHistory history, TimeProvider clock) : AdminPage
{
    public const int PageSize = 50;
    public AlertFilter Filter { get; private set; } = null!;
    public Paged<TensionAlert> Alerts { get; private set; } = null!;
    public PlaceDirectory Places { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    /// <summary>Alerts whose count the viewer may not see.</summary>
    public IReadOnlySet<int> Withheld { get; private set; } = new HashSet<int>();
    public List<Choice> AreaChoices { get; private set; } = [];

    async Task<IQueryable<TensionAlert>> QueryAsync(CancellationToken ct)
    {
        Filter = AlertFilter.From(Request.Query);
        Places = await placesCache.DirectoryAsync(db, ct);
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        AreaChoices = AreaLists.WardsAndDistricts(Places, "All areas");
        var q = db.TensionAlerts.AsNoTracking();
        if (Filter.State is { } s) q = q.Where(a => a.State == s);
        else if (Filter.OpenOnly) q = q.Where(a => a.State != AlertState.Closed);
        if (Filter.Area is { } code && Places.Find(code) is { } area)
        {
            var ids = new AreaRollup(Places).Within(area);
            q = q.Where(a => ids.Contains(a.AreaId));
        }
        return q.OrderBy(a => a.State == AlertState.Closed).ThenByDescending(a => a.LastWeek).ThenByDescending(a => a.Id);
    }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Alerts = await (await QueryAsync(ct)).ToPagedAsync(page ?? 1, PageSize, ct);
        Withheld = await history.WithheldAlertsAsync(db, [.. Alerts.Items], Viewer, Weeks.Current(clock.GetUtcNow().UtcDateTime), ct);
    }

    double? Model(TensionAlert a, double? x) => AlertWords.ModelShown(a, Places, Viewer) ? x : null;

    public string AreaName(int id) => Places.ById.GetValueOrDefault(id)?.Name ?? "Unknown area";

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var (rows, truncated) = await AdminExport.RowsAsync(await QueryAsync(ct), ct);
        Withheld = await history.WithheldAlertsAsync(db, rows, Viewer, Weeks.Current(clock.GetUtcNow().UtcDateTime), ct);
        var table = new ExportTable("Early-warning alerts",
            ["id", "area_code", "area", "series", "series_key", "first_week", "last_week", "observed", "expected", "upper", "score", "method", "state", "acknowledged_at", "closed_at", "outcome", "synthetic"],
            rows.Select(a => new object?[]
            {
                a.Id, Places.ById.GetValueOrDefault(a.AreaId)?.Code, AreaName(a.AreaId), MonitoredSeries.Describe(a.SeriesKey, Places), a.SeriesKey,
                Weeks.Iso(Weeks.Index(a.FirstWeek)), Weeks.Iso(Weeks.Index(a.LastWeek)),
                AlertWords.Published(a, Withheld), Model(a, a.Expected), Model(a, a.Upper), Model(a, a.Score), a.Method,
                a.State.ToString(), UkTime.Iso(a.AcknowledgedAt), UkTime.Iso(a.ClosedAt), a.Outcome, a.IsSynthetic ? "synthetic" : "",
            }).ToList(),
            [.. AdminExport.About(Filter.Describe(), rows.Count, truncated), ("Counts", Viewer.Policy + "; observed is the latest alarm week's count" + (Viewer.SeesExactCounts ? "" : "; a ward's expected, upper and score are shown to monitoring leads only")), ("Synthetic", "Rows marked synthetic come from the demo's made-up reports")]);
        return await AdminExport.FileAsync(HttpContext, db, table, "tension-alerts", format!, $"{Filter.Describe()}; {Viewer.Policy}", ct);
    }
}

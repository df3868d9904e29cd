using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Alerts;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Weekly;

/// <summary>
/// /tensions/weekly?district=E08000004&amp;week=2026-W47: the weekly tension report of a district, print-friendly, and
/// as CSV or xlsx (audited). Counts follow <see cref="CountProtection"/> for non-leads (district counts are withheld only when nothing else protects a ward count).
/// </summary>
public sealed class WeeklyModel(CohesionDb db, AreaStatsCache placesCache, SeriesHistory history, TimeProvider clock) : AdminPage
{
    public WeeklyReport? Report { get; private set; }
    public PlaceDirectory Places { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    public string? Problem { get; private set; }
    public string? District { get; private set; }
    public string? Week { get; private set; }

    async Task<WeeklyReport?> LoadAsync(string? district, string? week, CancellationToken ct)
    {
        Places = await placesCache.DirectoryAsync(db, ct);
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        var current = Weeks.Current(clock.GetUtcNow().UtcDateTime);
        District = ListQuery.Text(district, 20) ?? Places.Districts.FirstOrDefault()?.Code;
        Week = ListQuery.Text(week, 8);
        if (District is null || Places.Find(District) is not { Level: AreaLevel.LocalAuthority } d)
        {
            Problem = $"\"{District}\" is not a district code: choose a district, for example {DemoPlace.DistrictCode}.";
            return null;
        }
        var w = Week is null ? current - 1 : Weeks.Parse(Week);
        if (w is null || w > current)
        {
            Problem = $"\"{Week}\" is not a week that has started: give an ISO week such as {Weeks.Iso(current - 1)}.";
            return null;
        }
        Week = Weeks.Iso(w.Value);
        var rollup = new AreaRollup(Places);
        var wards = rollup.Wards(d);
        var areaIds = wards.Select(x => x.Id).Append(d.Id).ToList();
        var counts = await history.CountsAsync(db, d, current, ct);
        var monday = Weeks.Monday(w.Value);
        var assessments = await db.TensionAssessments.AsNoTracking().Include(a => a.Evidence)
            .Where(a => areaIds.Contains(a.AreaId) && (a.WeekStart == monday || a.WeekStart == monday.AddDays(-7))).ToListAsync(ct);
        var alerts = await db.TensionAlerts.AsNoTracking().Where(a => areaIds.Contains(a.AreaId)).ToListAsync(ct);
        var alertIds = alerts.Select(a => a.Id).ToList();
        var assessmentIds = await db.TensionAssessments.Where(a => areaIds.Contains(a.AreaId)).Select(a => a.Id).ToListAsync(ct);
        var actions = await db.TensionActions.AsNoTracking()
            .Where(x => (x.AssessmentId != null && assessmentIds.Contains(x.AssessmentId.Value)) || (x.AlertId != null && alertIds.Contains(x.AlertId.Value))).ToListAsync(ct);
        var synthetic = await db.TensionReports.AnyAsync(r => r.IsSynthetic, ct);
        var protection = counts is null || Viewer.SeesExactCounts ? null : await history.ProtectionAsync(db, d, counts, ct);
        Withheld = await history.WithheldAlertsAsync(db, alerts, Viewer, current, ct);
        return WeeklyReport.Build(d, wards, w.Value, counts, assessments, alerts, actions, synthetic, protection);
    }

    public async Task<IActionResult> OnGetAsync(string? district, string? week, CancellationToken ct)
    {
        Report = await LoadAsync(district, week, ct);
        if (Report is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Alerts whose count the viewer may not see.</summary>
    public IReadOnlySet<int> Withheld { get; private set; } = new HashSet<int>();

    /// <summary>A 12-week mean as the page shows it, null where withheld.</summary>
    public static string? Average(double? x) => x?.ToString("0.0", CultureInfo.GetCultureInfo("en-GB"));

    static double? Round(double? x) => x is { } v ? Math.Round(v, 2) : null;

    public async Task<IActionResult> OnGetExportAsync(string? district, string? week, string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var r = await LoadAsync(district, week, ct);
        if (r is null) return BadRequest(Problem ?? "");
        var rows = new List<object?[]>();
        foreach (var l in r.Levels) rows.Add(["level", l.Ward.Code, l.Ward.Name, l.Level, l.Before, null, l.Change]);
        foreach (var c in r.ByType) rows.Add(["reports by type", c.Code, c.Label, c.ThisWeek, c.WeekBefore, Round(c.TwelveWeekAverage), null]);
        foreach (var c in r.ByStrand) rows.Add(["reports by strand", c.Code, c.Label, c.ThisWeek, c.WeekBefore, Round(c.TwelveWeekAverage), null]);
        rows.Add(["reports", r.Total.Code, r.Total.Label, r.Total.ThisWeek, r.Total.WeekBefore, Round(r.Total.TwelveWeekAverage), null]);
        foreach (var (k, n) in r.Evidence) rows.Add(["evidence", k.ToString().ToLowerInvariant(), k.ToString(), n, null, null, null]);
        rows.Add(["alerts", "raised", "Alerts raised", r.Raised.Count, null, null, null]);
        rows.Add(["alerts", "open", "Alerts open at the end of the week", r.Open.Count, null, null, null]);
        rows.Add(["alerts", "closed", "Alerts closed", r.Closed.Count, null, null, null]);
        rows.Add(["actions", "due", "Actions due this week", r.DueThisWeek.Count, null, null, null]);
        rows.Add(["actions", "overdue", "Actions overdue", r.Overdue.Count, null, null, null]);
        rows.Add(["actions", "done", "Actions done this week", r.Done.Count, null, null, null]);
        var table = new ExportTable($"Weekly tension report, {r.District.Name}, {Week}", ["section", "code", "item", "this_week", "week_before", "twelve_week_average", "change"], rows,
            [.. AdminExport.About($"district={r.District.Code}; week={Week}", rows.Count, false),
             ("Counts", "Reports not rejected, by the ISO week (UK time) they happened in; a report with several strands counts in each; the 12-week average is over the 12 weeks before this one; empty = withheld: " + CountDisclosure.Rule),
             ("Levels", "1 low, 2 moderate, 3 elevated, 4 high, 5 critical; this_week and week_before are the assessed levels"),
             ("Synthetic", r.Synthetic ? "The log holds the demo's synthetic reports: these figures describe no real place" : "No synthetic reports")]);
        return await AdminExport.FileAsync(HttpContext, db, table, $"tension-weekly-{r.District.Code}-{Week}", format!, $"district={r.District.Code}; week={Week}; {Viewer.Policy}", ct);
    }
}

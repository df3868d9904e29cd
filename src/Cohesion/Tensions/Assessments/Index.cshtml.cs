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

namespace Cohesion.Tensions.Assessments;

/// <summary>/tensions/assessments: weekly assessments, latest first, filtered by area, level and weeks; downloadable.</summary>
public sealed class AssessmentsIndexModel(CohesionDb db, AreaStatsCache placesCache) : AdminPage
{
    public const int PageSize = 50;
    public Paged<TensionAssessment> Assessments { get; private set; } = null!;
    public PlaceDirectory Places { get; private set; } = null!;
    public TensionViewer Viewer { get; private set; } = null!;
    public List<Choice> AreaChoices { get; private set; } = [];
    public string? Area { get; private set; }
    public int? MinLevel { get; private set; }
    public string? From { get; private set; }

    async Task<IQueryable<TensionAssessment>> QueryAsync(CancellationToken ct)
    {
        Places = await placesCache.DirectoryAsync(db, ct);
        Viewer = await TensionViewer.OfAsync(User, db, ct);
        AreaChoices = AreaLists.WardsAndDistricts(Places, "All areas");
        Area = ListQuery.Text(Request.Query["area"], 20);
        MinLevel = int.TryParse(Request.Query["level"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= 5 ? l : null;
        From = ListQuery.Text(Request.Query["from"], 8);
        var q = db.TensionAssessments.AsNoTracking().Include(a => a.Evidence).Include(a => a.Actions).AsQueryable();
        if (Area is { } code && Places.Find(code) is { } area)
        {
            var ids = new AreaRollup(Places).Within(area);
            q = q.Where(a => ids.Contains(a.AreaId));
        }
        if (MinLevel is { } min) q = q.Where(a => a.Level >= min);
        if (Weeks.Parse(From) is { } w)
        {
            var monday = Weeks.Monday(w);
            q = q.Where(a => a.WeekStart >= monday);
        }
        return q.OrderByDescending(a => a.WeekStart).ThenByDescending(a => a.Level).ThenBy(a => a.Id);
    }

    string Describe() => $"area={Area ?? "all"}; level≥{MinLevel?.ToString(CultureInfo.InvariantCulture) ?? "any"}; from={From ?? "any week"}";

    public async Task OnGetAsync(int? page, CancellationToken ct) => Assessments = await (await QueryAsync(ct)).ToPagedAsync(page ?? 1, PageSize, ct);

    public string AreaName(int id) => Places.ById.GetValueOrDefault(id)?.Name ?? "Unknown area";

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var (rows, truncated) = await AdminExport.RowsAsync(await QueryAsync(ct), ct);
        var table = new ExportTable("Tension assessments",
            ["id", "area_code", "area", "week", "level", "level_name", "summary", "factors", "groups_involved", "evidenced", "experienced", "potential", "actions_open", "actions_done", "synthetic"],
            rows.Select(a => new object?[]
            {
                a.Id, Places.ById.GetValueOrDefault(a.AreaId)?.Code, AreaName(a.AreaId), Weeks.Iso(Weeks.Index(a.WeekStart)), a.Level, TensionWords.LevelName(a.Level), a.Summary,
                a.Factors == TensionFactors.None ? "" : TensionWords.Label(a.Factors), a.GroupsInvolved,
                a.Evidence.Count(e => e.Kind == EvidenceKind.Evidenced), a.Evidence.Count(e => e.Kind == EvidenceKind.Experienced), a.Evidence.Count(e => e.Kind == EvidenceKind.Potential),
                a.Actions.Count(x => x.State == ActionState.Open), a.Actions.Count(x => x.State == ActionState.Done), a.IsSynthetic ? "synthetic" : "",
            }).ToList(),
            [.. AdminExport.About(Describe(), rows.Count, truncated), ("Scale", "1 low, 2 moderate, 3 elevated, 4 high, 5 critical"), ("Synthetic", "Rows marked synthetic are the demo's made-up assessments")]);
        return await AdminExport.FileAsync(HttpContext, db, table, "tension-assessments", format!, Describe(), ct);
    }
}

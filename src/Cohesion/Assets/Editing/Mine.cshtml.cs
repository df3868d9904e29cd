using Cohesion.Admin;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Publication = Cohesion.Assets.Model.Publication;

namespace Cohesion.Assets.Editing;

/// <summary>A record needing its maintainer: residents' reports waiting, a report accepted, or no check for a year.</summary>
public sealed record AttentionRow(Guid Id, string Name, AssetKind Kind, Publication Publication, ReviewStatus Review, DateOnly? LastCheckedOn, int Waiting, string? Reported)
{
    public IEnumerable<string> Reasons(DateOnly staleBefore)
    {
        if (Review == ReviewStatus.NeedsChecking) yield return Reported is null ? "Needs checking" : $"Needs checking: {Reported}";
        if (Waiting > 0) yield return Waiting == 1 ? "1 problem report waiting for moderation" : $"{Waiting} problem reports waiting for moderation";
        if (LastCheckedOn is null) yield return "Never checked";
        else if (LastCheckedOn < staleBefore) yield return "Not checked for over 12 months";
    }
}

/// <summary>
/// /assets/mine: the records the user's organisation keeps (for directory staff, also those nobody else keeps) that
/// need attention: a resident's report accepted by a moderator, reports waiting, or no check for 12 months. Archived
/// records are left out. Downloadable.
/// </summary>
public sealed class AssetMineModel(CohesionDb db) : AdminPage
{
    public const int PageSize = 50;
    public Paged<AttentionRow> Rows { get; private set; } = null!;
    public int Maintained { get; private set; }
    public DateOnly StaleBefore { get; } = UkTime.Today.AddMonths(-12);

    IQueryable<Service> Mine => AssetAccess.Maintained(db.AssetServices.AsNoTracking(), User).Where(s => s.Publication != Publication.Archived);

    IQueryable<AttentionRow> Query()
    {
        var stale = StaleBefore;
        return Mine
            .Select(s => new
            {
                s.Id, s.Name, s.Kind, s.Publication, s.Review, s.LastCheckedOn,
                Waiting = db.AssetProblemReports.Count(r => r.ServiceId == s.Id && r.State == ModerationState.Pending),
            })
            .Where(x => x.Review == ReviewStatus.NeedsChecking || x.Waiting > 0 || x.LastCheckedOn == null || x.LastCheckedOn < stale)
            .OrderByDescending(x => x.Review == ReviewStatus.NeedsChecking).ThenByDescending(x => x.Waiting).ThenBy(x => x.LastCheckedOn).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Select(x => new AttentionRow(x.Id, x.Name, x.Kind, x.Publication, x.Review, x.LastCheckedOn, x.Waiting, null));
    }

    /// <summary>What the latest accepted report said, for the records that need checking because of one.</summary>
    async Task<List<AttentionRow>> WithReportsAsync(IReadOnlyList<AttentionRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Review == ReviewStatus.NeedsChecking).Select(r => r.Id).ToList();
        var reports = (await db.AssetProblemReports.AsNoTracking().Where(r => ids.Contains(r.ServiceId) && r.State == ModerationState.Accepted)
            .Select(r => new { r.ServiceId, r.Kind, r.ResolvedAt, r.Resolution }).ToListAsync(ct))
            .GroupBy(r => r.ServiceId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ResolvedAt).First());
        return rows.Select(r => reports.TryGetValue(r.Id, out var rep)
            ? r with { Reported = AssetText.Join($"a resident reported “{rep.Kind.Label().ToLowerInvariant()}”", rep.Resolution) } : r).ToList();
    }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Maintained = await Mine.CountAsync(ct);
        var paged = await Query().ToPagedAsync(page ?? 1, PageSize, ct);
        Rows = paged with { Items = await WithReportsAsync(paged.Items, ct) };
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var (rows, truncated) = await AdminExport.RowsAsync(Query(), ct);
        rows = await WithReportsAsync(rows, ct);
        var table = new ExportTable("Records needing attention", ["id", "name", "kind", "publication", "review", "last_checked_on", "reports_waiting", "reasons"],
            rows.Select(r => new object?[] { r.Id.ToString("D"), r.Name, r.Kind.ToString(), r.Publication.ToString(), r.Review.ToString(),
                r.LastCheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Waiting, string.Join("; ", r.Reasons(StaleBefore)) }).ToList(),
            AdminExport.About("records kept by your organisation that need attention", rows.Count, truncated));
        return await AdminExport.FileAsync(HttpContext, db, table, "assets-needing-attention", format!, "records needing attention", ct);
    }
}

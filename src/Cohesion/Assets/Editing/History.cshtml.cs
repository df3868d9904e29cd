using Cohesion.Admin;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>One saved version in the history list.</summary>
public sealed record VersionRow(int Version, DateTime ChangedAt, string ChangedBy, string Summary);

/// <summary>/assets/{id}/history: every saved version of a record, newest first, with who saved it, when and what changed; downloadable.</summary>
public sealed class AssetHistoryModel(CohesionDb db) : AssetStaffPage(db)
{
    public List<VersionRow> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, change: false, ct) is { } refused) return refused;
        Versions = await RowsAsync(ct);
        return Page();
    }

    Task<List<VersionRow>> RowsAsync(CancellationToken ct) =>
        Db.AssetRevisions.AsNoTracking().Where(r => r.ServiceId == Record.Id).OrderByDescending(r => r.Version)
            .Select(r => new VersionRow(r.Version, r.ChangedAt, r.ChangedBy, r.Summary)).ToListAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        if (await LoadAsync(id, change: false, ct) is { } refused) return refused;
        var rows = await RowsAsync(ct);
        var table = new ExportTable($"History of {Record.Name}", ["version", "changed_at", "changed_by", "summary"],
            rows.Select(r => new object?[] { r.Version, UkTime.Iso(r.ChangedAt), r.ChangedBy, r.Summary }).ToList(),
            [("Record", $"{Record.Name} ({Record.Id:D})"), .. AdminExport.About("all versions", rows.Count, false), ("Synthetic", Record.IsSynthetic ? "Yes: made up for the demonstration" : "No")]);
        return await AdminExport.FileAsync(HttpContext, Db, table, $"asset-history-{Record.Id:D}", format!, $"asset {Record.Id:D}", ct);
    }
}

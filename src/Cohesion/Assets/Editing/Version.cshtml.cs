using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>/assets/{id}/history/{version}: one saved version, what changed in it against the version before (field by field, part by part), and a way to restore it.</summary>
public sealed class AssetVersionModel(CohesionDb db) : AssetStaffPage(db)
{
    public AssetRevision Revision { get; private set; } = null!;
    public int? Previous { get; private set; }
    public List<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, change: false, ct) is { } refused) return refused;
        var pair = await Db.AssetRevisions.AsNoTracking().Where(r => r.ServiceId == id && r.Version <= version).OrderByDescending(r => r.Version).Take(2).ToListAsync(ct);
        if (pair.Count == 0 || pair[0].Version != version) return NotFound();
        Revision = pair[0];
        var now = Revisions.Deserialise(pair[0].SnapshotJson);
        var was = pair.Count > 1 ? Revisions.Deserialise(pair[1].SnapshotJson) : null;
        Previous = pair.Count > 1 ? pair[1].Version : null;
        Changes = RevisionDiff.Compare(was, now, await DiffNames.LoadAsync(Db, was is null ? [now] : [was, now], ct));
        return Page();
    }
}

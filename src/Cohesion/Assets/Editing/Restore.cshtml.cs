using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>
/// /assets/{id}/history/{version}/restore: asks, then saves an old version's content as the newest version (history is
/// never rewritten). Who keeps the record and when it was last checked stay as they are now: restoring is about what
/// the record says, and must not hand it back to someone who no longer keeps it.
/// </summary>
public sealed class AssetRestoreModel(CohesionDb db) : AssetStaffPage(db)
{
    public int Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        if (version == Record.Version || !await Db.AssetRevisions.AnyAsync(r => r.ServiceId == id && r.Version == version, ct)) return NotFound();
        Version = version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, int current, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        var json = await Db.AssetRevisions.AsNoTracking().Where(r => r.ServiceId == id && r.Version == version).Select(r => r.SnapshotJson).FirstOrDefaultAsync(ct);
        if (json is null) return NotFound();
        Version = version;
        if (current != Record.Version)
        {
            Fail("restore", $"Someone saved version {Record.Version} of this record since you opened this page: look at the history again before restoring.");
            return Page();
        }
        var old = Revisions.Deserialise(json);
        var organisation = await Db.AssetOrganisations.AnyAsync(o => o.Id == old.OrganisationId, ct) ? old.OrganisationId : Record.OrganisationId;
        var wanted = old with
        {
            OrganisationId = organisation, MaintainerOrganisationId = Record.MaintainerOrganisationId, LastCheckedOn = Record.LastCheckedOn, Review = Record.Review,
        };
        await AssetWriter.SaveVersionAsync(Db, Record, wanted, current, Actor, Ip, $"Restored version {version}", DateTime.UtcNow, ct);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Fail("restore", "Someone saved this record at the same moment: look at the history again before restoring.");
            return Page();
        }
        Notice($"Version {version} restored as version {Record.Version}");
        return Redirect(Base + "/history");
    }
}

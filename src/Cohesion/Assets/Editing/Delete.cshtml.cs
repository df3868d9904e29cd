using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>
/// /assets/{id}/delete: administrators only, typing the record's name to confirm. The record and its parts go (and
/// its locations, unless another record uses them); its revisions stay, so the audit trail can still show what it
/// said; residents' proposals that made it keep their own text.
/// </summary>
public sealed class AssetDeleteModel(CohesionDb db) : AssetStaffPage(db)
{
    public string? Confirm { get; private set; }
    public int Versions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        Versions = await Db.AssetRevisions.CountAsync(r => r.ServiceId == id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? confirm, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        Versions = await Db.AssetRevisions.CountAsync(r => r.ServiceId == id, ct);
        Confirm = confirm;
        if (!string.Equals(confirm?.Trim(), Record.Name, StringComparison.Ordinal))
        {
            Fail("confirm", string.IsNullOrWhiteSpace(confirm)
                ? $"Type the record's name, {Record.Name}, to delete it"
                : $"That is not the record's name (you typed '{FieldRules.Clip(confirm.Trim())}'): type {Record.Name} exactly");
            return Page();
        }
        var places = Record.Locations.Select(l => l.Location).OfType<Model.Location>().ToList();
        // The record first: its links to places go with it, and only then can a place no other record uses go.
        Db.AssetServices.Remove(Record);
        foreach (var l in places)
            if (!await Db.AssetServiceLocations.AnyAsync(x => x.LocationId == l.Id && x.ServiceId != id, ct)) Db.Remove(l);
        Db.Record(Actor, AuditActions.AssetDeleted, AssetWriter.Target(Record), $"\"{Record.Name}\" deleted at version {Record.Version}; its {Versions} revisions are kept", Ip);
        await Db.SaveChangesAsync(ct);
        Notice($"{Record.Name} deleted. Its history is kept for the audit trail.");
        return Redirect("/assets/mine");
    }
}

using Cohesion.Admin;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>
/// A page about one record for the staff who keep it (edit, history, a version, restore, delete). A record the user
/// may not see does not exist for them (404); one they may see but not change is refused (403), since its existence
/// is public anyway.
/// </summary>
public abstract class AssetStaffPage(CohesionDb db) : AdminPage
{
    protected CohesionDb Db => db;
    public Service Record { get; private set; } = null!;
    public string Base => Link(Record.Id);

    public static string Link(Guid id) => $"/assets/{id:D}";

    /// <summary>Loads the record (tracked, with all its parts); the refusal to return when the user may not <paramref name="change"/> or see it.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool change, CancellationToken ct)
    {
        var s = await db.AssetServices.WithParts().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !AssetAccess.CanSee(s, User)) return NotFound();
        if (change ? !AssetAccess.CanEdit(s, User) : !(AssetAccess.CanEdit(s, User) || AssetAccess.CanModerate(User))) return Forbid();
        Record = s;
        return null;
    }

    /// <summary>The record as it is now, as a snapshot detached from the context (so a form can be checked against it without touching the record).</summary>
    protected ServiceSnapshot Current() => Revisions.Deserialise(Revisions.Serialise(Revisions.Snapshot(Record)));
}

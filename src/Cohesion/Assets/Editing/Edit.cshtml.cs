using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>
/// /assets/{id}/edit: the whole record in one form with a section for each part. Saving checks every field, then saves
/// a new version (revision and audit entry); a save made to a version someone else has since replaced is refused and
/// shows theirs. Archive and unarchive are buttons of their own.
/// </summary>
public sealed class AssetEditModel(CohesionDb db, AreaStatsCache places, AreaShapes shapes) : AssetStaffPage(db)
{
    public AssetForm Form { get; private set; } = new();
    public EditorChoices Choices { get; private set; } = null!;
    public string? LastChangedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        var current = Current();
        Form = AssetForm.Of(current, Record.Organisation?.Name ?? "").WithEmptySlots();
        Choices = await ChoicesAsync(current, ct);
        return Page();
    }

    Task<EditorChoices> ChoicesAsync(ServiceSnapshot current, CancellationToken ct) => AssetPlaces.ChoicesAsync(Db, places, User, current, ct);

    /// <summary>Saves; when someone else saved first, the conflict page with their version (or the refusal, if the record went).</summary>
    async Task<IActionResult?> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            return await LoadAsync(id, change: true, ct) ?? await ConflictAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        var current = Current();
        Choices = await ChoicesAsync(current, ct);
        Form = AssetForm.From(Request.Form);
        if (Form.Adding is not null) return Page();
        if (!int.TryParse(Form.Version, out var from) || from != Record.Version) return await ConflictAsync(ct);

        var check = new AssetFormCheck(Choices, current, await shapes.AllAsync(Db, ct), await AssetPlaces.LsoasAsync(places, Db, ct), UkTime.Today, Fail);
        if (check.Check(Form) is not { } ok)
        {
            Form.WithEmptySlots();
            return Page();
        }
        var now = DateTime.UtcNow;
        var wanted = ok.Record with { OrganisationId = await AssetWriter.OrganisationAsync(Db, ok.OrganisationName, Record.OrganisationId, ok.Record.MaintainerOrganisationId, now, ct) };
        var changes = RevisionDiff.Compare(current, wanted, await DiffNames.LoadAsync(Db, [current, wanted], ct));
        await AssetWriter.SaveVersionAsync(Db, Record, wanted, from, Actor, Ip, RevisionDiff.Summary(changes), now, ct);
        if (await SaveAsync(id, ct) is { } conflict) return conflict;
        Notice(changes.Count == 0 ? $"{Record.Name} saved with no changes" : $"{Record.Name} saved as version {Record.Version}");
        return Redirect(Base + "/edit");
    }

    /// <summary>Someone saved since this form was opened: their version is shown, and nothing typed here was saved.</summary>
    async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        var current = Current();
        var last = await Db.AssetRevisions.AsNoTracking().Where(r => r.ServiceId == Record.Id).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        Fail("conflict", $"Someone else saved this record (version {Record.Version}{(last is null ? "" : $", by {last.ChangedBy} at {UkTime.Format(last.ChangedAt)}")}) while you were changing it. Your changes have not been saved: their version is shown below. Make your changes again.");
        Form = AssetForm.Of(current, Record.Organisation?.Name ?? "").WithEmptySlots();
        Choices = await ChoicesAsync(current, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid id, int version, CancellationToken ct) => PublishAsync(id, version, Publication.Archived, ct);
    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, int version, CancellationToken ct) => PublishAsync(id, version, Publication.Draft, ct);

    /// <summary>Takes the record out of the directory, or brings an archived one back as a draft to check before publishing; a new version either way.</summary>
    async Task<IActionResult> PublishAsync(Guid id, int version, Publication to, CancellationToken ct)
    {
        if (await LoadAsync(id, change: true, ct) is { } refused) return refused;
        if (version != Record.Version) return await ConflictAsync(ct);
        var current = Current();
        var summary = to == Publication.Archived ? "Archived: taken out of the directory" : "Unarchived: back as a draft";
        await AssetWriter.SaveVersionAsync(Db, Record, current with { Publication = to }, version, Actor, Ip, summary, DateTime.UtcNow, ct);
        if (await SaveAsync(id, ct) is { } conflict) return conflict;
        Notice(to == Publication.Archived ? $"{Record.Name} archived: it is no longer in the directory, and its history is kept" : $"{Record.Name} is back as a draft: publish it when it is right");
        return Redirect(Base + "/edit");
    }
}

using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Media;

/// <summary>/tensions/media/{id}/edit: the organisation that logged an item corrects it.</summary>
public sealed class MediaEditModel(CohesionDb db, AreaStatsCache places) : MediaPage(db, places)
{
    public MediaItem Item { get; private set; } = null!;

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        await LoadAreasAsync(ct);
        var m = await Db.MediaItems.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (m.OwnerOrganisationId != Organisation) return Forbid();
        Item = m;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form = MediaForm.Of(Item, AreaCode(Item.AreaId));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (await SaveAsync(Item, "changed", ct) is { } page) return page;
        Notice($"Media item “{Item.Headline}” saved");
        return Redirect("/tensions/media");
    }
}

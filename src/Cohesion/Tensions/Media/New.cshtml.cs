using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Tensions.Media;

/// <summary>/tensions/media/new: the monitoring team logs a news or social media item that may affect relations between groups.</summary>
public sealed class MediaNewModel(CohesionDb db, AreaStatsCache places) : MediaPage(db, places)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadAreasAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAreasAsync(ct);
        if (Organisation is not { } org) return Forbid();
        var item = new MediaItem { OwnerOrganisationId = org, CreatedByUserId = User.UserId(), CreatedAt = DateTime.UtcNow };
        if (await SaveAsync(item, "logged", ct) is { } page) return page;
        Notice($"Media item “{item.Headline}” logged");
        return Redirect("/tensions/media");
    }
}

using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>
/// A page that runs one engagement (manage, moderate): only its owner organisation's contributors and above. An
/// engagement the user may not see is a 404; one they may see but not run is a 403.
/// </summary>
public abstract class EngagementStaffPage(CohesionDb db) : AdminPage
{
    protected CohesionDb Db => db;
    public Engagement Engagement { get; private set; } = null!;
    public string Base => $"/place-standard/{Uri.EscapeDataString(Engagement.Name)}";

    /// <summary>Loads the engagement (tracked, for changes); the refusal to return when the user may not run it.</summary>
    protected async Task<IActionResult?> LoadAsync(string name, CancellationToken ct)
    {
        var e = await db.PsEngagements.Include(x => x.Area).FirstOrDefaultAsync(x => x.Name == name, ct);
        if (e is null || !PlaceStandardAccess.CanSee(e, Viewer.Of(User))) return NotFound();
        if (!PlaceStandardAccess.CanManage(e, User)) return Forbid();
        Engagement = e;
        return null;
    }
}

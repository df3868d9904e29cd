using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard/{name}/respond/done: the confirmation after submitting (a redirect target, so a refresh cannot submit twice).</summary>
public sealed class PlaceStandardDoneModel(CohesionDb db) : PageModel
{
    public Engagement Engagement { get; private set; } = null!;
    public string Owner { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (await RespondForm.FindAsync(db, name, User, ct) is not { } e) return NotFound();
        Engagement = e;
        Owner = await EngagementView.OwnerAsync(db, e, ct);
        return Page();
    }
}

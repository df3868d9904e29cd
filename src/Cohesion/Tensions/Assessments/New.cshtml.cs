using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Tensions.Assessments;

/// <summary>/tensions/assessments/new?area=&amp;week=&amp;alert=: a new weekly assessment, prefilled from the link (an alert's area and week).</summary>
public sealed class NewAssessmentModel(CohesionDb db, AreaStatsCache places) : AssessmentFormPage(db, places)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(string? area, string? week, CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (!Viewer.IsLead) return Forbid();
        Area = area ?? AreaChoices.FirstOrDefault()?.Value;
        Week = Weeks.Parse(week) is { } w ? Weeks.Iso(w) : Weeks.Iso(Weeks.Current(DateTime.UtcNow));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (!Viewer.IsLead) return Forbid();
        if (AddsRow) return Page();
        var a = new TensionAssessment { CreatedAt = DateTime.UtcNow };
        if (!await ApplyAsync(a, ct)) return Page();
        return await SaveAsync(a, "assessment written", ct);
    }
}

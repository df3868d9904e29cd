using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Assessments;

/// <summary>/tensions/assessments/{id}/edit: change an assessment, its evidence and actions (marking actions done). Others see it read-only.</summary>
public sealed class EditAssessmentModel(CohesionDb database, AreaStatsCache places) : AssessmentFormPage(database, places)
{
    public override bool IsNew => false;
    public TensionAssessment Existing { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await PrepareAsync(ct);
        var a = await Db.TensionAssessments.Include(x => x.Evidence).Include(x => x.Actions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || Places.ById.GetValueOrDefault(a.AreaId) is not { } area) return false;
        Existing = a;
        CanEdit = Viewer.Leads(area, Places);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (AddsRow) return Page();
        if (!await ApplyAsync(Existing, ct)) return Page();
        return await SaveAsync(Existing, "assessment changed", ct);
    }
}

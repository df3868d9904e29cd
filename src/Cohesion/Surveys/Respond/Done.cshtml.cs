using Cohesion.Data;
using Cohesion.Surveys.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cohesion.Surveys.Respond;

/// <summary>/surveys/{name}/respond/done: the confirmation after submitting (a redirect target, so a refresh cannot submit twice).</summary>
public sealed class SurveyDoneModel(CohesionDb db, IOptions<SurveyOptions> options) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public int MinimumBase => options.Value.MinimumBase;

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (await SurveyForm.FindAsync(db, name, User, ct) is not { } s) return NotFound();
        Survey = s;
        return Page();
    }
}

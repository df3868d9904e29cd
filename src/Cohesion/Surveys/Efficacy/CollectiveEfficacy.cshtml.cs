using System.Globalization;
using System.Text.Json;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Efficacy;

/// <summary>/surveys/{name}/collective-efficacy: the scale and its subscales overall, and by residence area with each area's reliability and shrunken mean.</summary>
public sealed class SurveyCollectiveEfficacyModel(CohesionDb db, SurveyResultsCache cache) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;
    public IReadOnlyList<EfficacyScale> Scales { get; private set; } = [];
    public EfficacyScale? Chosen { get; private set; }

    public string Base => $"/surveys/{Uri.EscapeDataString(Survey.Name)}";

    public async Task<IActionResult> OnGetAsync(string name, string? scale, CancellationToken ct)
    {
        if (await SurveyAccess.FindAsync(db, name, Viewer.Of(User), ct) is not { } survey) return NotFound();
        Survey = survey;
        Results = await cache.GetAsync(db, survey, ct);
        Scales = NeighbourhoodEfficacy.Scales(Results).Select(i => NeighbourhoodEfficacy.Of(Results, i)).ToList();
        Chosen = Scales.FirstOrDefault(s => s.Scale.Code == scale) ?? Scales.FirstOrDefault();
        return Page();
    }

    public static string Number(double v, string format = "0.0") => double.IsNaN(v) ? SurveyFigures.NotAvailable : v.ToString(format, CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Bar chart of each area's mean and shrunken mean (docs/frontend.md); withheld areas are gaps.</summary>
    public static string Chart(EfficacyScale s) => JsonSerializer.Serialize(new
    {
        title = $"{s.Scale.Title} by area: mean and shrunken mean",
        categories = s.Areas.Select(a => a.Area.Name),
        series = new[]
        {
            new { name = "Area mean", values = s.Areas.Select(a => a.Withheld ? (double?)null : Math.Round(a.Mean, 2)) },
            new { name = "Shrunken mean", values = s.Areas.Select(a => a.Withheld ? (double?)null : Math.Round(a.Shrunken, 2)) },
        },
        horizontal = true,
    });
}

using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Dashboard;

/// <summary>
/// /surveys/place/{areaCode}: a place's survey indicators over time. Each headline indicator with its latest value,
/// trend, change since the previous period and targets; the other indicators listed with a link to their trend
/// (<c>?indicator=code</c>). Only surveys the viewer may see count.
/// </summary>
public sealed class SurveyPlaceModel(CohesionDb db, SurveyResultsCache cache) : PageModel
{
    public PlaceSurveys Place { get; private set; } = null!;
    public IReadOnlyList<IndicatorTrend> Trends { get; private set; } = [];
    public IndicatorTrend? Chosen { get; private set; }
    public bool IsStaff { get; private set; }

    public string Base => $"/surveys/place/{Uri.EscapeDataString(Place.Area.Code)}";
    public IEnumerable<IndicatorTrend> Headline => Trends.Where(t => t.Indicator.Headline);
    public IEnumerable<IndicatorTrend> Others => Trends.Where(t => !t.Indicator.Headline);

    public async Task<IActionResult> OnGetAsync(string areaCode, string? indicator, CancellationToken ct)
    {
        if (await PlaceSurveys.LoadAsync(db, cache, areaCode, Viewer.Of(User), ct) is not { } place) return NotFound();
        Place = place;
        Trends = PlaceTrends.Build(place.Surveys, place.Targets);
        Chosen = indicator is { Length: > 0 and <= 64 } ? Trends.FirstOrDefault(t => t.Indicator.Code == indicator && !t.Indicator.Headline) : null;
        IsStaff = SurveyAccess.IsStaff(User);
        return Page();
    }
}

using Cohesion.Analytics.Surveys;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Pages;

/// <summary>An indicator with its estimate for everyone who answered.</summary>
public sealed record IndicatorFigure(Indicator Indicator, DomainEstimate Estimate);

/// <summary>/surveys/{name}: a survey's results — who answered, how they are weighted, the headline figures and every other indicator it reports.</summary>
public sealed class SurveyPageModel(CohesionDb db, SurveyResultsCache cache) : PageModel
{
    public SurveyView View { get; private set; } = null!;
    public IReadOnlyList<IndicatorFigure> Figures { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(User), ct) is not { } v) return NotFound();
        View = v;
        Figures = v.Results.Indicators.Select(i => new IndicatorFigure(i, v.Results.Overall(i))).ToList();
        CanManage = SurveyAccess.CanManage(v.Survey, User);
        return Page();
    }

    public IEnumerable<IndicatorFigure> Headline => Figures.Where(f => f.Indicator.Headline);

    /// <summary>The other indicators by measure, in the bank's order.</summary>
    public IEnumerable<IGrouping<string, IndicatorFigure>> ByMeasure => Figures.Where(f => !f.Indicator.Headline).GroupBy(f => f.Indicator.Measure);

    public string IndicatorLink(Indicator i) => $"{View.Path}/indicators/{Uri.EscapeDataString(i.Code)}";
}

using Cohesion.Analytics.Surveys;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Pages;

/// <summary>
/// /surveys/{name}/indicators/{code}: one indicator of a survey — what it asks and how it is derived, the overall
/// figure, how people answered, and the figure by residence area (table, chart, map), by a characteristic's groups
/// and by area × group, each group tested against the rest (of the breakdown, or of its area).
/// </summary>
public sealed class SurveyIndicatorModel(CohesionDb db, SurveyResultsCache cache, AreaStatsCache places) : PageModel
{
    public SurveyView View { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public DomainEstimate Overall { get; private set; } = null!;
    public IReadOnlyList<ItemDistribution> Answers { get; private set; } = [];
    public SurveyBreakdown? ByArea { get; private set; }
    public SurveyBreakdown? ByGroup { get; private set; }
    /// <summary>The chosen characteristic's groups within each residence area (null when the survey lacks either).</summary>
    public AreaGroupBreakdown? ByAreaAndGroup { get; private set; }
    /// <summary>The characteristics the survey asked, for the breakdown picker.</summary>
    public IReadOnlyList<(string Code, string Label)> Characteristics { get; private set; } = [];
    /// <summary>Whether the residence areas have boundaries to map.</summary>
    public bool HasBoundaries { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string code, string? by, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(User), ct) is not { } v || v.Indicator(code) is not { } indicator) return NotFound();
        View = v;
        Indicator = indicator;
        var r = v.Results;
        Overall = r.Overall(indicator);
        Answers = AnswerDistribution.Of(r, indicator);
        ByArea = SurveyBreakdown.Of(r, indicator, SurveyResults.ByArea);
        Characteristics = r.Characteristics;
        var chosen = Characteristics.Any(c => c.Code == by) ? by! : r.DefaultBy;
        ByGroup = chosen is null ? null : SurveyBreakdown.Of(r, indicator, chosen);
        ByAreaAndGroup = chosen is null ? null : AreaGroupBreakdown.Of(r, indicator, chosen);
        var directory = await places.DirectoryAsync(db, ct);
        HasBoundaries = r.Areas.Keys.Any(directory.WithBoundary.Contains);
        return Page();
    }

    public string Path => $"{View.Path}/indicators/{Uri.EscapeDataString(Indicator.Code)}";

    public string Download(string table, string format, string? by = null) =>
        $"{Path}/{table}.{format}" + (by is null ? "" : $"?by={Uri.EscapeDataString(by)}");

    public string MapValuesUrl => $"/api/v1/surveys/{Uri.EscapeDataString(View.Survey.Name)}/indicators/{Uri.EscapeDataString(Indicator.Code)}/map";

    public string BoundariesUrl => $"/api/v1/areas/{Uri.EscapeDataString(View.AreaCode)}/boundaries?level={View.Survey.ResidenceLevel.Token()}";

    /// <summary>An answer's place in the indicator, for the distribution table.</summary>
    public string Role(Item item, AnswerShare a)
    {
        if (item.Option(a.Code) is not { } o) return "";
        if (Indicator.Kind == IndicatorKind.Scale)
        {
            if (o.Score is not { } score) return "Left out";
            var scores = item.Options.Where(x => x.Score is not null).Select(x => x.Score!.Value).ToList();
            return $"Scores {(item.Reverse ? scores.Max() + scores.Min() - score : score):0}";
        }
        return !o.Opinion ? "Left out of the base" : o.Positive ? "Counted as positive" : "In the base, not positive";
    }
}

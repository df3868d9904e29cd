using System.Text.Json;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys;

/// <summary>
/// The JSON the bar charts in /js/app.js read (docs/frontend.md) for survey estimates: one bar per group on the
/// indicator's own scale (percentages 0–100, the collective efficacy scale 10–50), with its 95% interval drawn across
/// it. Withheld figures are null, a gap, never zero.
/// </summary>
public static class SurveyCharts
{
    public static string Bars(string title, Indicator indicator, IEnumerable<(string Name, DomainEstimate Estimate)> groups)
    {
        var rows = groups.ToList();
        var percent = indicator.IsPercentage;
        return JsonSerializer.Serialize(new
        {
            title,
            categories = rows.Select(g => g.Name),
            series = new[]
            {
                new
                {
                    name = "Estimate",
                    values = rows.Select(g => SurveyFigures.Number(percent, g.Estimate, g.Estimate.Estimate, 1)),
                    low = rows.Select(g => SurveyFigures.Number(percent, g.Estimate, g.Estimate.Low, 1)),
                    high = rows.Select(g => SurveyFigures.Number(percent, g.Estimate, g.Estimate.High, 1)),
                },
            },
            intervalLabel = "95% interval",
            valueSuffix = percent ? "%" : "",
            valueMin = percent ? 0 : indicator.Low,
            valueMax = percent ? 100 : indicator.High,
            horizontal = true,
        });
    }
}

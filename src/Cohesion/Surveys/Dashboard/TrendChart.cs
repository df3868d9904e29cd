using System.Text.Json;

namespace Cohesion.Surveys.Dashboard;

/// <summary>
/// The JSON of a trend's line chart (docs/frontend.md): one point per survey in period order, with its 95% interval as
/// a band (<c>low</c>, <c>high</c>). Withheld estimates are null, a gap, never zero.
/// </summary>
public static class TrendChart
{
    /// <summary>A point's label: its period, and the survey's title too when several surveys share the period.</summary>
    public static string Label(IndicatorTrend t, TrendPoint p) =>
        t.Points.Count(x => x.Survey.Period == p.Survey.Period) > 1 ? $"{p.Survey.Period} ({p.Survey.Title})" : p.Survey.Period;

    public static string Json(IndicatorTrend t, string placeName)
    {
        var i = t.Indicator;
        double? V(TrendPoint p, double v) => p.HasValue && !double.IsNaN(v) ? Math.Round(PlaceTrends.Display(i, v), i.IsPercentage ? 1 : 2) : null;
        return JsonSerializer.Serialize(new
        {
            title = $"{i.Title} in {placeName}, by survey period",
            categories = t.Points.Select(p => Label(t, p)),
            series = new[]
            {
                new
                {
                    name = i.Title,
                    values = t.Points.Select(p => V(p, p.Estimate.Estimate)),
                    low = t.Points.Select(p => V(p, p.Estimate.Low)),
                    high = t.Points.Select(p => V(p, p.Estimate.High)),
                },
            },
            valueSuffix = i.IsPercentage ? "%" : "",
            // A scale of 10–50 drawn from zero would flatten every change; percentages keep their zero.
            zeroBased = i.IsPercentage,
            intervalLabel = "95% interval",
        });
    }
}

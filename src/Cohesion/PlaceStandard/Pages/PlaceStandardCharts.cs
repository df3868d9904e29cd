using System.Text.Json;
using Cohesion.PlaceStandard.Read;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>One outline on a compass: a name for the legend and the results it draws.</summary>
public sealed record CompassSeries(string Name, ThemeResults Results);

/// <summary>
/// A compass to draw, with the table of the same figures beside it. <paramref name="Difference"/> (a, b) adds a column
/// of series a's mean less series b's.
/// </summary>
public sealed record Compass(string Id, string Title, IReadOnlyList<CompassSeries> Series, (int A, int B)? Difference = null);

/// <summary>
/// The JSON the charts in /js/app.js read (docs/frontend.md): the compass is a radar on the 1–7 scale with low scores
/// at the centre; the distribution is a stacked bar of the percentage giving each score. Withheld figures are null,
/// a gap, never zero.
/// </summary>
public static class PlaceStandardCharts
{
    public static string Radar(Compass c) => JsonSerializer.Serialize(new
    {
        title = c.Title,
        categories = PlaceStandardThemes.All.Select(t => t.Name),
        series = c.Series.Select(s => new { name = s.Name, values = s.Results.Themes.Select(t => t.Figures.Mean is { } m ? Math.Round(m, 2) : (double?)null) }),
        min = 1,
        max = 7,
        decimals = 1,
    });

    public static string Distribution(string title, ThemeResults r) => JsonSerializer.Serialize(new
    {
        title,
        categories = PlaceStandardThemes.All.Select(t => t.Name),
        series = Enumerable.Range(1, 7).Select(score => new
        {
            name = PlaceStandardThemes.ScoreLabel(score),
            values = r.Themes.Select(t => t.Figures.Percent[score - 1] is { } p ? Math.Round(p, 1) : (double?)null),
        }),
        stacked = true,
        palette = "diverging",
        valueSuffix = "%",
        valueMax = 100,
        horizontal = true,
    });
}

using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Results;
using Cohesion.Web;

namespace Cohesion.Surveys.Dashboard;

/// <summary>
/// /surveys/place/{areaCode}/trends.csv|xlsx: every indicator of every survey of the place the viewer may see, with
/// its value, interval, base, suppression and the targets set for it; audited before it is sent.
/// </summary>
public static class TrendExports
{
    public static RouteHandlerBuilder MapTrendExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/surveys/place/{areaCode}/trends.{format}", Trends).WithName("ExportSurveyPlaceTrends").ExcludeFromDescription();

    static async Task<IResult> Trends(string areaCode, string format, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (!SurveyDownloads.IsFormat(format)) return TypedResults.NotFound();
        if (await PlaceSurveys.LoadAsync(db, cache, areaCode, Viewer.Of(http.User), ct) is not { } place) return TypedResults.NotFound();
        var trends = PlaceTrends.Build(place.Surveys, place.Targets);
        var rows = trends.SelectMany(t => t.Points.Select(p => (object?[])
        [
            t.Indicator.Code, t.Indicator.Title, t.Indicator.IsPercentage ? "percent" : $"score {t.Indicator.Low:0.#}-{t.Indicator.High:0.#}",
            p.Survey.Period, p.Survey.Name, p.Survey.Title, p.Survey.IsSynthetic ? "yes" : "no",
            SurveyFigures.Cell(t.Indicator, p.Estimate, p.Estimate.Estimate), SurveyFigures.Cell(t.Indicator, p.Estimate, p.Estimate.Low),
            SurveyFigures.Cell(t.Indicator, p.Estimate, p.Estimate.High), p.Estimate.N, p.Estimate.Suppressed ? "yes" : "no",
            string.Join("; ", t.Targets.Select(x => $"{PlaceTrends.TargetText(t.Indicator, x.Target.Value)} by {x.Target.ByPeriod} ({x.Organisation})")),
        ])).ToList();
        var a = place.Area;
        var export = new ExportTable($"Survey indicators over time: {a.Name}",
            ["indicator_code", "indicator", "unit", "period", "survey", "survey_title", "synthetic", "value", "ci_low", "ci_high", "base", "suppressed", "targets"],
            rows,
            [
                ("Area", $"{a.Name} ({a.Code})"),
                .. place.Surveys.Select(s => ($"Survey {s.Survey.Name}", $"{s.Survey.Title}; {s.Survey.Period}; {(s.Survey.IsPublished ? "published" : "not published")}{(s.Survey.IsSynthetic ? "; SYNTHETIC DATA" : "")}; {SurveyDownloads.Weighting(s.Results)}")),
                ("Values", "Each survey's overall estimate (all respondents), as on its results page; intervals are 95% confidence intervals"),
                ("Targets", "Every organisation's targets for the area and indicator: value by period (organisation)"),
                .. SurveyDownloads.Symbols(place.MinimumBase),
                SurveyDownloads.Rows(rows.Count),
                SurveyDownloads.Exported(http),
            ]);
        return await ExportFiles.AuditedAsync(http, db, export, $"survey-place-{a.Code}-trends", format,
            $"{rows.Count} rows; area={a.Code}; surveys={string.Join(",", place.Surveys.Select(s => s.Survey.Name))}; minimum base {place.MinimumBase}", ct);
    }
}

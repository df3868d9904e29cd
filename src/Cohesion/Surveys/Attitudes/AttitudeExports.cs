using Cohesion.Data;
using Cohesion.Surveys.Results;
using Cohesion.Web;

namespace Cohesion.Surveys.Attitudes;

/// <summary>/surveys/{name}/attitudes.csv|xlsx?by=…: the thermometer matrix as the page shows it, one row a cell; audited.</summary>
public static class AttitudeExports
{
    public static RouteHandlerBuilder MapAttitudeExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/surveys/{name}/attitudes.{format}", Matrix).WithName("ExportSurveyAttitudes").ExcludeFromDescription();

    static async Task<IResult> Matrix(string name, string format, string? by, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyDownloads.LoadAsync(db, cache, name, format, http, ct) is not { } source) return TypedResults.NotFound();
        var (survey, results) = (source.Survey, source.Results);
        var choices = AttitudeMatrix.RowChoices(results);
        var key = choices.Any(c => c.Code == by) ? by! : SurveyAttitudesModel.DefaultBy;
        if (AttitudeMatrix.Of(results, key) is not { } m) return TypedResults.NotFound();
        var rows = m.Rows.Prepend(m.All).SelectMany(row => row.Cells.Select(c => (object?[])
        [
            row == m.All ? "everyone" : key, row.Group, c.Thermometer.Code, SurveyAttitudesModel.Target(c.Thermometer),
            SurveyFigures.Cell(c.Thermometer, c.Estimate, c.Estimate.Estimate), SurveyFigures.Cell(c.Thermometer, c.Estimate, c.Estimate.Low),
            SurveyFigures.Cell(c.Thermometer, c.Estimate, c.Estimate.High), c.Estimate.N, c.Estimate.Suppressed ? "yes" : "no", c.InGroup ? "yes" : "no",
        ])).ToList();
        var export = new ExportTable($"Feeling thermometer ratings by {SurveyResults.BreakdownLabel(key).ToLowerInvariant()}: {survey.Title}",
            ["respondents_by", "respondent_group", "thermometer", "group_rated", "mean", "ci_low", "ci_high", "base", "suppressed", "own_group"],
            rows,
            [
                .. source.About,
                ("Rating", "Mean feeling thermometer rating, 0 (very cold) to 100 (very warm), 50 neither"),
                ("Own group", "yes where the respondents' group is the group rated: " + string.Join("; ", InGroups.All.Select(r => $"{r.Thermometer} = {r.Characteristic} {r.Group}"))),
                SurveyDownloads.Rows(rows.Count),
                SurveyDownloads.Exported(http),
            ]);
        return await ExportFiles.AuditedAsync(http, db, export, $"survey-{survey.Name}-attitudes-{key}", format,
            $"{rows.Count} rows; survey={survey.Name}; by={key}; minimum base {results.MinimumBase}", ct);
    }
}

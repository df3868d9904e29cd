using Cohesion.Data;
using Cohesion.Surveys.Results;
using Cohesion.Web;

namespace Cohesion.Surveys.Efficacy;

/// <summary>/surveys/{name}/collective-efficacy.csv|xlsx: every scale by residence area (mean, λ, shrunken mean) with the variance components; audited.</summary>
public static class EfficacyExports
{
    public static RouteHandlerBuilder MapEfficacyExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/surveys/{name}/collective-efficacy.{format}", Areas).WithName("ExportSurveyCollectiveEfficacy").ExcludeFromDescription();

    static async Task<IResult> Areas(string name, string format, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyDownloads.LoadAsync(db, cache, name, format, http, ct) is not { } source) return TypedResults.NotFound();
        var (survey, results) = (source.Survey, source.Results);
        var scales = NeighbourhoodEfficacy.Scales(results).Select(i => NeighbourhoodEfficacy.Of(results, i)).ToList();
        if (scales.Count == 0) return TypedResults.NotFound();
        static object Cell(double v, bool withheld) => withheld ? SurveyFigures.Withheld : Math.Round(v, 4);
        var rows = scales.SelectMany(s => s.Areas.Select(a => (object?[])
        [
            s.Scale.Code, s.Scale.Title, a.Area.Code, a.Area.Name, a.N, Cell(a.Mean, a.Withheld), Cell(a.Reliability, a.Withheld), Cell(a.Shrunken, a.Withheld),
            a.Withheld ? "yes" : "no", a.Withheld ? "" : a.LowReliability ? "no" : "yes",
        ])).ToList();
        var export = new ExportTable($"Collective efficacy by area: {survey.Title}",
            ["scale", "scale_title", "area_code", "area", "respondents", "mean", "reliability", "shrunken_mean", "withheld", "rankable"],
            rows,
            [
                .. source.About,
                .. scales.Select(s => ($"Scale {s.Scale.Code}", s.Ecometrics is { } e
                    ? $"weighted overall mean {SurveyFigures.Cell(s.Scale, s.Overall, s.Overall.Estimate)} (95% interval {SurveyFigures.Cell(s.Scale, s.Overall, s.Overall.Low)} to {SurveyFigures.Cell(s.Scale, s.Overall, s.Overall.High)}, base {s.Overall.N}); unweighted grand mean {e.GrandMean:0.####}; tau {e.Tau:0.####}; sigma2 {e.Sigma2:0.####}; ICC {e.IntraclassCorrelation:0.####}"
                    : $"areas not estimated: {s.Problem}")),
                ("Method", "Area figures are unweighted ecometrics (one-way random-effects ANOVA estimates, Raudenbush & Sampson 1999): reliability = tau / (tau + sigma2 / n); shrunken mean = grand mean + reliability × (area mean − grand mean)"),
                ("Rankable", $"no where reliability is under {NeighbourhoodEfficacy.ReliableEnough:0.0}: such areas should not be ranked"),
                SurveyDownloads.Rows(rows.Count),
                SurveyDownloads.Exported(http),
            ]);
        return await ExportFiles.AuditedAsync(http, db, export, $"survey-{survey.Name}-collective-efficacy", format,
            $"{rows.Count} rows; survey={survey.Name}; minimum base {results.MinimumBase}", ct);
    }
}

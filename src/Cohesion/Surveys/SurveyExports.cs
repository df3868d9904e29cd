using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Web;

namespace Cohesion.Surveys;

/// <summary>
/// CSV and xlsx downloads of every table on a survey's results pages: all indicators, and an indicator by area, by a
/// characteristic's groups, by area × group and its answers. Each is what the page shows the same viewer (percentages 0–100 to one
/// decimal, [c] where withheld, [x] where nobody answered), with the survey's weighting, sources and whether it is
/// synthetic in the notes, and an audit entry naming who exported it before it is sent.
/// </summary>
public static class SurveyExports
{
    public static readonly string[] Tables = ["areas", "groups", "areas-groups", "answers"];

    public static RouteGroupBuilder MapSurveyExports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/surveys").ExcludeFromDescription();
        g.MapGet("/{name}/indicators.{format}", IndicatorsExport).WithName("ExportSurveyIndicators");
        g.MapGet("/{name}/indicators/{code}/{table}.{format}", IndicatorExport).WithName("ExportSurveyIndicatorTable");
        return g;
    }

    static string Unit(Indicator i) => i.IsPercentage ? "percent" : "score";

    static async Task<IResult> IndicatorsExport(string name, string format, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (!SurveyDownloads.IsFormat(format) || await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return TypedResults.NotFound();
        var r = v.Results;
        var rows = r.Indicators.Select(i => (i, e: r.Overall(i))).Select(x => (object?[])[x.i.Code, x.i.Title, x.i.Measure, x.i.Headline ? "yes" : "no", Unit(x.i),
            SurveyFigures.Cell(x.i, x.e, x.e.Estimate), SurveyFigures.Cell(x.i, x.e, x.e.Low), SurveyFigures.Cell(x.i, x.e, x.e.High), x.e.N]).ToList();
        var export = new ExportTable($"Survey results, every indicator: {v.Survey.Title}",
            ["indicator_code", "indicator", "measure", "headline", "unit", "estimate", "ci_low", "ci_high", "base"], rows, []);
        return await SendAsync(http, db, v, export, $"survey-{v.Survey.Name}-indicators", format, "table=indicators", ct);
    }

    static async Task<IResult> IndicatorExport(string name, string code, string table, string format, string? by, HttpContext http, CohesionDb db,
        SurveyResultsCache cache, CancellationToken ct)
    {
        if (!SurveyDownloads.IsFormat(format) || !Tables.Contains(table)) return TypedResults.NotFound();
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v || v.Indicator(code) is not { } i) return TypedResults.NotFound();
        var r = v.Results;
        ExportTable export;
        string file, detail;
        if (table == "answers")
        {
            var rows = AnswerDistribution.Of(r, i).SelectMany(d => d.Answers.Select(a => (object?[])[d.Item.Code, d.Item.Question, a.Code, a.Label,
                SurveyFigures.Cell(true, a.Share, a.Share.Estimate), SurveyFigures.Cell(true, a.Share, a.Share.Low), SurveyFigures.Cell(true, a.Share, a.Share.High), d.Base])).ToList();
            export = new ExportTable($"How people answered, {i.Title}: {v.Survey.Title}",
                ["item_code", "question", "answer_code", "answer", "percent", "ci_low", "ci_high", "base"], rows,
                [("Percentages", "Weighted percentage of everyone who answered the question choosing each answer, \"don't know\" included (the indicator leaves non-opinions out of its base)")]);
            file = $"survey-{v.Survey.Name}-{i.Code}-answers";
            detail = $"table=answers; indicator={i.Code}";
        }
        else if (table == "areas-groups")
        {
            if (AreaGroupBreakdown.Of(r, i, by ?? r.DefaultBy ?? "") is not { } b) return TypedResults.NotFound();
            var level = v.Survey.ResidenceLevel.Plural(1);
            // One row per area × group, not the page's matrix: a long table is what a spreadsheet filters and pivots.
            var rows = b.Rows.SelectMany(row => row.Cells.Select(c => (object?[])[b.By, row.AreaCode, row.AreaName, c.Code,
                SurveyFigures.Cell(i, c.Estimate, c.Estimate.Estimate), SurveyFigures.Cell(i, c.Estimate, c.Estimate.Low), SurveyFigures.Cell(i, c.Estimate, c.Estimate.High),
                c.Estimate.N, SurveyComparisons.Code(c), c.VersusRest is { } d ? Math.Round(d.PValue, 4) : null])).ToList();
            export = new ExportTable($"{i.Title}, by {level} and {b.Label.ToLowerInvariant()}: {v.Survey.Title}",
                ["breakdown", "area_code", "area", "group", "estimate", "ci_low", "ci_high", "base", "compared_with_rest_of_area", "p_value"], rows,
                [("Breakdown", $"{SurveyResults.ByArea} × {b.By}: {v.Survey.ResidenceLevel.Label()} × {b.Label}"),
                 ("Cells", $"Each row is the people of one {level} in one group: a domain of the survey's design, so its interval is design-based. People who did not say where they live or which group they are in are in no row"),
                 ("Compared with the rest of the area", $"Each group against everyone else in the same {level} who gave their {b.Label.ToLowerInvariant()}: a design-based test of the difference at the 5% level (higher, lower, no significant difference; not tested when either side is under the minimum base)")]);
            file = $"survey-{v.Survey.Name}-{i.Code}-areas-groups-{b.By}";
            detail = $"table=areas-groups; indicator={i.Code}; by={b.By}";
        }
        else
        {
            var key = table == "areas" ? SurveyResults.ByArea : by ?? r.DefaultBy ?? "";
            if (table == "groups" && key == SurveyResults.ByArea) return TypedResults.NotFound();
            if (SurveyBreakdown.Of(r, i, key) is not { } b) return TypedResults.NotFound();
            var rows = b.Groups.Select(g => (object?[])[b.By, g.Code, g.Estimate.Domain, SurveyFigures.Cell(i, g.Estimate, g.Estimate.Estimate),
                SurveyFigures.Cell(i, g.Estimate, g.Estimate.Low), SurveyFigures.Cell(i, g.Estimate, g.Estimate.High), g.Estimate.N,
                SurveyComparisons.Code(g), g.VersusRest is { } d ? Math.Round(d.PValue, 4) : null]).ToList();
            export = new ExportTable($"{i.Title}, by {b.Label.ToLowerInvariant()}: {v.Survey.Title}",
                ["breakdown", table == "areas" ? "area_code" : "group_code", table == "areas" ? "area" : "group", "estimate", "ci_low", "ci_high", "base", "compared_with_rest", "p_value"], rows,
                [("Breakdown", $"{b.By}: {b.Label}"), ("Compared with the rest", "Each group against everyone else in the table: a design-based test of the difference at the 5% level (higher, lower, no significant difference; not tested when either side is under the minimum base)"),
                 ("Largest gap", SurveyComparisons.Gap(b))]);
            file = $"survey-{v.Survey.Name}-{i.Code}-{table}{(table == "groups" ? "-" + b.By : "")}";
            detail = $"table={table}; indicator={i.Code}; by={b.By}";
        }
        export = export with
        {
            About = [("Indicator", $"{i.Title} ({i.Code}), {(i.IsPercentage ? "percentage" : "score")}"), ("Derivation", i.Derivation), ("Source of the question", i.Source), .. export.About],
        };
        return await SendAsync(http, db, v, export, file, format, detail, ct);
    }

    /// <summary>
    /// Sends the table with the survey's notes (the xlsx's About sheet) and, on every row, the weighting, whether the
    /// responses are synthetic and the source line: a CSV has no notes, and figures passed on without them could be
    /// taken for real, unweighted or unattributed ones.
    /// </summary>
    static async Task<IResult> SendAsync(HttpContext http, CohesionDb db, SurveyView v, ExportTable export, string file, string format, string detail, CancellationToken ct)
    {
        var weighting = v.Results.Weighting.Applied switch
        {
            SurveyWeighting.Area => "post-stratification",
            SurveyWeighting.AreaAndEthnicGroup => "raking",
            _ => v.Results.Weighting.Error is null ? "none" : "none (weighting could not be done)",
        };
        // Each row says the trimming too: a CSV travels without the notes that explain it.
        if (v.Results.Weighting.IsTrimmed) weighting += $", weights limited to {v.Results.Weighting.Trim}";
        var synthetic = v.Survey.IsSynthetic ? "yes" : "no";
        var source = SurveyAbout.SourceLine(v);
        export = export with
        {
            Columns = [.. export.Columns, "weighting", "synthetic", "source"],
            Rows = export.Rows.Select(r => (object?[])[.. r, weighting, synthetic, source]).ToList(),
            About = [.. SurveyAbout.Export(v), .. export.About, SurveyDownloads.Rows(export.Rows.Count), SurveyDownloads.Exported(http)],
        };
        return await ExportFiles.AuditedAsync(http, db, export, file, format,
            $"{export.Rows.Count} rows; survey={v.Survey.Name}; {detail}; weighting={v.Results.Weighting.Applied}; minimum base {v.Results.MinimumBase}", ct);
    }
}

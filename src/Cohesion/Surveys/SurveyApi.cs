using Cohesion.Analytics.Surveys;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Read;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys;

public sealed record SurveySummaryDto(string Name, string Title, string Description, string AreaCode, string AreaName, string ResidenceLevel, string Period,
    string Owner, bool Open, bool Published, bool Synthetic, int Responses);
/// <summary>An estimate on the indicator's scale (percentages 0–100). Estimate, se and the interval are null when withheld (n under the minimum base) or when nobody answered: never zero.</summary>
public sealed record EstimateDto(double? Estimate, double? Se, double? Low, double? High, int N, bool Suppressed);
public sealed record IndicatorEstimateDto(string Code, string Title, string Measure, string Unit, bool Headline, EstimateDto Estimate);
/// <summary>TrimLower and TrimUpper are the survey's bounds in multiples of the mean weight (null: none); Trimmed counts the weights held at one; TrimError says why they could not be met.</summary>
public sealed record WeightingDto(string Requested, string Applied, string Method, IReadOnlyList<string> Margins, int? Iterations, bool? Converged,
    double DesignEffect, int EffectiveSampleSize, IReadOnlyList<string> Statement, IReadOnlyList<string> Notes, string? Error, string? Population,
    double? TrimLower, double? TrimUpper, int Trimmed, string? TrimError);
public sealed record SurveyResultsAbout(int MinimumBase, string Units, string Withheld, IReadOnlyList<string> QuestionSources, string Methodology, string? Synthetic);
public sealed record SurveyDetailDto(SurveySummaryDto Survey, WeightingDto Weighting, SurveyResultsAbout About, IReadOnlyList<IndicatorEstimateDto> Headline);
public sealed record SurveyIndicatorsDto(SurveySummaryDto Survey, SurveyResultsAbout About, IReadOnlyList<IndicatorEstimateDto> Indicators);
public sealed record IndicatorInfoDto(string Code, string Title, string Measure, string Unit, bool Headline, string Derivation, string Source, IReadOnlyList<string> Items);
/// <summary>A group against the rest of its breakdown: result is higher, lower, no significant difference or not tested (then the numbers are null).</summary>
public sealed record ComparisonDto(string Result, double? Difference, double? Se, double? PValue);
public sealed record GroupDto(string Code, string Name, EstimateDto Estimate, ComparisonDto VersusRest);
public sealed record BreakdownDto(string By, string Label, IReadOnlyList<GroupDto> Groups, string LargestGap);
public sealed record IndicatorDetailDto(SurveySummaryDto Survey, IndicatorInfoDto Indicator, SurveyResultsAbout About, EstimateDto Overall, BreakdownDto? Breakdown);
/// <summary>
/// One residence area × group cell on the indicator's scale. Estimate, se, ciLow and ciHigh are null when withheld
/// (n under the minimum base) or when nobody in the cell answered (n: 0): never zero. versusRestOfArea tests the group
/// against everyone else in the same area who gave the characteristic.
/// </summary>
public sealed record AreaGroupCellDto(string AreaCode, string AreaName, string Group, double? Estimate, double? Se, double? CiLow, double? CiHigh, int N, bool Withheld,
    ComparisonDto VersusRestOfArea);
public sealed record AreaGroupsDto(SurveySummaryDto Survey, IndicatorInfoDto Indicator, SurveyResultsAbout About, string By, string Label, IReadOnlyList<string> Groups,
    IReadOnlyList<AreaGroupCellDto> Cells);

/// <summary>
/// Read API for survey results under <c>/api/v1/surveys</c>: the same figures as the pages for the same viewer
/// (published surveys for everyone, the owner's unpublished ones for its users; any other is 404). Withheld figures are
/// null, never a number.
/// </summary>
public static class SurveyApi
{
    public static RouteGroupBuilder MapSurveyApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/surveys").WithTags("surveys");
        g.MapGet("", List).WithName("Surveys").WithSummary("Surveys you may see, with their area, period, status and number of responses");
        g.MapGet("/{name}", Detail).WithName("Survey").WithSummary("A survey: details, how its responses are weighted, and its headline estimates");
        g.MapGet("/{name}/indicators", All).WithName("SurveyIndicators").WithSummary("Every indicator the survey reports, with its estimate, standard error, 95% interval and base");
        g.MapGet("/{name}/indicators/{code}", Indicator).WithName("SurveyIndicator")
            .WithSummary("One indicator overall and, with by=area or by=<characteristic> (ethnic-group, age, sex, religion, disability, …), by residence area or broad group, each group tested against the rest");
        g.MapGet("/{name}/indicators/{code}/by-area-and-group", ByAreaAndGroup).WithName("SurveyIndicatorByAreaAndGroup")
            .WithSummary("An indicator for each residence area × broad group of a characteristic (by=ethnic-group, age, …; ethnic group by default when asked), each cell tested against the rest of its area; withheld figures null");
        g.MapGet("/{name}/indicators/{code}/map", Map).WithName("SurveyIndicatorMap").WithSummary("An indicator for each residence area, in the shape the map reads (null where withheld)");
        return g;
    }

    static ProblemHttpResult NotFound(string what) => TypedResults.Problem($"no {what} that you may see", statusCode: 404);

    static string Unit(Indicator i) => i.IsPercentage ? "percent" : "score";

    internal static EstimateDto Estimate(Indicator i, DomainEstimate e) => new(
        SurveyFigures.Number(i.IsPercentage, e, e.Estimate), SurveyFigures.Number(i.IsPercentage, e, e.StandardError),
        SurveyFigures.Number(i.IsPercentage, e, e.Low), SurveyFigures.Number(i.IsPercentage, e, e.High), e.N, e.Suppressed);

    static IndicatorEstimateDto Figure(SurveyResults r, Indicator i) => new(i.Code, i.Title, i.Measure, Unit(i), i.Headline, Estimate(i, r.Overall(i)));

    static SurveySummaryDto Summary(Survey s, string owner, int responses) => new(s.Name, s.Title, s.Description, s.Area?.Code ?? "", s.Area?.Name ?? "",
        s.ResidenceLevel.Token(), s.Period, owner, s.IsOpen, s.IsPublished, s.IsSynthetic, responses);

    static SurveySummaryDto Summary(SurveyView v) => Summary(v.Survey, v.Owner, v.Results.Data.Rows);

    static SurveyResultsAbout About(SurveyView v) => new(v.Results.MinimumBase,
        "percentages are 0–100 (unit \"percent\"); scores are on the indicator's own scale; se, low and high on the same scale; n is the unweighted base",
        $"estimate, se, low and high are null when fewer than {v.Results.MinimumBase} people answered (suppressed: true) or nobody did (n: 0)",
        SurveyAbout.QuestionSources(v.Results), SurveyAbout.Methodology, v.Survey.IsSynthetic ? SurveyAbout.Synthetic : null);

    static WeightingDto Weighting(SurveyView v)
    {
        var w = v.Results.Weighting;
        var level = v.Survey.ResidenceLevel;
        return new WeightingDto(w.Requested.ToString(), w.Applied.ToString(), SurveyAbout.Method(w, level), w.Report?.Margins ?? [], w.Report?.Iterations,
            w.Report is null ? null : true, Math.Round(w.DesignEffect, 4), w.EffectiveSampleSize(v.Results.Data.Rows),
            SurveyAbout.Weighting(w, level, v.Results.Data.Rows), w.Notes, w.Error, SurveyAbout.Population(w),
            v.Survey.WeightTrimLower, v.Survey.WeightTrimUpper, w.Trimmed, w.TrimError);
    }

    static async Task<Ok<List<SurveySummaryDto>>> List(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        // The same rows as the /surveys page (one query with owners and response counts), in the API's order.
        var rows = await SurveyList.LoadAsync(db, Viewer.Of(http.User), ct);
        return TypedResults.Ok(rows
            .OrderBy(r => r.AreaName, StringComparer.OrdinalIgnoreCase).ThenByDescending(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .Select(r => new SurveySummaryDto(r.Name, r.Title, r.Description, r.AreaCode, r.AreaName, r.ResidenceLevel.Token(), r.Period, r.Owner,
                r.Open, r.Published, r.Synthetic, r.Responses)).ToList());
    }

    static async Task<Results<Ok<SurveyDetailDto>, ProblemHttpResult>> Detail(string name, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return NotFound($"survey '{name}'");
        return TypedResults.Ok(new SurveyDetailDto(Summary(v), Weighting(v), About(v),
            v.Results.Indicators.Where(i => i.Headline).Select(i => Figure(v.Results, i)).ToList()));
    }

    static async Task<Results<Ok<SurveyIndicatorsDto>, ProblemHttpResult>> All(string name, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return NotFound($"survey '{name}'");
        return TypedResults.Ok(new SurveyIndicatorsDto(Summary(v), About(v), v.Results.Indicators.Select(i => Figure(v.Results, i)).ToList()));
    }

    static async Task<Results<Ok<IndicatorDetailDto>, ProblemHttpResult>> Indicator(string name, string code, string? by, HttpContext http, CohesionDb db,
        SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return NotFound($"survey '{name}'");
        if (v.Indicator(code) is not { } i) return NotFound($"indicator '{code}' in survey '{name}'");
        BreakdownDto? breakdown = null;
        if (by is not null)
        {
            if (SurveyBreakdown.Of(v.Results, i, by) is not { } b)
                return TypedResults.Problem($"unknown breakdown '{by}': this survey can be broken down by {string.Join(", ", v.Results.Breakdowns.Select(x => x.Code))}", statusCode: 400);
            breakdown = new BreakdownDto(b.By, b.Label, b.Groups.Select(g => new GroupDto(g.Code, g.Estimate.Domain, Estimate(i, g.Estimate), Comparison(i, g))).ToList(),
                SurveyComparisons.Gap(b));
        }
        return TypedResults.Ok(new IndicatorDetailDto(Summary(v), Info(v, i), About(v), Estimate(i, v.Results.Overall(i)), breakdown));
    }

    static IndicatorInfoDto Info(SurveyView v, Indicator i) =>
        new(i.Code, i.Title, i.Measure, Unit(i), i.Headline, i.Derivation, i.Source, i.ItemCodes.Where(v.Results.Data.Columns.ContainsKey).ToList());

    static async Task<Results<Ok<AreaGroupsDto>, ProblemHttpResult>> ByAreaAndGroup(string name, string code, string? by, HttpContext http, CohesionDb db,
        SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return NotFound($"survey '{name}'");
        if (v.Indicator(code) is not { } i) return NotFound($"indicator '{code}' in survey '{name}'");
        var r = v.Results;
        if (!r.Breakdowns.Any(b => b.Code == SurveyResults.ByArea))
            return TypedResults.Problem("this survey did not ask where people live, so it has no figures by area and group", statusCode: 400);
        if ((by ?? r.DefaultBy) is not { } chosen)
            return TypedResults.Problem("this survey asked none of the questions about the person, so it has no figures by group", statusCode: 400);
        if (AreaGroupBreakdown.Of(r, i, chosen) is not { } t)
            return TypedResults.Problem($"unknown characteristic '{chosen}': this survey can be broken down by area and {string.Join(", ", r.Characteristics.Select(c => c.Code))}", statusCode: 400);
        var p = i.IsPercentage;
        var cells = t.Rows.SelectMany(row => row.Cells.Select(c => new AreaGroupCellDto(row.AreaCode, row.AreaName, c.Code,
            SurveyFigures.Number(p, c.Estimate, c.Estimate.Estimate), SurveyFigures.Number(p, c.Estimate, c.Estimate.StandardError),
            SurveyFigures.Number(p, c.Estimate, c.Estimate.Low), SurveyFigures.Number(p, c.Estimate, c.Estimate.High), c.Estimate.N, c.Estimate.Suppressed,
            Comparison(i, c)))).ToList();
        return TypedResults.Ok(new AreaGroupsDto(Summary(v), Info(v, i), About(v), t.By, t.Label, t.Groups, cells));
    }

    static ComparisonDto Comparison(Indicator i, GroupEstimate g)
    {
        var scale = i.IsPercentage ? 100 : 1;
        return g.VersusRest is { } d
            ? new ComparisonDto(SurveyComparisons.Code(g), Math.Round(d.Estimate * scale, 4), Math.Round(d.StandardError * scale, 4), Math.Round(d.PValue, 6))
            : new ComparisonDto(SurveyComparisons.Code(g), null, null, null);
    }

    static async Task<Results<Ok<MapValues>, ProblemHttpResult>> Map(string name, string code, HttpContext http, CohesionDb db, SurveyResultsCache cache, CancellationToken ct)
    {
        if (await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) is not { } v) return NotFound($"survey '{name}'");
        if (v.Indicator(code) is not { } i) return NotFound($"indicator '{code}' in survey '{name}'");
        var groups = SurveyBreakdown.Of(v.Results, i, SurveyResults.ByArea)?.Groups ?? [];
        return TypedResults.Ok(new MapValues(i.Code, i.Title, i.IsPercentage ? "%" : "",
            groups.Select(g => new MapValue(g.Code, g.Estimate.Domain, SurveyFigures.Number(i.IsPercentage, g.Estimate, g.Estimate.Estimate, 1))).ToList(),
            DemoPlace.BoundaryAttribution));
    }
}

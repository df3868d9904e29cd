using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohesion.Change;

/// <summary>What every change response says about its figures: whose they are, under what terms, how controlled.</summary>
public sealed record ChangeAbout(string Dataset, string Title, string Kind, string PeriodKind, string Owner, string Sensitivity, string Agreement,
    bool Synthetic, string Source, string? ExtractDate, string Figures, string Withheld);

public sealed record ChangeDatasetSummary(ChangeAbout About, IReadOnlyList<string> Periods, IReadOnlyList<CategorySummary> Categories, IReadOnlyList<string> Districts);
public sealed record ChangeSeries<T>(ChangeAbout About, string Area, string AreaName, string Category, IReadOnlyList<T> Points);
public sealed record ChangeAreaRow<T>(string Code, string Name, T Figures, IReadOnlyList<ChangeFlagView> Flags);
public sealed record ChangeFlagView(string Measure, double Rate, double Threshold, string Rule);
public sealed record ChangeRanking<T>(ChangeAbout About, string District, string Period, IReadOnlyList<ChangeAreaRow<T>> Areas);
public sealed record ChangeMap(ChangeAbout About, string District, string Period, string Measure, string Label, string Unit, string Category, IReadOnlyList<MapValue> Values);
public sealed record ChangeAreaProfile(ChangeAbout About, string Code, string Name, string? District, string Period,
    IReadOnlyList<GpPoint>? Registrations, IReadOnlyList<SchoolPoint>? Pupils,
    IReadOnlyList<CategoryShare> Sex, IReadOnlyList<CategoryShare> AgeBands, IReadOnlyList<CategoryShare> Languages,
    IReadOnlyList<EthnicComparison> Ethnicity, IReadOnlyList<DiversityPoint> EthnicDiversity, IReadOnlyList<DiversityPoint> LanguageDiversity);
public sealed record EthnicComparison(string Code, string Label, long? Count, double? Percent, double? Census2011Percent);

/// <summary>
/// Read API over change datasets (GP registrations, school census). Every answer comes from the viewer's
/// <see cref="ChangeCube"/>: exact for the owner's users, disclosure-controlled for everyone else; a dataset a
/// viewer may not see is a 404, so its existence is not disclosed either.
/// </summary>
public static class ChangeApi
{
    public static RouteGroupBuilder MapChangeApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/change").WithTags("change");
        g.MapGet("/datasets", Datasets).WithName("ChangeDatasets").WithSummary("Change datasets you may see, with owner, terms and disclosure control");
        g.MapGet("/{dataset}", Dataset).WithName("ChangeDataset").WithSummary("One change dataset: periods, categories, districts");
        g.MapGet("/{dataset}/areas/{code}/series", Series).WithName("ChangeSeries").WithSummary("An area's or district's figures over time, for everyone or one category");
        g.MapGet("/{dataset}/districts/{code}/areas", Ranking).WithName("ChangeRanking").WithSummary("A district's small areas in one period with rapid-change flags");
        g.MapGet("/{dataset}/districts/{code}/map", Map).WithName("ChangeMap").WithSummary("A measure for each small area of a district in one period");
        g.MapGet("/{dataset}/areas/{code}", Profile).WithName("ChangeAreaProfile").WithSummary("An area's timeline, and for a period (default the latest) its structure, languages and ethnicity against Census 2011, and diversity");
        return g;
    }

    internal static ChangeAbout About(ChangeCube c) => new(c.Dataset.Name, c.Dataset.Title,
        c.Dataset.Kind == DatasetKind.SchoolCensus ? "school" : "gp", c.Dataset.PeriodKind, c.Dataset.OwnerName, SensitivityText.Code(c.Dataset.Sensitivity),
        c.Dataset.Agreement, c.Dataset.IsSynthetic, c.Dataset.Source, c.Dataset.ExtractDate?.ToString("yyyy-MM-dd"),
        c.Exact ? "exact (you are in the owner organisation)" : "disclosure-controlled: " + PolicyText.Describe(PolicyText.Parse(c.Dataset.Policy)),
        "null = withheld to protect confidentiality (never zero)");

    static async Task<Ok<List<ChangeAbout>>> Datasets(HttpContext http, CohesionDb db, ChangeCache cache, CancellationToken ct) =>
        TypedResults.Ok((await cache.VisibleCubesAsync(db, Viewer.Of(http.User), ct)).Select(About).ToList());

    static async Task<Results<Ok<ChangeDatasetSummary>, ProblemHttpResult>> Dataset(string dataset, HttpContext http, CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(http.User), ct) is not { } c) return NotFoundDataset(dataset);
        var dir = await places.DirectoryAsync(db, ct);
        var districts = c.AreaIds.Select(id => dir.ById.GetValueOrDefault(id)).Where(a => a?.Level == AreaLevel.LocalAuthority).Select(a => a!.Code).Order().ToList();
        return TypedResults.Ok(new ChangeDatasetSummary(About(c), c.Periods, c.Codes.Select((code, i) => new CategorySummary(code, c.Labels[i], code == "all")).ToList(), districts));
    }

    static ProblemHttpResult NotFoundDataset(string name) => TypedResults.Problem($"no change dataset '{name}' that you may see", statusCode: 404);
    static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404);
    static ProblemHttpResult Bad(string detail) => TypedResults.Problem(detail, statusCode: 400);

    static async Task<Results<Ok<object>, ProblemHttpResult>> Series(string dataset, string code, string? category,
        HttpContext http, CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(http.User), ct) is not { } c) return NotFoundDataset(dataset);
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area || !c.HasArea(area.Id)) return NotFound($"no figures for area '{code}' in {dataset}");
        var cat = category ?? "all";
        if (!c.Slot.TryGetValue(cat, out var slot)) return Bad($"unknown category '{cat}': see /api/v1/change/{dataset} for the categories");
        object body = c.Dataset.Kind == DatasetKind.SchoolCensus
            ? new ChangeSeries<SchoolPoint>(About(c), area.Code, area.Name, cat, ChangeViews.SchoolSeries(c, area.Id, slot))
            : new ChangeSeries<GpPoint>(About(c), area.Code, area.Name, cat, ChangeViews.GpSeries(c, area.Id, slot));
        return TypedResults.Ok(body);
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> Ranking(string dataset, string code, string? period,
        HttpContext http, CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(http.User), ct) is not { } c) return NotFoundDataset(dataset);
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } district || district.Level != AreaLevel.LocalAuthority) return NotFound($"'{code}' is not a district");
        var p = period is null ? c.Periods.Length - 1 : c.PeriodIndex(period);
        if (p < 0) return Bad($"unknown period '{period}': periods run from {c.Periods.FirstOrDefault()} to {c.Periods.LastOrDefault()}");
        var rows = ChangeRanking.Rows(c, dir, district, p);
        object body = c.Dataset.Kind == DatasetKind.SchoolCensus
            ? new ChangeRanking<SchoolPoint>(About(c), district.Code, c.Periods[p], rows.Select(r => new ChangeAreaRow<SchoolPoint>(r.Code, r.Name, r.School!, r.Flags)).ToList())
            : new ChangeRanking<GpPoint>(About(c), district.Code, c.Periods[p], rows.Select(r => new ChangeAreaRow<GpPoint>(r.Code, r.Name, r.Gp!, r.Flags)).ToList());
        return TypedResults.Ok(body);
    }

    static async Task<Results<Ok<ChangeMap>, ProblemHttpResult>> Map(string dataset, string code, string? measure, string? category, string? period,
        HttpContext http, CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(http.User), ct) is not { } c) return NotFoundDataset(dataset);
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } district || district.Level != AreaLevel.LocalAuthority) return NotFound($"'{code}' is not a district");
        var school = c.Dataset.Kind == DatasetKind.SchoolCensus;
        var m = ChangeMeasureNames.Find(measure ?? (school ? "pupils" : "stock"), school);
        if (m is null) return Bad($"unknown measure '{measure}': use one of {string.Join(", ", ChangeMeasureNames.All.Where(x => x.School == school).Select(x => x.Name))}");
        var cat = category ?? "all";
        if (!c.Slot.TryGetValue(cat, out var slot)) return Bad($"unknown category '{cat}'");
        var p = period is null ? c.Periods.Length - 1 : c.PeriodIndex(period);
        if (p < 0) return Bad($"unknown period '{period}'");
        var values = ChangeRanking.SmallAreas(c, dir, district).Select(a => new MapValue(a.Code, a.Name, ChangeMeasureNames.Value(c, m.Name, a.Id, p, slot))).ToList();
        return TypedResults.Ok(new ChangeMap(About(c), district.Code, c.Periods[p], m.Name, m.Label, m.Unit, cat, values));
    }

    static async Task<Results<Ok<ChangeAreaProfile>, ProblemHttpResult>> Profile(string dataset, string code, string? period, HttpContext http, CohesionDb db,
        ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(http.User), ct) is not { } c) return NotFoundDataset(dataset);
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area || !c.HasArea(area.Id)) return NotFound($"no figures for area '{code}' in {dataset}");
        var p = period is null ? c.Periods.Length - 1 : c.PeriodIndex(period);
        if (p < 0) return Bad($"unknown period '{period}': periods run from {c.Periods.FirstOrDefault()} to {c.Periods.LastOrDefault()}");
        var census = await places.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        return TypedResults.Ok(ChangeRanking.Profile(c, dir, area, census, About(c), p));
    }
}

using Cohesion.Accounts;
using Cohesion.Analytics.Segregation;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Segregation.Pages;
using Cohesion.Segregation.Read;
using Cohesion.Web;

namespace Cohesion.Segregation;

/// <summary>
/// Downloads of the Parallel lives tables: the national table as on the page (all pages), a district's every
/// index in the long format of <c>cohesion segregation</c>, and its areas. Published census counts, so no
/// disclosure control applies; every download is audited all the same.
/// </summary>
public static class SegregationExports
{
    public static RouteGroupBuilder MapSegregationExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/parallel-lives").ExcludeFromDescription();
        group.MapGet("/export.{format}", National).WithName("ExportSegregationNational");
        group.MapGet("/{code}/{table}.{format}", District).WithName("ExportSegregationDistrict");
        return group;
    }

    static async Task<IResult> National(string format, string? dataset, string? level, string? period, HttpContext http, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, null, ct, period);
        if (s.Problem is not null) return s.NotFound ? Results.NotFound() : Results.BadRequest(s.Problem);
        var t = cache.National(s.Source, s.Level);
        var q = NationalQuery.From(http.Request.Query, t);
        var g = t.Groups[q.Group];
        var rows = q.Apply(t).Select(r => (object?[])[r.District.Code, r.District.Name, r.Region?.Name ?? "", s.Level.Token(), r.Units, (long)r.Population,
            .. NationalSegregation.MultigroupIndices.Select((_, j) => Cell(r.Multigroup[j])), g.Code, Cell(r.Share[q.Group]), Cell(r.Dissimilarity[q.Group]), Cell(r.Isolation[q.Group])]).ToList();
        var export = new ExportTable($"Segregation of every district loaded, {s.Level.Label()} areas: {s.Source.Data.Title}",
            ["code", "name", "region", "level", "units", "population", .. NationalSegregation.MultigroupIndices.Select(i => IndexCatalogue.Get(i).Name), "group", "group_share", "dissimilarity", "isolation"],
            rows, About(s, q.Describe(t)));
        return await ExportFiles.AuditedAsync(http, db, export, $"segregation-{s.Source.Data.Name}-{s.Level.Token()}", format, $"{rows.Count} rows; {q.Describe(t)}; policy: published", ct);
    }

    static async Task<IResult> District(string code, string table, string format, string? dataset, string? level, string? period, string? group, string? with, string? withPeriod,
        HttpContext http, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx") || table is not ("indices" or "areas" or "compare")) return Results.NotFound();
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        if (s.Problem is not null) return s.NotFound ? Results.NotFound() : Results.BadRequest(s.Problem);
        if (await cache.DistrictAsync(s.Source, s.District!, s.Level) is not { } r) return Results.NotFound();
        var d = s.District!;
        ExportTable export;
        if (table == "compare")
        {
            if (with is null) return Results.NotFound();
            var t = await SegregationScope.ResolveAsync(db, cache, s.Source.Data.Name, s.Level.Token(), with, ct, withPeriod ?? s.Source.Data.Period);
            if (t.Problem is not null || (t.District!.Id == d.Id && t.Source.Data.Period == s.Source.Data.Period)) return Results.NotFound();
            var other = t.District!;
            if (await cache.CompareAsync(s.Source, d, t.Source, other, s.Level) is not { } c) return Results.NotFound();
            var rows = SegregationApi.Differences(c).Select(x => (object?[])[d.Code, s.Source.Data.Period, other.Code, t.Source.Data.Period, x.Index, x.Group,
                Cell(x.Here), Cell(x.There), Cell(x.Difference), Cell(x.PValue), Cell(x.CiLow), Cell(x.CiHigh)]).ToList();
            export = new ExportTable($"Segregation compared, {c.FirstName} against {c.SecondName}, {s.Level.Label()} areas: {s.Source.Data.Title}",
                ["by", "period", "other", "other_period", "index", "group", "value", "other_value", "difference", "p_value", "ci_low", "ci_high"], rows,
                [.. About(s, $"district={d.Code}; compared with={other.Code} ({t.Source.Data.Period})"), ("Method", SegregationApi.CompareMethod)]);
            return await ExportFiles.AuditedAsync(http, db, export, $"segregation-{d.Code}-{other.Code}-{s.Level.Token()}-compare", format,
                $"{rows.Count} rows; dataset={s.Source.Data.Name}; district={d.Code} {s.Source.Data.Period}; with={other.Code} {t.Source.Data.Period}; level={s.Level.Token()}; policy: published", ct);
        }
        if (table == "indices")
        {
            // The long format of `cohesion segregation`, so a download and the CLI's output can be read by the same script.
            var rows = new List<object?[]>();
            object?[] Row(string index, string grp, string reference, double value, Estimate? e) =>
                [d.Code, index, grp, reference, Cell(value), e is { } x ? Cell(x.PValue) : null, e is { } y ? Cell(y.Low) : null, e is { } z ? Cell(z.High) : null,
                 e is { } w ? Cell(w.Chance) : null, r.Set.Counts.Units, (long)r.Set.Counts.Total];
            var largest = r.Groups[r.Largest].Code;
            foreach (var g in r.Groups)
            {
                rows.Add(Row("dissimilarity", g.Code, "", g.Dissimilarity.Value, g.Dissimilarity));
                rows.Add(Row("gini", g.Code, "", g.Gini, null));
                rows.Add(Row("entropy", g.Code, "", g.Entropy, null));
                rows.Add(Row("isolation", g.Code, "", g.Isolation.Value, g.Isolation));
                rows.Add(Row("interaction", g.Code, "", g.Interaction, null));
                rows.Add(Row("atkinson", g.Code, "", g.Atkinson, null));
                if (g.Group == r.Largest) continue;
                rows.Add(Row("dissimilarity", g.Code, largest, g.DissimilarityVsLargest.Value, g.DissimilarityVsLargest));
                rows.Add(Row("isolation", g.Code, largest, g.IsolationVsLargest.Value, g.IsolationVsLargest));
            }
            foreach (var m in r.Multigroup)
                rows.Add(Row(m.Info.Name, "", "", m.Estimate.Value, double.IsFinite(m.Estimate.PValue) ? m.Estimate : null));
            export = new ExportTable($"Segregation indices, {d.Name}, {s.Level.Label()} areas: {s.Source.Data.Title}",
                ["by", "index", "group", "reference", "value", "p_value", "ci_low", "ci_high", "chance", "units", "population"], rows,
                [.. About(s, $"district={d.Code}"), ("Method", SegregationApi.Method), ("Atkinson", "b = 0.5")]);
        }
        else
        {
            var groups = r.Set.Groups.ToList();
            var k = group is not null && groups.FindIndex(x => x.Code.Equals(group, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i ? i : -1;
            var rows = AreaMeasures.Of(r.Set, k).Select(a => (object?[])[a.Code, a.Name, s.Level.Token(), (long)a.Population, k >= 0 ? groups[k].Code : "",
                Cell(a.GroupShare), Cell(a.LocalDissimilarity), Cell(a.LocalInformationTheory), Cell(a.Simpson), Cell(a.Shannon)]).ToList();
            export = new ExportTable($"Areas of {d.Name}, {s.Level.Label()}: share, local contribution and diversity",
                ["code", "name", "level", "population", "group", "group_share", "local_dissimilarity", "local_information_theory", "simpson", "shannon"], rows,
                [.. About(s, $"district={d.Code}; group={(k >= 0 ? groups[k].Code : "none")}"),
                 ("local_information_theory", "the area's term of the district's multigroup information theory index; the terms add up to the index"),
                 ("local_dissimilarity", "the area's term of the group's dissimilarity index; the terms add up to the index")]);
        }
        return await ExportFiles.AuditedAsync(http, db, export, $"segregation-{d.Code}-{s.Level.Token()}-{table}", format,
            $"{export.Rows.Count} rows; dataset={s.Source.Data.Name}; district={d.Code}; level={s.Level.Token()}; policy: published", ct);
    }

    static object? Cell(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    static List<(string, string)> About(SegregationScope s, string filters) =>
    [
        ("Dataset", $"{s.Source.Data.Title} ({s.Source.Data.Name}), {s.Source.Data.Period}"),
        ("Source", s.Source.Data.Source),
        ("Licence", s.Source.Data.Licence),
        ("Attribution", s.Source.Data.Attribution),
        ("Synthetic data", s.Source.Data.IsSynthetic ? "Yes: generated for demonstration" : "No"),
        ("Areas", s.Level.Label()),
        ("Filters", filters),
        ("Empty cells", "the index cannot be worked out (no residents, or the group is absent)"),
    ];
}

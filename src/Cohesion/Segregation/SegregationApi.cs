using Cohesion.Analytics.Segregation;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Segregation.Read;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohesion.Segregation;

public sealed record EstimateDto(double? Value, double? Chance, double? PValue, double? CiLow, double? CiHigh);
public sealed record IndexDto(string Index, string Title, double? Value, string Meaning, string Range, string Source, string? Statement);
public sealed record GroupIndicesDto(string Code, string Label, double People, double Share, EstimateDto Dissimilarity, EstimateDto Isolation,
    EstimateDto? DissimilarityAgainstLargest, EstimateDto? IsolationAgainstLargest, double? Gini, double? Entropy, double? Interaction, double? Atkinson,
    string? DissimilarityStatement, RankDto? DissimilarityRank);
public sealed record MultigroupDto(string Index, string Title, EstimateDto Estimate, string Meaning, string Range, string Source, string Statement, RankDto? Rank);
public sealed record RankDto(int Rank, int Of);
public sealed record SegregationAbout(string Dataset, string Period, IReadOnlyList<string> Periods, string Level, IReadOnlyList<string> Levels, string Attribution, bool Synthetic, string Method);
public sealed record DistrictSegregationDto(SegregationAbout About, string Code, string Name, int Units, double Population, string LargestGroup,
    IReadOnlyList<GroupIndicesDto> Groups, IReadOnlyList<MultigroupDto> Multigroup, int Iterations, ulong Seed);
public sealed record AreaSegregationDto(string Code, string Name, double Population, double? GroupShare, double? LocalDissimilarity, double? LocalInformationTheory,
    double? Simpson, double? Shannon);
public sealed record DistrictAreasDto(SegregationAbout About, string District, string? Group, IReadOnlyList<AreaSegregationDto> Areas);
public sealed record NationalRowDto(string Code, string Name, string? Region, int Units, double Population, IReadOnlyDictionary<string, double?> Indices,
    IReadOnlyList<NationalGroupDto> Groups);
public sealed record NationalGroupDto(string Code, double Share, double? Dissimilarity, double? Isolation);
public sealed record DifferenceDto(string Index, string Group, string Label, double? Here, double? There, double? Difference, double? PValue, double? CiLow, double? CiHigh, string? Statement);
public sealed record ComparisonDto(SegregationAbout About, string Code, string Name, string Period, string OtherCode, string OtherName, string OtherPeriod, IReadOnlyList<DifferenceDto> Differences, int Iterations, ulong Seed, string Method);
public sealed record NationalDto(SegregationAbout About, IReadOnlyList<CategorySummary> Groups, IReadOnlyList<NationalRowDto> Districts);

/// <summary>
/// Read API for "Parallel lives": segregation indices of every district loaded, one district's indices with
/// intervals and p-values, and each area's share and local contribution for maps. Published census counts only,
/// so open to everyone.
/// </summary>
public static class SegregationApi
{
    public const string Method = "Two-group indices compare each group with everyone else (and with the largest group); multigroup indices take all groups at once. " +
        "p-value: share of 999 random placements of each group's residents over the areas (systematic null) at least as segregated. " +
        "Interval: 2.5th to 97.5th percentile over 999 resamples of the areas (bootstrap). Seed 2011.";

    public static RouteGroupBuilder MapSegregationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/segregation").WithTags("segregation");
        g.MapGet("/districts", National).WithName("SegregationNational").WithSummary("Every district loaded with its multigroup indices and each group's dissimilarity and isolation");
        g.MapGet("/districts/{code}", District).WithName("SegregationDistrict").WithSummary("A district's two-group and multigroup indices with p-values, intervals and ranks");
        g.MapGet("/districts/{code}/map", Map).WithName("SegregationMap").WithSummary("One area measure (local contribution, a group's share, diversity) for the district's map");
        g.MapGet("/districts/{code}/compare/{other}", Compare).WithName("SegregationCompare").WithSummary("Two districts (or one district in two periods: otherPeriod) at the same level, with the difference, a random-labelling p-value and a bootstrap interval");
        g.MapGet("/districts/{code}/areas", Areas).WithName("SegregationAreas").WithSummary("Each area's share of a group, local contribution to segregation and diversity");
        return g;
    }

    internal static double? N(double v) => double.IsFinite(v) ? v : null;
    internal static EstimateDto Dto(Estimate e) => new(N(e.Value), N(e.Chance), N(e.PValue), N(e.Low), N(e.High));
    static ProblemHttpResult Problem(SegregationScope s) => TypedResults.Problem(s.Problem, statusCode: s.NotFound ? 404 : 400);

    internal static SegregationAbout About(SegregationScope s) => new(s.Source.Data.Name, s.Source.Data.Period, s.Source.Periods, s.Level.Token(),
        s.Levels.Select(l => l.Token()).ToList(), s.Source.Data.Attribution, s.Source.Data.IsSynthetic, Method);

    static async Task<Results<Ok<NationalDto>, ProblemHttpResult>> National(string? dataset, string? level, string? period, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, null, ct, period);
        if (s.Problem is not null) return Problem(s);
        var t = cache.National(s.Source, s.Level);
        return TypedResults.Ok(new NationalDto(About(s), t.Groups.Select(x => new CategorySummary(x.Code, x.Label, false)).ToList(),
            t.Rows.Select(r => new NationalRowDto(r.District.Code, r.District.Name, r.Region?.Name, r.Units, r.Population,
                NationalSegregation.MultigroupIndices.Select((x, j) => (IndexCatalogue.Get(x).Name, N(r.Multigroup[j]))).ToDictionary(p => p.Name, p => p.Item2),
                t.Groups.Select((x, k) => new NationalGroupDto(x.Code, r.Share[k], N(r.Dissimilarity[k]), N(r.Isolation[k]))).ToList())).ToList()));
    }

    static async Task<Results<Ok<DistrictSegregationDto>, ProblemHttpResult>> District(string code, string? dataset, string? level, string? period, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        if (s.Problem is not null) return Problem(s);
        if (await cache.DistrictAsync(s.Source, s.District!, s.Level) is not { } r) return TypedResults.Problem($"{s.District!.Name} has fewer than two areas at {s.Level.Label()} level", statusCode: 404);
        return TypedResults.Ok(Build(s, r, cache.National(s.Source, s.Level)));
    }

    internal static DistrictSegregationDto Build(SegregationScope s, DistrictSegregation r, NationalSegregation national)
    {
        var largest = r.Groups[r.Largest];
        var groups = r.Groups.Select(g => new GroupIndicesDto(g.Code, g.Label, g.People, g.Share, Dto(g.Dissimilarity), Dto(g.Isolation),
            g.Group == r.Largest ? null : Dto(g.DissimilarityVsLargest), g.Group == r.Largest ? null : Dto(g.IsolationVsLargest),
            N(g.Gini), N(g.Entropy), N(g.Interaction), N(g.Atkinson),
            g.Dissimilarity.IsDefined ? IndexCatalogue.Describe(SegregationIndex.Dissimilarity, g.Dissimilarity.Value, g.Label) : null,
            Rank(national.RankOf(s.District!, row => row.Dissimilarity[g.Group])))).ToList();
        var multi = r.Multigroup.Select(m =>
        {
            var j = Array.IndexOf(NationalSegregation.MultigroupIndices, m.Info.Index);
            return new MultigroupDto(m.Info.Name, m.Info.Title, Dto(m.Estimate), m.Info.Meaning, m.Info.Range, m.Info.Source,
                IndexCatalogue.Describe(m.Info.Index, m.Estimate.Value, groups: r.Set.Counts.Groups), Rank(national.RankOf(s.District!, row => row.Multigroup[j])));
        }).ToList();
        return new DistrictSegregationDto(About(s), s.District!.Code, s.District.Name, r.Set.Counts.Units, r.Set.Counts.Total, largest.Label, groups, multi, r.Iterations, r.Seed);
    }

    static RankDto? Rank((int Rank, int Of)? r) => r is { } x ? new RankDto(x.Rank, x.Of) : null;

    public const string CompareMethod = "Difference = first district − second. p-value: share of 999 random splits of the two districts' areas (pooled and dealt back in sets of the original sizes) " +
        "with a difference at least as large either way. Interval: 2.5th to 97.5th percentile of the difference over 999 resamples of each district's areas. Seed 2011.";

    static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> Compare(string code, string other, string? dataset, string? level, string? period, string? otherPeriod, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        if (s.Problem is not null) return Problem(s);
        var t = await SegregationScope.ResolveAsync(db, cache, dataset, s.Level.Token(), other, ct, otherPeriod ?? s.Source.Data.Period);
        if (t.Problem is not null) return Problem(t);
        var second = t.District!;
        if (second.Id == s.District!.Id && t.Source.Data.Period == s.Source.Data.Period)
            return TypedResults.Problem("compare a district with another one, or with itself in another period (otherPeriod)", statusCode: 400);
        if (await cache.CompareAsync(s.Source, s.District, t.Source, second, s.Level) is not { } c)
            return TypedResults.Problem($"both need two or more areas at {s.Level.Label()} level and the same groups", statusCode: 404);
        return TypedResults.Ok(new ComparisonDto(About(s), s.District.Code, s.District.Name, s.Source.Data.Period, second.Code, second.Name, t.Source.Data.Period,
            Differences(c), c.Iterations, c.Seed, CompareMethod));
    }

    internal static List<DifferenceDto> Differences(DistrictComparison c) =>
    [
        .. c.Groups.Select(g => Dto("dissimilarity", g.Code, g.Label, g.Dissimilarity, Pages.SegregationFormat.Compare(g.Dissimilarity, $"{g.Label} residents", c.FirstName, c.SecondName))),
        .. c.Multigroup.Select(m => Dto(m.Info.Name, "", m.Info.Title, m.Difference, null)),
    ];

    static DifferenceDto Dto(string index, string group, string label, Difference d, string? statement) =>
        new(index, group, label, N(d.Here), N(d.There), d.IsDefined ? d.Value : null, N(d.PValue), N(d.Low), N(d.High), statement);

    static async Task<Results<Ok<MapValues>, ProblemHttpResult>> Map(string code, string? dataset, string? level, string? period, string? measure, string? group, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        if (s.Problem is not null) return Problem(s);
        if (DistrictAreas.Of(s.Source.Directory, s.Source.Data, s.District!, s.Level) is not { } set) return TypedResults.Problem($"{s.District!.Name} has fewer than two areas at {s.Level.Label()} level", statusCode: 404);
        var m = SegregationMap.Find(measure ?? "local_information_theory");
        if (m is null) return TypedResults.Problem($"unknown measure '{measure}': use one of {string.Join(", ", SegregationMap.All.Select(x => x.Key))}", statusCode: 400);
        var k = group is null ? -1 : set.Groups.ToList().FindIndex(x => x.Code.Equals(group, StringComparison.OrdinalIgnoreCase));
        if (m.NeedsGroup && k < 0) return TypedResults.Problem($"the measure '{m.Key}' needs a group: use one of {string.Join(", ", set.Groups.Select(x => x.Code))}", statusCode: 400);
        var areas = AreaMeasures.Of(set, k);
        var label = m.NeedsGroup ? $"{m.Label}: {set.Groups[k].Label}" : m.Label;
        return TypedResults.Ok(new MapValues(m.Key, label, m.Unit, areas.Select(a => new MapValue(a.Code, a.Name, m.ValueOf(a))).ToList(), s.Source.Data.Attribution));
    }

    static async Task<Results<Ok<DistrictAreasDto>, ProblemHttpResult>> Areas(string code, string? dataset, string? level, string? period, string? group, CohesionDb db, SegregationCache cache, CancellationToken ct)
    {
        var s = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        if (s.Problem is not null) return Problem(s);
        if (DistrictAreas.Of(s.Source.Directory, s.Source.Data, s.District!, s.Level) is not { } set) return TypedResults.Problem($"{s.District!.Name} has fewer than two areas at {s.Level.Label()} level", statusCode: 404);
        var k = group is null ? -1 : set.Groups.ToList().FindIndex(x => x.Code.Equals(group, StringComparison.OrdinalIgnoreCase));
        if (group is not null && k < 0) return TypedResults.Problem($"unknown group '{group}': use one of {string.Join(", ", set.Groups.Select(x => x.Code))}", statusCode: 400);
        return TypedResults.Ok(new DistrictAreasDto(About(s), s.District!.Code, k < 0 ? null : set.Groups[k].Code, AreaMeasures.Of(set, k)));
    }
}

/// <summary>Each area's measures for the maps and their tables.</summary>
public static class AreaMeasures
{
    /// <param name="group">The group whose share and dissimilarity contribution to give, or −1 for none.</param>
    public static List<AreaSegregationDto> Of(DistrictAreas set, int group)
    {
        var c = set.Counts;
        var n = c.Units;
        var (local, localD, simpson, shannon) = (new double[n], new double[n], new double[n], new double[n]);
        LocalContribution.InformationTheory(c, local);
        if (group >= 0) LocalContribution.Dissimilarity(c.Group(group), c.UnitTotals, localD);
        AreaDiversity.Simpson(c, simpson);
        AreaDiversity.Shannon(c, shannon);
        return set.Units.Select((a, i) => new AreaSegregationDto(a.Code, a.Name, c.UnitTotals[i],
            group >= 0 && c.UnitTotals[i] > 0 ? c[i, group] / c.UnitTotals[i] : null,
            group >= 0 ? SegregationApi.N(localD[i]) : null, SegregationApi.N(local[i]), SegregationApi.N(simpson[i]), SegregationApi.N(shannon[i]))).ToList();
    }
}

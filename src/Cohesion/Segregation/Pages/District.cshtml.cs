using Cohesion.Analytics.Segregation;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Segregation.Read;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Segregation.Pages;

/// <summary>/parallel-lives/{code}: how evenly each group is spread across a district's areas, with intervals, ranks and maps.</summary>
public sealed class SegregationDistrictModel(CohesionDb db, SegregationCache cache) : PageModel
{
    public SegregationScope Scope { get; private set; } = null!;
    public DistrictSegregation Result { get; private set; } = null!;
    public NationalSegregation National { get; private set; } = null!;
    public AreaInfo District => Scope.District!;
    public SegregationMap Map { get; private set; } = SegregationMap.All[0];
    public int MapGroup { get; private set; }
    public List<AreaSegregationDto> Areas { get; private set; } = [];
    public Attribution Attribution { get; private set; } = null!;
    public IReadOnlyList<DatasetSummary> Datasets { get; private set; } = [];
    /// <summary>Whether the level's areas have boundaries to map (output areas are loaded without them).</summary>
    public bool HasBoundaries { get; private set; }

    /// <summary>The other districts with figures at this level, by name, for the comparison picker.</summary>
    public List<AreaInfo> Others { get; private set; } = [];
    public DistrictComparison? Comparison { get; private set; }
    public string? CompareProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? dataset, string? level, string? period, string? map, string? group, string? compare, string? comparePeriod,
        CancellationToken ct)
    {
        Scope = await SegregationScope.ResolveAsync(db, cache, dataset, level, code, ct, period);
        // An unknown level on a page falls back to the default rather than failing: links from older pages keep working.
        if (Scope.Problem is not null && !Scope.NotFound) Scope = await SegregationScope.ResolveAsync(db, cache, dataset, null, code, ct, period);
        if (Scope.Problem is not null) return NotFound();
        if (await cache.DistrictAsync(Scope.Source, District, Scope.Level) is not { } r) return NotFound();
        Result = r;
        National = cache.National(Scope.Source, Scope.Level);
        Map = SegregationMap.Find(map) ?? SegregationMap.All[0];
        var groups = r.Set.Groups.ToList();
        MapGroup = group is not null && groups.FindIndex(g => g.Code.Equals(group, StringComparison.OrdinalIgnoreCase)) is >= 0 and var gi ? gi : DefaultGroup(r);
        Areas = AreaMeasures.Of(r.Set, MapGroup);
        HasBoundaries = r.Set.Units.Any(u => Scope.Source.Directory.WithBoundary.Contains(u.Id));
        Attribution = Sources.WithBoundaries(Sources.Census(Scope.Source.Data));
        Datasets = await cache.GroupingsAsync(db, ct);
        // This district can be compared with itself when the dataset has another period.
        Others = National.Rows.Select(x => x.District).Where(x => x.Id != District.Id || Scope.Source.Periods.Count > 1).OrderBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (compare is not null && Others.FirstOrDefault(x => x.Code.Equals(compare, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            var theirs = await SegregationScope.ResolveAsync(db, cache, Scope.Source.Data.Name, Scope.Level.Token(), other.Code, ct, comparePeriod ?? Scope.Source.Data.Period);
            if (theirs.Problem is null && !(other.Id == District.Id && theirs.Source.Data.Period == Scope.Source.Data.Period))
                Comparison = await cache.CompareAsync(Scope.Source, District, theirs.Source, other, Scope.Level);
            else CompareProblem = theirs.Problem ?? $"Choose another district, or another period than {Scope.Source.Data.Period}, to compare {District.Name} with.";
        }
        return Page();
    }

    /// <summary>The largest group other than the largest overall: usually the one people ask about first.</summary>
    static int DefaultGroup(DistrictSegregation r) =>
        r.Groups.Where(g => g.Group != r.Largest).OrderByDescending(g => g.People).Select(g => g.Group).FirstOrDefault();

    public string Base => $"/parallel-lives/{Uri.EscapeDataString(District.Code)}";

    /// <summary>The query that keeps this page's dataset and level.</summary>
    public string Keep => $"?level={Scope.Level.Token()}" + (Scope.Source.Data.Name == PlacesApi.DefaultDataset ? "" : $"&dataset={Uri.EscapeDataString(Scope.Source.Data.Name)}")
        + (Scope.Source.Data.Period == Scope.Source.Periods.LastOrDefault() ? "" : $"&period={Uri.EscapeDataString(Scope.Source.Data.Period)}");

    /// <summary>Hidden inputs for the forms that keep the dataset and period while changing something else.</summary>
    public IEnumerable<(string Name, string Value)> Hidden()
    {
        if (Scope.Source.Data.Name != PlacesApi.DefaultDataset) yield return ("dataset", Scope.Source.Data.Name);
        if (Scope.Source.Data.Period != Scope.Source.Periods.LastOrDefault()) yield return ("period", Scope.Source.Data.Period);
    }

    public string MapValuesUrl => $"/api/v1/segregation/districts/{Uri.EscapeDataString(District.Code)}/map{Keep}&measure={Map.Key}&group={Uri.EscapeDataString(Result.Set.Groups[MapGroup].Code)}";

    public (int Rank, int Of)? RankOf(SegregationIndex index) =>
        National.RankOf(District, row => row.Multigroup[Array.IndexOf(NationalSegregation.MultigroupIndices, index)]);

    public (int Rank, int Of)? GroupRank(int group) => National.RankOf(District, row => row.Dissimilarity[group]);

    public string Export(string what, string format) => $"{Base}/{what}.{format}{Keep}" + what switch
    {
        "areas" => $"&group={Uri.EscapeDataString(Result.Set.Groups[MapGroup].Code)}",
        "compare" when Comparison is not null => $"&with={Uri.EscapeDataString(Comparison.Second.District.Code)}&withPeriod={Uri.EscapeDataString(Comparison.SecondPeriod)}",
        _ => "",
    };
}

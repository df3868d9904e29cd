using Cohesion.Data;
using Cohesion.Places;

namespace Cohesion.Segregation.Read;

/// <summary>
/// What a segregation page, endpoint or download is about: a published dataset, a level, and (for a district) the
/// district. Resolved the same way everywhere so the three agree; <see cref="Problem"/> says what was wrong.
/// </summary>
public sealed record SegregationScope(SegregationSource Source, AreaLevel Level, IReadOnlyList<AreaLevel> Levels, AreaInfo? District)
{
    public string? Problem { get; init; }
    public bool NotFound { get; init; }

    static SegregationScope Fail(string problem, bool notFound) => new(null!, default, [], null) { Problem = problem, NotFound = notFound };

    /// <summary>The level asked for, else LSOA where there is one, else the smallest level with counts.</summary>
    public static async Task<SegregationScope> ResolveAsync(CohesionDb db, SegregationCache cache, string? dataset, string? level, string? district, CancellationToken ct,
        string? period = null)
    {
        if (await cache.SourceAsync(db, dataset, period, ct) is not { } source)
            return Fail(period is null
                ? $"no published dataset of counts by area named '{dataset ?? PlacesApi.DefaultDataset}': see /api/v1/datasets"
                : $"no period '{period}' in a published dataset named '{dataset ?? PlacesApi.DefaultDataset}': see /api/v1/datasets", true);
        AreaInfo? d = null;
        List<AreaLevel> levels;
        if (district is not null)
        {
            if (source.Directory.Find(district) is not { Level: AreaLevel.LocalAuthority } found) return Fail($"'{district}' is not a district", true);
            d = found;
            levels = DistrictAreas.LevelsOf(source.Directory, source.Data, d);
            if (levels.Count == 0) return Fail($"{d.Name} has no areas with counts in {source.Data.Name}", true);
        }
        else levels = NationalSegregation.Levels(source.Directory, source.Data);
        if (levels.Count == 0) return Fail($"{source.Data.Name} has no counts for areas below district level", true);
        AreaLevel chosen;
        if (string.IsNullOrWhiteSpace(level)) chosen = levels.Contains(AreaLevel.Lsoa) ? AreaLevel.Lsoa : levels[0];
        else if (!AreaLevels.TryParse(level, out chosen) || !levels.Contains(chosen))
            return Fail($"unknown level '{level}': use one of {string.Join(", ", levels.Select(l => l.Token()))}", false);
        return new SegregationScope(source, chosen, levels, d);
    }
}

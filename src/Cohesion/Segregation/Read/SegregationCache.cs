using System.Collections.Concurrent;
using Cohesion.Data;
using Cohesion.Places;

namespace Cohesion.Segregation.Read;

/// <summary>The counts a segregation page or endpoint reads: a published dataset in one period (the latest unless chosen), its periods, and the area directory.</summary>
public sealed record SegregationSource(DatasetView Data, PlaceDirectory Directory, long Version, IReadOnlyList<string> Periods);

/// <summary>
/// National tables and districts' inference, kept until the next import (the data version every cache of
/// imported data shares). A district's inference (two runs of 999 simulations) is worked out once per version,
/// however many requests ask for it at once.
/// </summary>
public sealed class SegregationCache(AreaStatsCache places)
{
    readonly ConcurrentDictionary<(string, string, AreaLevel), (long Version, Lazy<NationalSegregation> Table)> _national = [];
    readonly ConcurrentDictionary<(string, string, AreaLevel, int), (long Version, Lazy<Task<DistrictSegregation?>> Result)> _districts = [];
    readonly ConcurrentDictionary<(string, string, AreaLevel, int, int), (long Version, Lazy<Task<DistrictComparison?>> Result)> _comparisons = [];
    volatile Tuple<long, List<DatasetSummary>>? _published;

    /// <summary>The published datasets with two or more groups: the groupings a page can offer. Read once per data version.</summary>
    public async Task<List<DatasetSummary>> GroupingsAsync(CohesionDb db, CancellationToken ct) =>
        (await PublishedAsync(db, await AreaStatsCache.VersionAsync(db, ct), ct)).Where(d => d.Categories.Count(c => !c.IsTotal) >= 2).ToList();

    async Task<List<DatasetSummary>> PublishedAsync(CohesionDb db, long version, CancellationToken ct)
    {
        if (_published is { } hit && hit.Item1 == version) return hit.Item2;
        var list = await PlacesApi.PublishedDatasetsAsync(db, ct);
        _published = Tuple.Create(version, list);
        return list;
    }

    /// <summary>Null when there is no published dataset of that name with counts in that period (null: the latest).</summary>
    public async Task<SegregationSource?> SourceAsync(CohesionDb db, string? dataset, string? period, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(dataset) ? PlacesApi.DefaultDataset : dataset.Trim();
        // Only datasets with no owner are published statistics; anything owned is shared under its own terms elsewhere.
        var version = await AreaStatsCache.VersionAsync(db, ct);
        var published = (await PublishedAsync(db, version, ct)).FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (published is null) return null;
        if (period is not null && !published.Periods.Contains(period)) return null;
        var data = await places.DatasetAsync(db, published.Name, period, ct);
        if (data is null || data.Groups.Count < 2) return null;
        return new SegregationSource(data, await places.DirectoryAsync(db, ct), version, published.Periods);
    }

    public NationalSegregation National(SegregationSource s, AreaLevel level)
    {
        var key = (s.Data.Name, s.Data.Period, level);
        var entry = _national.AddOrUpdate(key,
            _ => (s.Version, new Lazy<NationalSegregation>(() => NationalSegregation.Compute(s.Directory, s.Data, level))),
            (_, old) => old.Version == s.Version ? old : (s.Version, new Lazy<NationalSegregation>(() => NationalSegregation.Compute(s.Directory, s.Data, level))));
        return entry.Table.Value;
    }

    public Task<DistrictSegregation?> DistrictAsync(SegregationSource s, AreaInfo district, AreaLevel level)
    {
        var key = (s.Data.Name, s.Data.Period, level, district.Id);
        Lazy<Task<DistrictSegregation?>> Make() => new(() => Task.Run(() =>
            DistrictAreas.Of(s.Directory, s.Data, district, level) is { } set ? DistrictSegregation.Compute(set) : null));
        var entry = _districts.AddOrUpdate(key, _ => (s.Version, Make()), (_, old) => old.Version == s.Version ? old : (s.Version, Make()));
        return entry.Result.Value;
    }

    /// <summary>
    /// Two districts, or one district in two periods, of the same dataset at one level. Null when either has fewer
    /// than two areas at the level, or their groups differ.
    /// </summary>
    public Task<DistrictComparison?> CompareAsync(SegregationSource s, AreaInfo first, SegregationSource t, AreaInfo second, AreaLevel level)
    {
        var key = (s.Data.Name, s.Data.Period + "|" + t.Data.Period, level, first.Id, second.Id);
        Lazy<Task<DistrictComparison?>> Make() => new(() => Task.Run(() =>
            DistrictAreas.Of(s.Directory, s.Data, first, level) is { } a && DistrictAreas.Of(t.Directory, t.Data, second, level) is { } b && a.Counts.Groups == b.Counts.Groups
                ? DistrictComparison.Compute(a, b) with { FirstPeriod = s.Data.Period, SecondPeriod = t.Data.Period } : null));
        var entry = _comparisons.AddOrUpdate(key, _ => (s.Version, Make()), (_, old) => old.Version == s.Version ? old : (s.Version, Make()));
        return entry.Result.Value;
    }
}

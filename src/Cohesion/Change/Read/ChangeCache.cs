using System.Collections.Concurrent;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Change.Read;

/// <summary>
/// Change datasets unpacked into <see cref="ChangeCube"/>s, one per dataset and viewer class, rebuilt when an
/// import has happened since (the newest import audit entry is the version, as for <see cref="AreaStatsCache"/>).
/// </summary>
public sealed class ChangeCache
{
    readonly ConcurrentDictionary<(int, bool), (long Version, ChangeCube Cube)> _cubes = [];
    readonly SemaphoreSlim _lock = new(1, 1);
    // Descriptions change only with an import (or a re-import under new terms), like the cubes.
    volatile Tuple<long, List<ChangeDataset>>? _described;

    /// <summary>The change datasets a viewer may see, in name order.</summary>
    public async Task<List<ChangeDataset>> VisibleAsync(CohesionDb db, Viewer viewer, CancellationToken ct = default)
    {
        var (_, all) = await DescribedAsync(db, ct);
        return all.Where(d => Access.CanSee(d.AsDataset(), viewer)).ToList();
    }

    /// <summary>Every dataset <paramref name="viewer"/> may see, as they see it (exact or published), in name order.</summary>
    public async Task<List<ChangeCube>> VisibleCubesAsync(CohesionDb db, Viewer viewer, CancellationToken ct = default)
    {
        var cubes = new List<ChangeCube>();
        foreach (var d in await VisibleAsync(db, viewer, ct))
            if (await GetAsync(db, d.Name, viewer, ct) is { } c) cubes.Add(c);
        return cubes;
    }

    async Task<(long Version, List<ChangeDataset> All)> DescribedAsync(CohesionDb db, CancellationToken ct)
    {
        var version = await AreaStatsCache.VersionAsync(db, ct);
        if (_described is { } hit && hit.Item1 == version) return (version, hit.Item2);
        var all = await DescribeAsync(db, ct);
        _described = Tuple.Create(version, all);
        return (version, all);
    }

    static async Task<List<ChangeDataset>> DescribeAsync(CohesionDb db, CancellationToken ct)
    {
        var sets = await db.Datasets.AsNoTracking().Where(d => d.Kind != DatasetKind.Counts).OrderBy(d => d.Name).ToListAsync(ct);
        var owners = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var ids = sets.Select(s => s.Id).ToList();
        var imports = (await db.DatasetImports.AsNoTracking().Where(i => ids.Contains(i.DatasetId)).ToListAsync(ct))
            .GroupBy(i => i.DatasetId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.Id).First());
        return sets.Select(d =>
        {
            imports.TryGetValue(d.Id, out var last);
            return new ChangeDataset(d.Id, d.Name, d.Title, d.Kind, d.PeriodKind, d.OwnerOrganisationId,
                d.OwnerOrganisationId is { } o ? owners.GetValueOrDefault(o, "") : "", d.Sensitivity, d.SharingAgreement, d.DisclosurePolicy,
                d.IsSynthetic, d.Source, last?.ExtractDate, last?.ImportedAt, last?.RowsRead ?? 0, last?.RowsRejected ?? 0);
        }).ToList();
    }

    /// <summary>The dataset as <paramref name="viewer"/> may see it, or null when it does not exist or they may not see it.</summary>
    public async Task<ChangeCube?> GetAsync(CohesionDb db, string name, Viewer viewer, CancellationToken ct = default)
    {
        var (version, all) = await DescribedAsync(db, ct);
        var ds = all.SingleOrDefault(d => d.Name == name);
        if (ds is null || !Access.CanSee(ds.AsDataset(), viewer)) return null;
        var exact = Access.SeesExact(ds.AsDataset(), viewer);
        if (_cubes.TryGetValue((ds.Id, exact), out var hit) && hit.Version == version) return hit.Cube;
        await _lock.WaitAsync(ct);
        try
        {
            if (_cubes.TryGetValue((ds.Id, exact), out hit) && hit.Version == version) return hit.Cube;
            var cube = await LoadAsync(db, ds, exact, ct);
            _cubes[(ds.Id, exact)] = (version, cube);
            return cube;
        }
        finally { _lock.Release(); }
    }

    static async Task<ChangeCube> LoadAsync(CohesionDb db, ChangeDataset ds, bool exact, CancellationToken ct)
    {
        var cats = await db.DatasetCategories.AsNoTracking().Where(c => c.DatasetId == ds.Id).OrderBy(c => c.SortOrder).Select(c => new { c.Code, c.Label }).ToListAsync(ct);
        // The column is chosen here from the access decision, never from anything a request says.
        var column = exact ? "exact" : "published";
        var rows = await db.QueryAsync($"SELECT period, area_id, {column} FROM change_figures WHERE dataset_id = @d",
            r => (Period: r.GetString(0), Area: r.GetInt32(1), Values: (byte[])r.GetValue(2)), ct, ("@d", ds.Id));
        var periods = rows.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
        var pIndex = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var byArea = new Dictionary<int, int[]?[]>();
        foreach (var r in rows)
        {
            if (!byArea.TryGetValue(r.Area, out var per)) byArea[r.Area] = per = new int[]?[periods.Length];
            per[pIndex[r.Period]] = PackedFigures.Unpack(r.Values);
        }
        return new ChangeCube(ds, exact, periods, ChangeMeasures.Of(ds.Kind), cats.Select(c => c.Code).ToArray(), cats.Select(c => c.Label).ToArray(), byArea);
    }
}

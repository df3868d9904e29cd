using Cohesion.Accounts;
using Cohesion.Analytics;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

/// <summary>A loaded area with what pages and the API show about it.</summary>
public sealed record AreaInfo(int Id, string Code, string Name, AreaLevel Level, int? ParentId);

/// <summary>One area's counts in a dataset period, with its diversity.</summary>
public sealed record AreaStats(long Total, long[] Counts, double Simpson, double Shannon, bool IsDerived)
{
    public double Share(int k) => Total > 0 ? (double)Counts[k] / Total : double.NaN;
}

public sealed record DatasetView(int Id, string Name, string Title, string Period, string Attribution, string Source, string Licence, bool IsSynthetic,
    IReadOnlyList<DatasetCategory> Groups, IReadOnlyDictionary<int, AreaStats> Stats);

/// <summary>
/// The area directory and per-dataset statistics, held in memory and rebuilt when an import has happened
/// since (the newest 'import' audit entry is the version; CLI imports run in other processes, so a
/// timer or an in-process event would miss them).
/// </summary>
public sealed class AreaStatsCache
{
    sealed record Snapshot(long Version, Dictionary<int, AreaInfo> ById, Dictionary<string, AreaInfo> ByCode,
        ILookup<int, int> ChildrenOf, ILookup<int, int> GroupsOf, ILookup<int, int> MembersOf, HashSet<int> WithBoundary);

    readonly SemaphoreSlim _lock = new(1, 1);
    Snapshot? _areas;
    readonly Dictionary<(string, string), (long Version, DatasetView? View)> _datasets = [];

    static Task<long> VersionAsync(CohesionDb db, CancellationToken ct) =>
        db.AuditEntries.Where(a => a.Action == AuditActions.Import).Select(a => (long?)a.Id).MaxAsync(ct).ContinueWith(t => t.Result ?? 0, ct);

    async Task<Snapshot> AreasAsync(CohesionDb db, long version, CancellationToken ct)
    {
        var s = _areas;
        if (s is not null && s.Version == version) return s;
        var areas = await db.Areas.AsNoTracking().Select(a => new AreaInfo(a.Id, a.Code, a.Name, a.Level, a.ParentId)).ToListAsync(ct);
        var groupings = await db.AreaGroupings.AsNoTracking().Select(g => new { g.AreaId, g.GroupId }).ToListAsync(ct);
        var boundaries = await db.AreaBoundaries.AsNoTracking().Select(b => b.AreaId).ToListAsync(ct);
        s = new Snapshot(version, areas.ToDictionary(a => a.Id), areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id),
            groupings.ToLookup(g => g.AreaId, g => g.GroupId), groupings.ToLookup(g => g.GroupId, g => g.AreaId), boundaries.ToHashSet());
        _areas = s;
        return s;
    }

    public async Task<PlaceDirectory> DirectoryAsync(CohesionDb db, CancellationToken ct = default)
    {
        var version = await VersionAsync(db, ct);
        await _lock.WaitAsync(ct);
        try
        {
            var s = await AreasAsync(db, version, ct);
            return new PlaceDirectory(s.ById, s.ByCode, s.ChildrenOf, s.GroupsOf, s.MembersOf, s.WithBoundary);
        }
        finally { _lock.Release(); }
    }

    /// <summary>The statistics of a dataset for a period (the latest when <paramref name="period"/> is null), or null when absent.</summary>
    public async Task<DatasetView?> DatasetAsync(CohesionDb db, string name, string? period, CancellationToken ct = default)
    {
        var version = await VersionAsync(db, ct);
        period ??= await db.DatasetImports.Where(i => db.Datasets.Any(d => d.Id == i.DatasetId && d.Name == name)).OrderByDescending(i => i.Period).Select(i => i.Period).FirstOrDefaultAsync(ct);
        if (period is null) return null;
        await _lock.WaitAsync(ct);
        try
        {
            if (_datasets.TryGetValue((name, period), out var hit) && hit.Version == version) return hit.View;
            var view = await LoadAsync(db, name, period, ct);
            _datasets[(name, period)] = (version, view);
            return view;
        }
        finally { _lock.Release(); }
    }

    static async Task<DatasetView?> LoadAsync(CohesionDb db, string name, string period, CancellationToken ct)
    {
        var ds = await db.Datasets.AsNoTracking().Include(d => d.Categories).SingleOrDefaultAsync(d => d.Name == name, ct);
        if (ds is null) return null;
        var cats = ds.Categories.OrderBy(c => c.SortOrder).ToList();
        var groups = cats.Where(c => !c.IsTotal).ToList();
        var total = cats.FirstOrDefault(c => c.IsTotal);
        var index = groups.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = await db.AreaCounts.AsNoTracking().Where(c => c.DatasetId == ds.Id && c.Period == period)
            .Select(c => new { c.AreaId, c.CategoryId, c.Value, c.IsDerived }).ToListAsync(ct);
        var stats = new Dictionary<int, AreaStats>();
        foreach (var area in rows.GroupBy(r => r.AreaId))
        {
            var counts = new long[groups.Count];
            long? t = null;
            foreach (var r in area)
            {
                if (total is not null && r.CategoryId == total.Id) t = r.Value;
                else if (index.TryGetValue(r.CategoryId, out var k)) counts[k] = r.Value;
            }
            var asDouble = counts.Select(c => (double)c).ToArray();
            stats[area.Key] = new AreaStats(t ?? counts.Sum(), counts, Diversity.Simpson(asDouble), Diversity.Shannon(asDouble), area.First().IsDerived);
        }
        return new DatasetView(ds.Id, ds.Name, ds.Title, period, ds.Attribution, ds.Source, ds.Licence, ds.IsSynthetic, groups, stats);
    }
}

/// <summary>A read-only view of all areas for navigation: parents, children, groupings.</summary>
public sealed record PlaceDirectory(IReadOnlyDictionary<int, AreaInfo> ById, IReadOnlyDictionary<string, AreaInfo> ByCode,
    ILookup<int, int> ChildrenOf, ILookup<int, int> GroupsOf, ILookup<int, int> MembersOf, IReadOnlySet<int> WithBoundary)
{
    public AreaInfo? Find(string code) => ByCode.GetValueOrDefault(code);
    public AreaInfo? Parent(AreaInfo a) => a.ParentId is { } p ? ById.GetValueOrDefault(p) : null;
    public IEnumerable<AreaInfo> Children(AreaInfo a) => ChildrenOf[a.Id].Select(i => ById[i]).Concat(MembersOf[a.Id].Select(i => ById[i])).OrderBy(x => x.Level).ThenBy(x => x.Code, StringComparer.Ordinal);
    public IEnumerable<AreaInfo> Groups(AreaInfo a) => GroupsOf[a.Id].Select(i => ById[i]);

    /// <summary>Ancestors by the primary parent chain, nearest first.</summary>
    public IEnumerable<AreaInfo> Ancestors(AreaInfo a)
    {
        for (var p = Parent(a); p is not null; p = Parent(p)) yield return p;
    }

    /// <summary>Every area below <paramref name="a"/> by parent chain or grouping.</summary>
    public List<AreaInfo> Descendants(AreaInfo a)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(a.Id);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            foreach (var c in ChildrenOf[id].Concat(MembersOf[id])) if (seen.Add(c)) stack.Push(c);
        }
        return seen.Select(i => ById[i]).ToList();
    }

    /// <summary>The local authority an area is in (itself if it is one), or null.</summary>
    public AreaInfo? District(AreaInfo a) => a.Level == AreaLevel.LocalAuthority ? a : Ancestors(a).FirstOrDefault(x => x.Level == AreaLevel.LocalAuthority);

    public IEnumerable<AreaInfo> Districts => ById.Values.Where(a => a.Level == AreaLevel.LocalAuthority).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase);
}

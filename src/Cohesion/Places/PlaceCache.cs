using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
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
/// <remarks>
/// Every request still asks the database for the version (one indexed MAX), so an import is seen by the
/// next request; everything else is answered from immutable snapshots without taking a lock. The lock
/// is only held while a snapshot is rebuilt, so concurrent requests after an import build it once.
/// </remarks>
public sealed class AreaStatsCache
{
    sealed record Snapshot(long Version, PlaceDirectory Directory);

    readonly SemaphoreSlim _lock = new(1, 1);
    volatile Snapshot? _areas;
    readonly ConcurrentDictionary<(string, string), (long Version, DatasetView? View)> _datasets = [];
    readonly ConcurrentDictionary<string, (long Version, string? Period)> _latestPeriods = [];

    /// <summary>The data version: the newest import audit entry. Shared by every cache of imported data.</summary>
    internal static async Task<long> VersionAsync(CohesionDb db, CancellationToken ct) =>
        (await db.QueryAsync("SELECT MAX(id) FROM audit_entries WHERE action = @a", r => r.IsDBNull(0) ? 0L : Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ct, ("@a", AuditActions.Import)))[0];

    static async Task<Snapshot> LoadAreasAsync(CohesionDb db, long version, CancellationToken ct)
    {
        // Plain SQL (see RawSql): this runs on the first request after start.
        var areas = await db.QueryAsync("SELECT id, code, name, level, parent_id FROM areas",
            r => new AreaInfo(r.GetInt32(0), r.GetString(1), r.GetString(2), Enum.Parse<AreaLevel>(r.GetString(3)), r.IsDBNull(4) ? null : r.GetInt32(4)), ct);
        var groupings = await db.QueryAsync("SELECT area_id, group_id FROM area_groupings", r => new { AreaId = r.GetInt32(0), GroupId = r.GetInt32(1) }, ct);
        var boundaries = await db.QueryAsync("SELECT area_id FROM area_boundaries", r => r.GetInt32(0), ct);
        // Code order throughout: ById enumerates in it, so callers that sort by code sort sorted input.
        areas.Sort((x, y) => string.CompareOrdinal(x.Code, y.Code));
        return new Snapshot(version, new PlaceDirectory(areas.ToDictionary(a => a.Id), areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id),
            groupings.ToLookup(g => g.AreaId, g => g.GroupId), groupings.ToLookup(g => g.GroupId, g => g.AreaId), boundaries.ToHashSet()));
    }

    public async Task<PlaceDirectory> DirectoryAsync(CohesionDb db, CancellationToken ct = default)
    {
        var version = await VersionAsync(db, ct);
        if (_areas is { } hit && hit.Version == version) return hit.Directory;
        await _lock.WaitAsync(ct);
        try
        {
            var s = _areas;
            if (s is null || s.Version != version) _areas = s = await LoadAreasAsync(db, version, ct);
            return s.Directory;
        }
        finally { _lock.Release(); }
    }

    /// <summary>The statistics of a dataset for a period (the latest when <paramref name="period"/> is null), or null when absent.</summary>
    public async Task<DatasetView?> DatasetAsync(CohesionDb db, string name, string? period, CancellationToken ct = default)
    {
        var version = await VersionAsync(db, ct);
        if (period is null)
        {
            // Periods only change with an import, so the latest one is remembered per version.
            if (_latestPeriods.TryGetValue(name, out var known) && known.Version == version) period = known.Period;
            else
            {
                period = await db.DatasetImports.Where(i => db.Datasets.Any(d => d.Id == i.DatasetId && d.Name == name)).OrderByDescending(i => i.Period).Select(i => i.Period).FirstOrDefaultAsync(ct);
                _latestPeriods[name] = (version, period);
            }
        }
        if (period is null) return null;
        if (_datasets.TryGetValue((name, period), out var hit) && hit.Version == version) return hit.View;
        await _lock.WaitAsync(ct);
        try
        {
            if (_datasets.TryGetValue((name, period), out hit) && hit.Version == version) return hit.View;
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
/// <remarks>
/// Immutable once built and shared by every request until the next import, so what requests ask for
/// repeatedly is worked out once: areas in code order (overall and per level), the districts by name,
/// and each area's descendants the first time they are asked for.
/// </remarks>
public sealed record PlaceDirectory(IReadOnlyDictionary<int, AreaInfo> ById, IReadOnlyDictionary<string, AreaInfo> ByCode,
    ILookup<int, int> ChildrenOf, ILookup<int, int> GroupsOf, ILookup<int, int> MembersOf, IReadOnlySet<int> WithBoundary)
{
    // Kept beside the record rather than in it, so its equality and 'with' copies behave as before;
    // the table is keyed by reference, and a changed copy gets its own.
    static readonly ConditionalWeakTable<PlaceDirectory, Derived> Indexes = [];
    Derived Index => Indexes.GetValue(this, static d => new Derived(d.ById.Values));

    sealed class Derived(IEnumerable<AreaInfo> areas)
    {
        public readonly ReadOnlyCollection<AreaInfo> InCodeOrder = areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToList().AsReadOnly();
        public readonly ConcurrentDictionary<AreaLevel, ReadOnlyCollection<AreaInfo>> ByLevel = [];
        public readonly ConcurrentDictionary<int, AreaInfo[]> Descendants = [];
        public ReadOnlyCollection<AreaInfo>? Districts;
    }

    public AreaInfo? Find(string code) => ByCode.GetValueOrDefault(code);
    public AreaInfo? Parent(AreaInfo a) => a.ParentId is { } p ? ById.GetValueOrDefault(p) : null;
    public IEnumerable<AreaInfo> Children(AreaInfo a) => ChildrenOf[a.Id].Select(i => ById[i]).Concat(MembersOf[a.Id].Select(i => ById[i])).OrderBy(x => x.Level).ThenBy(x => x.Code, StringComparer.Ordinal);
    public IEnumerable<AreaInfo> Groups(AreaInfo a) => GroupsOf[a.Id].Select(i => ById[i]);

    /// <summary>All areas, or those of one level, in ordinal code order (the API's list order); computed once.</summary>
    public IReadOnlyList<AreaInfo> InCodeOrder(AreaLevel? level = null)
    {
        var index = Index;
        return level is not { } lv ? index.InCodeOrder : index.ByLevel.GetOrAdd(lv, l => index.InCodeOrder.Where(a => a.Level == l).ToList().AsReadOnly());
    }

    /// <summary>Ancestors by the primary parent chain, nearest first.</summary>
    public IEnumerable<AreaInfo> Ancestors(AreaInfo a)
    {
        for (var p = Parent(a); p is not null; p = Parent(p)) yield return p;
    }

    /// <summary>Every area below <paramref name="a"/> by parent chain or grouping (a new list each call; the walk is done once).</summary>
    public List<AreaInfo> Descendants(AreaInfo a) => [.. Index.Descendants.GetOrAdd(a.Id, WalkDown)];

    AreaInfo[] WalkDown(int id)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            foreach (var c in ChildrenOf[next].Concat(MembersOf[next])) if (seen.Add(c)) stack.Push(c);
        }
        return seen.Select(i => ById[i]).ToArray();
    }

    /// <summary>The local authority an area is in (itself if it is one), or null.</summary>
    public AreaInfo? District(AreaInfo a) => a.Level == AreaLevel.LocalAuthority ? a : Ancestors(a).FirstOrDefault(x => x.Level == AreaLevel.LocalAuthority);

    public IEnumerable<AreaInfo> Districts => Index.Districts ??= ById.Values.Where(a => a.Level == AreaLevel.LocalAuthority).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList().AsReadOnly();
}

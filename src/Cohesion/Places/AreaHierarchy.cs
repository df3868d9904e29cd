using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

/// <summary>The whole area tree in memory: parents, levels and secondary groupings, by area id.</summary>
public sealed class AreaHierarchy
{
    public required Dictionary<int, (int? ParentId, AreaLevel Level)> Areas { get; init; }
    public required ILookup<int, int> ChildrenOf { get; init; }
    public required ILookup<int, int> GroupsOf { get; init; }
    public required ILookup<int, int> MembersOf { get; init; }

    public static async Task<AreaHierarchy> LoadAsync(CohesionDb db, CancellationToken ct = default)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Level }).ToListAsync(ct);
        var groupings = await db.AreaGroupings.AsNoTracking().Select(g => new { g.AreaId, g.GroupId }).ToListAsync(ct);
        return new AreaHierarchy
        {
            Areas = areas.ToDictionary(a => a.Id, a => (a.ParentId, a.Level)),
            ChildrenOf = areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id),
            GroupsOf = groupings.ToLookup(g => g.AreaId, g => g.GroupId),
            MembersOf = groupings.ToLookup(g => g.GroupId, g => g.AreaId),
        };
    }
}

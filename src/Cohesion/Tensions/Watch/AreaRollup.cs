using Cohesion.Places;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Where a report's area is counted: its ward (a small area's ward by the best-fit lookup, an output area's through
/// its LSOA) and its district. Reports placed only in an MSOA or in the district count in the district alone, since
/// MSOAs and wards do not nest.
/// </summary>
public sealed class AreaRollup(PlaceDirectory places)
{
    readonly Dictionary<int, (AreaInfo? Ward, AreaInfo? District)> _memo = [];

    public PlaceDirectory Places => places;

    public (AreaInfo? Ward, AreaInfo? District) Of(int areaId)
    {
        if (_memo.TryGetValue(areaId, out var hit)) return hit;
        var a = places.ById.GetValueOrDefault(areaId);
        var r = a is null ? (null, null) : (WardOf(a), places.District(a));
        _memo[areaId] = r;
        return r;
    }

    public AreaInfo? WardOf(AreaInfo a) => a.Level switch
    {
        AreaLevel.Ward => a,
        AreaLevel.Lsoa => places.Groups(a).FirstOrDefault(g => g.Level == AreaLevel.Ward),
        AreaLevel.OutputArea => places.Parent(a) is { } lsoa ? WardOf(lsoa) : null,
        _ => null,
    };

    /// <summary>The wards of a district, by name.</summary>
    public IReadOnlyList<AreaInfo> Wards(AreaInfo district) =>
        places.Descendants(district).Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Every area whose reports count in <paramref name="area"/> (itself and below), for reading the reports behind a count.</summary>
    public HashSet<int> Within(AreaInfo area) => area.Level == AreaLevel.LocalAuthority
        ? [area.Id, .. places.Descendants(area).Select(a => a.Id)]
        : [.. places.ById.Values.Where(a => Of(a.Id).Ward?.Id == area.Id).Select(a => a.Id)];
}

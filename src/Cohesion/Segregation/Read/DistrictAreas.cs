using Cohesion.Analytics.Segregation;
using Cohesion.Places;

namespace Cohesion.Segregation.Read;

/// <summary>
/// The units of one district at one level (its LSOAs, MSOAs, wards or output areas) with their counts by group,
/// ready for the segregation indices. Units without counts are left out; units with no people stay in (they
/// add nothing to any index and must not break one).
/// </summary>
public sealed record DistrictAreas(AreaInfo District, AreaLevel Level, IReadOnlyList<AreaInfo> Units, GroupCounts Counts, IReadOnlyList<DatasetCategory> Groups)
{
    /// <summary>The levels below <paramref name="district"/> that have counts in the dataset, smallest first.</summary>
    public static List<AreaLevel> LevelsOf(PlaceDirectory dir, DatasetView data, AreaInfo district) =>
        dir.Descendants(district).Where(a => a.Level < AreaLevel.LocalAuthority && data.Stats.ContainsKey(a.Id)).Select(a => a.Level).Distinct().Order().ToList();

    /// <summary>Null when the district has fewer than two units with counts at that level: no spread to measure.</summary>
    public static DistrictAreas? Of(PlaceDirectory dir, DatasetView data, AreaInfo district, AreaLevel level)
    {
        var units = dir.Descendants(district).Where(a => a.Level == level && data.Stats.ContainsKey(a.Id))
            .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        if (units.Count < 2 || data.Groups.Count < 2) return null;
        var k = data.Groups.Count;
        var n = units.Count;
        var byGroup = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var counts = data.Stats[units[i].Id].Counts;
            for (var g = 0; g < k; g++) byGroup[g * n + i] = counts[g];
        }
        return new DistrictAreas(district, level, units, new GroupCounts(byGroup, n, k), data.Groups);
    }

    /// <summary>The group with the most people in the district (the reference group for "against the largest group").</summary>
    public int Largest
    {
        get
        {
            var totals = Counts.GroupTotals;
            var best = 0;
            for (var g = 1; g < totals.Length; g++) if (totals[g] > totals[best]) best = g;
            return best;
        }
    }
}

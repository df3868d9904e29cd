using Cohesion.Analytics.Segregation;
using Cohesion.Places;

namespace Cohesion.Segregation.Read;

/// <summary>One district in the national table: its multigroup indices and each group's D and isolation against everyone else.</summary>
public sealed record DistrictRow(AreaInfo District, AreaInfo? Region, int Units, double Population, double[] Multigroup, double[] Dissimilarity, double[] Isolation, double[] Share);

/// <summary>
/// Every district loaded, at one level, with the indices that compare districts; values only (the intervals are
/// on each district's page). Indices for all 348 districts at LSOA level take well under a second, so the table
/// is computed on first use and kept until the next import.
/// </summary>
public sealed record NationalSegregation(string Dataset, string Period, AreaLevel Level, IReadOnlyList<DatasetCategory> Groups, IReadOnlyList<DistrictRow> Rows)
{
    /// <summary>The multigroup indices in the order of <see cref="DistrictRow.Multigroup"/>.</summary>
    public static readonly SegregationIndex[] MultigroupIndices = [.. DistrictSegregation.MultigroupSegregation, .. DistrictSegregation.MultigroupDiversity];

    public static NationalSegregation Compute(PlaceDirectory dir, DatasetView data, AreaLevel level)
    {
        var districts = dir.Districts.ToList();
        var rows = new DistrictRow?[districts.Count];
        Parallel.For(0, districts.Count, i =>
        {
            if (DistrictAreas.Of(dir, data, districts[i], level) is not { } set) return;
            var c = set.Counts;
            var k = c.Groups;
            var (d, iso, share) = (new double[k], new double[k], new double[k]);
            for (var g = 0; g < k; g++)
            {
                d[g] = TwoGroup.Dissimilarity(c.Group(g), c.UnitTotals);
                iso[g] = TwoGroup.Isolation(c.Group(g), c.UnitTotals);
                share[g] = c.Share(g);
            }
            var multi = MultigroupIndices.Select(x => Indices.MultiGroup(x, c)).ToArray();
            rows[i] = new DistrictRow(districts[i], dir.Ancestors(districts[i]).FirstOrDefault(a => a.Level == AreaLevel.Region), c.Units, c.Total, multi, d, iso, share);
        });
        return new NationalSegregation(data.Name, data.Period, level, data.Groups, rows.OfType<DistrictRow>().ToList());
    }

    /// <summary>
    /// Where a district stands on a value among the districts with one: 1 = the highest (most segregated for the
    /// segregation indices). Ties share the better rank. Null when the district has no value.
    /// </summary>
    public (int Rank, int Of)? RankOf(AreaInfo district, Func<DistrictRow, double> value)
    {
        var mine = Rows.FirstOrDefault(r => r.District.Id == district.Id);
        if (mine is null || !double.IsFinite(value(mine))) return null;
        var v = value(mine);
        var defined = Rows.Select(value).Where(double.IsFinite).ToList();
        return (defined.Count(x => x > v) + 1, defined.Count);
    }

    /// <summary>The levels the national table can be drawn at: those below district level that some district has.</summary>
    public static List<AreaLevel> Levels(PlaceDirectory dir, DatasetView data) =>
        data.Stats.Keys.Select(id => dir.ById.GetValueOrDefault(id)).OfType<AreaInfo>().Where(a => a.Level < AreaLevel.LocalAuthority)
            .Select(a => a.Level).Distinct().Order().ToList();
}

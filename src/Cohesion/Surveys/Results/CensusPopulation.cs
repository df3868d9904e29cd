using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Results;

/// <summary>
/// The population a survey is weighted to, from the Census 2011 usual residents by ethnic group already in Cohesion:
/// each residence area's residents, and the residents of all of them by broad ethnic group.
/// </summary>
public sealed record CensusPopulation(IReadOnlyDictionary<int, double> ByArea, IReadOnlyDictionary<string, double> ByBroadEthnicGroup)
{
    public const string Source = "Census 2011 usual residents by ethnic group (KS201EW), ONS, Open Government Licence v3.0";

    /// <summary>The census groups in the bank's broad ethnic groups (2011: Chinese is an Asian group, as in 2021; Gypsy or Irish Traveller is White).</summary>
    public static readonly IReadOnlyDictionary<string, string> BroadGroup = new Dictionary<string, string>
    {
        ["WhiteBrit"] = "White", ["Irish"] = "White", ["OtherWhite"] = "White", [Census2011.ResidualCategory] = "White",
        ["Mixed"] = "Mixed",
        ["Indian"] = "Asian", ["Pakistani"] = "Asian", ["Bangladeshi"] = "Asian", ["Chinese"] = "Asian", ["OtherAsian"] = "Asian",
        ["BlkAfrican"] = "Black", ["BlkCaribbean"] = "Black", ["OtherBlk"] = "Black",
        ["Arab"] = "Other", ["Other"] = "Other",
    };

    /// <summary>
    /// Sums the census LSOA counts into the residence areas (LSOAs themselves, MSOAs through parents, wards through
    /// the LSOA → ward lookup). Null when the census dataset is not loaded for these areas.
    /// </summary>
    public static async Task<CensusPopulation?> LoadAsync(CohesionDb db, AreaLevel level, IReadOnlyCollection<int> residenceAreas, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Name == Census2011.DatasetName).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (dataset is null || residenceAreas.Count == 0) return null;
        var ids = residenceAreas.ToList();
        // LSOA id → the residence area it counts towards.
        var membership = level switch
        {
            AreaLevel.Lsoa => ids.ToDictionary(i => i, i => i),
            AreaLevel.Msoa => await db.Areas.Where(a => a.Level == AreaLevel.Lsoa && a.ParentId != null && ids.Contains(a.ParentId.Value))
                .ToDictionaryAsync(a => a.Id, a => a.ParentId!.Value, ct),
            _ => (await db.AreaGroupings.Where(g => ids.Contains(g.GroupId)).Select(g => new { g.AreaId, g.GroupId }).ToListAsync(ct))
                .GroupBy(g => g.AreaId).ToDictionary(g => g.Key, g => g.First().GroupId),
        };
        var lsoas = membership.Keys.ToList();
        var counts = await db.AreaCounts.AsNoTracking()
            .Where(c => c.DatasetId == dataset && c.Period == Census2011.Period && lsoas.Contains(c.AreaId))
            .Join(db.DatasetCategories, c => c.CategoryId, k => k.Id, (c, k) => new { c.AreaId, k.Code, c.Value })
            .ToListAsync(ct);
        if (counts.Count == 0) return null;
        var byArea = new Dictionary<int, double>();
        var byGroup = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            if (c.Code == Census2011.TotalCategory) byArea[membership[c.AreaId]] = byArea.GetValueOrDefault(membership[c.AreaId]) + c.Value;
            else if (BroadGroup.TryGetValue(c.Code, out var broad)) byGroup[broad] = byGroup.GetValueOrDefault(broad) + c.Value;
        }
        return new CensusPopulation(byArea, byGroup);
    }
}

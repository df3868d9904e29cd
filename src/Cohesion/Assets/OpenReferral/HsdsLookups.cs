using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// What an import needs to know of the database before it reads a record: which services, organisations, locations,
/// taxonomies and terms exist, the areas by code and name, and the small areas' boundaries to place a location in.
/// Read once; the import adds what it creates so later records see it.
/// </summary>
public sealed class HsdsLookups
{
    /// <summary>Existing services and the partner organisation maintaining each (null: the directory's staff).</summary>
    public required Dictionary<Guid, int?> Services { get; init; }
    public required HashSet<Guid> Organisations { get; init; }
    public required HashSet<Guid> Locations { get; init; }
    public required Dictionary<Guid, string> TaxonomyNames { get; init; }
    public required Dictionary<string, Guid> TaxonomiesByName { get; init; }
    public required Dictionary<Guid, (Guid Taxonomy, string Code)> Terms { get; init; }
    public required Dictionary<(Guid Taxonomy, string Code), Guid> TermsByCode { get; init; }
    public required Dictionary<string, (int Id, string Name)> AreasByCode { get; init; }
    /// <summary>Area names that name exactly one area (a name shared by two levels is not matched).</summary>
    public required Dictionary<string, int> AreasByUniqueName { get; init; }
    public required SmallAreaIndex SmallAreas { get; init; }

    public static async Task<HsdsLookups> LoadAsync(CohesionDb db, AreaShapes shapes, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name, a.Level }).ToListAsync(ct);
        var taxonomies = await db.AssetTaxonomies.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().Select(t => new { t.Id, t.TaxonomyId, t.Code }).ToListAsync(ct);
        var all = await shapes.AllAsync(db, ct);
        var lsoas = areas.Where(a => a.Level == AreaLevel.Lsoa).Select(a => a.Id).Where(all.ContainsKey).Select(id => all[id]).ToList();
        return new HsdsLookups
        {
            Services = await db.AssetServices.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.MaintainerOrganisationId, ct),
            Organisations = (await db.AssetOrganisations.AsNoTracking().Select(o => o.Id).ToListAsync(ct)).ToHashSet(),
            Locations = (await db.AssetLocations.AsNoTracking().Select(l => l.Id).ToListAsync(ct)).ToHashSet(),
            TaxonomyNames = taxonomies.ToDictionary(t => t.Id, t => t.Name),
            TaxonomiesByName = taxonomies.ToDictionary(t => t.Name, t => t.Id, StringComparer.OrdinalIgnoreCase),
            Terms = terms.ToDictionary(t => t.Id, t => (t.TaxonomyId, t.Code)),
            TermsByCode = terms.ToDictionary(t => (t.TaxonomyId, t.Code), t => t.Id),
            AreasByCode = areas.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name), StringComparer.OrdinalIgnoreCase),
            AreasByUniqueName = areas.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase),
            SmallAreas = new SmallAreaIndex(lsoas),
        };
    }
}

/// <summary>
/// The LSOA a point falls in, by a grid of 0.02° cells over the boundaries' boxes, so placing 50,000 locations tests
/// a handful of polygons each rather than every LSOA in England.
/// </summary>
public sealed class SmallAreaIndex
{
    const double Cell = 0.02;
    readonly Dictionary<(int, int), List<AreaShape>> _cells = [];

    public SmallAreaIndex(IEnumerable<AreaShape> shapes)
    {
        foreach (var s in shapes)
            for (var x = Key(s.MinLon); x <= Key(s.MaxLon); x++)
                for (var y = Key(s.MinLat); y <= Key(s.MaxLat); y++)
                {
                    if (!_cells.TryGetValue((x, y), out var list)) _cells[(x, y)] = list = [];
                    list.Add(s);
                }
    }

    static int Key(double degrees) => (int)Math.Floor(degrees / Cell);

    public int? AreaOf(double latitude, double longitude) =>
        _cells.TryGetValue((Key(longitude), Key(latitude)), out var list)
            ? list.FirstOrDefault(s => s.Contains(new GeoPoint(latitude, longitude)))?.AreaId
            : null;
}

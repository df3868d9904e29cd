using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places.Import;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

/// <summary>
/// The demo place, Oldham, from the real data shipped in SeedData/: 141 LSOAs, 33 MSOAs and 20 wards
/// (2017, LSOAs placed by the best-fit lookup) with boundaries and Census 2011 counts.
/// </summary>
public static class DemoPlace
{
    public const string DistrictName = "Oldham";
    public const string DistrictCode = "E08000004";
    public const string BoundaryAttribution = "Contains OS data © Crown copyright and database right. Source: Office for National Statistics licensed under the Open Government Licence v3.0.";

    public static string SeedDir => Path.Combine(AppContext.BaseDirectory, "SeedData");

    /// <summary>Seeds the demo place when the database has no areas; returns whether it did.</summary>
    public static async Task<bool> SeedIfEmptyAsync(CohesionDb db, CancellationToken ct = default)
    {
        if (await db.AnyRowsAsync("areas", ct)) return false;
        await SeedAsync(db, Audit.SystemActor, ct);
        return true;
    }

    public static async Task SeedAsync(CohesionDb db, string actor, CancellationToken ct = default)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "oldham_lsoa2011.geojson", "oldham_msoa2011.geojson" })
            foreach (var (code, name) in FeatureNames(Path.Combine(SeedDir, file))) names[code] = name;
        var lookup = WardLookup(Path.Combine(SeedDir, "oldham_lsoa2011_to_ward2017.csv"));
        var census = Census2011.Read(Path.Combine(SeedDir, Census2011.FileName), d => d == DistrictName, withRegions: false,
            names, new Dictionary<string, string> { [DistrictName] = DistrictCode });
        var areas = census.Areas;
        foreach (var (ward, wardName) in lookup.Select(l => (l.Ward, l.WardName)).Distinct())
            areas.Add(new AreaRow(0, ward, wardName, AreaLevel.Ward, DistrictCode, []));
        var wardOf = lookup.ToDictionary(l => l.Lsoa, l => l.Ward);
        for (var i = 0; i < areas.Count; i++)
            if (areas[i].Level == AreaLevel.Lsoa && wardOf.TryGetValue(areas[i].Code, out var w))
                areas[i] = areas[i] with { AlsoIn = [w] };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AreaImport.SaveAsync(db, areas, "demo place", overwrite: true, ct);
        await CountImport.SaveAsync(db, census.Counts, Census2011.Options(replace: true), actor, ct);
        var known = areas.Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "oldham_lsoa2011.geojson", "oldham_msoa2011.geojson", "oldham_ward2017.geojson" })
            await BoundaryImport.SaveAsync(db, BoundaryImport.Read(Path.Combine(SeedDir, file), known), ct);
        db.Record(actor, AuditActions.Import, "demo place Oldham", $"{areas.Count} areas, {census.Counts.Cells.Count} census counts, boundaries");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    static IEnumerable<(string Code, string Name)> FeatureNames(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            yield return (p.GetProperty("code").GetString()!, p.GetProperty("name").GetString()!);
        }
    }

    static List<(string Lsoa, string Ward, string WardName)> WardLookup(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(p => (p[0], p[1], p[2])).ToList();
}

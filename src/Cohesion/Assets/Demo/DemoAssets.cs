using System.Diagnostics;
using Cohesion.Accounts;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Surveys.Results;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Demo;

/// <summary>
/// The demo's synthetic community asset directory for Oldham (<see cref="DemoDirectory"/>): some 150 invented
/// organisations and 460 services, residents' offers and spaces across every activity and audience term, placed inside
/// Oldham's real LSOA boundaries and spread unevenly so the gap analysis has real gaps to find. Made from a seed and
/// the seeding date; every record is marked synthetic and says so in its description.
/// </summary>
public static class DemoAssets
{
    public const ulong Seed = 2011;

    /// <summary>Whether the demo place, its boundaries and census are present and the directory has no synthetic records (plain SQL: cheap at start-up).</summary>
    public static async Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if ((await db.QueryAsync("SELECT 1 FROM areas WHERE code = @c LIMIT 1", _ => 1, ct, ("@c", DemoPlace.DistrictCode))).Count == 0) return false;
        if ((await db.QueryAsync("SELECT 1 FROM datasets WHERE name = @n LIMIT 1", _ => 1, ct, ("@n", Census2011.DatasetName))).Count == 0) return false;
        if (!await db.AnyRowsAsync("area_boundaries", ct)) return false;
        return (await db.QueryAsync("SELECT 1 FROM as_services WHERE is_synthetic = @t LIMIT 1", _ => 1, ct, ("@t", true))).Count == 0;
    }

    /// <summary>What seeding made and how long it took.</summary>
    public sealed record Result(int Organisations, int Services, int Offers, int Spaces, TimeSpan Took, TimeSpan Writing);

    /// <summary>The Oldham LSOAs with boundaries, their wards (by the best-fit lookup) and Census 2011 usual residents.</summary>
    internal static async Task<List<DemoLsoa>> LsoasAsync(CohesionDb db, AreaShapes shapes, CancellationToken ct)
    {
        var district = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == DemoPlace.DistrictCode, ct);
        var wards = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Ward && a.ParentId == district.Id).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var wardIds = wards.Keys.ToList();
        var lsoaWard = (await db.AreaGroupings.AsNoTracking().Where(g => wardIds.Contains(g.GroupId)).Select(g => new { g.AreaId, g.GroupId }).ToListAsync(ct))
            .GroupBy(g => g.AreaId).ToDictionary(g => g.Key, g => g.Min(x => x.GroupId));
        var lsoaIds = lsoaWard.Keys.ToList();
        var codes = await db.Areas.AsNoTracking().Where(a => lsoaIds.Contains(a.Id) && a.Level == AreaLevel.Lsoa).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var residents = (await CensusPopulation.LoadAsync(db, AreaLevel.Lsoa, codes.Keys, ct))?.ByArea ?? new Dictionary<int, double>();
        var all = await shapes.AllAsync(db, ct);
        return codes.Where(c => all.ContainsKey(c.Key) && residents.GetValueOrDefault(c.Key) > 0)
            .Select(c => new DemoLsoa(c.Key, c.Value, lsoaWard[c.Key], wards[lsoaWard[c.Key]], residents[c.Key], all[c.Key]))
            .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Seeds the directory in one transaction, with one revision per service; null when there was nothing to do.</summary>
    public static async Task<Result?> SeedAsync(CohesionDb db, AreaShapes shapes, DateTime now, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (!await NeedsSeedingAsync(db, ct)) return null;
        // The services refer to the seeded terms; a first start runs the taxonomy seeder too, but not necessarily first.
        await TaxonomySeeder.EnsureAsync(db, ct);
        var lsoas = await LsoasAsync(db, shapes, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var maintainers = new Dictionary<string, int>();
        foreach (var (name, kind) in DemoWords.Maintainers)
        {
            var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct) ?? OrganisationAdmin.Add(db, name, kind, Audit.SystemActor, "");
            await db.SaveChangesAsync(ct);
            maintainers[name] = org.Id;
        }
        var built = DemoDirectory.Generate(Seed, DateOnly.FromDateTime(now), now, lsoas, maintainers);
        var generated = clock.Elapsed;
        // A few thousand rows: EF's change tracker is fast enough once it is not asked to detect changes on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.AssetOrganisations.AddRange(built.Organisations);
            db.AssetLocations.AddRange(built.Locations);
            db.AssetServices.AddRange(built.Services);
            db.AssetRevisions.AddRange(built.Services.Select(s => new AssetRevision
            {
                ServiceId = s.Id, Version = s.Version, SnapshotJson = Revisions.Serialise(Revisions.Snapshot(s)), ChangedAt = now,
                ChangedBy = Audit.SystemActor, Summary = DemoDirectory.Summary,
            }));
            var result = new Result(built.Organisations.Count, built.Services.Count(s => s.Kind == AssetKind.Service),
                built.Services.Count(s => s.Kind == AssetKind.Offer), built.Services.Count(s => s.Kind == AssetKind.Space), TimeSpan.Zero, TimeSpan.Zero);
            db.Record(Audit.SystemActor, AuditActions.AssetImport, "demo asset directory for Oldham",
                $"{result.Organisations} synthetic organisations, {result.Services} services, {result.Offers} offers, {result.Spaces} spaces");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result with { Took = clock.Elapsed, Writing = clock.Elapsed - generated };
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = true; }
    }
}

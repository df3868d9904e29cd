using Cohesion.Accounts;
using Cohesion.Analytics.Change;
using Cohesion.Change.Generate;
using Cohesion.Change.Import;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Change;

/// <summary>
/// The demo's community-change data: a synthetic GP registration extract for Oldham made by the generator
/// (2016 to 2025, reported from 2017 because the first year only builds the list up), imported like any other
/// extract, owned by a demo GP federation, and a synthetic school census (ten January censuses, by year) owned by
/// a demo education service; both open to all with threshold suppression, and labelled synthetic.
/// </summary>
public static class DemoChange
{
    public const string GpDataset = "gp-oldham-synthetic";
    public const string GpOwner = "Oldham GP Federation (demo)";
    /// <summary>About the registered population of Oldham (some 240,000) once the list is built.</summary>
    public const long GpRows = 400_000;
    public const ulong Seed = 2026;
    public const string SchoolDataset = "school-oldham-synthetic";
    public const string SchoolOwner = "Oldham Council Education (demo)";
    /// <summary>About 40,000 pupils at each of ten January censuses.</summary>
    public const long SchoolRows = 400_000;

    /// <summary>Whether the demo place is present and either demo extract is not (plain SQL: no EF model to build for the answer).</summary>
    public static async Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if ((await db.QueryAsync("SELECT 1 FROM areas WHERE code = @c LIMIT 1", _ => 1, ct, ("@c", DemoPlace.DistrictCode))).Count == 0) return false;
        var present = await db.QueryAsync("SELECT name FROM datasets WHERE name IN (@g, @s)", r => r.GetString(0), ct, ("@g", GpDataset), ("@s", SchoolDataset));
        return present.Count < 2;
    }

    /// <summary>
    /// Seeds each demo extract that is missing when the demo place is present; returns whether it seeded any.
    /// Each is checked on its own, so a start stopped between the two imports finishes the job at the next start.
    /// </summary>
    public static async Task<bool> SeedIfMissingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if (!await db.Areas.AnyAsync(a => a.Code == DemoPlace.DistrictCode, ct)) return false;
        var seeded = false;
        if (!await db.Datasets.AnyAsync(d => d.Name == GpDataset, ct))
        {
            var scenario = new Scenario(PlaceModel.Load(DemoPlace.DistrictName), new GenerateOptions(GpRows, Seed, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo));
            await SeedAsync(db, GpOwner, OrganisationKind.Nhs, s => new GpExtractGenerator(scenario).Write(s, ct), ChangeSource.Gp, GpDataset, PeriodKind.Month,
                new DateOnly(2017, 1, 1), "GP registrations in Oldham (synthetic)", ct);
            seeded = true;
        }
        if (!await db.Datasets.AnyAsync(d => d.Name == SchoolDataset, ct))
        {
            var schools = new Scenario(PlaceModel.Load(DemoPlace.DistrictName), new GenerateOptions(SchoolRows, Seed, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo));
            await SeedAsync(db, SchoolOwner, OrganisationKind.Council, s => new SchoolCensusGenerator(schools).Write(s, ct), ChangeSource.School, SchoolDataset, PeriodKind.Year,
                GenerateOptions.DefaultFrom, "School census in Oldham (synthetic)", ct);
            seeded = true;
        }
        return seeded;
    }

    static async Task SeedAsync(CohesionDb db, string ownerName, OrganisationKind kind, Func<Stream, long> write, ChangeSource source, string dataset, PeriodKind period,
        DateOnly from, string title, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Name == ownerName, ct))
        {
            db.Organisations.Add(new Organisation { Name = ownerName, Kind = kind, CreatedAt = DateTime.UtcNow });
            db.Record(Audit.SystemActor, AuditActions.OrganisationCreated, ownerName, "demo data owner");
            await db.SaveChangesAsync(ct);
        }
        // Unique per call, not per process: several apps can seed at once in one process (parallel test classes).
        var file = Path.Combine(Path.GetTempPath(), $"cohesion-demo-{dataset}-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var s = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                write(s);
            await ChangeImport.RunAsync(db, new ChangeImportOptions(file, source, dataset, ownerName, period, from, GenerateOptions.DefaultTo, GenerateOptions.DefaultTo,
                new DisclosurePolicy.Suppress(10), Sensitivity.Open, "Synthetic demonstration data: describes no real person; free to use", title,
                Synthetic: true, SkipBadRows: false, Threads: 0, Audit.SystemActor), ct);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

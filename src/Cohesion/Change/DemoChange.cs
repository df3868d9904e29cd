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
/// extract, owned by a demo GP federation and open to all with threshold suppression. Labelled synthetic.
/// </summary>
public static class DemoChange
{
    public const string GpDataset = "gp-oldham-synthetic";
    public const string GpOwner = "Oldham GP Federation (demo)";
    /// <summary>About the registered population of Oldham (some 240,000) once the list is built.</summary>
    public const long GpRows = 400_000;
    public const ulong Seed = 2026;

    /// <summary>Seeds the demo extracts when the demo place is present and they are not; returns whether it did.</summary>
    public static async Task<bool> SeedIfMissingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if (await db.Datasets.AnyAsync(d => d.Name == GpDataset, ct)) return false;
        if (!await db.Areas.AnyAsync(a => a.Code == DemoPlace.DistrictCode, ct)) return false;
        var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Name == GpOwner, ct);
        if (owner is null)
        {
            db.Organisations.Add(new Organisation { Name = GpOwner, Kind = OrganisationKind.Nhs, CreatedAt = DateTime.UtcNow });
            db.Record(Audit.SystemActor, AuditActions.OrganisationCreated, GpOwner, "demo data owner");
            await db.SaveChangesAsync(ct);
        }
        var file = Path.Combine(Path.GetTempPath(), $"cohesion-demo-gp-{Environment.ProcessId}.csv");
        try
        {
            var scenario = new Scenario(PlaceModel.Load(DemoPlace.DistrictName), new GenerateOptions(GpRows, Seed, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo));
            await using (var s = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                new GpExtractGenerator(scenario).Write(s, ct);
            await ChangeImport.RunAsync(db, new ChangeImportOptions(file, ChangeSource.Gp, GpDataset, GpOwner, PeriodKind.Month,
                new DateOnly(2017, 1, 1), GenerateOptions.DefaultTo, GenerateOptions.DefaultTo, new DisclosurePolicy.Suppress(10), Sensitivity.Open,
                "Synthetic demonstration data: describes no real person; free to use", "GP registrations in Oldham (synthetic)", Synthetic: true,
                SkipBadRows: false, Threads: 0, Audit.SystemActor), ct);
        }
        finally
        {
            File.Delete(file);
        }
        return true;
    }
}

using Cohesion.Data;
using Cohesion.Web;

namespace Cohesion.Change;

/// <summary>
/// Seeds the demo's synthetic GP registrations and school census once the app is listening. Generating and importing
/// 800,000 synthetic rows takes several seconds; on the start-up path it made the first start five times slower,
/// so it runs in the background and the change pages say the data is being prepared until it is there.
/// </summary>
public sealed class DemoChangeSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger<DemoChangeSeeder> log)
    : BackgroundSeeder(scopes, lifetime, console, log)
{
    protected override Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => DemoChange.NeedsSeedingAsync(db, ct);

    protected override string Preparing =>
        "Preparing the demo's synthetic GP registrations and school census for Oldham in the background (the change pages say so until they are ready).";

    protected override async Task<string> SeedAsync(CohesionDb db, CancellationToken ct)
    {
        await DemoChange.SeedIfMissingAsync(db, ct);
        return $"Seeded synthetic GP registrations ({DemoChange.GpDataset}) and school census ({DemoChange.SchoolDataset}) for Oldham: synthetic data, describing no real person.";
    }
}

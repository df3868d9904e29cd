using System.Globalization;
using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Web;

namespace Cohesion.Assets.Demo;

/// <summary>Seeds the demo's synthetic asset directory once the app is listening, like the other demo data.</summary>
public sealed class DemoAssetSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger<DemoAssetSeeder> log, AreaShapes shapes)
    : BackgroundSeeder(scopes, lifetime, console, log)
{
    protected override Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => DemoAssets.NeedsSeedingAsync(db, ct);

    protected override async Task<string> SeedAsync(CohesionDb db, CancellationToken ct)
    {
        var r = await DemoAssets.SeedAsync(db, shapes, DateTime.UtcNow, ct);
        return r is null
            ? "The demo's synthetic asset directory was already there."
            : string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"Seeded a synthetic community asset directory for Oldham ({r.Organisations:N0} organisations, {r.Services:N0} services, {r.Offers} people's offers, {r.Spaces} spaces) in {r.Took.TotalSeconds:F1} s ({r.Writing.TotalSeconds:F1} s writing): synthetic data, describing no real service or person.");
    }
}

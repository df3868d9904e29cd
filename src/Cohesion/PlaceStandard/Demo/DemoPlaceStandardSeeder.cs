using Cohesion.Data;
using Cohesion.Web;

namespace Cohesion.PlaceStandard.Demo;

/// <summary>
/// Seeds the demo's synthetic Place Standard engagements once the app is listening, so the first start's first
/// request does not wait for them (they take well under a second, but EF's first save costs more than the start-up
/// budget).
/// </summary>
public sealed class DemoPlaceStandardSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger<DemoPlaceStandardSeeder> log)
    : BackgroundSeeder(scopes, lifetime, console, log)
{
    protected override Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => DemoPlaceStandard.NeedsSeedingAsync(db, ct);

    protected override async Task<string> SeedAsync(CohesionDb db, CancellationToken ct)
    {
        var made = await DemoPlaceStandard.SeedAsync(db, ct);
        return $"Seeded synthetic Place Standard engagements for Oldham ({made} assessments): synthetic data, describing no real person's views.";
    }
}

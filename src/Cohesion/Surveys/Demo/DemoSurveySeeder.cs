using System.Globalization;
using Cohesion.Data;
using Cohesion.PlaceStandard.Demo;
using Cohesion.Web;

namespace Cohesion.Surveys.Demo;

/// <summary>
/// Seeds the demo's synthetic residents' surveys once the app is listening, so the first start is not kept waiting
/// for 4,500 responses.
/// </summary>
public sealed class DemoSurveySeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger<DemoSurveySeeder> log, IServiceProvider services)
    : BackgroundSeeder(scopes, lifetime, console, log)
{
    protected override Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => DemoSurveys.NeedsSeedingAsync(db, ct);

    protected override async Task<string> SeedAsync(CohesionDb db, CancellationToken ct)
    {
        // The surveys share their owner with the Place Standard demo: waiting for it means only one of them creates it.
        if (services.GetService<DemoPlaceStandardSeeder>() is { } placeStandard) await placeStandard.Status.Done.WaitAsync(ct);
        var r = await DemoSurveys.SeedAsync(db, ct);
        return r is null
            ? "The demo's synthetic surveys were already there."
            : string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"Seeded synthetic residents' surveys for Oldham ({r.Surveys} years, {r.Responses:N0} responses, {r.Answers:N0} answers) in {r.Took.TotalSeconds:F1} s: synthetic data, describing no real person's views.");
    }
}

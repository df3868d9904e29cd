using System.Globalization;
using Cohesion.Data;
using Cohesion.Tensions.Watch;
using Cohesion.Web;

namespace Cohesion.Tensions.Demo;

/// <summary>Seeds the demo's synthetic tension log once the app is listening, then wakes detection so the flashpoint is found.</summary>
public sealed class DemoTensionSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger<DemoTensionSeeder> log,
    DetectionSignal signal, TimeProvider clock, Cohesion.Places.AreaStatsCache places) : BackgroundSeeder(scopes, lifetime, console, log)
{
    /// <summary>When the log was written and detection woken (tests wait for a run after it).</summary>
    public DateTime? SignalledAt { get; private set; }

    protected override Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => DemoTensions.NeedsSeedingAsync(db, ct);

    protected override async Task<string> SeedAsync(CohesionDb db, CancellationToken ct)
    {
        var r = await DemoTensions.SeedAsync(db, places, clock.GetUtcNow().UtcDateTime, ct);
        SignalledAt = clock.GetUtcNow().UtcDateTime;
        signal.ReportsChanged();
        return r is null
            ? "The demo's synthetic tension log was not seeded: Oldham or an organisation to own it is missing."
            : string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"Seeded a synthetic tension log for Oldham ({r.Reports:N0} reports over two years with a seeded flashpoint of {r.Flashpoint}, {r.MediaItems} media items, {r.Assessments} assessments) in {r.Took.TotalSeconds:F1} s: synthetic data, describing no real incident or person.");
    }
}

/// <summary>The demo tension log's seeder, on unless <c>Cohesion:Demo:Tensions</c> is false.</summary>
public static class DemoSetup
{
    public const string DemoSetting = "Cohesion:Demo:Tensions";

    public static IServiceCollection AddTensionDemo(this IServiceCollection services, IConfiguration config)
    {
        if (config.GetValue(DemoSetting, true))
        {
            services.AddSingleton<DemoTensionSeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoTensionSeeder>());
        }
        return services;
    }
}

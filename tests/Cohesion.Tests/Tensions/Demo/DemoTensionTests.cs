using Cohesion.Data;
using Cohesion.Tensions.Demo;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Tensions.Demo;

/// <summary>
/// The demo's synthetic tension log: two years of reports for Oldham, all synthetic, with a seeded flashpoint that the
/// real detection worker finds on its own and raises as one alert for the demo administrator, and few other alerts
/// when detection is run over the whole last year.
/// </summary>
public class DemoTensionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [BothProviders]
    public async Task TheWorkerFindsTheSeededFlashpointAndLittleElse(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithTensionData);
        output.WriteLine(app.StartupOutput.Split('\n').Single(l => l.Contains("tension log", StringComparison.Ordinal)));
        var seeder = app.App.Services.GetRequiredService<DemoTensionSeeder>();
        var status = app.App.Services.GetRequiredService<DetectionStatus>();
        var signalled = seeder.SignalledAt!.Value;
        // The worker's run after the seeder woke it (an earlier run may have started before the log was in).
        RunSummary run;
        while (true)
        {
            var next = status.NextRun;
            if (status.Last is { } last && last.StartedAt >= signalled) { run = last; break; }
            var done = await next.WaitAsync(TimeSpan.FromMinutes(2));
            if (done.StartedAt >= signalled) { run = done; break; }
        }
        output.WriteLine($"worker run: {run}");
        Assert.Null(run.Error);

        await using var db = app.Database.Context();
        var reports = await db.TensionReports.AsNoTracking().ToListAsync();
        Assert.InRange(reports.Count, 400, 1200);
        Assert.All(reports, r => Assert.True(r.IsSynthetic && r.Description.StartsWith("Synthetic demonstration report.", StringComparison.Ordinal)));
        var places = await WatchFixtureAreas(app);
        var flash = places.Find(DemoTensions.FlashpointWard)!;
        var flashKey = WeeklyCounts.Key(flash.Code, "hate", "race-or-ethnicity");
        var alerts = await db.TensionAlerts.AsNoTracking().ToListAsync();
        var found = Assert.Single(alerts, a => a.SeriesKey == flashKey);
        Assert.True(found.IsSynthetic);
        Assert.True(found.FirstWeek >= Weeks.Monday(Weeks.Current(DateTime.UtcNow) - 2));
        var admin = await db.Users.SingleAsync(u => u.Email == SignIn.AdminEmail);
        Assert.True(await db.InboxMessages.AnyAsync(m => m.AlertId == found.Id && m.UserId == admin.Id));
        output.WriteLine($"alerts from the worker: {string.Join("; ", alerts.Select(a => $"{a.SeriesKey} {a.FirstWeek:yyyy-MM-dd} {a.Observed}"))}");

        // The same detection over the whole last year, as if it had run every week: the flashpoint stands out, little else does.
        var year = await app.App.Services.GetRequiredService<DetectionRunner>().RunAsync(DateTime.UtcNow, default, weeksBack: 52);
        var others = await db.TensionAlerts.AsNoTracking().Where(a => a.AreaId != flash.Id).ToListAsync();
        output.WriteLine($"over the year: {year}; alerts elsewhere: {string.Join("; ", others.Select(a => $"{a.SeriesKey} {a.FirstWeek:yyyy-MM-dd} {a.Observed}"))}");
        Assert.InRange(others.Count(a => !a.SeriesKey.StartsWith(Cohesion.Places.DemoPlace.DistrictCode, StringComparison.Ordinal)), 0, 5);
        Assert.InRange(others.Count, 0, 8);

        Assert.True(await db.MediaItems.AnyAsync() && await db.MediaItems.AllAsync(m => m.IsSynthetic));
        Assert.True(await db.TensionAssessments.AnyAsync(a => a.AreaId == flash.Id && a.Level >= 4));
    }

    static async Task<Cohesion.Places.PlaceDirectory> WatchFixtureAreas(TestApp app)
    {
        await using var db = app.Database.Context();
        return await app.App.Services.GetRequiredService<Cohesion.Places.AreaStatsCache>().DirectoryAsync(db);
    }
}

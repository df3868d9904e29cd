using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// Two app nodes on one PostgreSQL database run detection at once (two runners, so the in-process lock does not
/// separate them): the advisory lock makes one wait for the other, and the burst raises one alert, with one message per lead.
/// </summary>
public class ConcurrentRunTests
{
    static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public async Task TwoNodesRunningAtOnceRaiseOneAlert()
    {
        var (app, ward, lsoa, _, _, org) = await EpisodeTests.QuietWardAsync(DatabaseProvider.Postgres);
        await using var _ = app;
        var lead = await WatchFixture.LeadAsync(app, "ward.lead@example.org", ward);
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 112), 8);
        var s = app.App.Services;
        DetectionRunner Node() => new(s.GetRequiredService<IServiceScopeFactory>(), new AreaStatsCache(), s.GetRequiredService<IOptions<WatchOptions>>(),
            s.GetRequiredService<AlertMailer>(), new DetectionStatus(), NullLogger<DetectionRunner>.Instance);
        var at = WatchFixture.Midweek(Start, 112);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Node().RunAsync(at, default))));
        Assert.All(runs, r => Assert.Null(r.Error));
        await using var db = app.Database.Context();
        var key = WeeklyCounts.Key(ward.Code, "*", "*");
        var alert = Assert.Single(await db.TensionAlerts.Where(a => a.SeriesKey == key).ToListAsync());
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.AlertId == alert.Id && m.UserId == lead.Id));
        Assert.Equal(runs.Sum(r => r.Raised), await db.TensionAlerts.CountAsync());
    }
}

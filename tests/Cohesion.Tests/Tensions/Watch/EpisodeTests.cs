using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// Alert episodes through the real runner: a burst raises one alert, the next alarm week extends it, running again
/// raises nothing, two clear weeks end the episode, and each alert reaches the leads of its ward and of the district.
/// </summary>
public class EpisodeTests
{
    static readonly DateOnly Start = new(2024, 1, 1); // a Monday

    /// <summary>A ward with a report every other week for 110 weeks: the quiet history the bursts stand out from.</summary>
    internal static async Task<(TestApp App, Cohesion.Places.AreaInfo Ward, Cohesion.Places.AreaInfo Lsoa, Cohesion.Places.AreaInfo Other, Cohesion.Places.AreaInfo District, int Org)> QuietWardAsync(DatabaseProvider provider, params string[] extra)
    {
        var app = await WatchFixture.StartAsync(provider, extra);
        var (ward, lsoa, other, _, district) = await WatchFixture.AreasAsync(app);
        var org = await WatchFixture.OrganisationAsync(app);
        for (var w = 0; w < 110; w += 2) await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, w));
        return (app, ward, lsoa, other, district, org);
    }

    [Theory]
    [BothProviders]
    public async Task OneAlertPerEpisodeRerunRaisesNothingAndClearWeeksStartANewOne(DatabaseProvider provider)
    {
        var (app, ward, lsoa, other, district, org) = await QuietWardAsync(provider);
        await using var _ = app;
        var wardLead = await WatchFixture.LeadAsync(app, "ward.lead@example.org", ward);
        var districtLead = await WatchFixture.LeadAsync(app, "district.lead@example.org", district);
        var otherLead = await WatchFixture.LeadAsync(app, "other.lead@example.org", other);
        var runner = WatchFixture.Runner(app);
        var key = WeeklyCounts.Key(ward.Code, "*", "*");

        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 112), 8);
        var first = await runner.RunAsync(WatchFixture.Midweek(Start, 112), default);
        Assert.Null(first.Error);
        await using (var db = app.Database.Context())
        {
            var alert = Assert.Single(await db.TensionAlerts.Where(a => a.SeriesKey == key).ToListAsync());
            Assert.Equal((Start.AddDays(7 * 112), Start.AddDays(7 * 112), 8, AlertState.Open), (alert.FirstWeek, alert.LastWeek, alert.Observed, alert.State));
            Assert.Equal(ward.Id, alert.AreaId);
            Assert.StartsWith("Noufaily et al. (2013), b = 2, w = 3", alert.Method, StringComparison.Ordinal);
            Assert.True(alert.Upper < 8 && alert.Expected < alert.Upper, $"expected {alert.Expected}, upper {alert.Upper}");
            // The ward's lead and the district's lead, once each; not the other ward's.
            var to = await db.InboxMessages.Where(m => m.AlertId == alert.Id).Select(m => m.UserId).ToListAsync();
            Assert.Equal(new[] { districtLead.Id, wardLead.Id }.Order(), to.Order());
            Assert.DoesNotContain(otherLead.Id, await db.InboxMessages.Select(m => m.UserId).ToListAsync());
        }

        var again = await runner.RunAsync(WatchFixture.Midweek(Start, 112), default);
        Assert.Equal((0, 0, 0), (again.Raised, again.Extended, again.Messages));

        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 113), 9);
        var next = await runner.RunAsync(WatchFixture.Midweek(Start, 113), default);
        Assert.Equal(0, next.Raised);
        await using (var db = app.Database.Context())
        {
            var alert = Assert.Single(await db.TensionAlerts.Where(a => a.SeriesKey == key).ToListAsync());
            Assert.Equal((Start.AddDays(7 * 112), Start.AddDays(7 * 113), 9), (alert.FirstWeek, alert.LastWeek, alert.Observed));
            Assert.Equal(2, await db.InboxMessages.CountAsync(m => m.AlertId == alert.Id));
        }

        // Weeks 114 and 115 are clear: the burst in 116 is a new episode.
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 116), 8);
        await runner.RunAsync(WatchFixture.Midweek(Start, 114), default);
        await runner.RunAsync(WatchFixture.Midweek(Start, 116), default);
        await using (var db = app.Database.Context())
        {
            var alerts = await db.TensionAlerts.Where(a => a.SeriesKey == key).OrderBy(a => a.FirstWeek).ToListAsync();
            Assert.Equal(2, alerts.Count);
            Assert.Equal(Start.AddDays(7 * 116), alerts[1].FirstWeek);
            Assert.Equal(2, await db.InboxMessages.CountAsync(m => m.AlertId == alerts[1].Id));
        }
    }

    [Theory]
    [BothProviders]
    public async Task AnAlarmAfterOneClearWeekExtendsTheEpisode(DatabaseProvider provider)
    {
        var (app, ward, lsoa, _, _, org) = await QuietWardAsync(provider);
        await using var _ = app;
        var runner = WatchFixture.Runner(app);
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 112), 8);
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 114), 8);
        await runner.RunAsync(WatchFixture.Midweek(Start, 114), default);
        await using var db = app.Database.Context();
        var alert = Assert.Single(await db.TensionAlerts.Where(a => a.SeriesKey == WeeklyCounts.Key(ward.Code, "*", "*")).ToListAsync());
        Assert.Equal(Start.AddDays(7 * 114), alert.LastWeek);
    }

    [Fact]
    public void EpisodeRule()
    {
        Assert.Equal(Episodes.Step.Raise, Episodes.Decide(null, 10, 2));
        Assert.Equal(Episodes.Step.Known, Episodes.Decide((8, 10), 9, 2));
        Assert.Equal(Episodes.Step.Extend, Episodes.Decide((8, 10), 11, 2));
        Assert.Equal(Episodes.Step.Extend, Episodes.Decide((8, 10), 12, 2));
        Assert.Equal(Episodes.Step.Raise, Episodes.Decide((8, 10), 13, 2));
    }
}

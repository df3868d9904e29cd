using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>E-mail copies of alerts through a real SMTP conversation: only to leads who asked, retried after the server was down.</summary>
public class AlertMailTests
{
    static readonly DateOnly Start = new(2024, 1, 1);

    [Theory]
    [BothProviders]
    public async Task LeadsWhoAskedGetTheAlertByEmailOnceTheServerIsUp(DatabaseProvider provider)
    {
        var port = SmtpSink.FreePort();
        var (app, ward, lsoa, _, district, org) = await EpisodeTests.QuietWardAsync(provider,
            "--Cohesion:Smtp:Host", "127.0.0.1", "--Cohesion:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cohesion:Smtp:From", "alerts@cohesion.test", "--Cohesion:Smtp:SiteUrl", "https://cohesion.test");
        await using var _ = app;
        var wardLead = await WatchFixture.LeadAsync(app, "ward.lead@example.org", ward, emailAlerts: true);
        await WatchFixture.LeadAsync(app, "district.lead@example.org", district, emailAlerts: false);
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 112), 8);
        var runner = WatchFixture.Runner(app);

        // The server is down: the run still raises the alert and fills the inbox; nothing is marked e-mailed.
        var down = await runner.RunAsync(WatchFixture.Midweek(Start, 112), default);
        Assert.Null(down.Error);
        Assert.True(down.Raised >= 1);
        Assert.Equal(0, down.Emailed);
        await using (var db = app.Database.Context())
            Assert.False(await db.InboxMessages.AnyAsync(m => m.EmailedAt != null));

        await using var sink = new SmtpSink(port);
        var up = await runner.RunAsync(WatchFixture.Midweek(Start, 112), default);
        Assert.Equal(0, up.Raised);
        await using (var db = app.Database.Context())
        {
            var wardMessages = await db.InboxMessages.Where(m => m.UserId == wardLead.Id).ToListAsync();
            Assert.Equal(wardMessages.Count, up.Emailed);
            Assert.All(wardMessages, m => Assert.NotNull(m.EmailedAt));
            Assert.False(await db.InboxMessages.AnyAsync(m => m.UserId != wardLead.Id && m.EmailedAt != null));
        }
        Assert.Equal(up.Emailed, sink.Received.Count);
        var mail = sink.Received.First();
        Assert.Equal("alerts@cohesion.test", mail.From);
        Assert.Equal(["ward.lead@example.org"], mail.To);
        Assert.Contains("Early warning", mail.Data, StringComparison.Ordinal);
        Assert.Contains("https://cohesion.test/tensions/alerts/", mail.Text, StringComparison.Ordinal);

        // Sent once: a further run sends nothing again.
        var third = await runner.RunAsync(WatchFixture.Midweek(Start, 112), default);
        Assert.Equal(0, third.Emailed);
    }
}

using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Api;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>
/// The API's group commit: reports queued together are stored together; a second copy of an id (in the batch or
/// stored before) is answered as a retry and stored once; a report the database refuses fails alone while the rest of
/// its batch is stored.
/// </summary>
public class SubmissionWriterTests
{
    static SubmissionWriter.Submission Report(int org, int area, string clientId)
    {
        var input = new ReportInput(clientId, new DateTime(2026, 1, 5, 18, 30, 0, DateTimeKind.Utc), area, null, null, null, ReportType.HateIncident,
            Strands.RaceOrEthnicity, TensionFactors.Housing, ReportSource.Partner, $"Report {clientId}", 1, [], null);
        var (r, reporter) = ReportWriter.New(input, org, ReportChannel.Api, ReportTriage.Accepted, null, DateTime.UtcNow);
        return new(r, reporter, Audit.Entry("api-key:test", AuditActions.TensionReportCreated, $"tension report {r.Id:D}", $"client id {clientId}"));
    }

    [Theory]
    [BothProviders]
    public async Task ABatchStoresEachNewIdOnceAndARefusedReportFailsAlone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        int org, area;
        await using (var db = app.Database.Context())
        {
            org = await db.Organisations.Select(o => o.Id).FirstAsync();
            area = await db.Areas.Where(a => a.Code == TensionReportSetup.Lsoa).Select(a => a.Id).SingleAsync();
        }
        var writer = app.App.Services.GetRequiredService<SubmissionWriter>();
        Assert.Equal(SubmissionWriter.Outcome.Stored, await writer.StoreAsync(Report(org, area, "BEFORE"), CancellationToken.None));

        // Queued at once, so the writer takes most of them in one batch: new ids, a retry of a stored one, two copies
        // of one new id, and one report of an organisation that does not exist (a foreign key the database refuses).
        var submissions = Enumerable.Range(0, 30).Select(i => Report(org, area, $"NEW-{i}"))
            .Append(Report(org, area, "BEFORE")).Append(Report(org, area, "TWICE")).Append(Report(org, area, "TWICE"))
            .Append(Report(org + 1000, area, "NO-ORG")).ToList();
        var outcomes = await Task.WhenAll(submissions.Select(async s =>
        {
            try { return (Outcome: (SubmissionWriter.Outcome?)await writer.StoreAsync(s, CancellationToken.None), Error: (Exception?)null); }
            catch (DbUpdateException e) { return (null, e); }
        }));

        Assert.All(outcomes.Take(30), o => Assert.Equal(SubmissionWriter.Outcome.Stored, o.Outcome));
        Assert.Equal(SubmissionWriter.Outcome.Duplicate, outcomes[30].Outcome);
        Assert.Equal([SubmissionWriter.Outcome.Stored, SubmissionWriter.Outcome.Duplicate], outcomes[31..33].Select(o => o.Outcome!.Value).Order());
        Assert.Null(outcomes[33].Outcome);
        Assert.NotNull(outcomes[33].Error);

        await using var check = app.Database.Context();
        Assert.Equal(32, await check.TensionReports.CountAsync());
        Assert.Equal(32, await check.TensionReports.Select(r => r.ClientId).Distinct().CountAsync());
        Assert.False(await check.TensionReports.AnyAsync(r => r.ClientId == "NO-ORG"));
        // One audit entry per stored report, none for a retry or the refused one.
        Assert.Equal(32, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.TensionReportCreated));
    }

    [Fact]
    public async Task DisposedSynchronouslyItStoresWhatIsQueuedAndTakesNoMore()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        int org, area;
        await using (var db = app.Database.Context())
        {
            org = await db.Organisations.Select(o => o.Id).FirstAsync();
            area = await db.Areas.Where(a => a.Code == TensionReportSetup.Lsoa).Select(a => a.Id).SingleAsync();
        }
        var writer = new SubmissionWriter(app.App.Services.GetRequiredService<DatabaseSettings>(), new Cohesion.Tensions.Watch.DetectionSignal(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmissionWriter>.Instance);
        var stored = writer.StoreAsync(Report(org, area, "LAST"), CancellationToken.None);
        writer.Dispose();
        Assert.Equal(SubmissionWriter.Outcome.Stored, await stored.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAnyAsync<System.Threading.Channels.ChannelClosedException>(() => writer.StoreAsync(Report(org, area, "AFTER"), CancellationToken.None));
        await using var check = app.Database.Context();
        Assert.True(await check.TensionReports.AnyAsync(r => r.ClientId == "LAST"));
    }
}

using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests;

/// <summary>
/// The SQLite write queue: many contexts saving at once all succeed, in turn; a save made inside another save of the
/// same flow does not wait for itself; PostgreSQL has no queue.
/// </summary>
public class SqliteWriteGateTests
{
    [Fact]
    public async Task ManySavesAtOnceAllLandAndASaveInsideASaveDoesNotWaitForItself()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var saves = Enumerable.Range(0, 60).Select(async i =>
        {
            await using var db = app.Database.Context();
            db.Record("test", AuditActions.Export, $"gate {i}");
            return await db.SaveChangesAsync();
        });
        Assert.All(await Task.WhenAll(saves), n => Assert.Equal(1, n));

        await using (var outer = app.Database.Context())
        {
            outer.SavingChanges += (_, _) =>
            {
                // A handler that writes elsewhere before the outer save goes on: the flow already holds the turn.
                using var inner = app.Database.Context();
                inner.Record("test", AuditActions.Export, "gate inner");
                inner.SaveChanges();
            };
            outer.Record("test", AuditActions.Export, "gate outer");
            Assert.Equal(1, await outer.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        }

        await using var check = app.Database.Context();
        Assert.Equal(62, await check.AuditEntries.CountAsync(a => a.Target.StartsWith("gate ")));
    }

    [Fact]
    public async Task ATurnIsOneAtATimePerFileAndNothingOnPostgres()
    {
        await using var sqlite = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var a = sqlite.Database.Context();
        await using var b = sqlite.Database.Context();
        var first = await a.WriteTurnAsync(CancellationToken.None);
        var second = b.WriteTurnAsync(CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        await using var pg = await TestApp.StartAsync(DatabaseProvider.Postgres);
        await using var c = pg.Database.Context();
        await using var d = pg.Database.Context();
        using var one = await c.WriteTurnAsync(CancellationToken.None);
        Assert.True(d.WriteTurnAsync(CancellationToken.None).IsCompleted);
    }
}

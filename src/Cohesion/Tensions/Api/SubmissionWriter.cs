using System.Threading.Channels;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Api;

/// <summary>
/// Stores the reports partners' systems send through the API, many to a transaction (group commit): each request
/// queues its report and waits; one writer takes whatever has queued, stores each report with its own savepoint and
/// commits them together, then answers every request. On SQLite one transaction commits at a time, so 50 systems
/// sending at once queued for 50 commits, each with its own flush to disk; together they share one. A report whose
/// (organisation, client id) is stored already is answered as a retry; when the batch's insert fails (a copy stored by
/// another server meanwhile, one report the database refuses), the batch is stored one report at a time, each to its
/// own savepoint, so only that report is answered otherwise; a failed commit fails the batch (nothing of it is stored).
/// A queued report is stored even when its request is abandoned: the client's retry then finds it.
/// </summary>
public sealed class SubmissionWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many reports to a transaction, so a burst is answered in steps and no one waits for all of it.</summary>
    public const int MaxBatch = 64;

    public sealed record Submission(TensionReport Report, ReportReporter? Reporter, AuditEntry Audit);

    public enum Outcome { Stored, Duplicate }

    sealed record Pending(Submission Submission, TaskCompletionSource<Outcome> Done);

    readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4 * 1024)
    {
        SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
    });
    readonly DbContextOptions<CohesionDb> _options;
    readonly DetectionSignal _signal;
    readonly ILogger<SubmissionWriter> _log;
    readonly Task _loop;

    public SubmissionWriter(DatabaseSettings database, DetectionSignal signal, ILogger<SubmissionWriter> log)
    {
        (_options, _signal, _log) = (database.Options(), signal, log);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Queues the report and waits until it is committed (or found to be a retry of a stored one).</summary>
    public async Task<Outcome> StoreAsync(Submission submission, CancellationToken ct)
    {
        var pending = new Pending(submission, new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try { await WriteAsync(batch); }
            catch (Exception e)
            {
                // Never leave a request waiting: whatever was not answered fails with the reason.
                foreach (var p in batch) p.Done.TrySetException(e);
            }
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        var outcomes = new Outcome?[batch.Count];
        await using (var db = new CohesionDb(_options))
        {
            using var turn = await db.WriteTurnAsync(CancellationToken.None);
            await using var tx = await db.Database.BeginTransactionAsync();
            // Retries of stored reports, and copies of one report within the batch, are answered without an insert.
            // Organisation and client id both, so the lookup walks the unique (organisation, client id) index.
            var ids = batch.Select(p => p.Submission.Report.ClientId!).Distinct().ToList();
            var orgs = batch.Select(p => p.Submission.Report.OwnerOrganisationId).Distinct().ToList();
            var stored = (await db.TensionReports.AsNoTracking().Where(r => orgs.Contains(r.OwnerOrganisationId) && ids.Contains(r.ClientId!))
                .Select(r => new { r.OwnerOrganisationId, r.ClientId }).ToListAsync())
                .Select(r => (r.OwnerOrganisationId, r.ClientId!)).ToHashSet();
            var fresh = new List<int>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch[i].Submission.Report;
                if (stored.Add((r.OwnerOrganisationId, r.ClientId!))) fresh.Add(i);
                else outcomes[i] = Outcome.Duplicate;
            }
            foreach (var i in fresh) Add(db, batch[i].Submission);
            try
            {
                // All together: one statement on PostgreSQL. Inside a transaction EF saves to a savepoint, and rolls
                // back to it when the save fails.
                await db.SaveChangesAsync();
                foreach (var i in fresh) outcomes[i] = Outcome.Stored;
            }
            catch (DbUpdateException)
            {
                // A copy stored by another writer since the check, or one report the database refuses: one at a time,
                // each to its own savepoint, so only that report is answered otherwise.
                db.ChangeTracker.Clear();
                foreach (var i in fresh)
                {
                    Add(db, batch[i].Submission);
                    try
                    {
                        await db.SaveChangesAsync();
                        outcomes[i] = Outcome.Stored;
                    }
                    catch (DbUpdateException e) when (ReportWriter.IsDuplicateClientId(e)) { outcomes[i] = Outcome.Duplicate; }
                    catch (DbUpdateException e)
                    {
                        _log.LogWarning(e, "A report sent through the API could not be stored");
                        batch[i].Done.TrySetException(e);
                    }
                    finally { db.ChangeTracker.Clear(); }
                }
            }
            await tx.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++)
            if (outcomes[i] is { } o) batch[i].Done.TrySetResult(o);
        if (outcomes.Any(o => o == Outcome.Stored)) _signal.ReportsChanged();
    }

    static void Add(CohesionDb db, Submission s)
    {
        db.TensionReports.Add(s.Report);
        if (s.Reporter is not null) db.TensionReporters.Add(s.Reporter);
        db.AuditEntries.Add(s.Audit);
    }

    /// <summary>At shutdown: takes no more and stores what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>The same for a container disposed synchronously (which refuses services that can only be disposed asynchronously).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }
}

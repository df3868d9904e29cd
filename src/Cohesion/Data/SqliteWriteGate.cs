using System.Collections.Concurrent;

namespace Cohesion.Data;

/// <summary>
/// One writer at a time per SQLite file within this process, queued in order and awaited without holding a thread.
/// SQLite takes one write lock per file; a second connection that wants it gets SQLITE_BUSY, and Microsoft.Data.Sqlite
/// answers that by putting the thread to sleep for 150 ms and trying again. With 50 partners' systems sending reports
/// at once, those sleeps were a third of every thread's time and made the p95 of a submission 280–500 ms for a write
/// that takes one. Queued here instead, each save waits only for the saves ahead of it.
/// </summary>
/// <remarks>
/// <see cref="CohesionDb"/> takes a turn for every SaveChanges that is not inside a transaction of its own making.
/// Explicit transactions (imports, the demo seeder) are not queued: they are long and rare, and they meet the others
/// in SQLite's own lock as before. A flow that already holds a turn does not queue again (a save made while another
/// save of the same flow is in progress would otherwise wait for itself). A turn not granted within
/// <see cref="MaxWait"/> goes ahead anyway and meets SQLite's lock and its timeout, as it would without the queue.
/// </remarks>
public sealed class SqliteWriteGate
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    static readonly ConcurrentDictionary<string, SqliteWriteGate> ByFile = new(StringComparer.Ordinal);
    /// <summary>Each context asks once: the connection string is parsed and the path resolved once per string, not per request.</summary>
    static readonly ConcurrentDictionary<string, SqliteWriteGate> ByConnectionString = new(StringComparer.Ordinal);
    static readonly AsyncLocal<SqliteWriteGate?> Holding = new();

    readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The gate of the file a connection string names (one per file, shared by every context of this process).</summary>
    public static SqliteWriteGate For(string connectionString) =>
        ByConnectionString.GetOrAdd(connectionString, cs =>
            ByFile.GetOrAdd(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource), _ => new SqliteWriteGate()));

    /// <summary>Whether this flow already holds the turn (a save inside a save: it must not wait for itself).</summary>
    public bool HeldHere => Holding.Value == this;

    /// <summary>
    /// Waits for the turn to write; the caller then calls <see cref="Turn.Hold"/> (an AsyncLocal set inside this async
    /// method would not reach the caller) and disposes the turn to give it up.
    /// </summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct) => new(await _turn.WaitAsync(MaxWait, ct) ? this : null);

    /// <summary>The synchronous SaveChanges' wait (blocking: the caller chose the synchronous API).</summary>
    public Turn Enter() => new(_turn.Wait(MaxWait) ? this : null);

    public readonly struct Turn(SqliteWriteGate? gate) : IDisposable
    {
        /// <summary>Marks the calling flow as holding the turn (a no-op when the wait ran out and it goes ahead without).</summary>
        public void Hold()
        {
            if (gate is not null) Holding.Value = gate;
        }

        public void Dispose()
        {
            if (gate is null) return;
            Holding.Value = null;
            gate._turn.Release();
        }
    }
}

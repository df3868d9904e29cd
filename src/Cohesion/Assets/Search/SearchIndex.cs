using System.Data;
using System.Data.Common;
using Cohesion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cohesion.Assets.Search;

/// <summary>
/// Keeps the search index of migration 0007 right: triggers only note which services changed (as_search_dirty), and
/// this rewrites the noted services' documents once per transaction, just before it commits, in one set-based
/// statement. Rewriting in every trigger rebuilt each document about three times in a bulk import (the service, then
/// each of its terms and locations): 63 s on SQLite and 278 s on PostgreSQL for 50,000 services.
/// </summary>
/// <remarks>
/// PostgreSQL refreshes on its own: a deferred constraint trigger runs as_search_flush() at commit, whoever writes.
/// SQLite has no commit-time trigger, so three things do it there: <see cref="Committing"/>, an EF Core interceptor on
/// every transaction a <see cref="CohesionDb"/> commits (the context always saves through one:
/// <see cref="AutoTransactionBehavior.Always"/>); <see cref="RefreshAsync"/>, which raw ADO writers call before their
/// own commit; and <see cref="EnsureFreshAsync"/>, which a search runs first, so a writer that did neither (a plain
/// statement in autocommit, a script) still leaves results right: it refreshes when committed notes exist.
/// </remarks>
public static class SearchIndex
{
    const string AnyDirty = "SELECT EXISTS (SELECT 1 FROM as_search_dirty)";

    /// <summary>The interceptor for <see cref="CohesionDb"/> on SQLite (stateless: one instance serves every context).</summary>
    public static readonly IInterceptor Committing = new CommitInterceptor();

    /// <summary>
    /// Rewrites the documents of the services changed in <paramref name="transaction"/> (or, without one, of every
    /// service noted as changed), on <paramref name="connection"/>: raw writers (bulk imports, COPY) call this before
    /// they commit. Nothing to do is one cheap query.
    /// </summary>
    public static async Task RefreshAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        if (connection is SqliteConnection)
        {
            if (!await ScalarTrueAsync(connection, transaction, AnyDirty, ct)) return;
            await ExecAsync(connection, transaction, "INSERT INTO as_search_flush (go) VALUES (1)", ct);
        }
        // A bulk import's one refresh of 50,000 services takes tens of seconds on a busy server: more than the default 30.
        else await ExecAsync(connection, transaction, "SELECT as_search_flush()", ct, timeoutSeconds: 600);
    }

    /// <summary>
    /// Before a search on SQLite: when changes were committed without a refresh, refreshes them in a transaction of
    /// its own. One EXISTS on an empty table otherwise. PostgreSQL never leaves committed notes.
    /// </summary>
    public static async Task EnsureFreshAsync(CohesionDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            if (!await ScalarTrueAsync(conn, null, AnyDirty, ct)) return;
            // The interceptor refreshes as this commits; with nothing else in the transaction that is all it does.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<bool> ScalarTrueAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct, int timeoutSeconds = 30)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = timeoutSeconds;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A database not yet migrated to 0007 (a test comparing the EF model, the migrator's own start) has no index to keep.</summary>
    static bool NoIndex(SqliteException e) => e.SqliteErrorCode == 1 && e.Message.Contains("no such table: as_search_dirty", StringComparison.Ordinal);

    sealed class CommitInterceptor : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            // Microsoft.Data.Sqlite's async methods complete synchronously, so waiting on them here cannot deadlock.
            if (transaction.Connection is SqliteConnection { State: ConnectionState.Open } conn)
            {
                try { RefreshAsync(conn, transaction, CancellationToken.None).GetAwaiter().GetResult(); }
                catch (SqliteException e) when (NoIndex(e)) { }
            }
            return result;
        }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (transaction.Connection is SqliteConnection { State: ConnectionState.Open } conn)
            {
                try { await RefreshAsync(conn, transaction, cancellationToken); }
                catch (SqliteException e) when (NoIndex(e)) { }
            }
            return result;
        }
    }
}

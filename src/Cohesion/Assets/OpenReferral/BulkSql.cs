using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.Assets.OpenReferral;

/// <summary>The kinds of column the bulk writer writes, each stored as EF Core stores it on each provider.</summary>
public enum Col { Uuid, Text, Int, Bool, Double, Decimal, Date, Time, Timestamp }

public sealed record Table(string Name, params (string Name, Col Type)[] Columns)
{
    public string Insert => $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$" + (i + 1)))})";
}

/// <summary>
/// Many rows through one open transaction, as the project's other big imports write them: on SQLite one prepared
/// statement reused for every row; on PostgreSQL binary COPY for new rows and batches of statements (one round trip
/// for hundreds) for updates and deletes. Statements use positional parameters <c>$1…$n</c>, which both providers read.
/// </summary>
public abstract class BulkSql : IAsyncDisposable
{
    public static BulkSql For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        NpgsqlConnection pg => new PostgresBulk(pg),
        SqliteConnection lite => new SqliteBulk(lite, (SqliteTransaction)transaction),
        _ => throw new NotSupportedException(connection.GetType().Name),
    };

    public abstract Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct);
    /// <summary>Runs the statement once for each row of parameter values.</summary>
    public abstract Task ExecuteAsync(string sql, IEnumerable<object?[]> rows, CancellationToken ct);
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    sealed class SqliteBulk : BulkSql
    {
        /// <summary>
        /// The page cache for the import, in KiB. SQLite's default is 2 MB; 50,000 services' rows and index entries span
        /// hundreds of MB of pages, and with the small cache each insert read pages back and wrote them out through the
        /// operating system again (12 of the import's 32 s were system time). Given back when the import ends.
        /// </summary>
        const int CacheKiB = 256 * 1024, DefaultCacheKiB = 2000;

        readonly SqliteConnection conn;
        readonly SqliteTransaction tx;
        readonly Dictionary<string, SqliteCommand> _prepared = [];

        public SqliteBulk(SqliteConnection connection, SqliteTransaction transaction)
        {
            (conn, tx) = (connection, transaction);
            Pragma($"PRAGMA cache_size = -{CacheKiB}");
            Pragma("PRAGMA temp_store = MEMORY");
        }

        void Pragma(string sql)
        {
            using var cmd = conn.CreateCommand();
            // After the commit the transaction has let go of the connection, and a command may no longer name it.
            cmd.Transaction = tx.Connection is null ? null : tx;
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        public override Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct) => ExecuteAsync(table.Insert, rows, ct);

        public override Task ExecuteAsync(string sql, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            SqliteCommand? cmd = _prepared.GetValueOrDefault(sql);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                if (cmd is null)
                {
                    cmd = conn.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = sql;
                    for (var i = 0; i < row.Length; i++) cmd.Parameters.Add(new SqliteParameter("$" + (i + 1), null));
                    cmd.Prepare();
                    _prepared[sql] = cmd;
                }
                for (var i = 0; i < row.Length; i++) cmd.Parameters[i].Value = Sqlite(row[i]);
                cmd.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }

        /// <summary>As EF Core stores values on SQLite: UUIDs as upper-case text; dates, times and decimals as Microsoft.Data.Sqlite writes them.</summary>
        static object Sqlite(object? v) => v switch
        {
            null => DBNull.Value,
            Guid g => g.ToString("D").ToUpperInvariant(),
            _ => v,
        };

        public override async ValueTask DisposeAsync()
        {
            foreach (var c in _prepared.Values) await c.DisposeAsync();
            if (conn.State != System.Data.ConnectionState.Open) return;
            Pragma($"PRAGMA cache_size = -{DefaultCacheKiB}");
            Pragma("PRAGMA temp_store = DEFAULT");
        }
    }

    sealed class PostgresBulk(NpgsqlConnection conn) : BulkSql
    {
        const int StatementsPerBatch = 500;

        public override async Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            await using var copy = await conn.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                // Synchronous writes only fill Npgsql's buffer; it sends when full.
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is not { } v) { copy.WriteNull(); continue; }
                    switch (table.Columns[i].Type)
                    {
                        case Col.Uuid: copy.Write((Guid)v, NpgsqlDbType.Uuid); break;
                        case Col.Text: copy.Write((string)v, NpgsqlDbType.Varchar); break;
                        case Col.Int: copy.Write((int)v, NpgsqlDbType.Integer); break;
                        case Col.Bool: copy.Write((bool)v, NpgsqlDbType.Boolean); break;
                        case Col.Double: copy.Write((double)v, NpgsqlDbType.Double); break;
                        case Col.Decimal: copy.Write((decimal)v, NpgsqlDbType.Numeric); break;
                        case Col.Date: copy.Write((DateOnly)v, NpgsqlDbType.Date); break;
                        case Col.Time: copy.Write((TimeOnly)v, NpgsqlDbType.Time); break;
                        case Col.Timestamp: copy.Write(DateTime.SpecifyKind((DateTime)v, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    }
                }
            }
            await copy.CompleteAsync(ct);
        }

        public override async Task ExecuteAsync(string sql, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            foreach (var chunk in rows.Chunk(StatementsPerBatch))
            {
                await using var batch = new NpgsqlBatch(conn);
                foreach (var row in chunk)
                {
                    var cmd = new NpgsqlBatchCommand(sql);
                    foreach (var v in row)
                        cmd.Parameters.Add(new NpgsqlParameter { Value = v is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : v ?? DBNull.Value });
                    batch.BatchCommands.Add(cmd);
                }
                await batch.ExecuteNonQueryAsync(ct);
            }
        }
    }
}

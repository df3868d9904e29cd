using Cohesion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.Places.Import;

/// <summary>
/// Writes many counts inside the context's open transaction: one prepared INSERT reused on SQLite,
/// binary COPY on PostgreSQL. EF change tracking would be ten times slower for a national load.
/// </summary>
public static class CountWriter
{
    public static async Task WriteAsync(CohesionDb db, IReadOnlyList<AreaCount> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("CountWriter needs an open transaction");
        var conn = db.Database.GetDbConnection();
        if (conn is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync(
                "COPY area_counts (dataset_id, period, area_id, category_id, value, is_derived) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.DatasetId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Period, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.AreaId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.CategoryId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Value, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.IsDerived, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        // Many rows per INSERT: each statement step costs more than binding, so this roughly halves the time.
        var sqlite = (SqliteConnection)conn;
        var full = rows.Count / SqliteBatch;
        if (full > 0)
        {
            await using var batch = SqliteInsert(sqlite, (SqliteTransaction)tx, SqliteBatch);
            for (var b = 0; b < full; b++) await SqliteWriteAsync(batch, rows, b * SqliteBatch, SqliteBatch, ct);
        }
        var rest = rows.Count - full * SqliteBatch;
        if (rest > 0)
        {
            await using var tail = SqliteInsert(sqlite, (SqliteTransaction)tx, rest);
            await SqliteWriteAsync(tail, rows, full * SqliteBatch, rest, ct);
        }
    }

    // 6 parameters a row: 100 rows stay far below SQLite's limit on parameters in one statement.
    const int SqliteBatch = 100;

    static SqliteCommand SqliteInsert(SqliteConnection conn, SqliteTransaction tx, int rows)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        var sql = new System.Text.StringBuilder("INSERT INTO area_counts (dataset_id, period, area_id, category_id, value, is_derived) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"($d{i}, $p{i}, $a{i}, $c{i}, $v{i}, $x{i})");
            cmd.Parameters.Add($"$d{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$p{i}", SqliteType.Text);
            cmd.Parameters.Add($"$a{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$c{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$v{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$x{i}", SqliteType.Integer);
        }
        cmd.CommandText = sql.ToString();
        cmd.Prepare();
        return cmd;
    }

    static async Task SqliteWriteAsync(SqliteCommand cmd, IReadOnlyList<AreaCount> rows, int start, int count, CancellationToken ct)
    {
        var ps = cmd.Parameters;
        for (var i = 0; i < count; i++)
        {
            var r = rows[start + i];
            ps[6 * i].Value = r.DatasetId; ps[6 * i + 1].Value = r.Period; ps[6 * i + 2].Value = r.AreaId;
            ps[6 * i + 3].Value = r.CategoryId; ps[6 * i + 4].Value = r.Value; ps[6 * i + 5].Value = r.IsDerived ? 1 : 0;
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

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
        var sqlite = (SqliteConnection)conn;
        await using var cmd = sqlite.CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = "INSERT INTO area_counts (dataset_id, period, area_id, category_id, value, is_derived) VALUES ($d, $p, $a, $c, $v, $x)";
        var d = cmd.Parameters.Add("$d", SqliteType.Integer);
        var p = cmd.Parameters.Add("$p", SqliteType.Text);
        var a = cmd.Parameters.Add("$a", SqliteType.Integer);
        var c = cmd.Parameters.Add("$c", SqliteType.Integer);
        var v = cmd.Parameters.Add("$v", SqliteType.Integer);
        var x = cmd.Parameters.Add("$x", SqliteType.Integer);
        cmd.Prepare();
        foreach (var r in rows)
        {
            d.Value = r.DatasetId; p.Value = r.Period; a.Value = r.AreaId; c.Value = r.CategoryId; v.Value = r.Value; x.Value = r.IsDerived ? 1 : 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}

using Cohesion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.Change.Import;

/// <summary>One area-period's packed figures on its way to the database.</summary>
public readonly record struct FigureRow(string Period, int AreaId, byte[] Exact, byte[] Published);

/// <summary>
/// Streams packed figures into <c>change_figures</c> inside the context's open transaction: one prepared INSERT
/// on SQLite, binary COPY on PostgreSQL.
/// </summary>
public static class FigureWriter
{
    public static async Task<long> WriteAsync(CohesionDb db, int datasetId, IEnumerable<FigureRow> rows, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("FigureWriter needs an open transaction");
        var conn = db.Database.GetDbConnection();
        long n = 0;
        if (conn is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync(
                "COPY change_figures (dataset_id, period, area_id, exact, published) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(datasetId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Period, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.AreaId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Exact, NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(r.Published, NpgsqlDbType.Bytea, ct);
                n++;
            }
            await copy.CompleteAsync(ct);
            return n;
        }
        var sqlite = (SqliteConnection)conn;
        await using var cmd = sqlite.CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = "INSERT INTO change_figures (dataset_id, period, area_id, exact, published) VALUES ($d, $p, $a, $e, $u)";
        var d = cmd.Parameters.Add("$d", SqliteType.Integer);
        var per = cmd.Parameters.Add("$p", SqliteType.Text);
        var a = cmd.Parameters.Add("$a", SqliteType.Integer);
        var e = cmd.Parameters.Add("$e", SqliteType.Blob);
        var u = cmd.Parameters.Add("$u", SqliteType.Blob);
        cmd.Prepare();
        d.Value = datasetId;
        foreach (var r in rows)
        {
            per.Value = r.Period; a.Value = r.AreaId; e.Value = r.Exact; u.Value = r.Published;
            cmd.ExecuteNonQuery();
            n++;
        }
        return n;
    }
}

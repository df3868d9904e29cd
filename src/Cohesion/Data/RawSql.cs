using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cohesion.Data;

/// <summary>
/// Plain SQL through the context's connection, for the few reads on the start-up path that are simple
/// projections (the key ring, the area directory, "is the database empty?"): they need neither EF's model
/// (about 0.6 s to build on first use, mostly JIT) nor query compilation, so the first request is not kept
/// waiting for EF.
/// </summary>
public static class RawSql
{
    public static async Task<List<T>> QueryAsync<T>(this CohesionDb db, string sql, Func<DbDataReader, T> map, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in args)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                cmd.Parameters.Add(p);
            }
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether a table has any row.</summary>
    public static async Task<bool> AnyRowsAsync(this CohesionDb db, string table, CancellationToken ct) =>
        (await db.QueryAsync($"SELECT 1 FROM {table} LIMIT 1", _ => 1, ct)).Count > 0;
}

using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Data;

/// <summary>
/// Applies the hand-written SQL migrations embedded under Data/Migrations (one file per provider per
/// version: <c>NNNN_name.sqlite.sql</c>, <c>NNNN_name.postgres.sql</c>), each in its own transaction,
/// recording applied versions in <c>schema_migrations</c>. See docs/decisions/0001-migrations.md for why
/// this replaces EF migrations here.
/// </summary>
public static class SchemaMigrator
{
    const long PostgresLockKey = 0x636f6865; // "cohe": one migrator at a time across app nodes

    public sealed record Migration(string Version, string Sql);

    public static IReadOnlyList<Migration> Scripts(DatabaseProvider provider)
    {
        var suffix = provider == DatabaseProvider.Postgres ? ".postgres.sql" : ".sqlite.sql";
        var asm = Assembly.GetExecutingAssembly();
        const string prefix = "Cohesion.Data.Migrations.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                using var r = new StreamReader(s);
                return new Migration(n[prefix.Length..^suffix.Length], r.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Brings the database up to date; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(CohesionDb db, CancellationToken ct = default)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers go on while an import writes; it is a property of the file, set once.
                await Exec(conn, null, "PRAGMA journal_mode=WAL;", ct);
            }
            else
            {
                await Exec(conn, null, $"SELECT pg_advisory_lock({PostgresLockKey});", ct);
            }
            await Exec(conn, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);", ct);
            var applied = new HashSet<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT version FROM schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
            var done = new List<string>();
            foreach (var m in Scripts(provider).Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, m.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)";
                    AddParam(cmd, "@v", m.Version);
                    AddParam(cmd, "@t", DateTime.UtcNow.ToString("O"));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(m.Version);
            }
            if (provider == DatabaseProvider.Postgres)
                await Exec(conn, null, $"SELECT pg_advisory_unlock({PostgresLockKey});", ct);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

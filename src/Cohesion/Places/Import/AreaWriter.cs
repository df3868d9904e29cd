using System.Data.Common;
using Cohesion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.Places.Import;

/// <summary>An area as stored, for the import to compare against without tracking 40,000 entities.</summary>
internal sealed record StoredArea(int Id, string Code, string Name, AreaLevel Level, int? ParentId);

/// <summary>One new area to insert, its parent already resolved to an id.</summary>
internal readonly record struct NewArea(string Code, string Name, AreaLevel Level, int? ParentId);

/// <summary>
/// Writes areas and groupings inside the context's open transaction, as <see cref="CountWriter"/> does
/// counts: a prepared statement reused per row on SQLite, one statement over arrays per batch on
/// PostgreSQL. EF change tracking took about 5 s for the 42,000 areas of England and Wales.
/// Levels are stored as their enum names, as the EF model's string conversion does.
/// </summary>
internal static class AreaWriter
{
    public static async Task<Dictionary<string, StoredArea>> LoadAsync(CohesionDb db, CancellationToken ct = default) =>
        (await db.Areas.AsNoTracking().Select(a => new StoredArea(a.Id, a.Code, a.Name, a.Level, a.ParentId)).ToListAsync(ct))
            .ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Inserts areas and returns their new ids in the same order.</summary>
    public static async Task<int[]> InsertAsync(CohesionDb db, IReadOnlyList<NewArea> rows, CancellationToken ct = default)
    {
        var ids = new int[rows.Count];
        if (rows.Count == 0) return ids;
        var (conn, tx) = Open(db);
        if (conn is NpgsqlConnection pg)
        {
            // WITH ORDINALITY keeps the input position, so ids come back matched to rows whatever order RETURNING uses.
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO areas (code, name, level, parent_id)
                SELECT r.code, r.name, r.level, r.parent_id FROM unnest(@codes, @names, @levels, @parents) WITH ORDINALITY AS r(code, name, level, parent_id, n)
                ORDER BY r.n
                RETURNING id, code
                """, pg, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(Array("codes", NpgsqlDbType.Varchar, rows.Select(r => r.Code)));
            cmd.Parameters.Add(Array("names", NpgsqlDbType.Varchar, rows.Select(r => r.Name)));
            cmd.Parameters.Add(Array("levels", NpgsqlDbType.Varchar, rows.Select(r => r.Level.ToString())));
            cmd.Parameters.Add(Array("parents", NpgsqlDbType.Integer, rows.Select(r => r.ParentId)));
            var position = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++) position[rows[i].Code] = i;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids[position[reader.GetString(1)]] = reader.GetInt32(0);
            return ids;
        }
        await using var insert = Sqlite(conn, tx, "INSERT INTO areas (code, name, level, parent_id) VALUES ($c, $n, $l, $p) RETURNING id",
            ("$c", SqliteType.Text), ("$n", SqliteType.Text), ("$l", SqliteType.Text), ("$p", SqliteType.Integer));
        var ps = insert.Parameters;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            ps[0].Value = r.Code; ps[1].Value = r.Name; ps[2].Value = r.Level.ToString(); ps[3].Value = r.ParentId is { } pid ? pid : DBNull.Value;
            ids[i] = Convert.ToInt32(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return ids;
    }

    /// <summary>Writes the name, level and parent of existing areas.</summary>
    public static async Task UpdateAsync(CohesionDb db, IReadOnlyList<StoredArea> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return;
        var (conn, tx) = Open(db);
        if (conn is NpgsqlConnection pg)
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE areas SET name = r.name, level = r.level, parent_id = r.parent_id
                FROM unnest(@ids, @names, @levels, @parents) AS r(id, name, level, parent_id) WHERE areas.id = r.id
                """, pg, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(Array("ids", NpgsqlDbType.Integer, rows.Select(r => r.Id)));
            cmd.Parameters.Add(Array("names", NpgsqlDbType.Varchar, rows.Select(r => r.Name)));
            cmd.Parameters.Add(Array("levels", NpgsqlDbType.Varchar, rows.Select(r => r.Level.ToString())));
            cmd.Parameters.Add(Array("parents", NpgsqlDbType.Integer, rows.Select(r => r.ParentId)));
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var update = Sqlite(conn, tx, "UPDATE areas SET name = $n, level = $l, parent_id = $p WHERE id = $id",
            ("$id", SqliteType.Integer), ("$n", SqliteType.Text), ("$l", SqliteType.Text), ("$p", SqliteType.Integer));
        var ps = update.Parameters;
        foreach (var r in rows)
        {
            ps[0].Value = r.Id; ps[1].Value = r.Name; ps[2].Value = r.Level.ToString(); ps[3].Value = r.ParentId is { } pid ? pid : DBNull.Value;
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The groupings of the given areas as (area, group) pairs.</summary>
    public static async Task<List<(int AreaId, int GroupId)>> GroupingsOfAsync(CohesionDb db, IReadOnlySet<int> areaIds, CancellationToken ct = default)
    {
        // Read them all and filter here: an IN list of 30,000 ids would pass SQLite's limit on parameters.
        var all = await db.AreaGroupings.AsNoTracking().Select(g => new { g.AreaId, g.GroupId }).ToListAsync(ct);
        return all.Where(g => areaIds.Contains(g.AreaId)).Select(g => (g.AreaId, g.GroupId)).ToList();
    }

    public static Task DeleteGroupingsAsync(CohesionDb db, IReadOnlyList<(int AreaId, int GroupId)> rows, CancellationToken ct = default) =>
        GroupingsAsync(db, rows, "DELETE FROM area_groupings WHERE area_id = $a AND group_id = $g",
            "DELETE FROM area_groupings g USING unnest(@a, @g) AS r(area_id, group_id) WHERE g.area_id = r.area_id AND g.group_id = r.group_id", ct);

    public static Task InsertGroupingsAsync(CohesionDb db, IReadOnlyList<(int AreaId, int GroupId)> rows, CancellationToken ct = default) =>
        GroupingsAsync(db, rows, "INSERT INTO area_groupings (area_id, group_id) VALUES ($a, $g)",
            "INSERT INTO area_groupings (area_id, group_id) SELECT * FROM unnest(@a, @g)", ct);

    static async Task GroupingsAsync(CohesionDb db, IReadOnlyList<(int AreaId, int GroupId)> rows, string sqlite, string postgres, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var (conn, tx) = Open(db);
        if (conn is NpgsqlConnection pg)
        {
            await using var cmd = new NpgsqlCommand(postgres, pg, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(Array("a", NpgsqlDbType.Integer, rows.Select(r => r.AreaId)));
            cmd.Parameters.Add(Array("g", NpgsqlDbType.Integer, rows.Select(r => r.GroupId)));
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var command = Sqlite(conn, tx, sqlite, ("$a", SqliteType.Integer), ("$g", SqliteType.Integer));
        foreach (var r in rows)
        {
            command.Parameters[0].Value = r.AreaId; command.Parameters[1].Value = r.GroupId;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    static (DbConnection Connection, DbTransaction Transaction) Open(CohesionDb db) =>
        (db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("AreaWriter needs an open transaction"));

    /// <summary>A prepared command in the transaction, its parameters in the order given.</summary>
    static SqliteCommand Sqlite(DbConnection conn, DbTransaction tx, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var cmd = ((SqliteConnection)conn).CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = sql;
        foreach (var (name, type) in parameters) cmd.Parameters.Add(name, type);
        cmd.Prepare();
        return cmd;
    }

    static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}

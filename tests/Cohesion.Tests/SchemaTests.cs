using System.Data.Common;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests;

public class SchemaTests
{
    /// <summary>
    /// The hand-written migrations must build exactly the schema EF expects: compare a migrated database
    /// with one created straight from the model, column by column, index by index, key by key.
    /// </summary>
    [Theory]
    [BothProviders]
    public async Task FreshDatabaseFromMigrationsMatchesTheModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var ctx = fromModel.Context()) Assert.True(await ctx.Database.EnsureCreatedAsync());

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// The asset search index (migration 0007) lives outside the EF model: EF cannot describe FTS5 virtual tables
    /// (and the shadow tables SQLite makes for them) or a trigger-maintained tsvector table, and nothing but the
    /// migration's triggers writes to them. The comparison skips exactly these names; the test below proves each
    /// one exists after migrating, so the list cannot hide anything else.
    /// </summary>
    static readonly Dictionary<DatabaseProvider, string[]> SearchIndexObjects = new()
    {
        [DatabaseProvider.Sqlite] =
        [
            "as_search_docs", "as_search", "as_search_data", "as_search_idx", "as_search_docsize", "as_search_config",
            "as_search_words", "as_search_words_data", "as_search_words_idx", "as_search_words_config", "as_search_vocab",
            "as_search_dirty", "as_search_points",
        ],
        [DatabaseProvider.Postgres] = ["as_search_docs", "as_search_dirty", "as_search_points"],
    };

    [Theory]
    [BothProviders]
    public async Task TheSearchIndexObjectsLeftOutOfTheComparisonAreExactlyTheOnesMigrationsMake(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var ctx = migrated.Context();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'as\\_search%' ESCAPE '\\' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'as\\_search%' ORDER BY table_name";
        var made = (await QueryAsync(conn, sql)).Select(r => r[0]).ToList();
        Assert.Equal(SearchIndexObjects[provider].Order(StringComparer.Ordinal), made.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ctx.Model.GetEntityTypes(), e => e.GetTableName() is { } t && SearchIndexObjects[provider].Contains(t));
    }

    [Theory]
    [BothProviders]
    public async Task MigratingTwiceAppliesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var ctx = db.Context();
        Assert.NotEmpty(await SchemaMigrator.MigrateAsync(ctx));
        Assert.Empty(await SchemaMigrator.MigrateAsync(ctx));
    }

    static async Task<List<string>> DescribeAsync(TestDatabase db)
    {
        await using var ctx = db.Context();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = new List<string>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var tables = await QueryAsync(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name");
            foreach (var t in tables.Select(r => r[0]).Where(t => !SearchIndexObjects[db.Provider].Contains(t)))
            {
                lines.AddRange((await QueryAsync(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}') ORDER BY cid")).Select(r => $"{t} column {string.Join(' ', r)}"));
                lines.AddRange((await QueryAsync(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY \"from\"")).Select(r => $"{t} fk {string.Join(' ', r)}"));
                foreach (var ix in await QueryAsync(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c' ORDER BY name"))
                {
                    var cols = (await QueryAsync(conn, $"SELECT name FROM pragma_index_info('{ix[0]}') ORDER BY seqno")).Select(r => r[0]);
                    lines.Add($"{t} index {ix[0]} unique={ix[1]} ({string.Join(",", cols)})");
                }
            }
        }
        else
        {
            lines.AddRange((await QueryAsync(conn, """
                SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length::text, ''), coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position
                """)).Where(r => !SearchIndexObjects[db.Provider].Contains(r[0])).Select(r => "column " + string.Join(' ', r)));
            lines.AddRange((await QueryAsync(conn, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY indexname"))
                .Where(r => !SearchIndexObjects[db.Provider].Contains(r[0])).Select(r => "index " + string.Join(' ', r)));
            lines.AddRange((await QueryAsync(conn, """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations' ORDER BY conname
                """)).Where(r => !SearchIndexObjects[db.Provider].Contains(r[0])).Select(r => "constraint " + string.Join(' ', r)));
        }
        return lines;
    }

    static async Task<List<string[]>> QueryAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}

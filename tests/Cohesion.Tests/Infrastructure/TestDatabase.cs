using Cohesion.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cohesion.Tests.Infrastructure;

/// <summary>
/// A fresh, real database for one test: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server that ./test.sh starts (COHESION_TEST_POSTGRES). Missing PostgreSQL is a failure,
/// never a skip: a test that cannot reach its database has proved nothing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseSettings Settings { get; }
    public DatabaseProvider Provider => Settings.Provider;
    readonly string? _dir;
    readonly string? _pgName;

    TestDatabase(DatabaseSettings settings, string? dir, string? pgName)
    {
        Settings = settings;
        _dir = dir;
        _pgName = pgName;
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("COHESION_TEST_POSTGRES") is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException("COHESION_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("cohesion-test-").FullName;
            db = new TestDatabase(DatabaseSettings.Sqlite(Path.Combine(dir, "test.db")), dir, null);
        }
        else
        {
            var name = "cohesion_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var conn = new NpgsqlConnection(PostgresServer))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, cs), null, name);
        }
        if (migrate)
        {
            await using var ctx = db.Settings.CreateContext();
            await SchemaMigrator.MigrateAsync(ctx);
        }
        return db;
    }

    public CohesionDb Context() => Settings.CreateContext();

    /// <summary>Arguments that point the CLI or the web app at this database.</summary>
    public string[] Args => Provider == DatabaseProvider.Postgres
        ? ["--postgres", Settings.ConnectionString]
        : ["--database", new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource];

    public async ValueTask DisposeAsync()
    {
        if (_dir is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

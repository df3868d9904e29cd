using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. With no configuration at all this is a SQLite file at data/cohesion.db;
/// <c>ConnectionStrings:Postgres</c> (or <c>--postgres</c>) switches to a PostgreSQL server.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/cohesion.db";

    public static DatabaseSettings From(IConfiguration config)
    {
        var pg = config.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(pg)) return new(DatabaseProvider.Postgres, pg);
        var path = config["Cohesion:Database:SqlitePath"];
        return Sqlite(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path);
    }

    public static DatabaseSettings Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new(DatabaseProvider.Sqlite, cs.ToString());
    }

    /// <summary>What to show a person: the file, or the server and database without credentials.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres) options.UseNpgsql(ConnectionString);
        // SQLite has no commit-time trigger: the asset search index is refreshed as each EF transaction commits
        // (PostgreSQL does it itself; Assets/Search/SearchIndex.cs says why).
        else options.UseSqlite(ConnectionString).AddInterceptors(Cohesion.Assets.Search.SearchIndex.Committing);
    }

    public DbContextOptions<CohesionDb> Options()
    {
        var b = new DbContextOptionsBuilder<CohesionDb>();
        Configure(b);
        return b.Options;
    }

    public CohesionDb CreateContext() => new(Options());
}

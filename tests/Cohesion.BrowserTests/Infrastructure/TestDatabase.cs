using Cohesion.Data;
using Microsoft.Data.Sqlite;

namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>
/// A fresh SQLite file in a temp folder for one app (a small copy of Cohesion.Tests' TestDatabase:
/// browser tests check pages, not providers, so PostgreSQL is left to the integration tests).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    readonly string _dir;
    public DatabaseSettings Settings { get; }

    TestDatabase(string dir)
    {
        _dir = dir;
        Settings = DatabaseSettings.Sqlite(Path.Combine(dir, "test.db"));
    }

    public static TestDatabase Create() => new(Directory.CreateTempSubdirectory("cohesion-browser-").FullName);

    public CohesionDb Context() => Settings.CreateContext();

    /// <summary>Arguments that point the web app at this database.</summary>
    public string[] Args => ["--database", new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource];

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

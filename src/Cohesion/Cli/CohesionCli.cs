using System.CommandLine;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Web;
using Spectre.Console;

namespace Cohesion.Cli;

/// <summary>Command-line wiring; the verbs themselves live in their modules.</summary>
public static class CohesionCli
{
    public static readonly Option<string?> Postgres = new("--postgres") { Description = "PostgreSQL connection string (default: the SQLite file)", Recursive = true };
    public static readonly Option<string?> Database = new("--database") { Description = $"SQLite database file (default {DatabaseSettings.DefaultSqlitePath})", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version")))
            return await ServeAsync(args);
        var root = new RootCommand("Cohesion: shared intelligence for community cohesion and good relations.\nWith no command, serves the web app.");
        root.Add(Postgres);
        root.Add(Database);
        var serve = new Command("serve", "Start the web app (default http://127.0.0.1:5080; --urls to change)") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((parse, ct) => ServeAsync(args.Skip(1).ToArray()));
        root.Add(serve);
        root.Add(PlacesCli.ImportCommand());
        root.Add(AccountsCli.UsersCommand());
        root.Add(Cohesion.Accounts.ApiKeys.ApiKeysCli.Command());
        root.Add(DbCli.Command());
        root.Add(Cohesion.Change.ChangeCli.Command());
        root.Add(Cohesion.Change.Generate.GenerateCli.Command());
        root.Add(Cohesion.Segregation.SegregationCli.Command());
        root.Add(Cohesion.Surveys.SurveyCli.Command());
        root.Add(Cohesion.Tensions.Detection.DetectCli.Command());
        var export = new Command("export", "Write data out to files");
        export.Add(Cohesion.Assets.Csv.AssetCsvCli.ExportCommand());
        export.Add(Cohesion.Assets.OpenReferral.OrukCli.ExportCommand());
        root.Add(export);
        return await root.Parse(args).InvokeAsync();
    }

    static async Task<int> ServeAsync(string[] args)
    {
        var app = CohesionWebApp.Build(args);
        await CohesionWebApp.PrepareAsync(app, Console.Out);
        await app.StartAsync();
        var db = app.Services.GetRequiredService<DatabaseSettings>();
        foreach (var url in app.Urls) Console.WriteLine($"Cohesion is running at {url}  (database: {db.Describe()}; Ctrl+C stops it)");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The database the verb's options name.</summary>
    public static DatabaseSettings Settings(ParseResult parse)
    {
        var pg = parse.GetValue(Postgres) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (!string.IsNullOrWhiteSpace(pg)) return new DatabaseSettings(DatabaseProvider.Postgres, pg);
        return DatabaseSettings.Sqlite(parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("Cohesion__Database__SqlitePath") ?? DatabaseSettings.DefaultSqlitePath);
    }

    /// <summary>Opens the database, brings the schema up to date, and runs the verb; import errors exit 2.</summary>
    public static async Task<int> WithDatabaseAsync(ParseResult parse, Func<CohesionDb, Task<int>> action)
    {
        try
        {
            var settings = Settings(parse);
            await using var db = settings.CreateContext();
            await SchemaMigrator.MigrateAsync(db);
            return await action(db);
        }
        catch (ImportFailedException e)
        {
            var err = Console.Error;
            err.WriteLine($"Import rejected: nothing was changed. {e.TotalErrors} problem{(e.TotalErrors == 1 ? "" : "s")} found:");
            foreach (var x in e.Errors) err.WriteLine($"  {x}");
            if (e.TotalErrors > e.Errors.Count) err.WriteLine($"  … and {e.TotalErrors - e.Errors.Count} more");
            return 2;
        }
        catch (CliException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>
    /// Runs a verb that reads a file and writes a file, with no database: a rejected input or a usage error is
    /// reported as a plain message and exits 2.
    /// </summary>
    public static int FileOnly(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ImportFailedException e)
        {
            var err = Console.Error;
            err.WriteLine($"Rejected: nothing was written. {e.TotalErrors} problem{(e.TotalErrors == 1 ? "" : "s")} found:");
            foreach (var x in e.Errors) err.WriteLine($"  {x}");
            if (e.TotalErrors > e.Errors.Count) err.WriteLine($"  … and {e.TotalErrors - e.Errors.Count} more");
            return 2;
        }
        catch (CliException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>Runs work with a spinner and elapsed time when attached to a terminal; plain lines otherwise.</summary>
    public static async Task<T> ProgressAsync<T>(string what, Func<Action<string>, Task<T>> work)
    {
        if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            T result = default!;
            await AnsiConsole.Status().StartAsync(what, async ctx => result = await work(s => ctx.Status($"{what}: {s}")));
            return result;
        }
        Console.Error.WriteLine($"{what}…");
        return await work(s => Console.Error.WriteLine($"  {s}"));
    }
}

/// <summary>A usage error the CLI reports as a plain message with exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);

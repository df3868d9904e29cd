using System.CommandLine;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Cli;

static class DbCli
{
    public static Command Command()
    {
        var db = new Command("db", "Database schema tasks");
        var migrate = new Command("migrate", "Bring the database schema up to date");
        migrate.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, _ => Task.FromResult(0)));
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var script = new Command("script", "Print the SQL that creates the current model (the starting point for a new hand-written migration)") { provider };
        script.SetAction(parse =>
        {
            var settings = parse.GetValue(provider) == "postgres"
                ? new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost")
                : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:");
            using var ctx = settings.CreateContext();
            Console.WriteLine(ctx.Database.GenerateCreateScript());
            return 0;
        });
        db.Add(migrate);
        db.Add(script);
        return db;
    }
}

using System.CommandLine;
using Cohesion.Accounts;
using Cohesion.Assets.Geo;
using Cohesion.Cli;
using Cohesion.Web;

namespace Cohesion.Assets.Csv;

/// <summary><c>cohesion import assets-csv FILE [--dry-run]</c> and <c>cohesion export assets-csv --output FILE</c>.</summary>
public static class AssetCsvCli
{
    public static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV of directory records, one per row (format in docs/assets.md)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change, changing nothing" };
        var cmd = new Command("assets-csv", "Add or update community asset directory records from a CSV file (all-or-nothing)") { file, dryRun };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)!.FullName;
            var rows = AssetCsvReader.Read(path, await AssetCsvTarget.LoadAsync(db, ct));
            var dry = parse.GetValue(dryRun);
            var r = await AssetCsvImport.SaveAsync(db, new AreaShapes(), rows, Path.GetFileName(path), Audit.CliActor, "", dry, m => Console.Error.WriteLine($"{m}…"), ct);
            Console.WriteLine((dry ? "Dry run: " : "") + r.Message(Path.GetFileName(path)));
            return 0;
        }));
        return cmd;
    }

    public static Command ExportCommand()
    {
        var output = new Option<FileInfo>("--output") { Description = "The CSV file to write", Required = true };
        var offers = new Option<bool>("--with-offers") { Description = "Include residents' published offers (never their contact details); for partners' own use" };
        var cmd = new Command("assets-csv", "Write the published community asset directory as CSV (the format the import reads)") { output, offers };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var table = await AssetCsvExport.TableAsync(db, parse.GetValue(offers), Audit.CliActor, ct);
            var path = parse.GetValue(output)!.FullName;
            await File.WriteAllBytesAsync(path, TableExport.Csv(table), ct);
            db.Record(Audit.CliActor, AuditActions.Export, Path.GetFileName(path), $"{table.Rows.Count} asset records; offers {(parse.GetValue(offers) ? "included" : "left out")}");
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Wrote {table.Rows.Count:N0} records to {path}.");
            return 0;
        }));
        return cmd;
    }
}

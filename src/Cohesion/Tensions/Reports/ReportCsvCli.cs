using System.CommandLine;
using Cohesion.Accounts;
using Cohesion.Cli;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary><c>cohesion import tension-reports FILE [--organisation NAME] [--dry-run]</c>.</summary>
public static class ReportCsvCli
{
    public static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV of tension reports, one per row (format in docs/tensions.md)" };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation that owns the reports (default: the first Council organisation)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change, changing nothing" };
        var cmd = new Command("tension-reports", "Add or update tension reports from a CSV file (all-or-nothing; a client_id sent before updates its report)") { file, organisation, dryRun };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var name = parse.GetValue(organisation);
            var org = await new ReportOptions { MonitoringOrganisation = name }.MonitoringOrganisationIdAsync(db, ct)
                ?? throw new CliException(name is null ? "There is no Council organisation to own the reports: give --organisation NAME" : $"No organisation is named '{name}'");
            var path = parse.GetValue(file)!.FullName;
            var places = await new AreaStatsCache().DirectoryAsync(db, ct);
            var enabled = new ReportOptions { LocalStrands = Environment.GetEnvironmentVariable("Cohesion__Tensions__LocalStrands") }.Enabled();
            var rows = ReportCsv.Read(path, places, enabled, DateTime.UtcNow);
            var dry = parse.GetValue(dryRun);
            var r = await ReportCsv.SaveAsync(db, org, rows, Path.GetFileName(path), Audit.CliActor, "", null, dry, m => Console.Error.WriteLine($"{m}…"), ct);
            Console.WriteLine((dry ? "Dry run: " : "") + r.Message(Path.GetFileName(path)));
            return 0;
        }));
        return cmd;
    }
}

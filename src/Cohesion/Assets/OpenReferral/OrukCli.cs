using System.CommandLine;
using System.Diagnostics;
using Cohesion.Accounts;
using Cohesion.Assets.Geo;
using Cohesion.Cli;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.OpenReferral;

/// <summary><c>cohesion import oruk FILE</c> and <c>cohesion export oruk --output FILE</c>: the directory in and out as HSDS JSON.</summary>
public static class OrukCli
{
    public static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "HSDS JSON: an array of full services (as `export oruk` writes), or a page {\"contents\": [...]}" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would be imported, changing nothing" };
        var maintainer = new Option<string?>("--maintainer") { Description = "The Cohesion partner organisation that will maintain the imported records (by name)" };
        var cmd = new Command("oruk", "Load services from an Open Referral UK / HSDS 3.0 JSON file (all-or-nothing; existing ids are updated)") { file, dryRun, maintainer };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) throw new CliException($"no such file: {path}");
            int? maintainerId = null;
            if (parse.GetValue(maintainer) is { Length: > 0 } name)
                maintainerId = (await db.Organisations.FirstOrDefaultAsync(o => o.Name.ToLower() == name.ToLower(), ct))?.Id
                    ?? throw new CliException($"no partner organisation is called '{name}': the organisations are {string.Join(", ", await db.Organisations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct))}; nothing was changed.");
            var sw = Stopwatch.StartNew();
            // The web app seeds Cohesion's taxonomies as it starts; a database only ever used from the command line gets them here.
            await Taxonomy.TaxonomySeeder.EnsureAsync(db, ct);
            await using var input = File.OpenRead(path);
            var options = new HsdsImportOptions(Path.GetFileName(path), Audit.CliActor, Maintainer: maintainerId, DryRun: parse.GetValue(dryRun),
                Progress: m => Console.Error.WriteLine($"  {m}…"));
            var r = await HsdsImport.RunAsync(db, new AreaShapes(), input, options, ct);
            Console.WriteLine(options.DryRun
                ? $"Dry run: {options.FileName} is valid. It would import {r.Describe()}; nothing was changed."
                : $"Imported {r.Describe()} from {options.FileName} ({sw.Elapsed.TotalSeconds:F1} s).");
            return 0;
        }));
        return cmd;
    }

    public static Command ExportCommand()
    {
        var output = new Option<FileInfo>("--output") { Description = "The JSON file to write", Required = true };
        var cmd = new Command("oruk", "Write the published directory as an HSDS JSON array of full services (offers are never exported)") { output };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(output)!.FullName;
            var sw = Stopwatch.StartNew();
            // Written beside the target and moved into place, so a failed export never leaves half a file under its name.
            var part = path + ".part";
            int n;
            await using (var file = File.Create(part)) n = await HsdsExport.WriteAsync(db, file, ct);
            File.Move(part, path, overwrite: true);
            db.Record(Audit.CliActor, AuditActions.Export, $"assets HSDS JSON to {Path.GetFileName(path)}", $"{n} published services");
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Exported {n:N0} services to {path} ({sw.Elapsed.TotalSeconds:F1} s).");
            return 0;
        }));
        return cmd;
    }
}

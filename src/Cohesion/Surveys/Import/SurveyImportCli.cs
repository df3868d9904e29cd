using System.CommandLine;
using Cohesion.Accounts;
using Cohesion.Cli;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Import;

/// <summary><c>cohesion import survey-responses FILE --survey NAME [--dry-run]</c>: responses from a CSV into an existing survey.</summary>
public static class SurveyImportCli
{
    public static Command Command()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV of responses: one row per response, one column per item code of the survey (see docs/surveys.md)" };
        var survey = new Option<string>("--survey") { Description = "The survey's short name (as in its address /surveys/NAME)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would be imported, changing nothing" };
        var cmd = new Command("survey-responses", "Load survey responses collected elsewhere into a survey (all-or-nothing)") { file, survey, dryRun };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var name = parse.GetValue(survey)!;
            var s = await db.Surveys.Include(x => x.Questions).Include(x => x.LocalItems).AsSplitQuery().FirstOrDefaultAsync(x => x.Name == name, ct)
                ?? throw new CliException($"unknown survey '{name}': create it on the survey pages first (/surveys/new); nothing was changed.");
            var path = parse.GetValue(file)!.FullName;
            var (items, areas) = await ResponseImport.TargetAsync(db, s, ct);
            var rows = ResponseImport.Read(path, items, areas, ResponseImport.Today);
            if (parse.GetValue(dryRun))
            {
                Console.WriteLine($"Dry run: {Path.GetFileName(path)} is valid. It would add {ImportCounts.Count(rows.Count, "response", "responses")} to {s.Name}; nothing was changed.");
                return 0;
            }
            var r = await ResponseImport.SaveAsync(db, s, rows, areas, Path.GetFileName(path), Audit.CliActor, "", m => Console.Error.WriteLine($"{m}…"), ct);
            Console.WriteLine(r.Message(Path.GetFileName(path), into: s.Name) + ".");
            return 0;
        }));
        return cmd;
    }
}

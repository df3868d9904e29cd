using System.CommandLine;
using Cohesion.Accounts;
using Cohesion.Cli;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Import;

/// <summary><c>cohesion import place-standard FILE --engagement NAME</c>: assessments from a CSV into an existing engagement.</summary>
public static class PlaceStandardImportCli
{
    public static Command Command()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV of assessments, one row per assessment and theme (see docs/place-standard.md)" };
        var engagement = new Option<string>("--engagement") { Description = "The engagement's short name (as in its address /place-standard/NAME)", Required = true };
        var approve = new Option<bool>("--comments-approved") { Description = "Publish comments at once when the personal-data screen finds nothing in them (they were read before); others wait for a moderator" };
        var cmd = new Command("place-standard", "Load Place Standard assessments into an engagement (all-or-nothing)") { file, engagement, approve };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var name = parse.GetValue(engagement)!;
            var e = await db.PsEngagements.FirstOrDefaultAsync(x => x.Name == name, ct)
                ?? throw new CliException($"unknown engagement '{name}': create it on the Place Standard pages first (/place-standard/new); nothing was changed.");
            var path = parse.GetValue(file)!.FullName;
            var rows = AssessmentImport.Read(path);
            var r = await AssessmentImport.SaveAsync(db, e, rows, Path.GetFileName(path), parse.GetValue(approve), Audit.CliActor, "", ct);
            Console.WriteLine($"Imported {r.Added} into {e.Name}: {r.ScoresAndComments}, "
                + $"{r.CommentsHeld:N0} of them held until a moderator approves them.");
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cohesion.Cli;
using Cohesion.Imports;

namespace Cohesion.Change.Generate;

/// <summary>
/// <c>cohesion generate registrations|school|places</c>: synthetic record-level extracts around a real place's
/// Census 2011 population, for demos, tests and benchmarks. Needs no database.
/// </summary>
public static class GenerateCli
{
    public const string Label = "SYNTHETIC DATA: every row is made up and describes no real person; only the areas and their Census 2011 population are real.";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static Command Command()
    {
        var generate = new Command("generate", "Write SYNTHETIC (made-up) GP registration or school census extracts around a real place's Census 2011 population, for demos, tests and benchmarks (no database needed). " + Label);
        generate.Add(Extract("registrations",
            "Write a SYNTHETIC GP registration extract, one row per registration spell (format: docs/change-formats.md). " + Label, school: false));
        generate.Add(Extract("school",
            "Write a SYNTHETIC school census extract, one row per pupil per January census (format: docs/change-formats.md). " + Label, school: true));
        generate.Add(Places());
        return generate;
    }

    static Command Extract(string name, string description, bool school)
    {
        var place = new Option<string>("--place") { Description = "Local authority district whose LSOAs and Census 2011 population to use, e.g. Oldham, \"Tower Hamlets\" (list: cohesion generate places)", Required = true };
        var rows = new Option<long>("--rows") { Description = "Number of data rows to write (the header is extra)", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed, place, rows and dates give the same bytes on any machine", Required = true };
        var output = new Option<string>("--output") { Description = "File to write (replaced when complete), or - for standard output", Required = true };
        var from = new Option<string?>("--from") { Description = $"First date, YYYY-MM-DD (default {GenerateOptions.DefaultFrom:yyyy-MM-dd})" };
        var to = new Option<string?>("--to") { Description = $"Last date, YYYY-MM-DD: nothing is dated later (default {GenerateOptions.DefaultTo:yyyy-MM-dd})" };
        var threads = new Option<int>("--threads") { Description = "Generating threads (default: one per core); the output does not depend on it" };
        var cmd = new Command(name, description) { place, rows, seed, output, from, to, threads };
        cmd.SetAction((parse, ct) =>
        {
            try
            {
                return Task.FromResult(Run(school, parse.GetValue(place)!, parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(output)!,
                    parse.GetValue(from), parse.GetValue(to), parse.GetValue(threads), ct));
            }
            catch (CliException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }
            catch (ImportFailedException e)
            {
                foreach (var x in e.Errors) Console.Error.WriteLine(x);
                return Task.FromResult(2);
            }
        });
        return cmd;
    }

    static Command Places()
    {
        var text = new Argument<string?>("text") { Description = "Show only names containing this text", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("places", "List the district names --place accepts, with their LSOAs and Census 2011 population") { text };
        cmd.SetAction(parse =>
        {
            var filter = parse.GetValue(text);
            var list = PlaceModel.Districts().Where(d => filter is null || d.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var (n, lsoas, persons) in list) Console.WriteLine(string.Create(Uk, $"{n}\t{lsoas:N0} LSOAs\t{persons:N0} residents"));
            Console.Error.WriteLine($"{list.Count} district{(list.Count == 1 ? "" : "s")}.");
            return 0;
        });
        return cmd;
    }

    static int Run(bool school, string placeName, long rows, ulong seed, string output, string? fromText, string? toText, int threads, CancellationToken ct)
    {
        if (rows is < 1 or > 100_000_000_000) throw new CliException("--rows needs a whole number from 1 to 100,000,000,000");
        if (threads is < 0 or > 256) throw new CliException("--threads needs 1 to 256 (or 0 for one per core)");
        var from = fromText is null ? GenerateOptions.DefaultFrom : Date("--from", fromText);
        var to = toText is null ? GenerateOptions.DefaultTo : Date("--to", toText);
        if (to < from) throw new CliException($"--to ({to:yyyy-MM-dd}) is before --from ({from:yyyy-MM-dd})");
        if (to.DayNumber - from.DayNumber > 36_525) throw new CliException("--from and --to can be at most 100 years apart");
        if (school && !SchoolCensusGenerator.CensusDates(from, to).Any())
            throw new CliException($"no school census between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}: the census is taken on the third Thursday of January, so the dates must include one");

        var sw = Stopwatch.StartNew();
        var place = PlaceModel.Load(placeName);
        var scenario = new Scenario(place, new GenerateOptions(rows, seed, from, to, threads));
        Func<Stream, long> write;
        string what, story;
        if (school)
        {
            var g = new SchoolCensusGenerator(scenario);
            write = s => g.Write(s, ct);
            what = string.Create(Uk, $"school census rows ({g.Pupils:N0} pupils, {g.Censuses.Count} censuses {g.Censuses[0]:yyyy-MM-dd} to {g.Censuses[^1]:yyyy-MM-dd})");
            story = scenario.Describe($"pupils from abroad joining at the {g.RapidCensus:yyyy-MM-dd} census");
        }
        else
        {
            var g = new GpExtractGenerator(scenario);
            write = s => g.Write(s, ct);
            what = "GP registration spells";
            story = scenario.Describe($"arrivals from abroad registering in {scenario.RapidYear}");
        }

        long bytes;
        var toStdout = output == "-";
        if (toStdout)
        {
            using var stdout = Console.OpenStandardOutput();
            bytes = write(stdout);
        }
        else
        {
            var path = Path.GetFullPath(output);
            var dir = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(dir)) throw new CliException($"--output: the folder {dir} does not exist");
            // Written beside the target and moved into place when complete, so a stopped run leaves no half file.
            var partial = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.partial");
            try
            {
                using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                    bytes = write(file);
                File.Move(partial, path, overwrite: true);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
        }
        var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-3);
        var report = toStdout ? Console.Error : Console.Out;
        report.WriteLine(string.Create(Uk, $"Wrote {rows:N0} {what} for {place.District} ({place.Areas} LSOAs, Census 2011 population {place.Population:N0}) " +
            $"to {(toStdout ? "standard output" : output)}: {bytes / 1e6:N1} MB in {seconds:N1} s ({rows / seconds:N0} rows/s, {bytes / 1e6 / seconds:N0} MB/s)."));
        report.WriteLine(story);
        report.WriteLine($"{Label} Seed {seed}.");
        return 0;
    }

    static DateOnly Date(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1900
            ? d : throw new CliException($"{option} must be a date YYYY-MM-DD from 1900 on, not '{text}'");
}

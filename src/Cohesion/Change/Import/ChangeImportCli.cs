using System.CommandLine;
using Cohesion.Analytics.Change;
using Cohesion.Cli;
using Cohesion.Sharing;

namespace Cohesion.Change.Import;

/// <summary><c>cohesion import registrations</c>: see <see cref="ChangeImport"/>.</summary>
public static class ChangeImportCli
{
    public static Command Command()
    {
        var file = new Argument<FileInfo>("file") { Description = "The extract (docs/change-formats.md)" };
        var source = new Option<string>("--source") { Description = "gp (GP registration spells) or school (school census)", Required = true };
        source.AcceptOnlyFromAmong("gp", "school");
        var dataset = new Option<string>("--dataset") { Description = "Short name of the dataset, e.g. gp-oldham (a new extract replaces the dataset's figures)", Required = true };
        var owner = new Option<string>("--owner") { Description = "The organisation that owns the data: only its users see exact figures", Required = true };
        var period = new Option<string>("--period") { Description = "month, quarter or year", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("month", "quarter", "year");
        var from = new Option<DateOnly?>("--from") { Description = "First period stored, as a day in it (default: 1 January four years before the extract date)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last period stored (default: the extract date)" };
        var extractDate = new Option<DateOnly?>("--extract-date") { Description = "The extract's date: later dates are errors (default: today)" };
        var suppress = new Option<int?>("--suppress") { Description = "Others see counts of 1..K-1 withheld, with secondary suppression (default 10)" };
        var round = new Option<int?>("--round") { Description = "Others see every count rounded to base B instead" };
        var sensitivity = new Option<string>("--sensitivity") { Description = "open (anyone sees controlled figures), partners (signed-in partners only) or owner-only", DefaultValueFactory = _ => "partners" };
        sensitivity.AcceptOnlyFromAmong("open", "partners", "owner-only");
        var agreement = new Option<string>("--agreement") { Description = "The licence or data-sharing agreement shown beside the figures", DefaultValueFactory = _ => "" };
        var title = new Option<string?>("--title") { Description = "Title shown on pages (default from the source)" };
        var synthetic = new Option<bool>("--synthetic") { Description = "The extract is synthetic: labelled so wherever it is shown" };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows; write rejected rows, with reasons, to --rejects" };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Where rejected rows go with --skip-bad-rows (default: FILE.rejects.csv)" };
        var threads = new Option<int>("--threads") { Description = "Reading threads (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("registrations", "Aggregate a GP registration or school census extract into a dataset (only aggregates are stored; all-or-nothing)")
            { file, source, dataset, owner, period, from, to, extractDate, suppress, round, sensitivity, agreement, title, synthetic, skip, rejects, threads };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var k = parse.GetValue(suppress);
            var b = parse.GetValue(round);
            if (k is not null && b is not null) throw new CliException("give --suppress or --round, not both");
            if (k is < 2 or > 1000) throw new CliException("--suppress K needs K from 2 to 1000");
            if (b is < 2 or > 1000) throw new CliException("--round B needs B from 2 to 1000");
            DisclosurePolicy policy = b is { } bb ? new DisclosurePolicy.Round(bb) : new DisclosurePolicy.Suppress(k ?? 10);
            var name = parse.GetValue(dataset)!.Trim();
            if (name.Length is < 1 or > 64 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                throw new CliException($"--dataset '{name}': use 1-64 letters, digits, - or _");
            var kind = parse.GetValue(period) switch { "quarter" => PeriodKind.Quarter, "year" => PeriodKind.Year, _ => PeriodKind.Month };
            var extract = parse.GetValue(extractDate) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var last = parse.GetValue(to) ?? extract;
            var first = parse.GetValue(from) ?? new DateOnly(extract.Year - 4, 1, 1);
            if (last < first) throw new CliException("--to is before --from");
            var path = parse.GetValue(file)!.FullName;
            var o = new ChangeImportOptions(path, parse.GetValue(source) == "school" ? ChangeSource.School : ChangeSource.Gp, name, parse.GetValue(owner)!,
                kind, first, last, extract, policy, SensitivityText.Parse(parse.GetValue(sensitivity))!.Value, parse.GetValue(agreement)!.Trim(),
                parse.GetValue(title), parse.GetValue(synthetic), parse.GetValue(skip), parse.GetValue(threads), Accounts.Audit.CliActor);
            var r = await ChangeImport.RunAsync(db, o, ct);
            if (o.SkipBadRows && r.Rejects.Count > 0) ChangeCli.WriteRejects(parse.GetValue(rejects)?.FullName ?? path + ".rejects.csv", r.Rejects);
            var err = Console.Error;
            Console.WriteLine($"Imported {name}: {r.RowsRead:N0} rows read ({r.RowsRead / Math.Max(r.Elapsed.TotalSeconds, 1e-9):N0} rows/s), {r.RowsRejected:N0} rejected; {r.FiguresStored:N0} figures over {r.Periods} periods stored in {r.Elapsed.TotalSeconds:F2} s (reading {r.ReadTime.TotalSeconds:F2} s).");
            foreach (var (reason, n) in r.RejectedByReason) err.WriteLine($"  rejected {n:N0}: {reason}");
            Console.WriteLine($"Owner {o.Owner} sees exact figures; {(o.Sensitivity == Sensitivity.OwnerOnly ? "nobody else sees the dataset" : "everyone else sees figures where " + PolicyText.Describe(policy))}.");
            return 0;
        }));
        return cmd;
    }
}

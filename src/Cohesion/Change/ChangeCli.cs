using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cohesion.Analytics.Change;
using Cohesion.Change.Extract;
using Cohesion.Cli;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Places.Import;

namespace Cohesion.Change;

/// <summary>
/// <c>cohesion change</c>: aggregates a record-level extract straight from a file, with no database, into
/// the long CSV of community-change figures. This is what a data owner runs behind its own firewall.
/// </summary>
public static class ChangeCli
{
    public static Command Command()
    {
        var input = new Option<FileInfo>("--input") { Description = "The extract (see docs/change-formats.md)", Required = true };
        var source = new Option<string>("--source") { Description = "gp: GP registration spells; school: school census returns", Required = true };
        source.AcceptOnlyFromAmong("gp", "school");
        var period = new Option<string>("--period") { Description = "month, quarter or year", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("month", "quarter", "year");
        var output = new Option<FileInfo>("--output") { Description = "Where to write the long CSV", Required = true };
        var suppress = new Option<int?>("--suppress") { Description = "Suppress counts of 1..K-1 (with secondary suppression)" };
        var round = new Option<int?>("--round") { Description = "Round every count to the nearest multiple of B" };
        var from = new Option<DateOnly?>("--from") { Description = "First period reported, as a day in it (default: 1 January four years before the extract date)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last period reported (default: the extract date)" };
        var extractDate = new Option<DateOnly?>("--extract-date") { Description = "The extract's date: later dates are errors (default: today)" };
        var areasFile = new Option<FileInfo?>("--areas") { Description = "Known area codes, one per line or first column of a CSV (default: the 34,753 LSOAs of England and Wales, 2011)" };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Aggregate the good rows and write the rejected ones, with reasons, to --rejects" };
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Where rejected rows go with --skip-bad-rows (default: OUTPUT.rejects.csv)" };
        var threads = new Option<int>("--threads") { Description = "Reading threads (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("change", "Aggregate a GP registration or school census extract into community-change figures (no database; nothing record-level is kept)")
            { input, source, period, output, suppress, round, from, to, extractDate, areasFile, skip, rejects, threads };
        cmd.SetAction((parse, ct) => Task.FromResult(CohesionCli.FileOnly(() =>
            Run(parse.GetValue(input)!, parse.GetValue(source) == "school" ? School : Gp, parse.GetValue(period)!, parse.GetValue(output)!, parse.GetValue(suppress), parse.GetValue(round),
                parse.GetValue(from), parse.GetValue(to), parse.GetValue(extractDate), parse.GetValue(areasFile), parse.GetValue(skip), parse.GetValue(rejects), parse.GetValue(threads), ct))));
        return cmd;
    }

    /// <summary>What differs between the sources: how a file is read, how its figures are written, and its column names for messages.</summary>
    sealed record Source(
        Func<string, AreaIndex, ScanOptions, CancellationToken, ExtractScanResult> Scan,
        Func<Stream, ExtractScanResult, AreaIndex, DisclosurePolicy, int, ChangeOutput.Stats> Write,
        Func<RejectReason, string> Message,
        Func<RejectReason, string> Column);

    static readonly Source Gp = new(
        (path, areas, o, ct) => GpScanner.Scan(path, areas, o, ct),
        (s, r, areas, policy, threads) => ChangeOutput.Write(s, ((ScanResult)r).Counts, areas.Codes, r.Ethnic.Codes, r.Language.Codes, policy, threads),
        GpFormat.Message, GpFormat.Column);

    static readonly Source School = new(
        (path, areas, o, ct) => SchoolScanner.Scan(path, areas, new SchoolScanOptions(o.Kind, o.From, o.To, o.ExtractDate, o.SkipBadRows, o.MaxErrors, o.Threads), ct),
        (s, r, areas, policy, _) =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 20, leaveOpen: true);
            return SchoolOutput.Write(w, ((SchoolScanResult)r).Counts, areas.Codes, r.Ethnic.Codes, r.Language.Codes, policy);
        },
        SchoolFormat.Message, SchoolFormat.Column);

    static int Run(FileInfo input, Source format, string periodText, FileInfo output, int? suppress, int? round, DateOnly? from, DateOnly? to, DateOnly? extractDate,
        FileInfo? areasFile, bool skip, FileInfo? rejectsFile, int threads, CancellationToken ct)
    {
        if (threads is < 1 or > 256) throw new CliException("--threads needs 1 to 256");
        if (suppress is not null && round is not null) throw new CliException("give --suppress or --round, not both");
        if (suppress is < 2 or > 1000) throw new CliException("--suppress K needs K from 2 to 1000");
        if (round is < 2 or > 1000) throw new CliException("--round B needs B from 2 to 1000");
        DisclosurePolicy policy = suppress is { } k ? new DisclosurePolicy.Suppress(k) : round is { } b ? new DisclosurePolicy.Round(b) : new DisclosurePolicy.Exact();
        var kind = periodText switch { "quarter" => PeriodKind.Quarter, "year" => PeriodKind.Year, _ => PeriodKind.Month };
        var extract = extractDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var last = to ?? extract;
        var first = from ?? new DateOnly(extract.Year - 4, 1, 1);
        if (last < first) throw new CliException("--to is before --from");
        if (!input.Exists) throw ImportFailedException.One(input.Name, null, null, null, $"file not found: {input.FullName}");

        var sw = Stopwatch.StartNew();
        var areas = new AreaIndex(LoadAreas(areasFile));
        ExtractScanResult result;
        try
        {
            result = format.Scan(input.FullName, areas, new ScanOptions(kind, first, last, extract, skip, Threads: threads), ct);
        }
        catch (Exception e) when (Limit(e) is { } limit)
        {
            throw new CliException($"{input.Name}: {limit}");
        }
        var readTime = sw.Elapsed;

        if (!skip && result.RejectedTotal > 0)
        {
            var errors = result.Errors.Select(e => new ImportError(input.Name, e.LineNumber, format.Column(e.Reason) is { Length: > 0 } c ? c : null,
                e.Value.Length > 0 ? e.Value : null, Reason(format, e))).ToList();
            throw new ImportFailedException(errors, (int)Math.Min(int.MaxValue, result.RejectedTotal));
        }

        // Written beside the target and moved into place, so a failed or killed run leaves no half file.
        var tmp = output.FullName + ".tmp";
        ChangeOutput.Stats stats;
        try
        {
            using (var w = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
                stats = format.Write(w, result, areas, policy, threads);
            File.Move(tmp, output.FullName, overwrite: true);
        }
        catch (Exception e)
        {
            File.Delete(tmp);
            if (Limit(e) is { } limit) throw new CliException($"{input.Name}: {limit}");
            throw;
        }
        if (skip && result.Errors.Count > 0) WriteRejects(rejectsFile?.FullName ?? output.FullName + ".rejects.csv", result.Errors, format);

        var total = sw.Elapsed;
        var err = Console.Error;
        err.WriteLine($"Read {result.RowsRead:N0} rows from {input.Name} in {readTime.TotalSeconds:F2} s ({result.RowsRead / Math.Max(readTime.TotalSeconds, 1e-9):N0} rows/s); {result.RowsAccepted:N0} accepted.");
        foreach (var (reason, n) in result.Rejected.OrderByDescending(r => r.Value))
            err.WriteLine($"  rejected {n:N0}: {format.Message(reason)}");
        err.WriteLine($"Wrote {stats.Rows:N0} figures to {output.Name} ({Policy(policy)}; {stats.Suppressed:N0} suppressed, {stats.Rounded:N0} rounded) in {total.TotalSeconds:F2} s; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB.");
        if (policy is DisclosurePolicy.Exact) err.WriteLine("These are exact counts: apply --suppress K or --round B before the figures leave your organisation.");
        return 0;
    }

    /// <summary>The message of a limit the counters reached (too many codes, too much memory), thrown directly or from a reading thread.</summary>
    static string? Limit(Exception e) => e switch
    {
        InvalidOperationException limit => limit.Message,
        AggregateException { InnerException: InvalidOperationException limit } => limit.Message,
        _ => null,
    };

    internal static string Policy(DisclosurePolicy p) => p switch
    {
        DisclosurePolicy.Suppress s => $"counts of 1-{s.K - 1} suppressed with secondary suppression",
        DisclosurePolicy.Round r => $"rounded to base {r.Base}",
        _ => "exact counts",
    };

    static IEnumerable<string> LoadAreas(FileInfo? file)
    {
        if (file is null)
        {
            // The shipped Census 2011 file lists every LSOA of England and Wales in its first column.
            return File.ReadLines(Path.Combine(DemoPlace.SeedDir, Census2011.FileName)).Skip(1)
                .Select(l => l[..l.IndexOf(',')].Trim('"'));
        }
        if (!file.Exists) throw new CliException($"areas file not found: {file.FullName}");
        var codes = File.ReadLines(file.FullName).Select(l => l.Split(',')[0].Trim().Trim('"')).Where(c => c.Length > 0).ToList();
        if (codes.Count > 0 && codes[0].Equals("code", StringComparison.OrdinalIgnoreCase) || codes.Count > 0 && codes[0].Equals("area_code", StringComparison.OrdinalIgnoreCase)) codes.RemoveAt(0);
        var bad = codes.FirstOrDefault(c => !AreaImport.IsValidCode(c));
        if (bad is not null) throw new CliException($"areas file {file.Name}: '{bad}' is not a valid area code");
        return codes;
    }

    static string Reason(Source format, RowError e) => format.Message(e.Reason) + (e.DuplicateOfLine is { } d ? $" (line {d})" : "");

    /// <summary>The rejects file of a GP extract (also for <c>cohesion import change</c>).</summary>
    internal static void WriteRejects(string path, IEnumerable<RowError> errors) => WriteRejects(path, errors, Gp);

    static void WriteRejects(string path, IEnumerable<RowError> errors, Source format)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("line,reason,field,value,row\n");
        foreach (var e in errors.OrderBy(e => e.LineNumber))
            w.Write(string.Join(',', e.LineNumber.ToString(CultureInfo.InvariantCulture), Quote(Reason(format, e)), format.Column(e.Reason), Quote(e.Value), Quote(e.Line)) + "\n");
    }

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

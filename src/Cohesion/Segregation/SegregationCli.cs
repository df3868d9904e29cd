using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cohesion.Analytics.Segregation;
using Cohesion.Cli;
using Cohesion.Imports;

namespace Cohesion.Segregation;

/// <summary>
/// <c>cohesion segregation</c>: segregation and diversity indices, with simulation-based inference, straight from a
/// count table (any CSV of counts by area), with no database. See docs/segregation.md.
/// </summary>
public static class SegregationCli
{
    public static Command Command()
    {
        var input = new Option<FileInfo>("--input") { Description = "The count table: a CSV with a header, one row per area (quoted fields allowed)", Required = true };
        var unit = new Option<string>("--unit") { Description = "The column naming each unit (area); rows with the same unit are summed, so a coarser code aggregates", Required = true };
        var by = new Option<string?>("--by") { Description = "A column splitting the units into sets (e.g. district); each set gets its own figures. Without it the whole file is one set" };
        var groups = new Option<string>("--groups") { Description = "The group columns, comma-separated (at least two)", Required = true };
        var total = new Option<string?>("--total") { Description = "A column of each unit's total population; default: the sum of the groups. Two-group indices take each group against the rest of this total; multigroup indices always use the sum of the groups" };
        var reference = new Option<string?>("--reference") { Description = "Also take each group against this group alone (one of the groups, or another column)" };
        var indices = new Option<string>("--indices") { Description = "all, or a comma-separated list of: " + string.Join(", ", IndexCatalogue.All.Select(i => i.Name)), DefaultValueFactory = _ => "all" };
        var inference = new Option<string?>("--inference") { Description = "systematic or evenness (p-value against a null of no segregation, and the interval chance gives), or bootstrap (95% confidence interval)" };
        inference.AcceptOnlyFromAmong("systematic", "evenness", "bootstrap");
        var iterations = new Option<int>("--iterations") { Description = "Simulations for --inference", DefaultValueFactory = _ => 999 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for --inference: the same seed gives the same figures, whatever the number of threads", DefaultValueFactory = _ => 0 };
        var atkinsonB = new Option<double>("--atkinson-b") { Description = "The Atkinson index's shape parameter b, between 0 and 1", DefaultValueFactory = _ => TwoGroup.DefaultAtkinsonB };
        var threads = new Option<int>("--threads") { Description = "Threads for --inference (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the long CSV (by,index,group,reference,value,p_value,ci_low,ci_high,units,population)", Required = true };
        var cmd = new Command("segregation", "Segregation and diversity indices, with inference, for any count table (no database)")
            { input, unit, by, groups, total, reference, indices, inference, iterations, seed, atkinsonB, threads, output };
        cmd.SetAction((parse, ct) => Task.FromResult(CohesionCli.FileOnly(() => Run(
            parse.GetValue(input)!, new CountTableLayout(parse.GetValue(unit)!.Trim(), Blank(parse.GetValue(by)), SplitList(parse.GetValue(groups)!), Blank(parse.GetValue(total)), Blank(parse.GetValue(reference))),
            parse.GetValue(indices)!, parse.GetValue(inference), parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(atkinsonB), parse.GetValue(threads), parse.GetValue(output)!, ct))));
        return cmd;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string[] SplitList(string s) => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static int Run(FileInfo input, CountTableLayout layout, string indicesText, string? inferenceText, int iterations, ulong seed, double atkinsonB, int threads,
        FileInfo output, CancellationToken ct)
    {
        if (layout.Groups.Count < 2) throw new CliException("--groups needs at least two group columns, comma-separated");
        if (layout.Groups.Distinct(StringComparer.OrdinalIgnoreCase).Count() != layout.Groups.Count) throw new CliException("--groups names a column twice");
        var indices = ParseIndices(indicesText);
        if (!(atkinsonB > 0 && atkinsonB < 1)) throw new CliException($"--atkinson-b must be between 0 and 1 (exclusive), not {atkinsonB.ToString(CultureInfo.InvariantCulture)}");
        if (iterations is < 1 or > 1_000_000) throw new CliException("--iterations needs 1 to 1,000,000");
        if (threads is < 1 or > 256) throw new CliException("--threads needs 1 to 256");
        NullModel? model = inferenceText switch
        {
            "systematic" => NullModel.Systematic,
            "evenness" => NullModel.Evenness,
            "bootstrap" => NullModel.Bootstrap,
            _ => null,
        };
        if (!input.Exists) throw ImportFailedException.One(input.Name, null, null, null, $"file not found: {input.FullName}");

        var sw = Stopwatch.StartNew();
        var sets = CountTableReader.Read(input.FullName, layout);
        var readTime = sw.Elapsed;
        var referenceName = layout.Reference is { } r ? layout.Groups.FirstOrDefault(g => g.Equals(r, StringComparison.OrdinalIgnoreCase)) ?? r : null;
        var request = new FigureRequest(layout.Groups, layout.Total is not null, referenceName, indices, model, new InferenceOptions(iterations, seed, threads), atkinsonB);
        var figures = new List<Figure>[sets.Count];
        for (var s = 0; s < sets.Count; s++)
        {
            ct.ThrowIfCancellationRequested();
            figures[s] = SegregationFigures.For(sets[s], request);
        }

        // Written beside the target and moved into place, so a failed or killed run leaves no half file.
        var tmp = output.FullName + ".tmp";
        try
        {
            using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false), 1 << 16))
                FigureWriter.Write(w, figures.SelectMany(f => f));
            File.Move(tmp, output.FullName, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
        var err = Console.Error;
        var units = sets.Sum(s => s.Units.Count);
        err.WriteLine($"Read {units:N0} units in {sets.Count:N0} set{(sets.Count == 1 ? "" : "s")} from {input.Name} in {readTime.TotalSeconds:F2} s.");
        err.WriteLine($"Wrote {figures.Sum(f => f.Count):N0} figures to {output.Name}{(model is null ? "" : $" ({inferenceText}, {iterations:N0} iterations, seed {seed})")} in {sw.Elapsed.TotalSeconds:F2} s; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB.");
        return 0;
    }

    static SegregationIndex[] ParseIndices(string text)
    {
        var names = SplitList(text);
        if (names.Length == 0 || names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
            return Enum.GetValues<SegregationIndex>();
        var list = new List<SegregationIndex>();
        foreach (var name in names)
        {
            if (!IndexCatalogue.TryParse(name, out var index))
                throw new CliException($"--indices: unknown index '{name}'; use all or any of: {string.Join(", ", IndexCatalogue.All.Select(i => i.Name))}");
            if (!list.Contains(index)) list.Add(index);
        }
        return list.ToArray();
    }
}

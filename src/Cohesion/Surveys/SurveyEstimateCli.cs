using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Cli;
using Cohesion.Imports;

namespace Cohesion.Surveys;

/// <summary>
/// <c>cohesion survey estimate</c>: design-based estimates from a respondent file, with no database — the file-only
/// command analysts script against. Reads the CSV, builds the design (weights, strata, clusters, fpc, replicates),
/// weights to population margins, estimates by domain and writes <c>domain,estimate,se,ci_low,ci_high,n,…</c>.
/// Bad input exits 2 with the file, line, column and value.
/// </summary>
public static class SurveyEstimateCli
{
    sealed record Request(FileInfo Input, string? Weights, string? Strata, string? Clusters, string? Fpc, string? Replicate, int Replicates, ulong Seed,
        bool ReplicateCountGiven, string LonelyPsu, string? PostStratify, string? Rake, string? Trim, string? Mean, string? Total, string? Proportion, string? By,
        int MinBase, string Df, double Level, int MaxIterations, FileInfo Output);

    public static Command Command()
    {
        var input = new Option<FileInfo>("--input") { Description = "Respondents, one per row (CSV with a header; \"NA\" or empty = missing)", Required = true };
        var weights = new Option<string?>("--weights") { Description = "Column of sampling weights (> 0); default: 1, or N_h/n_h with --fpc as population sizes" };
        var strata = new Option<string?>("--strata") { Description = "Column of strata" };
        var clusters = new Option<string?>("--clusters") { Description = "Column of primary sampling units (clusters), within strata" };
        var fpc = new Option<string?>("--fpc") { Description = "Column of the finite population correction: population sizes (> 1) or sampling fractions (<= 1), constant within strata" };
        var replicate = new Option<string?>("--replicate") { Description = "Variance from replicate weights instead of linearisation: jk1, bootstrap or subbootstrap (Rao-Wu)" };
        replicate.AcceptOnlyFromAmong("jk1", "bootstrap", "subbootstrap");
        var replicates = new Option<int?>("--replicates") { Description = "Bootstrap replicates (default 500)" };
        var seed = new Option<ulong?>("--seed") { Description = "Bootstrap seed (default 1)" };
        var lonely = new Option<string>("--lonely-psu") { Description = "Strata with one PSU: fail (default), remove, adjust, average or certainty (as R's survey.lonely.psu)", DefaultValueFactory = _ => "fail" };
        lonely.AcceptOnlyFromAmong("fail", "remove", "adjust", "average", "certainty");
        var post = new Option<string?>("--poststratify") { Description = "COLUMN=FILE: post-stratify to the population counts in FILE (CSV: level,count)" };
        var rake = new Option<string?>("--rake") { Description = "Rake to margins: \"COL:LEVEL=N,LEVEL=N;COL:LEVEL=N,...\"" };
        var trim = new Option<string?>("--trim") { Description = "LOW,HIGH: keep weights within LOW and HIGH times the mean weight while weighting (e.g. 0.3,3)" };
        var mean = new Option<string?>("--mean") { Description = "Estimate the mean of this column" };
        var total = new Option<string?>("--total") { Description = "Estimate the total of this column" };
        var proportion = new Option<string?>("--proportion") { Description = "COLUMN=VALUE: estimate the proportion with this value, with a logit interval" };
        var by = new Option<string?>("--by") { Description = "Estimate for each value of this column (domains); rows without a value are in no domain" };
        var minBase = new Option<int>("--min-base") { Description = "Suppress estimates on fewer respondents than this (default 0: none)", DefaultValueFactory = _ => 0 };
        var df = new Option<string>("--df") { Description = "Interval quantiles: normal (default) or design (t with #PSU - #strata of the domain)", DefaultValueFactory = _ => "normal" };
        df.AcceptOnlyFromAmong("normal", "design");
        var level = new Option<double>("--level") { Description = "Confidence level (default 0.95)", DefaultValueFactory = _ => 0.95 };
        var maxIterations = new Option<int>("--max-iterations") { Description = "Raking iterations before giving up (default 200)", DefaultValueFactory = _ => 200 };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the estimates (CSV)", Required = true };
        var cmd = new Command("estimate", "Design-based estimates (mean, total or proportion, by domain) with standard errors and intervals from a respondent file (no database)")
            { input, weights, strata, clusters, fpc, replicate, replicates, seed, lonely, post, rake, trim, mean, total, proportion, by, minBase, df, level, maxIterations, output };
        cmd.SetAction((parse, ct) =>
        {
            try
            {
                return Task.FromResult(Run(new Request(parse.GetValue(input)!, parse.GetValue(weights), parse.GetValue(strata), parse.GetValue(clusters), parse.GetValue(fpc),
                    parse.GetValue(replicate), parse.GetValue(replicates) ?? 500, parse.GetValue(seed) ?? 1, parse.GetValue(replicates) is not null || parse.GetValue(seed) is not null,
                    parse.GetValue(lonely)!, parse.GetValue(post), parse.GetValue(rake), parse.GetValue(trim), parse.GetValue(mean), parse.GetValue(total), parse.GetValue(proportion),
                    parse.GetValue(by), parse.GetValue(minBase), parse.GetValue(df)!, parse.GetValue(level), parse.GetValue(maxIterations), parse.GetValue(output)!)));
            }
            catch (ImportFailedException e)
            {
                Console.Error.WriteLine($"Rejected: nothing was written. {e.TotalErrors} problem{(e.TotalErrors == 1 ? "" : "s")} found:");
                foreach (var x in e.Errors) Console.Error.WriteLine($"  {x}");
                if (e.TotalErrors > e.Errors.Count) Console.Error.WriteLine($"  … and {e.TotalErrors - e.Errors.Count} more");
                return Task.FromResult(2);
            }
            catch (CliException e)
            {
                Console.Error.WriteLine($"Rejected: nothing was written. {e.Message}");
                return Task.FromResult(2);
            }
        });
        return cmd;
    }

    static int Run(Request q, CancellationToken ct = default)
    {
        var (statistic, column, category) = Check(q);
        var sw = Stopwatch.StartNew();
        var rakeMargins = q.Rake is null ? null : MarginSpec.ParseRake(q.Rake);
        var postMargin = q.PostStratify is null ? null : MarginSpec.ParsePostStratify(q.PostStratify);
        string?[] wanted = [q.Weights, q.Strata, q.Clusters, q.Fpc, column, q.By, postMargin?.Column, .. rakeMargins?.Select(m => m.Column) ?? []];
        var table = SurveyTable.Read(q.Input.FullName, [.. wanted.OfType<string>()]);
        var readTime = sw.Elapsed;
        var err = Console.Error;
        err.WriteLine($"Read {table.Rows:N0} rows from {table.File} in {readTime.TotalSeconds:F2} s.");

        var design = BuildDesign(q, table);
        err.WriteLine($"Design: {design.Describe()}.");

        if (postMargin is not null || rakeMargins is not null)
        {
            var t0 = sw.Elapsed;
            var options = new CalibrationOptions { MaxIterations = q.MaxIterations, TrimLower = Trim(q.Trim).Low, TrimUpper = Trim(q.Trim).High };
            try
            {
                design = postMargin is not null
                    ? Weighting.PostStratify(design, postMargin.ToMargin(table), options)
                    : Weighting.Rake(design, [.. rakeMargins!.Select(m => m.ToMargin(table))], options);
            }
            catch (RakingNotConvergedException e)
            {
                throw new CliException($"{e.Message}. Check that the margins are consistent with each other and with the data, loosen --trim, or raise --max-iterations (now {q.MaxIterations}).");
            }
            catch (SurveyDesignException e)
            {
                throw new CliException($"{table.File}: {e.Message}");
            }
            var c = design.Calibration!;
            var how = postMargin is not null && q.Trim is null ? "(one step: exact)"
                : $"converged in {c.Iterations} iteration{(c.Iterations == 1 ? "" : "s")} (largest relative change in the last: {c.MaxRelativeChange:G3})";
            err.WriteLine($"Weights: {c.Method} to {string.Join(", ", c.Margins)} {how}{(q.Trim is null ? "" : $"; {c.Trimmed:N0} weights held at the trimming bounds")} in {(sw.Elapsed - t0).TotalSeconds:F2} s.");
            err.WriteLine($"Design effect of weighting (Kish, 1 + CV²): {c.DesignEffectBefore:F3} before, {c.DesignEffectAfter:F3} after (effective sample size {table.Rows / c.DesignEffectAfter:N0}).");
        }
        else err.WriteLine($"Design effect of weighting (Kish, 1 + CV²): {Weighting.KishDesignEffect(design.Weights):F3} (effective sample size {table.Rows / Weighting.KishDesignEffect(design.Weights):N0}).");

        if (q.Replicate is { } method)
        {
            var kind = method switch { "jk1" => ReplicateMethod.Jackknife, "subbootstrap" => ReplicateMethod.SubBootstrap, _ => ReplicateMethod.Bootstrap };
            try { design = Replicates.Create(design, kind, q.Replicates, q.Seed); }
            catch (SurveyDesignException e) { throw new CliException($"{table.File}: {e.Message}"); }
            err.WriteLine($"Variance: {design.ReplicateCount:N0} {method} replicates{(method == "jk1" ? "" : $", seed {q.Seed}")}{(design.Calibration is null ? "" : ", each weighted again")}.");
        }
        else err.WriteLine("Variance: Taylor linearisation" + (design.Calibration is null ? "." : $" with {design.Calibration.Method} residuals."));

        var values = Values(table, statistic, column, category);
        var domains = q.By is null ? null : Domains.FromLabels([.. table.Text(q.By).Select(v => SurveyTable.IsMissing(v) ? null : v)]);
        var t1 = sw.Elapsed;
        var estimates = SurveyEstimator.Estimate(design, statistic, values, domains,
            new EstimateOptions { DesignDegreesOfFreedom = q.Df == "design", MinimumBase = q.MinBase, Level = q.Level });
        if (estimates.Length == 0) throw new CliException($"{table.File}: no row has a value of '{column}'{(q.By is null ? "" : $" and of '{q.By}'")}");
        var what = statistic switch { Statistic.Mean => $"mean of {column}", Statistic.Total => $"total of {column}", _ => $"proportion with {column} = {category}" };
        var suppressed = estimates.Count(e => e.Suppressed);
        err.WriteLine($"Estimated the {what}{(q.By is null ? "" : $" by {q.By} ({estimates.Length:N0} domains)")} in {(sw.Elapsed - t1).TotalSeconds:F2} s; " +
            (q.MinBase > 0 ? $"{suppressed:N0} suppressed (bases under --min-base {q.MinBase})." : "nothing suppressed (no --min-base)."));
        var missing = values.Count(double.IsNaN);
        if (missing > 0) err.WriteLine($"{missing:N0} rows with no value of '{column}' are left out of the estimates but kept in the design (as R's na.rm = TRUE).");

        SurveyEstimateOutput.Write(q.Output.FullName, estimates);
        err.WriteLine($"Wrote {estimates.Length:N0} estimate{(estimates.Length == 1 ? "" : "s")} to {q.Output.Name} in {sw.Elapsed.TotalSeconds:F2} s in all.");
        return 0;
    }

    static (Statistic, string, string?) Check(Request q)
    {
        var given = new[] { q.Mean, q.Total, q.Proportion }.Count(x => x is not null);
        if (given != 1) throw new CliException("give exactly one of --mean COLUMN, --total COLUMN or --proportion COLUMN=VALUE");
        if (q.PostStratify is not null && q.Rake is not null) throw new CliException("give --poststratify or --rake, not both (rake with the post-strata as one of the margins)");
        if (q.Trim is not null && q.PostStratify is null && q.Rake is null) throw new CliException("--trim applies while weighting: give it with --rake or --poststratify");
        if (q.ReplicateCountGiven && q.Replicate is not ("bootstrap" or "subbootstrap")) throw new CliException("--replicates and --seed go with --replicate bootstrap or subbootstrap");
        if (q.Replicates is < 2 or > 100_000) throw new CliException("--replicates needs 2 to 100,000");
        if (q.MinBase < 0) throw new CliException("--min-base needs 0 or more");
        if (!(q.Level > 0 && q.Level < 1)) throw new CliException("--level needs a number between 0 and 1, e.g. 0.95");
        if (q.MaxIterations < 1) throw new CliException("--max-iterations needs 1 or more");
        Trim(q.Trim);
        if (q.Proportion is { } p)
        {
            var eq = p.IndexOf('=');
            if (eq <= 0) throw new CliException($"--proportion '{p}' should be COLUMN=VALUE");
            return (Statistic.Proportion, p[..eq].Trim(), p[(eq + 1)..].Trim());
        }
        return q.Mean is not null ? (Statistic.Mean, q.Mean, null) : (Statistic.Total, q.Total!, null);
    }

    static (double? Low, double? High) Trim(string? text)
    {
        if (text is null) return (null, null);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi) && lo >= 0 && lo < 1 && hi > 1)
            return (lo, hi);
        throw new CliException($"--trim '{text}' should be LOW,HIGH multiples of the mean weight with 0 <= LOW < 1 < HIGH, e.g. 0.3,3");
    }

    static SurveyDesign BuildDesign(Request q, SurveyTable table)
    {
        var columns = new DesignColumns(table.Rows)
        {
            Weights = q.Weights is { } w ? table.Numbers(w, false, x => x > 0 ? null : "weights must be greater than 0") : null,
            Fpc = q.Fpc is { } f ? table.Numbers(f, false, x => x >= 0 ? null : "the fpc must be a population size or a sampling fraction, not negative") : null,
            LonelyPsu = Enum.Parse<LonelyPsu>(q.LonelyPsu, ignoreCase: true),
        };
        if (q.Strata is { } s)
        {
            var (codes, labels) = table.Codes(s, "--strata");
            columns = columns with { Strata = codes, StratumNames = labels };
        }
        if (q.Clusters is { } c) columns = columns with { Clusters = table.Codes(c, "--clusters").Codes };
        try
        {
            return SurveyDesign.Create(columns);
        }
        catch (LonelyPsuException e)
        {
            throw new CliException($"{table.File}: stratum '{e.Stratum}' (column '{q.Strata}') has only one PSU, so its variance cannot be estimated. "
                + "Say how to treat it with --lonely-psu remove, adjust, average or certainty (see docs/surveys.md).");
        }
        catch (SurveyDesignException e)
        {
            throw new CliException($"{table.File}: {e.Message}");
        }
    }

    static double[] Values(SurveyTable table, Statistic statistic, string column, string? category)
    {
        if (statistic != Statistic.Proportion) return table.Numbers(column, true);
        return [.. table.Text(column).Select(v => SurveyTable.IsMissing(v) ? double.NaN : v == category ? 1.0 : 0.0)];
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cohesion.Analytics.Surveillance;
using Cohesion.Cli;
using Cohesion.Imports;

namespace Cohesion.Tensions.Detection;

/// <summary>
/// <c>cohesion detect</c>: aberration detection over many weekly count series from a file, with no database — EARS
/// C1/C2/C3, Farrington (1996) and Noufaily (2013) with R surveillance's parameter names and meanings. Writes
/// <c>series,time,observed,expected,upper,alarm,score,note</c> for every monitored time of every series. Bad input
/// exits 2 naming the file, line, column and value, or the parameter and value.
/// </summary>
public static class DetectCli
{
    public static Command Command()
    {
        var input = new Option<FileInfo>("--input") { Description = "Counts, one row per series and time (CSV with a header)", Required = true };
        var series = new Option<string>("--series") { Description = "Column naming the series (e.g. area|type|strand)", Required = true };
        var time = new Option<string>("--time") { Description = "Column of times: consecutive integers or ISO weeks (2025-W07); missing times are zero counts", Required = true };
        var count = new Option<string>("--count") { Description = "Column of counts (whole numbers; empty = missing)", Required = true };
        var method = new Option<string>("--method") { Description = "ears-c1, ears-c2, ears-c3, farrington (1996) or noufaily (2013)", Required = true };
        method.AcceptOnlyFromAmong("ears-c1", "ears-c2", "ears-c3", "farrington", "noufaily");
        var range = new Option<string?>("--range") { Description = "A:B, the times to monitor (in the file's time format); default: every time the method has enough history for" };
        var b = new Option<int?>("--b") { Description = "Farrington: years back for reference values (default 5)" };
        var w = new Option<int?>("--w") { Description = "Farrington: half-width of the reference windows (default 3)" };
        var alpha = new Option<double?>("--alpha") { Description = "One-sided level (Farrington default 0.05; EARS 0.001, C3 0.025)" };
        var noPeriods = new Option<int?>("--noPeriods") { Description = "Farrington: seasonal factor levels (farrington 1, noufaily 10)" };
        var weightsThreshold = new Option<double?>("--weightsThreshold") { Description = "Farrington: Anscombe residuals above this are down-weighted (farrington 1, noufaily 2.58)" };
        var pastWeeks = new Option<int?>("--pastWeeksNotIncluded") { Description = "Farrington: recent weeks left out of the fit (farrington w, noufaily 26)" };
        var pTrend = new Option<double?>("--pThresholdTrend") { Description = "Farrington: keep the trend if its p-value is below this (farrington 0.05, noufaily 1)" };
        var threshold = new Option<string?>("--thresholdMethod") { Description = "Farrington: delta, nbPlugin or muan (farrington delta, noufaily nbPlugin)" };
        threshold.AcceptOnlyFromAmong("delta", "nbPlugin", "muan");
        var limit54 = new Option<string?>("--limit54") { Description = "Farrington: C,P — no alarm unless C cases in the last P weeks (default 5,4)" };
        var baseline = new Option<int?>("--baseline") { Description = "EARS: weeks in the reference window (default 7)" };
        var minSigma = new Option<double?>("--minSigma") { Description = "EARS: floor on the reference standard deviation (default 0)" };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the results (CSV)", Required = true };
        var cmd = new Command("detect", "Aberration detection (EARS, Farrington, Noufaily) over weekly count series from a file (no database)")
            { input, series, time, count, method, range, b, w, alpha, noPeriods, weightsThreshold, pastWeeks, pTrend, threshold, limit54, baseline, minSigma, output };
        cmd.SetAction((parse, ct) => Task.FromResult(CohesionCli.FileOnly(() =>
        {
            try
            {
                var m = parse.GetValue(method)!;
                object options = m.StartsWith("ears", StringComparison.Ordinal)
                    ? EarsOptionsFrom(m, parse.GetValue(baseline), parse.GetValue(alpha), parse.GetValue(minSigma),
                        Given(parse, (b, "--b"), (w, "--w"), (noPeriods, "--noPeriods"), (weightsThreshold, "--weightsThreshold"), (pastWeeks, "--pastWeeksNotIncluded"), (pTrend, "--pThresholdTrend"), (threshold, "--thresholdMethod"), (limit54, "--limit54")))
                    : FarringtonOptionsFrom(m, parse.GetValue(b), parse.GetValue(w), parse.GetValue(alpha), parse.GetValue(noPeriods), parse.GetValue(weightsThreshold),
                        parse.GetValue(pastWeeks), parse.GetValue(pTrend), parse.GetValue(threshold), parse.GetValue(limit54), Given(parse, (baseline, "--baseline"), (minSigma, "--minSigma")));
                return Run(parse.GetValue(input)!, parse.GetValue(series)!, parse.GetValue(time)!, parse.GetValue(count)!, m, options, parse.GetValue(range), parse.GetValue(output)!);
            }
            catch (Exception e) when (e is CliException or DetectionException)
            {
                throw new CliException($"Rejected: nothing was written. {e.Message}");
            }
        })));
        return cmd;
    }

    /// <summary>The options given that the method does not use, so a mistyped run says so instead of ignoring them.</summary>
    static string[] Given(ParseResult parse, params (Option Option, string Name)[] options) =>
        options.Where(o => parse.GetResult(o.Option) is { Implicit: false }).Select(o => o.Name).ToArray();

    static EarsOptions EarsOptionsFrom(string method, int? baseline, double? alpha, double? minSigma, string[] foreign)
    {
        if (foreign.Length > 0) throw new CliException($"{string.Join(", ", foreign)} {(foreign.Length == 1 ? "is" : "are")} for the Farrington methods, not {method}");
        var kind = method switch { "ears-c1" => EarsMethod.C1, "ears-c2" => EarsMethod.C2, _ => EarsMethod.C3 };
        return new EarsOptions(kind, baseline ?? 7, alpha, minSigma ?? 0);
    }

    static FarringtonOptions FarringtonOptionsFrom(string method, int? b, int? w, double? alpha, int? noPeriods, double? weightsThreshold, int? pastWeeks,
        double? pTrend, string? threshold, string? limit54, string[] foreign)
    {
        if (foreign.Length > 0) throw new CliException($"{string.Join(", ", foreign)} {(foreign.Length == 1 ? "is" : "are")} for the EARS methods, not {method}");
        var o = method == "farrington" ? FarringtonOptions.Farrington1996 : FarringtonOptions.Noufaily2013;
        o = o with
        {
            B = b ?? o.B, W = w ?? o.W, Alpha = alpha ?? o.Alpha, NoPeriods = noPeriods ?? o.NoPeriods, WeightsThreshold = weightsThreshold ?? o.WeightsThreshold,
            PastWeeksNotIncluded = pastWeeks ?? o.PastWeeksNotIncluded, PThresholdTrend = pTrend ?? o.PThresholdTrend,
            ThresholdMethod = threshold switch { "delta" => ThresholdMethod.Delta, "nbPlugin" => ThresholdMethod.NbPlugin, "muan" => ThresholdMethod.Muan, _ => o.ThresholdMethod },
        };
        if (limit54 is not null)
        {
            var parts = limit54.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var cases) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var period))
                throw new CliException($"--limit54 '{limit54}' should be CASES,PERIOD, e.g. 5,4");
            o = o with { Limit54Cases = cases, Limit54Period = period };
        }
        o.Validate();
        return o;
    }

    static int Run(FileInfo input, string seriesColumn, string timeColumn, string countColumn, string method, object options, string? rangeText, FileInfo output)
    {
        var sw = Stopwatch.StartNew();
        var err = Console.Error;
        var data = CountSeries.Read(input.FullName, seriesColumn, timeColumn, countColumn);
        err.WriteLine($"Read {data.Names.Count:N0} series × {data.Length:N0} times ({data.Axis.Format(data.Start)} to {data.Axis.Format(data.Start + data.Length - 1)}, {data.Axis.Describe}) from {input.Name} in {sw.Elapsed.TotalSeconds:F2} s.");
        var first = options is EarsOptions e ? e.MaxLag + 1 : ((FarringtonOptions)options).FirstTime;
        var (from, to) = Range(rangeText, data, first, method, options);
        var monitored = Enumerable.Range(from, to - from + 1).ToArray();
        var t0 = sw.Elapsed;
        var results = new IReadOnlyList<DetectionPoint>[data.Names.Count];
        Parallel.For(0, data.Names.Count, s => results[s] = options switch
        {
            EarsOptions eo => Ears.Detect(data.Values[s], monitored, eo),
            _ => Farrington.Detect(data.Values[s], monitored, (FarringtonOptions)options),
        });
        var alarms = results.Sum(r => r.Count(p => p.Alarm));
        var alarmed = results.Count(r => r.Any(p => p.Alarm));
        var unbounded = results.Sum(r => r.Count(p => double.IsNaN(p.Upper)));
        err.WriteLine($"{Describe(method, options)}: {monitored.Length:N0} times × {data.Names.Count:N0} series in {(sw.Elapsed - t0).TotalSeconds:F2} s; " +
            $"{alarms:N0} alarm{(alarms == 1 ? "" : "s")} in {alarmed:N0} series; {unbounded:N0} times without a bound (see the note column).");
        DetectOutput.Write(output.FullName, data, results);
        err.WriteLine($"Wrote {monitored.Length * data.Names.Count:N0} rows to {output.Name} in {sw.Elapsed.TotalSeconds:F2} s in all.");
        return 0;
    }

    /// <summary>The monitored times as 1-based positions on the axis, checked against the history the method needs.</summary>
    static (int From, int To) Range(string? text, CountSeries data, int first, string method, object options)
    {
        if (text is null)
        {
            if (first > data.Length) throw new CliException($"the series have {data.Length} times; {method} with these settings needs {first - 1} times of history before the first it monitors");
            return (first, data.Length);
        }
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        long? a = parts.Length == 2 ? data.Axis.Parse(parts[0]) : null, z = parts.Length == 2 ? data.Axis.Parse(parts[1]) : null;
        if (a is null || z is null || a > z) throw new CliException($"--range '{text}' should be FROM:TO in the file's time format ({data.Axis.Describe}), FROM no later than TO");
        int from = (int)(a.Value - data.Start + 1), to = (int)(z.Value - data.Start + 1);
        if (to > data.Length) throw new CliException($"--range '{text}': the file's last time is {data.Axis.Format(data.Start + data.Length - 1)}");
        if (from < first)
            throw new CliException($"--range '{text}': {method} {(options is FarringtonOptions f ? $"with b {f.B} and w {f.W}" : $"with baseline {((EarsOptions)options).Baseline}")} " +
                $"needs {first - 1} earlier times, so the first time it can monitor is {data.Axis.Format(data.Start + first - 1)}");
        return (from, to);
    }

    static string Describe(string method, object options) => options switch
    {
        EarsOptions e => $"EARS {e.Method} (baseline {e.Baseline}, alpha {e.AlphaOrDefault})",
        FarringtonOptions f => $"{(method == "farrington" ? "Farrington" : "Noufaily")} (b {f.B}, w {f.W}, noPeriods {f.NoPeriods}, weightsThreshold {f.WeightsThreshold}, " +
            $"pastWeeksNotIncluded {f.PastWeeksLeftOut}, pThresholdTrend {f.PThresholdTrend}, {f.ThresholdMethod}, alpha {f.Alpha}, limit54 {f.Limit54Cases},{f.Limit54Period})",
        _ => method,
    };
}

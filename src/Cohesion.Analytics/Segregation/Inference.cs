using System.Collections.Concurrent;

namespace Cohesion.Analytics.Segregation;

/// <summary>Writes one or more statistics of a set of counts (e.g. D for each group) into <c>values</c>.</summary>
public delegate void StatisticFunction(GroupCounts counts, Span<double> values);

/// <summary>Which direction of a statistic counts as "more segregated" in a one-sided test.</summary>
public enum Tail
{
    /// <summary>Higher is more segregated (dissimilarity, Gini, isolation, …): p = share of simulated values ≥ observed.</summary>
    Upper,
    /// <summary>Lower is more segregated (interaction/exposure to others): p = share of simulated values ≤ observed.</summary>
    Lower,
    /// <summary>No direction (diversity, Simpson's measures): two-sided, twice the smaller tail, at most 1.</summary>
    Both,
}

/// <summary>Statistics computed together on each simulated set, with each one's direction.</summary>
public sealed record Statistics(StatisticFunction Compute, IReadOnlyList<Tail> Tails)
{
    /// <summary>How many values <see cref="Compute"/> writes.</summary>
    public int Count => Tails.Count;

    /// <summary>One statistic, higher meaning more segregated unless <paramref name="tail"/> says otherwise.</summary>
    public static Statistics Single(Func<GroupCounts, double> statistic, Tail tail = Tail.Upper) =>
        new((counts, values) => values[0] = statistic(counts), [tail]);
}

/// <summary>The simulation behind a single-value test.</summary>
public enum NullModel
{
    /// <summary>Each group's people placed at random over the units in proportion to unit population (see pysal "systematic").</summary>
    Systematic,
    /// <summary>Each unit's people assigned to groups at random with the overall shares (see pysal "evenness").</summary>
    Evenness,
    /// <summary>Units resampled with replacement: a confidence interval, not a null (no p-value).</summary>
    Bootstrap,
}

/// <summary>The simulation behind a comparison of two sets of units (two districts, or one district in two years).</summary>
public enum Comparison
{
    /// <summary>The units of both sets pooled and dealt back at random into sets of the original sizes: the null of no difference.</summary>
    RandomLabelling,
    /// <summary>Each set's units resampled with replacement: a confidence interval for the difference.</summary>
    BootstrapDifference,
}

/// <summary>How many iterations, from which seed, on how many threads.</summary>
/// <param name="Iterations">Simulated sets (999 gives p-values in steps of 0.001).</param>
/// <param name="Seed">The same seed gives the same results, whatever the number of threads.</param>
/// <param name="Threads">At most this many threads; 0 means one per core.</param>
public sealed record InferenceOptions(int Iterations = 999, ulong Seed = 0, int Threads = 0);

/// <summary>A statistic with its simulation summary.</summary>
/// <param name="Observed">The statistic of the data (for a comparison, first set minus second).</param>
/// <param name="PValue">See <see cref="Inference"/>; NaN for the bootstrap of one set or when undefined.</param>
/// <param name="Low">2.5th percentile of the simulated values (linear interpolation, Hyndman &amp; Fan type 7).</param>
/// <param name="High">97.5th percentile of the simulated values.</param>
/// <param name="Mean">Mean of the simulated values.</param>
/// <param name="Simulated">Simulated values that were defined (not NaN) and so entered the summary.</param>
public readonly record struct InferenceResult(double Observed, double PValue, double Low, double High, double Mean, int Simulated);

/// <summary>
/// Simulation-based inference for any segregation statistic (Monte Carlo tests; Besag, J. &amp; Diggle, P. J. (1977)
/// Simple Monte Carlo tests for spatial pattern. Applied Statistics 26, 327–333), following pysal
/// <c>segregation</c>'s SingleValueTest and TwoValueTest (Cortes, R. X. et al. (2020) segregation: a Python package
/// for the analysis of spatial segregation. Journal of Open Source Software 5, 2195).
/// <para>
/// P-values count the observed value as one of the draws, p = (1 + #{simulated at least as extreme}) / (1 + N),
/// so they are never 0 (with 999 iterations the smallest is 0.001) and a test at level α rejects a true null
/// at most α of the time (Davison, A. C. &amp; Hinkley, D. V. (1997) Bootstrap Methods, 4.2). Null models:
/// one-sided in the statistic's <see cref="Tail"/>, so for D "more segregated than chance"; pysal's share of
/// simulated values above the observed is the same without the +1s. Random labelling: two-sided,
/// |simulated difference| ≥ |observed|. Bootstrap difference: twice the share of differences on the far side of 0.
/// The interval is the 2.5th to 97.5th percentile of the simulated values: under a null model, the range chance
/// alone gives; under the bootstrap, a 95% confidence interval. Simulated values that are undefined (e.g. D when a
/// draw leaves a group empty) are left out and counted in <see cref="InferenceResult.Simulated"/>.
/// </para>
/// <para>
/// Iteration i draws from its own generator seeded by (seed, i) and writes its own slot, and iterations are shared
/// among threads in ranges, so results are identical for any number of threads.
/// </para>
/// </summary>
public static class Inference
{
    /// <summary>Tests the statistics of <paramref name="observed"/> against a null model, or bootstraps them.</summary>
    public static InferenceResult[] Test(GroupCounts observed, NullModel model, Statistics statistics, InferenceOptions? options = null)
    {
        options ??= new InferenceOptions();
        var observedValues = new double[statistics.Count];
        statistics.Compute(observed, observedValues);
        var simulated = Simulate(observed, model, statistics, options);
        return Summarise(observedValues, simulated, statistics.Tails, model == NullModel.Bootstrap ? PValueKind.None : PValueKind.OneSided);
    }

    /// <summary>One statistic against a null model (or bootstrapped).</summary>
    public static InferenceResult Test(GroupCounts observed, NullModel model, Func<GroupCounts, double> statistic, Tail tail = Tail.Upper, InferenceOptions? options = null) =>
        Test(observed, model, Statistics.Single(statistic, tail), options)[0];

    /// <summary>
    /// Compares the statistics of two sets of units with the same groups (the difference first − second) by random
    /// labelling or by bootstrapping the difference.
    /// </summary>
    public static InferenceResult[] Compare(GroupCounts first, GroupCounts second, Comparison comparison, Statistics statistics, InferenceOptions? options = null)
    {
        if (first.Groups != second.Groups) throw new ArgumentException($"the sets have different groups: {first.Groups} and {second.Groups}");
        options ??= new InferenceOptions();
        var a = new double[statistics.Count];
        var b = new double[statistics.Count];
        statistics.Compute(first, a);
        statistics.Compute(second, b);
        for (var s = 0; s < a.Length; s++) a[s] -= b[s];
        var pooled = comparison == Comparison.RandomLabelling ? Pool(first, second) : null;
        var simulated = Run(options, statistics.Count, () =>
        {
            var x = GroupCounts.Scratch(first.Units, first.Groups);
            var y = GroupCounts.Scratch(second.Units, second.Groups);
            var order = pooled is null ? [] : new int[pooled.Units];
            var other = new double[statistics.Count];
            return (ref IterationRandom rng, Span<double> values) =>
            {
                if (pooled is null)
                {
                    UnitBootstrap.Resample(ref rng, first, x.Writable);
                    UnitBootstrap.Resample(ref rng, second, y.Writable);
                }
                else Deal(ref rng, pooled, order, x.Writable, y.Writable);
                x.Recompute();
                y.Recompute();
                statistics.Compute(x, values);
                statistics.Compute(y, other);
                for (var s = 0; s < values.Length; s++) values[s] -= other[s];
            };
        });
        return Summarise(a, simulated, statistics.Tails, comparison == Comparison.RandomLabelling ? PValueKind.Absolute : PValueKind.AroundZero);
    }

    /// <summary>One statistic compared between two sets.</summary>
    public static InferenceResult Compare(GroupCounts first, GroupCounts second, Comparison comparison, Func<GroupCounts, double> statistic, InferenceOptions? options = null) =>
        Compare(first, second, comparison, Statistics.Single(statistic, Tail.Both), options)[0];

    /// <summary>
    /// The simulated values themselves, iteration by iteration (row i holds iteration i's statistics), for a chart of
    /// the null distribution. The same seed gives the same values as <see cref="Test(GroupCounts, NullModel, Statistics, InferenceOptions?)"/> summarised.
    /// </summary>
    public static double[] Simulate(GroupCounts observed, NullModel model, Statistics statistics, InferenceOptions? options = null)
    {
        options ??= new InferenceOptions();
        var simulator = Simulator.For(model, observed);
        return Run(options, statistics.Count, () =>
        {
            var target = GroupCounts.Scratch(observed.Units, observed.Groups);
            return (ref IterationRandom rng, Span<double> values) =>
            {
                target.Writable.Clear();
                simulator.Fill(ref rng, target.Writable);
                target.Recompute();
                statistics.Compute(target, values);
            };
        });
    }

    delegate void Iteration(ref IterationRandom rng, Span<double> values);

    /// <summary>Runs the iterations over threads in contiguous ranges, each thread with its own scratch space.</summary>
    static double[] Run(InferenceOptions options, int statistics, Func<Iteration> newWorker)
    {
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "need at least one iteration");
        var n = options.Iterations;
        var results = new double[(long)n * statistics];
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var rangeSize = Math.Max(1, n / (threads * 8));
        Parallel.ForEach(Partitioner.Create(0, n, rangeSize), new ParallelOptions { MaxDegreeOfParallelism = threads }, newWorker, (range, _, work) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var rng = new IterationRandom(options.Seed, i);
                work(ref rng, results.AsSpan(i * statistics, statistics));
            }
            return work;
        }, _ => { });
        return results;
    }

    /// <summary>Both sets' units, the first set's first, in one set of counts.</summary>
    static GroupCounts Pool(GroupCounts first, GroupCounts second)
    {
        var n = first.Units + second.Units;
        var data = new double[n * first.Groups];
        for (var k = 0; k < first.Groups; k++)
        {
            first.Group(k).CopyTo(data.AsSpan(k * n));
            second.Group(k).CopyTo(data.AsSpan(k * n + first.Units));
        }
        return new GroupCounts(data, n, first.Groups);
    }

    /// <summary>A uniformly random split of the pooled units into sets of the two original sizes (Fisher–Yates on a prefix).</summary>
    static void Deal(ref IterationRandom rng, GroupCounts pooled, int[] order, Span<double> first, Span<double> second)
    {
        var n = pooled.Units;
        for (var i = 0; i < n; i++) order[i] = i;
        var na = first.Length / pooled.Groups;
        var nb = n - na;
        for (var i = 0; i < na; i++)
        {
            var j = i + rng.NextInt(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (var k = 0; k < pooled.Groups; k++)
        {
            var col = pooled.Group(k);
            for (var i = 0; i < na; i++) first[k * na + i] = col[order[i]];
            for (var i = 0; i < nb; i++) second[k * nb + i] = col[order[na + i]];
        }
    }

    enum PValueKind { None, OneSided, Absolute, AroundZero }

    static InferenceResult[] Summarise(double[] observed, double[] simulated, IReadOnlyList<Tail> tails, PValueKind kind)
    {
        var count = observed.Length;
        var iterations = count == 0 ? 0 : simulated.Length / count;
        var results = new InferenceResult[count];
        var values = new double[iterations];
        for (var s = 0; s < count; s++)
        {
            var m = 0;
            double sum = 0;
            for (var i = 0; i < iterations; i++)
            {
                var v = simulated[(long)i * count + s];
                if (double.IsNaN(v)) continue;
                values[m++] = v;
                sum += v;
            }
            var valid = values.AsSpan(0, m);
            var obs = observed[s];
            var p = double.IsNaN(obs) || m == 0 ? double.NaN : kind switch
            {
                PValueKind.OneSided => tails[s] switch
                {
                    Tail.Upper => Upper(valid, obs),
                    Tail.Lower => Lower(valid, obs),
                    _ => Math.Min(1, 2 * Math.Min(Upper(valid, obs), Lower(valid, obs))),
                },
                PValueKind.Absolute => Extreme(valid, obs),
                PValueKind.AroundZero => Math.Min(1, 2 * Math.Min(Upper(valid, 0), Lower(valid, 0))),
                _ => double.NaN,
            };
            valid.Sort();
            results[s] = new InferenceResult(obs, p, Percentile(valid, 0.025), Percentile(valid, 0.975), m == 0 ? double.NaN : sum / m, m);
        }
        return results;
    }

    static double Upper(ReadOnlySpan<double> values, double observed)
    {
        var c = 0;
        foreach (var v in values) if (v >= observed) c++;
        return (1.0 + c) / (1.0 + values.Length);
    }

    static double Lower(ReadOnlySpan<double> values, double observed)
    {
        var c = 0;
        foreach (var v in values) if (v <= observed) c++;
        return (1.0 + c) / (1.0 + values.Length);
    }

    static double Extreme(ReadOnlySpan<double> values, double observed)
    {
        var c = 0;
        var o = Math.Abs(observed);
        foreach (var v in values) if (Math.Abs(v) >= o) c++;
        return (1.0 + c) / (1.0 + values.Length);
    }

    /// <summary>Hyndman, R. J. &amp; Fan, Y. (1996) type 7 (numpy's default): linear between order statistics.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

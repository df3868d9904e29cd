using Cohesion.Analytics.Segregation;

namespace Cohesion.Segregation.Read;

/// <summary>An index with what chance alone would give and how sure we can be of it.</summary>
/// <param name="Value">The index for the district's actual counts.</param>
/// <param name="Chance">Its mean when each group's residents are placed at random (the systematic null): the level an even spread still shows in areas this size.</param>
/// <param name="PValue">One-sided: the share of random placements at least as segregated (with the observed one counted in).</param>
/// <param name="Low">2.5th percentile of the index over areas resampled with replacement (bootstrap).</param>
/// <param name="High">97.5th percentile of the same.</param>
public readonly record struct Estimate(double Value, double Chance, double PValue, double Low, double High)
{
    public static readonly Estimate None = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
    public bool IsDefined => double.IsFinite(Value);
}

/// <summary>One group's spread across the district's areas, against everyone else and against the largest group.</summary>
public sealed record GroupSegregation(int Group, string Code, string Label, double People, double Share,
    Estimate Dissimilarity, Estimate Isolation, Estimate DissimilarityVsLargest, Estimate IsolationVsLargest,
    double Gini, double Entropy, double Interaction, double Atkinson);

/// <summary>A multigroup index of the district, with inference for the ones that measure segregation.</summary>
public sealed record MultigroupValue(IndexInfo Info, Estimate Estimate);

/// <summary>
/// A district's segregation at one level: every group's two-group indices, the multigroup indices, and for D,
/// isolation and the multigroup segregation indices a p-value against random placement and a bootstrap 95%
/// interval (999 simulations each, fixed seed, so the page, the API and the export agree and repeat).
/// </summary>
public sealed record DistrictSegregation(DistrictAreas Set, int Largest, IReadOnlyList<GroupSegregation> Groups, IReadOnlyList<MultigroupValue> Multigroup,
    int Iterations, ulong Seed)
{
    public const int DefaultIterations = 999;
    public const ulong DefaultSeed = 2011;

    /// <summary>The multigroup indices that measure segregation (not the district's diversity), which get inference.</summary>
    public static readonly SegregationIndex[] MultigroupSegregation =
    [
        SegregationIndex.MultiDissimilarity, SegregationIndex.MultiGini, SegregationIndex.MultiInformationTheory, SegregationIndex.MultiRelativeDiversity,
        SegregationIndex.MultiNormalizedExposure, SegregationIndex.MultiSquaredCoefficientOfVariation,
    ];

    /// <summary>The multigroup measures of the district's diversity as a whole, shown without inference.</summary>
    public static readonly SegregationIndex[] MultigroupDiversity =
    [
        SegregationIndex.MultiDiversity, SegregationIndex.MultiDiversityNormalized, SegregationIndex.SimpsonsConcentration, SegregationIndex.SimpsonsInteraction,
    ];

    public static DistrictSegregation Compute(DistrictAreas set, int iterations = DefaultIterations, ulong seed = DefaultSeed, int threads = 0)
    {
        var c = set.Counts;
        var k = c.Groups;
        var largest = set.Largest;
        var statistics = Combined(k, largest);
        var options = new InferenceOptions(iterations, seed, threads);
        // Systematic null for the p-values and the level chance gives; bootstrap of areas for the intervals.
        var nulls = Inference.Test(c, NullModel.Systematic, statistics, options);
        var boot = Inference.Test(c, NullModel.Bootstrap, statistics, options);
        Estimate At(int j) => double.IsFinite(nulls[j].Observed)
            ? new Estimate(nulls[j].Observed, nulls[j].Mean, nulls[j].PValue, boot[j].Low, boot[j].High)
            : Estimate.None;

        var groups = new List<GroupSegregation>(k);
        for (var g = 0; g < k; g++)
        {
            var x = c.Group(g);
            var t = c.UnitTotals;
            groups.Add(new GroupSegregation(g, set.Groups[g].Code, set.Groups[g].Label, c.GroupTotals[g], c.Share(g),
                At(4 * g), At(4 * g + 1), At(4 * g + 2), At(4 * g + 3),
                TwoGroup.Gini(x, t), TwoGroup.Entropy(x, t), TwoGroup.Interaction(x, t), TwoGroup.Atkinson(x, t)));
        }
        var multi = MultigroupSegregation.Select((index, j) => new MultigroupValue(IndexCatalogue.Get(index), At(4 * k + j)))
            .Concat(MultigroupDiversity.Select(index => new MultigroupValue(IndexCatalogue.Get(index), new Estimate(Indices.MultiGroup(index, c), double.NaN, double.NaN, double.NaN, double.NaN))))
            .ToList();
        return new DistrictSegregation(set, largest, groups, multi, iterations, seed);
    }

    [ThreadStatic] static double[]? _pair;

    /// <summary>
    /// Everything that gets inference, computed together on each simulated district: for each group g the values
    /// 4g..4g+3 are D and isolation against everyone else, then against the largest group (NaN for the largest
    /// itself); then the multigroup segregation indices.
    /// </summary>
    static Statistics Combined(int groups, int largest)
    {
        var tails = new List<Tail>();
        for (var g = 0; g < groups; g++) tails.AddRange([Tail.Upper, Tail.Upper, Tail.Upper, Tail.Upper]);
        tails.AddRange(MultigroupSegregation.Select(i => IndexCatalogue.Get(i).Tail));
        return new Statistics((counts, values) =>
        {
            var n = counts.Units;
            // Simulations run on several threads at once: each thread has its own buffer for the pair totals.
            var pair = _pair is { } p && p.Length >= n ? p.AsSpan(0, n) : (_pair = new double[n]).AsSpan();
            var t = counts.UnitTotals;
            var reference = counts.Group(largest);
            for (var g = 0; g < groups; g++)
            {
                var x = counts.Group(g);
                values[4 * g] = TwoGroup.Dissimilarity(x, t);
                values[4 * g + 1] = TwoGroup.Isolation(x, t);
                if (g == largest)
                {
                    values[4 * g + 2] = values[4 * g + 3] = double.NaN;
                    continue;
                }
                TwoGroup.PairTotals(x, reference, pair);
                values[4 * g + 2] = TwoGroup.Dissimilarity(x, pair);
                values[4 * g + 3] = TwoGroup.Isolation(x, pair);
            }
            for (var j = 0; j < MultigroupSegregation.Length; j++) values[4 * groups + j] = Indices.MultiGroup(MultigroupSegregation[j], counts);
        }, tails);
    }
}

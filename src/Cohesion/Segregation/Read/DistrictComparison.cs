using Cohesion.Analytics.Segregation;

namespace Cohesion.Segregation.Read;

/// <summary>An index in two districts, their difference, and whether the difference is more than noise.</summary>
/// <param name="Here">The index in the first district.</param>
/// <param name="There">The index in the second.</param>
/// <param name="PValue">Random labelling: the share of random splits of the two districts' areas (pooled, dealt back in sets of the original sizes) with a difference at least as large either way.</param>
/// <param name="Low">2.5th percentile of the difference over resamples of each district's areas (bootstrap).</param>
/// <param name="High">97.5th percentile of the same.</param>
public readonly record struct Difference(double Here, double There, double PValue, double Low, double High)
{
    public double Value => Here - There;
    public bool IsDefined => double.IsFinite(Here) && double.IsFinite(There);
}

/// <summary>One group's dissimilarity in two districts.</summary>
public sealed record GroupDifference(int Group, string Code, string Label, double ShareHere, double ShareThere, Difference Dissimilarity);

/// <summary>
/// Two districts compared index by index at the same level, from the same dataset: each group's dissimilarity and the
/// multigroup segregation indices, with a random-labelling p-value and a bootstrap interval for each difference
/// (999 simulations, fixed seed). Source: Cortes et al. (2020), pysal segregation TwoValueTest.
/// </summary>
public sealed record DistrictComparison(DistrictAreas First, DistrictAreas Second, IReadOnlyList<GroupDifference> Groups, IReadOnlyList<(IndexInfo Info, Difference Difference)> Multigroup,
    int Iterations, ulong Seed)
{
    /// <summary>"Oldham", or "Oldham in 2011" when the two sides are the same district in different periods.</summary>
    public string FirstName => First.District.Id == Second.District.Id ? $"{First.District.Name} in {FirstPeriod}" : First.District.Name;
    public string SecondName => First.District.Id == Second.District.Id ? $"{Second.District.Name} in {SecondPeriod}" : Second.District.Name;
    public string FirstPeriod { get; init; } = "";
    public string SecondPeriod { get; init; } = "";

    public static DistrictComparison Compute(DistrictAreas first, DistrictAreas second, int iterations = DistrictSegregation.DefaultIterations, ulong seed = DistrictSegregation.DefaultSeed)
    {
        var k = first.Counts.Groups;
        if (second.Counts.Groups != k) throw new ArgumentException("the two districts need the same groups");
        var multi = DistrictSegregation.MultigroupSegregation;
        var statistics = new Statistics((counts, values) =>
        {
            for (var g = 0; g < k; g++) values[g] = TwoGroup.Dissimilarity(counts.Group(g), counts.UnitTotals);
            for (var j = 0; j < multi.Length; j++) values[k + j] = Indices.MultiGroup(multi[j], counts);
        }, Enumerable.Repeat(Tail.Both, k + multi.Length).ToArray());
        var options = new InferenceOptions(iterations, seed);
        var labelling = Inference.Compare(first.Counts, second.Counts, Comparison.RandomLabelling, statistics, options);
        var boot = Inference.Compare(first.Counts, second.Counts, Comparison.BootstrapDifference, statistics, options);
        var here = new double[statistics.Count];
        var there = new double[statistics.Count];
        statistics.Compute(first.Counts, here);
        statistics.Compute(second.Counts, there);
        Difference At(int j) => new(here[j], there[j], labelling[j].PValue, boot[j].Low, boot[j].High);
        var groups = Enumerable.Range(0, k).Select(g => new GroupDifference(g, first.Groups[g].Code, first.Groups[g].Label, first.Counts.Share(g), second.Counts.Share(g), At(g))).ToList();
        var multigroup = multi.Select((index, j) => (IndexCatalogue.Get(index), At(k + j))).ToList();
        return new DistrictComparison(first, second, groups, multigroup, iterations, seed);
    }
}

using Cohesion.Analytics.Segregation;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>The simulation tests: null distributions behave, results repeat by seed whatever the threads, empty units are harmless.</summary>
public class InferenceTests
{
    static readonly Statistics D = Statistics.Single(c => TwoGroup.Dissimilarity(c.Group(0), c.UnitTotals));
    static readonly InferenceOptions Options = new(999, Seed: 11);

    /// <summary>Units of 1,000 people with a group share of <paramref name="share"/>(i), as [group, everyone else].</summary>
    static GroupCounts District(int units, Func<int, double> share, int size = 1000)
    {
        var g = new double[units];
        var rest = new double[units];
        for (var i = 0; i < units; i++)
        {
            g[i] = Math.Round(size * share(i));
            rest[i] = size - g[i];
        }
        return GroupCounts.FromColumns(g, rest);
    }

    static GroupCounts Even => District(60, _ => 0.1);
    static GroupCounts Segregated => District(60, i => i % 2 == 0 ? 0.3 : 0.02);

    [Theory]
    [InlineData(NullModel.Systematic)]
    [InlineData(NullModel.Evenness)]
    public void AnEvenDistrictLooksLikeChanceAndASegregatedOneDoesNot(NullModel model)
    {
        var even = Inference.Test(Even, model, D, Options)[0];
        Assert.Equal(0, even.Observed, 12);
        Assert.True(even.Mean is > 0 and < 0.05, $"mean simulated D {even.Mean}");
        Assert.Equal(1, even.PValue);
        Assert.True(even.Low <= even.Mean && even.Mean <= even.High);

        var segregated = Inference.Test(Segregated, model, D, Options)[0];
        Assert.True(segregated.Observed > 0.5);
        Assert.Equal(0.001, segregated.PValue, 12); // none of 999 draws reached it: (1 + 0) / (1 + 999)
        Assert.True(segregated.High < 0.1);
        Assert.Equal(999, segregated.Simulated);
    }

    [Fact]
    public void InteractionIsTestedInItsLowerTail()
    {
        var stats = Indices.AgainstRest([SegregationIndex.Interaction], groups: 1);
        var r = Inference.Test(Segregated, NullModel.Systematic, stats, Options)[0];
        Assert.Equal(0.001, r.PValue, 12);
    }

    [Fact]
    public void TheSameSeedRepeatsAndAnotherSeedDoesNot()
    {
        var a = Inference.Simulate(Segregated, NullModel.Systematic, D, Options);
        var b = Inference.Simulate(Segregated, NullModel.Systematic, D, Options);
        var c = Inference.Simulate(Segregated, NullModel.Systematic, D, Options with { Seed = 12 });
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(NullModel.Systematic)]
    [InlineData(NullModel.Evenness)]
    [InlineData(NullModel.Bootstrap)]
    public void ResultsDoNotDependOnTheNumberOfThreads(NullModel model)
    {
        var counts = Sixteen();
        var stats = Indices.AgainstRest([SegregationIndex.Dissimilarity, SegregationIndex.Gini], groups: 3);
        var one = Inference.Simulate(counts, model, stats, new(301, 5, Threads: 1));
        var three = Inference.Simulate(counts, model, stats, new(301, 5, Threads: 3));
        var all = Inference.Simulate(counts, model, stats, new(301, 5));
        Assert.Equal(one, three);
        Assert.Equal(one, all);
    }

    /// <summary>16 units of 3 groups with empty units, a group missing from many units, and uneven sizes.</summary>
    static GroupCounts Sixteen()
    {
        var rng = new Random(3);
        var rows = new double[16 * 3];
        for (var i = 0; i < 16; i++)
        {
            if (i % 5 == 0) continue;
            rows[i * 3] = rng.Next(0, 500);
            rows[i * 3 + 1] = i % 3 == 0 ? 0 : rng.Next(0, 50);
            rows[i * 3 + 2] = rng.Next(0, 80);
        }
        return GroupCounts.FromRows(rows, 3);
    }

    [Theory]
    [InlineData(NullModel.Systematic)]
    [InlineData(NullModel.Evenness)]
    [InlineData(NullModel.Bootstrap)]
    public void EmptyUnitsAndGroupsDoNotBreakIt(NullModel model)
    {
        var counts = GroupCounts.FromRows([0, 0, 0, 40, 0, 3, 12, 0, 1, 0, 0, 0, 7, 0, 9], 3); // group 1 has nobody at all
        var stats = Indices.AgainstRest([SegregationIndex.Dissimilarity], groups: 3);
        var r = Inference.Test(counts, model, stats, Options);
        Assert.False(double.IsNaN(r[0].Observed));
        Assert.True(double.IsNaN(r[1].Observed) && double.IsNaN(r[1].PValue) && r[1].Simulated == 0);
        Assert.True(r[0].Simulated > 0 && !double.IsNaN(r[0].Low));
        var multi = Inference.Test(counts, model, Indices.AllGroups([SegregationIndex.MultiGini, SegregationIndex.MultiInformationTheory]), Options);
        Assert.All(multi, m => Assert.False(double.IsNaN(m.Mean)));
    }

    [Fact]
    public void TheBootstrapGivesAnIntervalAroundTheValueAndNoPValue()
    {
        var r = Inference.Test(Segregated, NullModel.Bootstrap, D, Options)[0];
        Assert.True(double.IsNaN(r.PValue));
        Assert.True(r.Low < r.Observed && r.Observed < r.High, $"{r.Low} < {r.Observed} < {r.High}");
        Assert.True(r.High - r.Low < 0.2);
    }

    [Fact]
    public void SystematicNullKeepsGroupTotalsAndEvennessKeepsUnitTotals()
    {
        var counts = Sixteen();
        var target = GroupCounts.Scratch(counts.Units, counts.Groups);
        var rng = new IterationRandom(1, 0);
        Simulator.For(NullModel.Systematic, counts).Fill(ref rng, target.Writable);
        target.Recompute();
        Assert.Equal(counts.GroupTotals.ToArray(), target.GroupTotals.ToArray());
        target.Writable.Clear();
        Simulator.For(NullModel.Evenness, counts).Fill(ref rng, target.Writable);
        target.Recompute();
        Assert.Equal(counts.UnitTotals.ToArray(), target.UnitTotals.ToArray());
    }

    [Fact]
    public void NullModelsNeedWholeCounts() =>
        Assert.Throws<ArgumentException>(() => Inference.Test(GroupCounts.FromRows([1.5, 2, 3, 4], 2), NullModel.Evenness, D, Options));

    [Fact]
    public void RandomLabellingFindsARealDifferenceAndNotAnImaginedOne()
    {
        var alike = Inference.Compare(District(40, i => i % 2 == 0 ? 0.3 : 0.02), District(50, i => i % 2 == 0 ? 0.3 : 0.02), Comparison.RandomLabelling, D, Options)[0];
        Assert.True(alike.PValue > 0.2, $"p {alike.PValue} for two districts made alike");
        Assert.True(alike.Low < 0 && alike.High > 0);

        var differ = Inference.Compare(Segregated, Even, Comparison.RandomLabelling, D, Options)[0];
        Assert.True(differ.Observed > 0.5);
        Assert.Equal(0.001, differ.PValue, 12);
    }

    [Fact]
    public void TheBootstrapDifferenceExcludesZeroOnlyForARealDifference()
    {
        var differ = Inference.Compare(Segregated, District(60, i => i % 2 == 0 ? 0.15 : 0.06), Comparison.BootstrapDifference, D, Options)[0];
        Assert.True(differ.Low > 0, $"interval {differ.Low}..{differ.High}");
        Assert.True(differ.PValue < 0.01);
        var alike = Inference.Compare(Segregated, District(60, i => i % 2 == 1 ? 0.3 : 0.02), Comparison.BootstrapDifference, D, Options)[0];
        Assert.True(alike.Low < 0 && alike.High > 0 && alike.PValue > 0.2, $"interval {alike.Low}..{alike.High}, p {alike.PValue}");
    }

    [Fact]
    public void PercentilesInterpolateLikeNumpy()
    {
        double[] v = [1, 2, 3, 4, 5];
        Assert.Equal(1.1, Inference.Percentile(v, 0.025), 12);
        Assert.Equal(4.9, Inference.Percentile(v, 0.975), 12);
        Assert.Equal(7, Inference.Percentile([7], 0.975));
    }
}

using Cohesion.Analytics.Segregation;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>What every index must do at the edges: even spread, complete separation, empty units, undefined cases.</summary>
public class IndexPropertyTests
{
    static readonly SegregationIndex[] TwoGroupIndices = Enum.GetValues<SegregationIndex>().Where(i => !Indices.IsMultiGroup(i)).ToArray();
    static readonly SegregationIndex[] Unevenness = Enum.GetValues<SegregationIndex>().Where(i => IndexCatalogue.Get(i).Tail == Tail.Upper).ToArray();

    [Fact]
    public void UnevennessIndicesAreZeroForAnEvenSpreadAndOneForCompleteSeparation()
    {
        double[] x = [10, 20, 30], t = [100, 200, 300];
        foreach (var i in new[] { SegregationIndex.Dissimilarity, SegregationIndex.Gini, SegregationIndex.Entropy, SegregationIndex.Atkinson })
        {
            Assert.Equal(0, Indices.TwoGroup(i, x, t), 12);
            Assert.Equal(1, Indices.TwoGroup(i, [10, 0, 30], [10, 50, 30]), 12);
        }
        var even = GroupCounts.FromRows([10, 30, 60, 20, 60, 120, 1, 3, 6], 3);
        var apart = GroupCounts.FromRows([10, 0, 0, 0, 60, 0, 0, 0, 6, 5, 0, 0], 3);
        foreach (var i in Unevenness.Where(Indices.IsMultiGroup))
        {
            Assert.Equal(0, Indices.MultiGroup(i, even), 12);
            Assert.Equal(1, Indices.MultiGroup(i, apart), 12);
        }
    }

    [Fact]
    public void UnitsWithNoPeopleChangeNothingAndNeverMakeNaN()
    {
        double[] x = [10, 40, 3], t = [100, 120, 50];
        double[] x0 = [0, 10, 0, 40, 3, 0], t0 = [0, 100, 0, 120, 50, 0];
        foreach (var i in TwoGroupIndices)
        {
            var value = Indices.TwoGroup(i, x0, t0);
            Assert.False(double.IsNaN(value), i.ToString());
            Assert.Equal(Indices.TwoGroup(i, x, t), value, 14);
        }
        var with = GroupCounts.FromRows([0, 0, 5, 7, 0, 0, 9, 1, 0, 0], 2);
        var without = GroupCounts.FromRows([5, 7, 9, 1], 2);
        foreach (var i in Enum.GetValues<SegregationIndex>().Where(Indices.IsMultiGroup))
            Assert.Equal(Indices.MultiGroup(i, without), Indices.MultiGroup(i, with), 14);
    }

    [Fact]
    public void AGroupAbsentFromEveryUnitAddsNothingToMultigroupUnevenness()
    {
        var three = GroupCounts.FromRows([5, 7, 0, 9, 1, 0, 4, 4, 0], 3);
        var two = GroupCounts.FromRows([5, 7, 9, 1, 4, 4], 2);
        foreach (var i in new[] { SegregationIndex.MultiDissimilarity, SegregationIndex.MultiGini, SegregationIndex.MultiInformationTheory, SegregationIndex.MultiRelativeDiversity, SegregationIndex.MultiNormalizedExposure })
            Assert.Equal(Indices.MultiGroup(i, two), Indices.MultiGroup(i, three), 14);
    }

    [Fact]
    public void UndefinedIndicesAreNaN()
    {
        foreach (var i in TwoGroupIndices)
        {
            Assert.True(double.IsNaN(Indices.TwoGroup(i, [0, 0], [5, 6])), $"{i}: group absent");
            Assert.True(double.IsNaN(Indices.TwoGroup(i, [5, 6], [5, 6])), $"{i}: group is everyone");
            Assert.True(double.IsNaN(Indices.TwoGroup(i, [0, 0], [0, 0])), $"{i}: nobody");
            Assert.True(double.IsNaN(Indices.TwoGroup(i, [], [])), $"{i}: no units");
        }
        var oneGroup = GroupCounts.FromRows([5, 0, 7, 0], 2);
        Assert.True(double.IsNaN(MultiGroup.Dissimilarity(oneGroup)));
        Assert.Equal(0, MultiGroup.Diversity(oneGroup));
        Assert.True(double.IsNaN(MultiGroup.Gini(GroupCounts.FromRows([0, 0, 0, 0], 2))));
    }

    [Fact]
    public void ImpossibleCountsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => TwoGroup.Dissimilarity([5], [4]));
        Assert.Throws<ArgumentException>(() => TwoGroup.Dissimilarity([-1], [4]));
        Assert.Throws<ArgumentException>(() => TwoGroup.Dissimilarity([1, 2], [4]));
        Assert.Throws<ArgumentException>(() => GroupCounts.FromRows([1, double.NaN], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoGroup.Atkinson([1, 2], [4, 4], 1));
    }

    [Fact]
    public void ADistrictOfOneUnitIsEvenAndNeverBelowZero()
    {
        // The Isles of Scilly are one LSOA; rounding once gave Atkinson −2e-16 there.
        foreach (var x in new double[] { 1, 7, 23, 45, 101 })
            foreach (var i in new[] { SegregationIndex.Dissimilarity, SegregationIndex.Gini, SegregationIndex.Entropy, SegregationIndex.Atkinson })
                Assert.InRange(Indices.TwoGroup(i, [x], [2203]), 0, 1e-15);
    }

    [Fact]
    public void IsolationAndInteractionAddUpToOneAndPairTotalsLeaveOthersOut()
    {
        double[] x = [10, 40, 3], y = [50, 5, 40], t = new double[3];
        TwoGroup.PairTotals(x, y, t);
        Assert.Equal([60, 45, 43], t);
        Assert.Equal(1, TwoGroup.Isolation(x, t) + TwoGroup.Interaction(x, t), 14);
    }

    [Fact]
    public void AtkinsonShapeParameterWeighsTheEnds()
    {
        double[] x = [90, 5, 5, 5], t = [100, 100, 100, 100];
        Assert.NotEqual(TwoGroup.Atkinson(x, t, 0.1), TwoGroup.Atkinson(x, t, 0.9), 6);
    }

    [Fact]
    public void AreaDiversityReusesSimpsonAndShannonPerUnit()
    {
        var c = GroupCounts.FromRows([50, 30, 20, 0, 0, 0, 7, 7, 7], 3);
        var values = new double[3];
        AreaDiversity.Simpson(c, values);
        Assert.Equal(0.62, values[0], 12);
        Assert.True(double.IsNaN(values[1]));
        AreaDiversity.Shannon(c, values);
        Assert.Equal(Math.Log(3), values[2], 12);
    }

    [Fact]
    public void TheCatalogueNamesEveryIndexOnceAndDescribesIt()
    {
        Assert.Equal(Enum.GetValues<SegregationIndex>().Length, IndexCatalogue.All.Count);
        Assert.Equal(IndexCatalogue.All.Count, IndexCatalogue.All.Select(i => i.Name).Distinct().Count());
        foreach (var info in IndexCatalogue.All)
        {
            Assert.Equal(info, IndexCatalogue.Get(info.Index));
            Assert.True(IndexCatalogue.TryParse(info.Name.ToUpperInvariant(), out var parsed) && parsed == info.Index);
            Assert.EndsWith(".", IndexCatalogue.Describe(info.Index, 0.25, "Pakistani", groups: 14));
        }
        Assert.Equal("34% of Pakistani residents would have to move to a different area for them to be spread evenly across the district.",
            IndexCatalogue.Describe(SegregationIndex.Dissimilarity, 0.3449, "Pakistani"));
        Assert.Equal("The average Bangladeshi resident lives in an area where 12% of the residents who are Bangladeshi or WhiteBrit are WhiteBrit.",
            IndexCatalogue.Describe(SegregationIndex.Interaction, 0.12, "Bangladeshi", "WhiteBrit"));
        Assert.False(IndexCatalogue.TryParse("segregation", out _));
    }

    [Fact]
    public void TheUserGuideSaysWhatTheCatalogueSays()
    {
        var guide = File.ReadAllText(SharedData.Repo("docs", "segregation.md"));
        foreach (var info in IndexCatalogue.All)
        {
            Assert.Contains($"#### `{info.Name}` — {info.Title}", guide);
            Assert.Contains(info.Meaning, guide);
            Assert.Contains(info.Range, guide);
        }
    }
}

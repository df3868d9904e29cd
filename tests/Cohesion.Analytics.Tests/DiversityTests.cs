using Cohesion.Analytics;

namespace Cohesion.Analytics.Tests;

public class DiversityTests
{
    [Fact]
    public void SimpsonIsZeroForOneGroupAndOneMinusOneOverKForEqualGroups()
    {
        Assert.Equal(0, Diversity.Simpson([10, 0, 0]), 12);
        Assert.Equal(1 - 1.0 / 4, Diversity.Simpson([5, 5, 5, 5]), 12);
    }

    [Fact]
    public void SimpsonMatchesHandComputedValue()
    {
        // p = (0.5, 0.3, 0.2): 1 − (0.25 + 0.09 + 0.04) = 0.62
        Assert.Equal(0.62, Diversity.Simpson([50, 30, 20]), 12);
    }

    [Fact]
    public void ShannonIsLnKForEqualGroupsAndIgnoresEmptyGroups()
    {
        Assert.Equal(Math.Log(3), Diversity.Shannon([7, 7, 7, 0]), 12);
        Assert.Equal(0, Diversity.Shannon([0, 9]), 12);
        Assert.Equal(1, Diversity.ShannonNormalised([4, 4]), 12);
    }

    [Fact]
    public void ZeroTotalGivesNaNNotAnError()
    {
        Assert.True(double.IsNaN(Diversity.Simpson([0, 0])));
        Assert.True(double.IsNaN(Diversity.Shannon([])));
    }

    [Fact]
    public void NegativeCountsAreRejected() =>
        Assert.Throws<ArgumentException>(() => Diversity.Simpson([1, -1]));
}

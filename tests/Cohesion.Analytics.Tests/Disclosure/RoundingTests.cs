using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.Disclosure;

public class RoundingTests
{
    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(2, 5, 0)]
    [InlineData(3, 5, 5)]
    [InlineData(7, 10, 10)]
    [InlineData(4, 10, 0)]
    [InlineData(5, 10, 10)]
    [InlineData(1234, 10, 1230)]
    [InlineData(1235, 10, 1240)]
    public void RoundsToTheNearestMultipleOfTheBase(long value, int @base, long expected) =>
        Assert.Equal(expected, Rounding.ToBase(value, @base));

    [Fact]
    public void RejectsABaseBelowOneAndNegativeCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.ToBase(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.ToBase(-1, 5));
    }
}

using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.Disclosure;

public class PublishedDiversityTests
{
    [Fact]
    public void WithNothingWithheldItIsTheOrdinaryIndex()
    {
        var s = PublishedDiversity.Of([50, 30, 20], 100)!.Value;
        Assert.Equal(0.62, s.Simpson, 12);
        Assert.Equal(Diversity.Shannon([50, 30, 20]), s.Shannon, 12);
        Assert.Equal((0, 0), (s.Residual, s.WithheldCategories));
    }

    [Fact]
    public void WithheldCategoriesArePooledIntoTheResidualTheTotalAlreadyReveals()
    {
        // 3 and 7 withheld: only their sum, 10 = 100 − 90, is known, and that is what is used.
        var s = PublishedDiversity.Of([50, null, 40, null], 100)!.Value;
        Assert.Equal(Diversity.Simpson([50, 40, 10]), s.Simpson, 12);
        Assert.Equal(Diversity.Shannon([50, 40, 10]), s.Shannon, 12);
        Assert.Equal((10, 2), (s.Residual, s.WithheldCategories));
    }

    [Fact]
    public void AWithheldTotalGivesNoIndex()
    {
        Assert.Null(PublishedDiversity.Of([50, null], null));
    }

    [Fact]
    public void AZeroTotalGivesNaNLikeDiversity()
    {
        var s = PublishedDiversity.Of([0, 0], 0)!.Value;
        Assert.True(double.IsNaN(s.Simpson) && double.IsNaN(s.Shannon));
    }

    [Fact]
    public void PublishedCountsAboveTheTotalAreRejected()
    {
        Assert.Throws<ArgumentException>(() => PublishedDiversity.Of([60, 50], 100));
    }

    [Fact]
    public void PoolingNeverRaisesEitherIndexAboveTheExactOne()
    {
        var rng = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var exact = Enumerable.Range(0, rng.Next(1, 12)).Select(_ => (long)rng.Next(0, 60)).ToArray();
            var total = exact.Sum();
            if (total == 0) continue;
            var published = exact.Select(v => rng.NextDouble() < 0.3 ? null : (long?)v).ToArray();
            var s = PublishedDiversity.Of(published, total)!.Value;
            var asDouble = exact.Select(v => (double)v).ToArray();
            Assert.True(s.Simpson <= Diversity.Simpson(asDouble) + 1e-12);
            Assert.True(s.Shannon <= Diversity.Shannon(asDouble) + 1e-12);
        }
    }
}

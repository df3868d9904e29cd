using Cohesion.Analytics.Segregation;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>The binomial and multinomial samplers against the exact distribution, on both sides of the inversion/BTRS switch.</summary>
public class SamplerTests
{
    static double LogPmf(long n, double p, long k) =>
        Binomial.LogFactorial(n) - Binomial.LogFactorial(k) - Binomial.LogFactorial(n - k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p);

    /// <summary>
    /// Pearson's χ² of 200,000 draws against the binomial pmf, cells pooled to an expected count of at least 20. The
    /// threshold is the 0.9999 quantile of χ² (well above the degrees of freedom), so a correct sampler fails one
    /// run in ten thousand; the draws are seeded, so a pass is repeatable.
    /// </summary>
    [Theory]
    [InlineData(0, 0.3)]
    [InlineData(5, 0.3)]
    [InlineData(30, 0.02)]
    [InlineData(19, 0.5)]
    [InlineData(25, 0.4)]
    [InlineData(1000, 0.011)]
    [InlineData(1000, 0.3)]
    [InlineData(1000, 0.97)]
    [InlineData(200_000, 0.0004)]
    [InlineData(1_000_000, 0.123)]
    public void DrawsFollowTheBinomialDistribution(long n, double p)
    {
        const int draws = 200_000;
        var counts = new Dictionary<long, int>();
        double sum = 0;
        for (var i = 0; i < draws; i++)
        {
            var rng = new IterationRandom(42, i);
            var k = Binomial.Sample(ref rng, n, p);
            Assert.InRange(k, 0, n);
            counts[k] = counts.GetValueOrDefault(k) + 1;
            sum += k;
        }
        var mean = n * p;
        var sd = Math.Sqrt(n * p * (1 - p));
        Assert.True(Math.Abs(sum / draws - mean) <= 5 * sd / Math.Sqrt(draws) + 1e-12, $"mean {sum / draws} against {mean}");
        if (n == 0) return;

        double chi2 = 0, expectedCell = 0;
        int observedCell = 0, cells = 0;
        for (long k = 0; k <= n; k++)
        {
            if (Math.Abs(k - mean) > 12 * sd + 12) continue;
            expectedCell += draws * Math.Exp(LogPmf(n, p, k));
            observedCell += counts.GetValueOrDefault(k);
            if (expectedCell >= 20)
            {
                chi2 += (observedCell - expectedCell) * (observedCell - expectedCell) / expectedCell;
                cells++;
                expectedCell = 0;
                observedCell = 0;
            }
        }
        var df = Math.Max(1, cells - 1);
        // Wilson–Hilferty approximation of the 0.9999 quantile (z = 3.719).
        var limit = df * Math.Pow(1 - 2.0 / (9 * df) + 3.719 * Math.Sqrt(2.0 / (9 * df)), 3);
        Assert.True(chi2 < limit, $"χ² {chi2:F1} on {df} df (limit {limit:F1})");
    }

    [Fact]
    public void EdgeCasesNeedNoRandomness()
    {
        var rng = new IterationRandom(1, 1);
        Assert.Equal(0, Binomial.Sample(ref rng, 0, 0.5));
        Assert.Equal(0, Binomial.Sample(ref rng, 10, 0));
        Assert.Equal(10, Binomial.Sample(ref rng, 10, 1));
    }

    [Fact]
    public void LogFactorialIsAccurateEitherSideOfTheTable()
    {
        double exact = 0;
        for (var k = 2; k <= 5000; k++)
        {
            exact += Math.Log(k);
            Assert.True(Math.Abs(Binomial.LogFactorial(k) - exact) <= 1e-13 * exact, $"ln {k}!");
        }
    }

    [Fact]
    public void MultinomialKeepsTheTotalAndTheShares()
    {
        var m = new Multinomial([0.5, 0, 0.3, 0.2]);
        var sums = new double[4];
        var target = new double[4];
        for (var i = 0; i < 20_000; i++)
        {
            var rng = new IterationRandom(7, i);
            Array.Clear(target);
            m.Draw(ref rng, 1000, target, 0, 1);
            Assert.Equal(1000, target.Sum());
            for (var k = 0; k < 4; k++) sums[k] += target[k];
        }
        Assert.Equal(0, sums[1]);
        Assert.Equal(0.5, sums[0] / 20_000_000, 2);
        Assert.Equal(0.3, sums[2] / 20_000_000, 2);
    }

    [Fact]
    public void AliasDrawsFollowTheWeightsAndNeverPickAWeightOfZero()
    {
        double[] weights = [0, 1465, 3, 0, 1436, 0.5, 2020, 0, 1, 997];
        var table = new AliasTable(weights);
        var counts = new int[weights.Length];
        const int draws = 1_000_000;
        var rng = new IterationRandom(5, 0);
        for (var i = 0; i < draws; i++) counts[table.Pick(rng.NextInt(weights.Length), rng.NextDouble())]++;
        var total = weights.Sum();
        double chi2 = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            if (weights[j] == 0)
            {
                Assert.Equal(0, counts[j]);
                continue;
            }
            var expected = draws * weights[j] / total;
            chi2 += (counts[j] - expected) * (counts[j] - expected) / expected;
        }
        Assert.True(chi2 < 27.9, $"χ² {chi2:F1} on 6 df"); // 0.9999 quantile
    }

    [Fact]
    public void StreamsDependOnSeedAndIterationOnly()
    {
        var a = new IterationRandom(3, 10);
        var b = new IterationRandom(3, 10);
        var c = new IterationRandom(3, 11);
        var d = new IterationRandom(4, 9);
        var first = a.Next();
        Assert.Equal(first, b.Next());
        Assert.NotEqual(first, c.Next());
        Assert.NotEqual(first, d.Next());
    }
}

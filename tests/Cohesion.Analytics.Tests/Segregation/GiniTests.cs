using Cohesion.Analytics.Segregation;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>The O(n log n) Gini against the n × n double sum it replaces, on random data with ties and empty units.</summary>
public class GiniTests
{
    /// <summary>Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| the slow way, with compensated summation so it is the more accurate side.</summary>
    static double BruteForce(double[] x, double[] t)
    {
        double sum = 0, c = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var pi = t[i] > 0 ? x[i] / t[i] : 0;
            for (var j = 0; j < x.Length; j++)
            {
                var pj = t[j] > 0 ? x[j] / t[j] : 0;
                var term = t[i] * t[j] * Math.Abs(pi - pj);
                var s = sum + term;
                c += Math.Abs(sum) >= Math.Abs(term) ? (sum - s) + term : (term - s) + sum;
                sum = s;
            }
        }
        return sum + c;
    }

    /// <summary>Random units: some empty, some where the group is absent or everyone, many with equal shares.</summary>
    static (double[] X, double[] T) Units(Random rng, int n)
    {
        var x = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = rng.Next(6) == 0 ? 0 : rng.Next(1, 3000);
            x[i] = rng.Next(5) switch
            {
                0 => 0,
                1 => t[i],
                2 => Math.Floor(t[i] / 2),
                _ => rng.Next(0, (int)t[i] + 1),
            };
        }
        return (x, t);
    }

    static void Relative(double expected, double actual, double tolerance = 1e-12) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 17)]
    [InlineData(3, 400)]
    [InlineData(4, 2500)]
    public void TwoGroupGiniEqualsTheMatrixFormula(int seed, int n)
    {
        var (x, t) = Units(new Random(seed), n);
        double X = x.Sum(), T = t.Sum(), P = X / T;
        var expected = BruteForce(x, t) / (2 * T * T * P * (1 - P));
        Relative(expected, TwoGroup.Gini(x, t));
    }

    [Theory]
    [InlineData(5, 300, 4)]
    [InlineData(6, 1500, 14)]
    public void MultigroupGiniEqualsTheMatrixFormula(int seed, int n, int k)
    {
        var rng = new Random(seed);
        var columns = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (rng.Next(7) == 0) continue; // an empty unit
            for (var g = 0; g < k; g++) columns[g][i] = rng.Next(3) == 0 ? 0 : rng.Next(0, 400 / (g + 1));
        }
        var counts = GroupCounts.FromColumns(columns);
        var t = counts.UnitTotals.ToArray();
        var total = counts.Total;
        var interaction = Enumerable.Range(0, k).Sum(g => counts.Share(g) * (1 - counts.Share(g)));
        var expected = columns.Sum(c => BruteForce(c, t)) / (2 * total * total * interaction);
        Relative(expected, MultiGroup.Gini(counts));
    }

    [Fact]
    public void GiniIsZeroWhenEveryUnitHasTheSameShareAndOneWhenGroupsNeverMeet()
    {
        Assert.Equal(0, TwoGroup.Gini([10, 20, 0, 5], [100, 200, 0, 50]), 15);
        Assert.Equal(1, TwoGroup.Gini([10, 0, 30, 0], [10, 40, 30, 5]), 15);
    }

    [Fact]
    public void GiniOfTheSameDataInAnyUnitOrderIsTheSame()
    {
        var (x, t) = Units(new Random(9), 1000);
        var order = Enumerable.Range(0, x.Length).OrderBy(_ => Guid.NewGuid()).ToArray();
        Relative(TwoGroup.Gini(x, t), TwoGroup.Gini(order.Select(i => x[i]).ToArray(), order.Select(i => t[i]).ToArray()), 1e-14);
    }
}

using Cohesion.Analytics;

namespace Cohesion.Analytics.Tests.Surveillance;

/// <summary>
/// Weekly count series of the kinds tension monitoring produces: seasonal with a trend, with past outbreaks, sparse
/// (mostly zeros, as most area × type × strand series are), all zeros, and a quiet series with one recent burst.
/// Deterministic given the seed.
/// </summary>
static class SyntheticSeries
{
    public const int Length = 312;

    public static Dictionary<string, double[]> Make(ulong seed)
    {
        var rng = new Xoshiro256(seed);
        double Uniform() => (rng.Next() >> 11) * (1.0 / (1UL << 53));
        double Poisson(double mu)
        {
            // Knuth's product method: fine for the small means here.
            double l = Math.Exp(-mu), p = 1;
            var k = 0;
            do { k++; p *= Uniform(); } while (p > l);
            return k - 1;
        }
        double[] Series(Func<int, double> mean) => Enumerable.Range(1, Length).Select(t => Poisson(mean(t))).ToArray();
        var seasonal = Series(t => 4 * Math.Exp(0.4 * Math.Sin(2 * Math.PI * t / 52) + 0.002 * t));
        var outbreaks = Series(t => 3 + (t % 97 is >= 10 and < 14 ? 8 : 0) + (t >= 300 ? 6 : 0));
        var sparse = Series(t => 0.15 + (t >= 305 ? 2.5 : 0));
        var verySparse = Series(_ => 0.03);
        var zeros = new double[Length];
        var burst = new double[Length];
        burst[Length - 3] = 3; burst[Length - 2] = 4; burst[Length - 1] = 2;
        return new()
        {
            [$"seasonal-{seed}"] = seasonal, [$"outbreaks-{seed}"] = outbreaks, [$"sparse-{seed}"] = sparse,
            [$"very-sparse-{seed}"] = verySparse, [$"zeros-{seed}"] = zeros, [$"burst-{seed}"] = burst,
        };
    }
}

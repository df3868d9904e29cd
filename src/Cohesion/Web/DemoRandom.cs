using Cohesion.Analytics;

namespace Cohesion.Web;

/// <summary>
/// The demo seeders' random draws, from <see cref="Xoshiro256"/> with arithmetic only (+, −, ×, ÷), so the same seed
/// gives the same data on every machine. One stream per (seed, stream) pair, so seeders can draw for several
/// engagements or surveys independently.
/// </summary>
public sealed class DemoRandom(ulong seed, ulong stream)
{
    Xoshiro256 _bits = new(Xoshiro256.Mix(seed ^ Xoshiro256.Mix(stream + 1)));

    public double Uniform() => (_bits.Next() >> 11) * (1.0 / (1UL << 53));
    public bool Chance(double p) => Uniform() < p;
    public int Below(int n) => (int)Math.BigMul(_bits.Next(), (ulong)n, out _);

    /// <summary>Approximately standard normal: the sum of 12 uniforms less 6 (Irwin–Hall), which needs no logarithm.</summary>
    public double Normal()
    {
        var s = 0.0;
        for (var i = 0; i < 12; i++) s += Uniform();
        return s - 6;
    }

    /// <summary>An index drawn in proportion to <paramref name="weights"/> (not negative, not all zero).</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) total += weights[i];
        var u = Uniform() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        // Rounding can leave u a hair above zero after the last weight: the last one with any weight.
        for (var i = weights.Count - 1; i >= 0; i--) if (weights[i] > 0) return i;
        throw new ArgumentException("the weights are all zero", nameof(weights));
    }
}

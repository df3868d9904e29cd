using Cohesion.Analytics;

namespace Cohesion.Change.Generate;

/// <summary>
/// xoshiro256** (<see cref="Xoshiro256"/>, Blackman and Vigna 2018), seeded through SplitMix64. The generators use it rather than
/// <see cref="System.Random"/>, whose algorithm is unspecified and may change between runtimes: the same
/// seed must give the same bytes on every machine and every .NET version.
/// </summary>
public struct Rng
{
    Xoshiro256 _bits;

    public Rng(ulong seed) => _bits = new Xoshiro256(seed);

    /// <summary>An independent stream for one (purpose, index) pair, so work can be split into blocks that
    /// are generated in any order, on any number of threads, and still give the same output.</summary>
    public static Rng For(ulong seed, ulong purpose, ulong index) => new(Mix(seed ^ Mix(purpose * 0x9E3779B97F4A7C15UL ^ Mix(index + 1))));

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong z) => Xoshiro256.Mix(z);

    public ulong NextUInt64() => _bits.Next();

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) by multiply-high (Lemire); the bias, at most n/2⁶⁴, is far below anything visible.</summary>
    public int Below(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double Exponential(double mean) => -DetMath.Ln(1.0 - NextDouble()) * mean;
}

/// <summary>
/// Functions computed with +, −, ×, ÷ only, which IEEE 754 rounds the same everywhere; <see cref="Math.Log"/>
/// comes from the platform's C library and may differ in the last bit, which could move a date by a day.
/// </summary>
public static class DetMath
{
    const double Ln2 = 0.6931471805599453;

    /// <summary>Natural logarithm of a positive normal number, to about 1e-15 relative error.</summary>
    public static double Ln(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var e = (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951) { m *= 0.5; e++; }
        // ln m = 2 atanh(f), f = (m − 1)/(m + 1), |f| ≤ 0.172: the series to f¹⁷ is ample.
        var f = (m - 1) / (m + 1);
        var s = f * f;
        var p = 1 + s * (1.0 / 3 + s * (1.0 / 5 + s * (1.0 / 7 + s * (1.0 / 9 + s * (1.0 / 11 + s * (1.0 / 13 + s * (1.0 / 15 + s * (1.0 / 17))))))));
        return e * Ln2 + 2 * f * p;
    }
}

/// <summary>Draws from an <see cref="AliasTable"/> with the generators' <see cref="Rng"/>.</summary>
public static class AliasTableDraw
{
    public static int Next(this AliasTable table, ref Rng rng)
    {
        var i = rng.Below(table.Count);
        return table.Pick(i, rng.NextDouble());
    }
}

using System.Runtime.CompilerServices;

namespace Cohesion.Analytics.Segregation;

/// <summary>
/// The random stream of one simulated iteration: <see cref="Xoshiro256"/> seeded from a run's seed and the iteration
/// number, so each iteration has its own stream and the results do not depend on how iterations are shared among
/// threads.
/// </summary>
struct IterationRandom
{
    Xoshiro256 _bits;

    // Seed and iteration are mixed before expansion, so (seed, i) and (seed + 1, i − 1) do not share a stream.
    public IterationRandom(ulong seed, long iteration) =>
        _bits = new Xoshiro256(Xoshiro256.Mix(seed ^ 0x6A09E667F3BCC909UL) ^ Xoshiro256.Mix((ulong)iteration + 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next() => _bits.Next();

    /// <summary>Uniform on the open interval (0, 1), in steps of 2⁻⁵³: never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ((Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform on 0..n−1 without bias (Lemire, D. (2019) Fast random integer generation in an interval. ACM TOMACS 29(1)).</summary>
    public int NextInt(int n)
    {
        var m = Math.BigMul(Next(), (ulong)n, out var low);
        if (low < (ulong)n)
        {
            var threshold = (ulong)-(long)n % (ulong)n;
            while (low < threshold) m = Math.BigMul(Next(), (ulong)n, out low);
        }
        return (int)m;
    }
}

/// <summary>
/// Exact binomial variates. For n·min(p, 1−p) &lt; 10, inversion by sequential search from 0 (Kachitvichyanukul, V. &amp;
/// Schmeiser, B. W. (1988) Binomial random variate generation. CACM 31, 216–222, algorithm BINV): expected cost
/// O(np + 1). Otherwise BTRS, transformed rejection with squeeze (Hörmann, W. (1993) The generation of binomial
/// random variates. Journal of Statistical Computation and Simulation 46, 101–110): an exact rejection method
/// (accepted values have exactly the binomial distribution; the hat dominates the distribution for np ≥ 10), in
/// expected constant time. No normal approximation anywhere. The inversion starts again with a new uniform in the
/// (probability ~1e-16) case that rounding leaves it past n.
/// </summary>
static class Binomial
{
    public static long Sample(ref IterationRandom rng, long n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Sample(ref rng, n, 1 - p);
        return n * p < 10 ? Inversion(ref rng, n, p) : Btrs(ref rng, n, p);
    }

    static long Inversion(ref IterationRandom rng, long n, double p)
    {
        var q = 1 - p;
        var qn = Math.Exp(n * double.LogP1(-p));
        var ratio = p / q;
        while (true)
        {
            long x = 0;
            var px = qn;
            var u = rng.NextDouble();
            while (u > px)
            {
                x++;
                if (x > n) goto restart;
                u -= px;
                px *= (n - x + 1) * ratio / x;
            }
            return x;
        restart:;
        }
    }

    static long Btrs(ref IterationRandom rng, long n, double p)
    {
        // Constants from Hörmann (1993), table 1 and algorithm BTRS; requires p ≤ 0.5 and np ≥ 10.
        var spq = Math.Sqrt(n * p * (1 - p));
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;
        var alpha = (2.83 + 5.1 / b) * spq;
        var lpq = Math.Log(p / (1 - p));
        var m = Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = rng.NextDouble() - 0.5;
            var v = rng.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) continue;
            // The squeeze: inside this box the hat lies under the distribution, so accept without logarithms.
            if (us >= 0.07 && v <= vr) return (long)k;
            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + (k - m) * lpq) return (long)k;
        }
    }

    /// <summary>ln k! exactly (to rounding) for k &lt; 1024 from a table, and by Stirling's series beyond, accurate to 1e-16 relative.</summary>
    internal static double LogFactorial(double k) =>
        k < LogFactorials.Length ? LogFactorials[(int)k] : (k + 0.5) * Math.Log(k + 1) - (k + 1) + HalfLog2Pi + StirlingTail(k + 1);

    const double HalfLog2Pi = 0.91893853320467274178;

    /// <summary>ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 1024: the series 1/(12x) − 1/(360x³) + 1/(1260x⁵).</summary>
    static double StirlingTail(double x)
    {
        var x2 = x * x;
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / x2) / x2) / x;
    }

    static readonly double[] LogFactorials = BuildLogFactorials(1024);

    static double[] BuildLogFactorials(int n)
    {
        var table = new double[n];
        for (var k = 2; k < n; k++) table[k] = table[k - 1] + Math.Log(k);
        return table;
    }
}

/// <summary>
/// Multinomial variates by conditional binomials: with categories in a fixed order, category j gets
/// Binomial(n − already placed, πⱼ / (1 − Σ_{l&lt;j} πₗ)), and the last category with any probability gets the rest
/// (e.g. Devroye, L. (1986) Non-Uniform Random Variate Generation, XI.1.4). The conditional probabilities are worked
/// out once per simulation, not per draw. Exact whenever the binomial draws are.
/// </summary>
sealed class Multinomial
{
    readonly int[] _categories;
    readonly double[] _conditional;

    /// <summary>Prepares draws over categories with the given weights (any non-negative scale).</summary>
    public Multinomial(ReadOnlySpan<double> weights)
    {
        // Larger categories first: the remainder then shrinks fastest, so the later draws are cheap inversions.
        var order = new List<int>();
        for (var j = 0; j < weights.Length; j++) if (weights[j] > 0) order.Add(j);
        var w = weights.ToArray();
        order.Sort((a, b) => w[b].CompareTo(w[a]) is var c && c != 0 ? c : a.CompareTo(b));
        _categories = order.ToArray();
        _conditional = new double[_categories.Length];
        var remaining = 0.0;
        for (var j = _categories.Length - 1; j >= 0; j--)
        {
            remaining += w[_categories[j]];
            _conditional[j] = j == _categories.Length - 1 ? 1 : Math.Min(1, w[_categories[j]] / remaining);
        }
    }

    /// <summary>
    /// Places n into the categories, writing each category's count to target[offset + category·stride]. Categories
    /// left once n is used up are not written: clear the target first.
    /// </summary>
    public void Draw(ref IterationRandom rng, long n, Span<double> target, int offset, int stride)
    {
        for (var j = 0; j < _categories.Length && n > 0; j++)
        {
            var x = j == _categories.Length - 1 ? n : Binomial.Sample(ref rng, n, _conditional[j]);
            target[offset + _categories[j] * stride] = x;
            n -= x;
        }
    }
}


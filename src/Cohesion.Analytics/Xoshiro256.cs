using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cohesion.Analytics;

/// <summary>
/// The xoshiro256** generator (Blackman, D. &amp; Vigna, S. (2021) Scrambled linear pseudorandom number generators.
/// ACM Transactions on Mathematical Software 47(4)), seeded through SplitMix64. Used wherever output must repeat
/// from a seed on every machine and .NET version, which <see cref="System.Random"/> does not promise.
/// </summary>
public struct Xoshiro256
{
    ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose 256-bit state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }
}

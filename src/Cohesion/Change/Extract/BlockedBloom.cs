namespace Cohesion.Change.Extract;

/// <summary>
/// A fixed-size Bloom filter whose k bits for a key all sit in one 64-bit word, so one atomic OR both
/// records a key and tells whether it may have been seen: two threads inserting the same key cannot both
/// miss it. It answers "maybe seen" or "certainly new"; maybes are confirmed exactly by a second pass.
/// Memory is fixed whatever the number of rows (Putze, Sanders and Singler 2007, "Cache-, hash- and
/// space-efficient Bloom filters").
/// </summary>
public sealed class BlockedBloom(int log2Words = 23)
{
    const int K = 6;
    readonly ulong[] _words = new ulong[1 << log2Words];
    readonly ulong _mask = (1UL << log2Words) - 1;

    public long Bytes => _words.LongLength * 8;

    /// <summary>Records the key; true when it may already have been recorded.</summary>
    public bool AddAndCheck(ulong hash)
    {
        var word = (int)(hash & _mask);
        var h = hash * 0x9E3779B97F4A7C15UL;
        ulong bits = 0;
        for (var i = 0; i < K; i++) bits |= 1UL << (int)((h >> (i * 6)) & 63);
        var old = (ulong)Interlocked.Or(ref System.Runtime.CompilerServices.Unsafe.As<ulong, long>(ref _words[word]), (long)bits);
        return (old & bits) == bits;
    }

    /// <summary>64-bit hash of a spell's identity: FNV-1a over the patient id, mixed with the registration day (SplitMix64 finaliser).</summary>
    public static ulong SpellHash(ReadOnlySpan<byte> patientId, int registeredDay)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var b in patientId) h = (h ^ b) * 0x100000001b3UL;
        h ^= (ulong)(uint)registeredDay * 0xff51afd7ed558ccdUL;
        h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }
}

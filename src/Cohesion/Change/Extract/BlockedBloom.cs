using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Cohesion.Change.Extract;

/// <summary>
/// A fixed-size Bloom filter whose k bits for a key all sit in one 64-bit word, so one atomic OR both
/// records a key and tells whether it may have been seen: two threads inserting the same key cannot both
/// miss it. It answers "maybe seen" or "certainly new"; maybes are confirmed exactly by a second pass.
/// Memory is fixed whatever the number of rows (Putze, Sanders and Singler 2007, "Cache-, hash- and
/// space-efficient Bloom filters").
/// </summary>
public sealed unsafe partial class BlockedBloom : IDisposable
{
    const int K = 6;
    const nuint HugePage = 2 << 20;
    // Outside the managed heap, aligned to 2 MB and (on Linux) offered huge pages: a random word of 64 MB
    // then rarely misses the TLB, and its address can be prefetched.
    readonly ulong* _words;
    readonly nuint _bytes;
    readonly int _shift;

    public BlockedBloom(int log2Words = 23)
    {
        _bytes = (nuint)8 << log2Words;
        _shift = 64 - log2Words;
        _words = (ulong*)NativeMemory.AlignedAlloc(_bytes, HugePage);
        if (OperatingSystem.IsLinux()) _ = Madvise(_words, _bytes, 14 /* MADV_HUGEPAGE */);
        NativeMemory.Clear(_words, _bytes);
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    public long Bytes => (long)_bytes;

    /// <summary>
    /// Records the key; true when it may already have been recorded. The word comes from the hash's high bits
    /// and the bit positions from its low bits, so that keys sharing a word still get independent bits.
    /// </summary>
    public bool AddAndCheck(ulong hash)
    {
        ulong bits = 0;
        for (var i = 0; i < K; i++) bits |= 1UL << (int)((hash >> (i * 6)) & 63);
        var old = (ulong)Interlocked.Or(ref *(long*)(_words + (hash >> _shift)), (long)bits);
        return (old & bits) == bits;
    }

    /// <summary>Asks the CPU to bring the key's word into cache, so a later <see cref="AddAndCheck"/> does not wait for memory.</summary>
    public void Prefetch(ulong hash)
    {
        if (Sse.IsSupported) Sse.Prefetch0(_words + (hash >> _shift));
    }

    public void Dispose()
    {
        NativeMemory.AlignedFree(_words);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// 64-bit hash of a spell's identity: the patient id eight bytes at a time (multiply and rotate, as in
    /// xxHash), mixed with the registration day and finished with the SplitMix64 finaliser.
    /// </summary>
    public static ulong SpellHash(ReadOnlySpan<byte> patientId, int registeredDay)
    {
        const ulong P1 = 0x9E3779B185EBCA87UL, P2 = 0xC2B2AE3D27D4EB4FUL;
        var h = (ulong)patientId.Length * P1;
        var i = 0;
        for (; i + 8 <= patientId.Length; i += 8)
            h = BitOperations.RotateLeft(h ^ MemoryMarshal.Read<ulong>(patientId[i..]) * P2, 31) * P1;
        if (i < patientId.Length)
        {
            ulong tail = 0;
            for (var j = patientId.Length - 1; j >= i; j--) tail = tail << 8 | patientId[j];
            h = BitOperations.RotateLeft(h ^ tail * P2, 31) * P1;
        }
        h ^= (ulong)(uint)registeredDay * 0xff51afd7ed558ccdUL;
        h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }
}

/// <summary>
/// One reading thread's way into the shared filter: each key's word is prefetched when the key arrives, and
/// keys are tested in runs of 64, the previous run's, by then in cache. The atomic OR waits for memory and
/// for the thread's pending writes; done for each row as it is read, it stalled the thread on nearly every row.
/// </summary>
sealed class BloomWriter(BlockedBloom bloom, HashSet<ulong> candidates)
{
    const int Run = 64;
    readonly ulong[] _pending = new ulong[2 * Run];
    int _count;

    public void Add(ulong hash)
    {
        bloom.Prefetch(hash);
        _pending[_count++] = hash;
        if (_count < _pending.Length) return;
        Test(_pending.AsSpan(0, Run));
        _pending.AsSpan(Run).CopyTo(_pending);
        _count = Run;
    }

    void Test(ReadOnlySpan<ulong> hashes)
    {
        foreach (var hash in hashes)
            if (bloom.AddAndCheck(hash)) candidates.Add(hash);
    }

    /// <summary>Tests the keys still waiting.</summary>
    public void Drain()
    {
        Test(_pending.AsSpan(0, _count));
        _count = 0;
    }
}

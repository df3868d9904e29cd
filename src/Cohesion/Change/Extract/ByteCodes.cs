using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Cohesion.Change.Extract;

/// <summary>
/// Short ASCII codes (area codes, ethnic-group and language codes) looked up straight from the file's bytes:
/// a code of up to 16 bytes is packed into a 128-bit integer, so a lookup allocates nothing.
/// </summary>
public static class PackedCode
{
    public const int MaxPacked = 16;

    public static bool TryPack(ReadOnlySpan<byte> code, out UInt128 key) => TryPack(code, 0, code.Length, out key);

    /// <summary>Packs <paramref name="text"/>[start..start+length]; reads 16 bytes at once when the text has them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<byte> text, int start, int length, out UInt128 key)
    {
        if (length > MaxPacked) { key = default; return false; }
        if (start + MaxPacked <= text.Length)
        {
            ref var p = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start);
            var lo = Unsafe.ReadUnaligned<ulong>(ref p);
            var hi = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 8));
            if (length >= 8) hi &= length == MaxPacked ? ulong.MaxValue : (1UL << ((length - 8) * 8)) - 1;
            else { lo &= (1UL << (length * 8)) - 1; hi = 0; }
            key = new UInt128(hi, lo);
            return true;
        }
        key = PackShort(text.Slice(start, length));
        return true;
    }

    static UInt128 PackShort(ReadOnlySpan<byte> code)
    {
        Span<byte> buffer = stackalloc byte[MaxPacked];
        buffer.Clear();
        code.CopyTo(buffer);
        return MemoryMarshal.Read<UInt128>(buffer);
    }
}

/// <summary>
/// An open-addressing map from packed codes to small numbers, for the lookups done on every row: a probe is
/// a multiply, a shift and a compare in one array, where a Dictionary calls the key's hash and equality.
/// Keys are never 0 (codes are not empty).
/// </summary>
sealed class PackedTable
{
    struct Entry { public UInt128 Key; public int Value; }
    Entry[] _entries = new Entry[16];
    int _shift = 64 - 4;
    int _count;

    static int Slot(UInt128 key, int shift) =>
        (int)(((ulong)key * 0x9E3779B97F4A7C15UL ^ (ulong)(key >> 64) * 0xC2B2AE3D27D4EB4FUL) >> shift);

    /// <summary>The value, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(UInt128 key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = Slot(key, _shift); ; i = (i + 1) & mask)
        {
            ref readonly var e = ref entries[i];
            if (e.Key == key) return e.Value;
            if (e.Key == UInt128.Zero) return -1;
        }
    }

    /// <summary>Adds a key that is not present.</summary>
    public void Add(UInt128 key, int value)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _shift--;
            _count = 0;
            foreach (var e in old) if (e.Key != UInt128.Zero) Add(e.Key, e.Value);
        }
        var mask = _entries.Length - 1;
        var i = Slot(key, _shift);
        while (_entries[i].Key != UInt128.Zero) i = (i + 1) & mask;
        _entries[i] = new Entry { Key = key, Value = value };
        _count++;
    }
}

/// <summary>The known area codes of a run, each with its index into the accumulator.</summary>
public sealed class AreaIndex
{
    readonly PackedTable _packed = new();
    readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Codes { get; }

    public AreaIndex(IEnumerable<string> codes)
    {
        var list = new List<string>();
        foreach (var code in codes)
        {
            if (code.Length == 0) continue;
            var bytes = Encoding.ASCII.GetBytes(code);
            if (PackedCode.TryPack(bytes, out var key)) { if (_packed.Find(key) >= 0) continue; _packed.Add(key, list.Count); }
            else if (!_long.TryAdd(code, list.Count)) continue;
            list.Add(code);
        }
        Codes = list;
    }

    public int Count => Codes.Count;

    /// <summary>The area's index, or −1 when the code is not a known area.</summary>
    public int Find(ReadOnlySpan<byte> code) => Find(code, ..);

    /// <summary>As <see cref="Find(ReadOnlySpan{byte})"/> for the code at <paramref name="field"/> of a line.</summary>
    public int Find(ReadOnlySpan<byte> line, Range field)
    {
        var (start, length) = field.GetOffsetAndLength(line.Length);
        return PackedCode.TryPack(line, start, length, out var key)
            ? _packed.Find(key)
            : _long.GetValueOrDefault(Encoding.ASCII.GetString(line.Slice(start, length)), -1);
    }
}

/// <summary>
/// Numbers the codes met in one part of a file in order of first appearance, 0 being "not stated"
/// (empty). One per reading thread, so no locking; parts are reconciled by <see cref="MapInto"/>.
/// </summary>
public sealed class CodeInterner
{
    readonly PackedTable _packed = new();
    readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);
    readonly List<string> _codes = [""];

    public IReadOnlyList<string> Codes => _codes;

    public int Intern(ReadOnlySpan<byte> code) => Intern(code, ..);

    /// <summary>As <see cref="Intern(ReadOnlySpan{byte})"/> for the code at <paramref name="field"/> of a line.</summary>
    public int Intern(ReadOnlySpan<byte> line, Range field)
    {
        var (start, length) = field.GetOffsetAndLength(line.Length);
        if (length == 0) return 0;
        if (PackedCode.TryPack(line, start, length, out var key))
        {
            var id = _packed.Find(key);
            if (id >= 0) return id;
            id = _codes.Count;
            _codes.Add(Encoding.ASCII.GetString(line.Slice(start, length)));
            _packed.Add(key, id);
            return id;
        }
        var s = Encoding.ASCII.GetString(line.Slice(start, length));
        if (_long.TryGetValue(s, out var lid)) return lid;
        lid = _codes.Count;
        _codes.Add(s);
        _long[s] = lid;
        return lid;
    }

    /// <summary>Adds this interner's codes to <paramref name="target"/>; returns the map from this numbering to the target's.</summary>
    public int[] MapInto(CodeInterner target) =>
        _codes.Select(c => target.Intern(Encoding.ASCII.GetBytes(c))).ToArray();
}

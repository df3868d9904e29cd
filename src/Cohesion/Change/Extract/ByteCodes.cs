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

    public static bool TryPack(ReadOnlySpan<byte> code, out UInt128 key)
    {
        if (code.Length > MaxPacked) { key = default; return false; }
        Span<byte> buffer = stackalloc byte[MaxPacked];
        buffer.Clear();
        code.CopyTo(buffer);
        key = MemoryMarshal.Read<UInt128>(buffer);
        return true;
    }
}

/// <summary>The known area codes of a run, each with its index into the accumulator.</summary>
public sealed class AreaIndex
{
    readonly Dictionary<UInt128, int> _packed = [];
    readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Codes { get; }

    public AreaIndex(IEnumerable<string> codes)
    {
        var list = new List<string>();
        foreach (var code in codes)
        {
            var bytes = Encoding.ASCII.GetBytes(code);
            if (PackedCode.TryPack(bytes, out var key)) { if (!_packed.TryAdd(key, list.Count)) continue; }
            else if (!_long.TryAdd(code, list.Count)) continue;
            list.Add(code);
        }
        Codes = list;
    }

    public int Count => Codes.Count;

    /// <summary>The area's index, or −1 when the code is not a known area.</summary>
    public int Find(ReadOnlySpan<byte> code) =>
        PackedCode.TryPack(code, out var key)
            ? _packed.GetValueOrDefault(key, -1)
            : _long.GetValueOrDefault(Encoding.ASCII.GetString(code), -1);
}

/// <summary>
/// Numbers the codes met in one part of a file in order of first appearance, 0 being "not stated"
/// (empty). One per reading thread, so no locking; parts are reconciled by <see cref="MapInto"/>.
/// </summary>
public sealed class CodeInterner
{
    readonly Dictionary<UInt128, int> _packed = [];
    readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);
    readonly List<string> _codes = [""];

    public IReadOnlyList<string> Codes => _codes;

    public int Intern(ReadOnlySpan<byte> code)
    {
        if (code.IsEmpty) return 0;
        if (PackedCode.TryPack(code, out var key))
        {
            if (_packed.TryGetValue(key, out var id)) return id;
            id = _codes.Count;
            _codes.Add(Encoding.ASCII.GetString(code));
            _packed[key] = id;
            return id;
        }
        var s = Encoding.ASCII.GetString(code);
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

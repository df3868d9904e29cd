using System.Buffers.Binary;

namespace Cohesion.Change;

/// <summary>
/// The packed layout of <see cref="ChangeFigure"/>: measures × categories of little-endian 32-bit integers,
/// measure-major; −1 marks a withheld value in the published copy.
/// </summary>
public static class PackedFigures
{
    public const int Withheld = -1;

    public static byte[] Pack(ReadOnlySpan<int> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static int[] Unpack(byte[] packed)
    {
        var values = new int[packed.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(i * 4));
        return values;
    }

    /// <summary>Narrows a count to the packed width: an area-period count beyond 2³¹ cannot happen with real populations.</summary>
    public static int Narrow(long v) => v is < 0 or > int.MaxValue ? throw new OverflowException($"count {v} is outside the packed range") : (int)v;
}

namespace Cohesion.Change.Generate;

/// <summary>
/// Writes a file made of numbered blocks: blocks are filled in parallel into reused buffers and written in
/// order while the next ones are filled. A block's bytes depend only on its number, so the file is the same
/// whatever the number of threads, and memory is a fixed number of buffers whatever the file's size.
/// </summary>
public static class BlockWriter
{
    /// <summary>Fills blocks 0..<paramref name="blocks"/>−1 with <paramref name="fill"/> (block number, buffer of
    /// <paramref name="capacity"/> bytes → bytes used) and writes them in order; returns the bytes written.</summary>
    public static long Run(long blocks, int capacity, Func<long, byte[], int> fill, Stream output, int threads, CancellationToken ct)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var wave = threads * 4;
        var buffers = new[] { new byte[wave][], new byte[wave][] };
        var lengths = new[] { new int[wave], new int[wave] };
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        var pending = Task.CompletedTask;
        long written = 0;
        var side = 0;
        try
        {
            for (long start = 0; start < blocks; start += wave, side ^= 1)
            {
                var count = (int)Math.Min(wave, blocks - start);
                var (b, l) = (buffers[side], lengths[side]);
                var first = start;
                Parallel.For(0, count, options, i => l[i] = fill(first + i, b[i] ??= new byte[capacity]));
                // The other side's buffers are free again once its write has finished.
                pending.GetAwaiter().GetResult();
                pending = Task.Run(() =>
                {
                    for (var i = 0; i < count; i++) output.Write(b[i], 0, l[i]);
                }, CancellationToken.None);
                for (var i = 0; i < count; i++) written += l[i];
            }
            pending.GetAwaiter().GetResult();
        }
        finally
        {
            // Never leave a write running into a stream the caller is about to close.
            try { pending.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
        output.Flush();
        return written;
    }
}

/// <summary>Allocation-free ASCII formatting into a byte span.</summary>
public static class Ascii
{
    static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>16 lower-case hex digits.</summary>
    public static int Hex16(Span<byte> dst, ulong v)
    {
        for (var i = 15; i >= 0; i--, v >>= 4) dst[i] = HexDigits[(int)(v & 0xF)];
        return 16;
    }

    /// <summary>A whole number from 0 to 9,999, without leading zeros.</summary>
    public static int Small(Span<byte> dst, int v)
    {
        if (v < 10) { dst[0] = (byte)('0' + v); return 1; }
        if (v < 100) { dst[0] = (byte)('0' + v / 10); dst[1] = (byte)('0' + v % 10); return 2; }
        if (v < 1000) { dst[0] = (byte)('0' + v / 100); dst[1] = (byte)('0' + v / 10 % 10); dst[2] = (byte)('0' + v % 10); return 3; }
        dst[0] = (byte)('0' + v / 1000); dst[1] = (byte)('0' + v / 100 % 10); dst[2] = (byte)('0' + v / 10 % 10); dst[3] = (byte)('0' + v % 10);
        return 4;
    }

    public static int Put(Span<byte> dst, ReadOnlySpan<byte> s)
    {
        s.CopyTo(dst);
        return s.Length;
    }
}

/// <summary>Every day of a range as ISO <c>YYYY-MM-DD</c> text, made once so a row copies ten bytes instead of formatting a date.</summary>
public sealed class DateText
{
    readonly byte[] _text;
    readonly short[] _years;

    public DateOnly First { get; }
    public int Days { get; }

    public DateText(DateOnly first, DateOnly last)
    {
        First = first;
        Days = last.DayNumber - first.DayNumber + 1;
        _text = new byte[Days * 10];
        _years = new short[Days];
        for (var d = 0; d < Days; d++)
        {
            var date = first.AddDays(d);
            _years[d] = (short)date.Year;
            var t = _text.AsSpan(d * 10, 10);
            Ascii.Small(t, date.Year);
            t[4] = (byte)'-';
            t[5] = (byte)('0' + date.Month / 10);
            t[6] = (byte)('0' + date.Month % 10);
            t[7] = (byte)'-';
            t[8] = (byte)('0' + date.Day / 10);
            t[9] = (byte)('0' + date.Day % 10);
        }
    }

    /// <summary>Writes day <paramref name="day"/> of the range (0 = <see cref="First"/>).</summary>
    public int Write(Span<byte> dst, int day)
    {
        _text.AsSpan(day * 10, 10).CopyTo(dst);
        return 10;
    }

    public int Year(int day) => _years[day];
}

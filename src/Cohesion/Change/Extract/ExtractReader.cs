using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cohesion.Change.Extract;

/// <summary>A rejected row: where, why, the offending value and (for the rejects file) the whole line.</summary>
public sealed record RowError(long Offset, RejectReason Reason, string Value, string Line)
{
    public long LineNumber { get; set; }
    public long? DuplicateOfLine { get; set; }
}

/// <summary>What reading an extract found, whatever its format: row counts, rejections and the codes met.</summary>
public abstract class ExtractScanResult
{
    public required CodeInterner Ethnic { get; init; }
    public required CodeInterner Language { get; init; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public Dictionary<RejectReason, long> Rejected { get; } = [];
    /// <summary>The rejected rows kept: the first MaxErrors of the options, or all with --skip-bad-rows.</summary>
    public List<RowError> Errors { get; } = [];
    public long RejectedTotal => Rejected.Values.Sum();
    /// <summary>True when reading stopped at the error limit, so the totals are lower bounds.</summary>
    public bool Stopped { get; set; }

    /// <summary>Rejects a row that was accepted in the first pass and found to repeat another.</summary>
    internal void AddRepeat(long offset, long firstOffset, RejectReason reason, string value, string line, bool skipBadRows, int maxErrors)
    {
        RowsAccepted--;
        Rejected[reason] = Rejected.GetValueOrDefault(reason) + 1;
        if (skipBadRows || Errors.Count < maxErrors * 2) Errors.Add(new RowError(offset, reason, value, line) { DuplicateOfLine = firstOffset });
    }
}

/// <summary>One reading thread's share of a file: its counters, codes and rejected rows, so threads never share state.</summary>
class ScanPart(bool skipBadRows, int maxErrors)
{
    public readonly CodeInterner Ethnic = new(), Language = new();
    public long Rows;
    public long Accepted;
    public readonly Dictionary<RejectReason, long> Rejected = [];
    public readonly List<RowError> Errors = [];
    public bool SkipBadRows => skipBadRows;

    public void Reject(long offset, RejectReason reason, string value, string line, CancellationTokenSource stop)
    {
        Rejected[reason] = Rejected.GetValueOrDefault(reason) + 1;
        if (skipBadRows || Errors.Count < maxErrors) Errors.Add(new RowError(offset, reason, value, line));
        // Rejecting the whole file: past the limit there is nothing more worth reading.
        if (!skipBadRows && Errors.Count >= maxErrors) stop.Cancel();
    }

    /// <summary>Rejects a row a format's parser refused, with the bad field's text (none for a wrong field count or length).</summary>
    public void Reject(ReadOnlySpan<byte> line, long offset, RejectReason reason, Range field, CancellationTokenSource stop)
    {
        var value = reason is RejectReason.FieldCount or RejectReason.LineTooLong ? "" : Encoding.UTF8.GetString(line[field]);
        Reject(offset, reason, value, skipBadRows ? Encoding.UTF8.GetString(line) : "", stop);
    }
}

/// <summary>A format's handling of one good line (valid UTF-8, not too long): parse, then count or reject.</summary>
interface ILineHandler
{
    void Line(ReadOnlySpan<byte> line, long offset);
}

/// <summary>
/// The format-free part of reading a record-level extract: the header check, splitting the file into byte
/// ranges that start on line starts (one per thread), the line loop over large buffers (rejecting over-long and
/// non-UTF-8 lines), a second pass for repeated rows, and turning byte offsets into line numbers. Nothing is
/// held per row.
/// </summary>
sealed class ExtractReader : IDisposable
{
    const int BufferSize = 4 << 20;
    readonly SafeFileHandle _handle;
    readonly int _maxLine;

    public long Length { get; }
    public long BodyStart { get; }

    ExtractReader(SafeFileHandle handle, long length, long bodyStart, int maxLine) =>
        (_handle, Length, BodyStart, _maxLine) = (handle, length, bodyStart, maxLine);

    /// <summary>Opens the file and checks that it has exactly <paramref name="header"/> and at least one more line.</summary>
    public static ExtractReader Open(string path, string header, int maxLine)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var name = Path.GetFileName(path);
            if (length == 0) throw Imports.ImportFailedException.One(name, null, null, null, "the file is empty");
            return new ExtractReader(handle, length, CheckHeader(handle, length, name, header), maxLine);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();

    static long CheckHeader(SafeFileHandle handle, long length, string name, string expected)
    {
        var buffer = new byte[(int)Math.Min(length, 8192)];
        var read = RandomAccess.Read(handle, buffer, 0);
        var span = buffer.AsSpan(0, read);
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var nl = span.IndexOf((byte)'\n');
        if (nl < 0 && read < length) throw Imports.ImportFailedException.One(name, 1, null, null, "the header line is too long");
        var end = nl < 0 ? read : nl;
        var header = span[start..end].TrimEnd((byte)'\r');
        if (!header.SequenceEqual(Encoding.ASCII.GetBytes(expected)))
            throw Imports.ImportFailedException.One(name, 1, null, Encoding.UTF8.GetString(header), $"wrong header: expected {expected}");
        if (nl < 0 || nl + 1 >= length) throw Imports.ImportFailedException.One(name, null, null, null, "the file has a header but no rows");
        return nl + 1;
    }

    /// <summary>
    /// Reads the body in parallel (<paramref name="threads"/> 0: one per core): one part per byte range, each made by
    /// <paramref name="make"/> and filled by <paramref name="scan"/>(from, to, part, stop). Returns the parts in file
    /// order and whether reading stopped early.
    /// </summary>
    public (TPart[] Parts, bool Stopped) ReadParallel<TPart>(int threads, Func<TPart> make, Action<long, long, TPart, CancellationTokenSource> scan, CancellationToken ct)
    {
        if (threads <= 0) threads = Math.Max(1, Environment.ProcessorCount);
        var bounds = Split(threads);
        var parts = new TPart[bounds.Count - 1];
        using var stop = new CancellationTokenSource();
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, i =>
        {
            parts[i] = make();
            scan(bounds[i], bounds[i + 1], parts[i], stop);
        });
        return (parts, stop.IsCancellationRequested);
    }

    /// <summary>Range boundaries at line starts, one range per thread (fewer for small files).</summary>
    List<long> Split(int parts)
    {
        var bounds = new List<long> { BodyStart };
        var step = Math.Max(1 << 20, (Length - BodyStart) / parts);
        var probe = new byte[64 * 1024];
        for (var i = 1; i < parts; i++)
        {
            var at = Math.Max(BodyStart + i * step, bounds[^1]);
            if (at >= Length) break;
            long next = -1;
            for (var pos = at; pos < Length && next < 0; pos += probe.Length)
            {
                var n = RandomAccess.Read(_handle, probe, pos);
                var nl = probe.AsSpan(0, n).IndexOf((byte)'\n');
                if (nl >= 0) next = pos + nl + 1;
                if (n == 0) break;
            }
            if (next < 0 || next >= Length) break;
            if (next > bounds[^1]) bounds.Add(next);
        }
        bounds.Add(Length);
        return bounds;
    }

    /// <summary>
    /// Every line of [from, to) that is not empty goes to <paramref name="handler"/>, except those that are not
    /// UTF-8 or longer than the format allows, which <paramref name="part"/> rejects. An over-long line is skipped
    /// without being held. Stops early when <paramref name="stop"/> is cancelled.
    /// </summary>
    public void ScanLines<THandler>(long from, long to, ScanPart part, ref THandler handler, CancellationTokenSource stop) where THandler : struct, ILineHandler
    {
        var buffer = new byte[BufferSize + _maxLine + 2];
        var carry = 0;
        var pos = from;
        while (pos < to || carry > 0)
        {
            if (stop.IsCancellationRequested) return;
            var want = (int)Math.Min(BufferSize, to - pos);
            var n = want > 0 ? RandomAccess.Read(_handle, buffer.AsSpan(carry, want), pos) : 0;
            var chunkStart = pos - carry; // file offset of buffer[0]
            pos += n;
            var data = buffer.AsSpan(0, carry + n);
            var atEnd = pos >= to;
            var ascii = System.Text.Ascii.IsValid(data);
            var offset = 0;
            while (offset < data.Length)
            {
                var rest = data[offset..];
                var nl = rest.IndexOf((byte)'\n');
                if (nl < 0 && !atEnd)
                {
                    if (rest.Length > _maxLine)
                    {
                        // An absurdly long line: reject it and skip to its end without holding it.
                        part.Rows++;
                        part.Reject(chunkStart + offset, RejectReason.LineTooLong, "", "", stop);
                        offset = data.Length;
                        carry = 0;
                        SkipToLineEnd(ref pos, to);
                        goto next;
                    }
                    break;
                }
                var line = nl < 0 ? rest : rest[..nl];
                var lineOffset = chunkStart + offset;
                offset += nl < 0 ? rest.Length : nl + 1;
                line = line.TrimEnd((byte)'\r');
                if (line.IsEmpty) continue;
                part.Rows++;
                if (!ascii && !System.Text.Unicode.Utf8.IsValid(line))
                    part.Reject(lineOffset, RejectReason.NotUtf8, "", part.SkipBadRows ? Encoding.UTF8.GetString(line) : "", stop);
                else if (line.Length > _maxLine)
                    part.Reject(line, lineOffset, RejectReason.LineTooLong, .., stop);
                else
                    handler.Line(line, lineOffset);
            }
            carry = data.Length - offset;
            if (carry > 0) data[offset..].CopyTo(buffer);
            if (atEnd && carry > 0 && n == 0) break;
            next:;
        }
    }

    void SkipToLineEnd(ref long pos, long to)
    {
        var probe = new byte[64 * 1024];
        while (pos < to)
        {
            var n = RandomAccess.Read(_handle, probe.AsSpan(0, (int)Math.Min(probe.Length, to - pos)), pos);
            if (n == 0) return;
            var nl = probe.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0) { pos += nl + 1; return; }
            pos += n;
        }
    }

    /// <summary>
    /// The second pass for rows that must not repeat: every good line is given to <paramref name="key"/>, which
    /// returns its identity when it is worth checking (null otherwise); a line whose identity an earlier line had
    /// goes to <paramref name="repeat"/>(line, offset, offset of the first). Only the candidates' keys are held.
    /// </summary>
    public void FindRepeats(Func<ReadOnlySpan<byte>, string?> key, Action<ReadOnlySpan<byte>, long, long> repeat)
    {
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        ForEachLine((line, offset) =>
        {
            if (key(line) is not { } k) return;
            if (!firstSeen.TryAdd(k, offset)) repeat(line, offset, firstSeen[k]);
        });
    }

    void ForEachLine(Action<ReadOnlySpan<byte>, long> action)
    {
        var buffer = new byte[BufferSize + _maxLine + 2];
        var carry = 0;
        var pos = BodyStart;
        while (true)
        {
            var n = RandomAccess.Read(_handle, buffer.AsSpan(carry, (int)Math.Min(BufferSize, Length - pos)), pos);
            var chunkStart = pos - carry;
            pos += n;
            var data = buffer.AsSpan(0, carry + n);
            var atEnd = pos >= Length || n == 0;
            var offset = 0;
            while (offset < data.Length)
            {
                var rest = data[offset..];
                var nl = rest.IndexOf((byte)'\n');
                if (nl < 0 && !atEnd) break;
                var line = (nl < 0 ? rest : rest[..nl]).TrimEnd((byte)'\r');
                var lineOffset = chunkStart + offset;
                offset += nl < 0 ? rest.Length : nl + 1;
                if (!line.IsEmpty && line.Length <= _maxLine && System.Text.Unicode.Utf8.IsValid(line)) action(line, lineOffset);
            }
            carry = data.Length - offset;
            if (carry > _maxLine) carry = 0; // an over-long line was already rejected in the first pass
            else if (carry > 0) data[offset..].CopyTo(buffer);
            if (atEnd) break;
        }
    }

    /// <summary>
    /// Adds up the parts' rows and rejections into <paramref name="result"/> (their counters are the format's to
    /// merge), before any second pass.
    /// </summary>
    public static void Collect(ExtractScanResult result, IEnumerable<ScanPart> parts)
    {
        foreach (var p in parts)
        {
            result.RowsRead += p.Rows;
            result.RowsAccepted += p.Accepted;
            foreach (var (reason, n) in p.Rejected) result.Rejected[reason] = result.Rejected.GetValueOrDefault(reason) + n;
            result.Errors.AddRange(p.Errors);
        }
    }

    /// <summary>Numbers the rejected rows' lines, puts them in file order and keeps the first <paramref name="maxErrors"/> unless all are wanted.</summary>
    public void FinishErrors(ExtractScanResult result, bool skipBadRows, int maxErrors)
    {
        NumberLines(result.Errors);
        result.Errors.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        if (!skipBadRows && result.Errors.Count > maxErrors) result.Errors.RemoveRange(maxErrors, result.Errors.Count - maxErrors);
    }

    /// <summary>Turns byte offsets into 1-based line numbers (and the offsets of repeated lines too) in one pass.</summary>
    void NumberLines(List<RowError> errors)
    {
        if (errors.Count == 0) return;
        var wanted = errors.Select(e => e.Offset).Concat(errors.Where(e => e.DuplicateOfLine is not null).Select(e => e.DuplicateOfLine!.Value)).Distinct().Order().ToList();
        var lines = new Dictionary<long, long>();
        var buffer = new byte[BufferSize];
        long pos = 0, newlines = 0;
        var w = 0;
        while (w < wanted.Count)
        {
            var n = RandomAccess.Read(_handle, buffer, pos);
            if (n == 0) break;
            while (w < wanted.Count && wanted[w] < pos + n)
            {
                newlines += buffer.AsSpan(0, (int)(wanted[w] - pos)).Count((byte)'\n');
                lines[wanted[w]] = newlines + 1;
                // Count from this offset on for the next one.
                var consumed = (int)(wanted[w] - pos);
                buffer.AsSpan(consumed, n - consumed).CopyTo(buffer);
                n -= consumed;
                pos = wanted[w];
                w++;
            }
            newlines += buffer.AsSpan(0, n).Count((byte)'\n');
            pos += n;
        }
        foreach (var e in errors)
        {
            e.LineNumber = lines.GetValueOrDefault(e.Offset);
            if (e.DuplicateOfLine is { } firstOffset) e.DuplicateOfLine = lines.GetValueOrDefault(firstOffset);
        }
    }
}

using System.Text;
using Cohesion.Analytics.Change;
using Microsoft.Win32.SafeHandles;

namespace Cohesion.Change.Extract;

public sealed record ScanOptions(PeriodKind Kind, DateOnly From, DateOnly To, DateOnly ExtractDate, bool SkipBadRows, int MaxErrors = 50, int Threads = 0, int BloomLog2Words = 23);

/// <summary>A rejected row: where, why, the offending value and (for the rejects file) the whole line.</summary>
public sealed record RowError(long Offset, RejectReason Reason, string Value, string Line)
{
    public long LineNumber { get; set; }
    public long? DuplicateOfLine { get; set; }
}

public sealed class ScanResult
{
    public required RegistrationAccumulator Counts { get; init; }
    public required CodeInterner Ethnic { get; init; }
    public required CodeInterner Language { get; init; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public Dictionary<RejectReason, long> Rejected { get; } = [];
    /// <summary>The rejected rows kept: the first <see cref="ScanOptions.MaxErrors"/>, or all with --skip-bad-rows.</summary>
    public List<RowError> Errors { get; } = [];
    public long RejectedTotal => Rejected.Values.Sum();
    /// <summary>True when reading stopped at the error limit, so the totals are lower bounds.</summary>
    public bool Stopped { get; set; }
}

/// <summary>
/// Streams a GP registration extract into a <see cref="RegistrationAccumulator"/>, in parallel over byte
/// ranges that start and end on line breaks, keeping no record. Duplicate spells (same patient_id and
/// registered_on) are found with a fixed-size <see cref="BlockedBloom"/> filter and confirmed by a second
/// pass that looks only at the candidates, so memory does not grow with the file.
/// </summary>
public static class GpScanner
{
    const int BufferSize = 4 << 20;

    public static ScanResult Scan(string path, AreaIndex areas, ScanOptions o, CancellationToken ct = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var name = Path.GetFileName(path);
        if (length == 0) throw Imports.ImportFailedException.One(name, null, null, null, "the file is empty");
        var bodyStart = CheckHeader(handle, length, name);
        var threads = o.Threads > 0 ? o.Threads : Math.Max(1, Environment.ProcessorCount);
        var bounds = Split(handle, bodyStart, length, threads);
        var bloom = new BlockedBloom(o.BloomLog2Words);
        var extractDay = o.ExtractDate.DayNumber;
        var parts = new Part[bounds.Count - 1];
        var stop = new CancellationTokenSource();
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, i =>
        {
            parts[i] = new Part(new RegistrationAccumulator(areas.Count, o.Kind, o.From, o.To), new CodeInterner(), new CodeInterner());
            ScanRange(handle, bounds[i], bounds[i + 1], areas, o, extractDay, bloom, parts[i], stop);
        });

        return Combine(handle, length, bodyStart, parts, areas, o, stop.IsCancellationRequested);
    }

    sealed record Part(RegistrationAccumulator Counts, CodeInterner Ethnic, CodeInterner Language)
    {
        public long Rows;
        public long Accepted;
        public readonly Dictionary<RejectReason, long> Rejected = [];
        public readonly List<RowError> Errors = [];
        public readonly HashSet<ulong> Candidates = [];
    }

    static ScanResult Combine(SafeFileHandle handle, long length, long bodyStart, Part[] parts, AreaIndex areas, ScanOptions o, bool stopped)
    {
        var first = parts[0];
        var result = new ScanResult { Counts = first.Counts, Ethnic = first.Ethnic, Language = first.Language, Stopped = stopped };
        var candidates = new HashSet<ulong>();
        foreach (var p in parts)
        {
            result.RowsRead += p.Rows;
            result.RowsAccepted += p.Accepted;
            foreach (var (reason, n) in p.Rejected) result.Rejected[reason] = result.Rejected.GetValueOrDefault(reason) + n;
            result.Errors.AddRange(p.Errors);
            candidates.UnionWith(p.Candidates);
            if (p != first) first.Counts.Merge(p.Counts, p.Ethnic.MapInto(first.Ethnic), p.Language.MapInto(first.Language));
        }
        if (candidates.Count > 0 && !stopped) ConfirmDuplicates(handle, bodyStart, length, candidates, areas, o, result);
        NumberLines(handle, result.Errors);
        result.Errors.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        if (!o.SkipBadRows && result.Errors.Count > o.MaxErrors) result.Errors.RemoveRange(o.MaxErrors, result.Errors.Count - o.MaxErrors);
        return result;
    }

    /// <summary>
    /// The second pass: re-reads only the identity of each good row, and for hashes the filter flagged,
    /// compares the exact patient_id and registered_on. A true duplicate is rejected with the line it repeats;
    /// with --skip-bad-rows its counts are taken back out.
    /// </summary>
    static void ConfirmDuplicates(SafeFileHandle handle, long bodyStart, long length, HashSet<ulong> candidates, AreaIndex areas, ScanOptions o, ScanResult result)
    {
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        var row = new GpRow();
        var extractDay = o.ExtractDate.DayNumber;
        var duplicates = new List<(long Offset, long FirstOffset, string Pid, string Line)>();
        ForEachLine(handle, bodyStart, length, (line, offset) =>
        {
            if (GpFormat.Parse(line, areas, result.Ethnic, result.Language, extractDay, ref row, out var pid) is not null) return;
            var hash = BlockedBloom.SpellHash(pid, row.RegDayNumber);
            if (!candidates.Contains(hash)) return;
            var key = Encoding.UTF8.GetString(pid) + "\u0001" + row.RegYear * 10000 + row.RegMonth * 100 + row.RegDay;
            if (!firstSeen.TryAdd(key, offset))
            {
                duplicates.Add((offset, firstSeen[key], Encoding.UTF8.GetString(pid), o.SkipBadRows ? Encoding.UTF8.GetString(line) : ""));
                if (o.SkipBadRows)
                    result.Counts.AddKeys(row.Area, Periods.Key(o.Kind, row.RegYear, row.RegMonth), row.DeregYear == 0 ? -1 : Periods.Key(o.Kind, row.DeregYear, row.DeregMonth),
                        row.BirthYear, row.Sex, row.Ethnic, row.Language, row.Abroad, weight: -1);
            }
        });
        foreach (var d in duplicates)
        {
            result.RowsAccepted--;
            result.Rejected[RejectReason.DuplicateSpell] = result.Rejected.GetValueOrDefault(RejectReason.DuplicateSpell) + 1;
            if (o.SkipBadRows || result.Errors.Count < o.MaxErrors * 2)
                result.Errors.Add(new RowError(d.Offset, RejectReason.DuplicateSpell, d.Pid, d.Line) { DuplicateOfLine = d.FirstOffset });
        }
    }

    /// <summary>Turns byte offsets into 1-based line numbers (and the offsets of repeated lines too) in one pass.</summary>
    static void NumberLines(SafeFileHandle handle, List<RowError> errors)
    {
        if (errors.Count == 0) return;
        var wanted = errors.Select(e => e.Offset).Concat(errors.Where(e => e.DuplicateOfLine is not null).Select(e => e.DuplicateOfLine!.Value)).Distinct().Order().ToList();
        var lines = new Dictionary<long, long>();
        var buffer = new byte[BufferSize];
        long pos = 0, newlines = 0;
        var w = 0;
        while (w < wanted.Count)
        {
            var n = RandomAccess.Read(handle, buffer, pos);
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

    static void ForEachLine(SafeFileHandle handle, long from, long to, Action<ReadOnlySpan<byte>, long> action)
    {
        var buffer = new byte[BufferSize + GpFormat.MaxLine + 2];
        var carry = 0;
        var pos = from;
        while (true)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(carry, (int)Math.Min(BufferSize, to - pos)), pos);
            var chunkStart = pos - carry;
            pos += n;
            var data = buffer.AsSpan(0, carry + n);
            var atEnd = pos >= to || n == 0;
            var offset = 0;
            while (offset < data.Length)
            {
                var rest = data[offset..];
                var nl = rest.IndexOf((byte)'\n');
                if (nl < 0 && !atEnd) break;
                var line = (nl < 0 ? rest : rest[..nl]).TrimEnd((byte)'\r');
                var lineOffset = chunkStart + offset;
                offset += nl < 0 ? rest.Length : nl + 1;
                if (!line.IsEmpty && line.Length <= GpFormat.MaxLine) action(line, lineOffset);
            }
            carry = data.Length - offset;
            if (carry > GpFormat.MaxLine) carry = 0; // an over-long line was already rejected in the first pass
            else if (carry > 0) data[offset..].CopyTo(buffer);
            if (atEnd) break;
        }
    }

    /// <summary>Checks the header line and returns the offset of the first data line.</summary>
    static long CheckHeader(SafeFileHandle handle, long length, string name)
    {
        var buffer = new byte[(int)Math.Min(length, 8192)];
        var read = RandomAccess.Read(handle, buffer, 0);
        var span = buffer.AsSpan(0, read);
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var nl = span.IndexOf((byte)'\n');
        if (nl < 0 && read < length) throw Imports.ImportFailedException.One(name, 1, null, null, "the header line is too long");
        var end = nl < 0 ? read : nl;
        var header = span[start..end].TrimEnd((byte)'\r');
        if (!header.SequenceEqual(Encoding.ASCII.GetBytes(GpFormat.Header)))
            throw Imports.ImportFailedException.One(name, 1, null, Encoding.UTF8.GetString(header), $"wrong header: expected {GpFormat.Header}");
        if (nl < 0) throw Imports.ImportFailedException.One(name, null, null, null, "the file has a header but no rows");
        return nl + 1;
    }

    /// <summary>Range boundaries at line starts, one range per thread (fewer for small files).</summary>
    static List<long> Split(SafeFileHandle handle, long start, long length, int parts)
    {
        var bounds = new List<long> { start };
        var step = Math.Max(1 << 20, (length - start) / parts);
        var probe = new byte[64 * 1024];
        for (var i = 1; i < parts; i++)
        {
            var at = Math.Max(start + i * step, bounds[^1]);
            if (at >= length) break;
            long next = -1;
            for (var pos = at; pos < length && next < 0; pos += probe.Length)
            {
                var n = RandomAccess.Read(handle, probe, pos);
                var nl = probe.AsSpan(0, n).IndexOf((byte)'\n');
                if (nl >= 0) next = pos + nl + 1;
                if (n == 0) break;
            }
            if (next < 0 || next >= length) break;
            if (next > bounds[^1]) bounds.Add(next);
        }
        bounds.Add(length);
        return bounds;
    }

    static void ScanRange(SafeFileHandle handle, long from, long to, AreaIndex areas, ScanOptions o, int extractDay, BlockedBloom bloom, Part part, CancellationTokenSource stop)
    {
        var buffer = new byte[BufferSize + GpFormat.MaxLine + 2];
        var carry = 0;
        var pos = from;
        var row = new GpRow();
        var batch = new RowBatch(areas.Count);
        try
        {
            ScanLines(handle, from, to, areas, o, extractDay, bloom, part, stop, buffer, ref carry, ref pos, ref row, batch);
        }
        finally
        {
            batch.Flush(part.Counts);
        }
    }

    static void ScanLines(SafeFileHandle handle, long from, long to, AreaIndex areas, ScanOptions o, int extractDay, BlockedBloom bloom, Part part, CancellationTokenSource stop,
        byte[] buffer, ref int carry, ref long pos, ref GpRow row, RowBatch batch)
    {
        while (pos < to || carry > 0)
        {
            if (stop.IsCancellationRequested) return;
            var want = (int)Math.Min(BufferSize, to - pos);
            var n = want > 0 ? RandomAccess.Read(handle, buffer.AsSpan(carry, want), pos) : 0;
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
                    if (rest.Length > GpFormat.MaxLine)
                    {
                        // An absurdly long line: reject it and skip to its end without holding it.
                        Reject(part, o, chunkStart + offset, RejectReason.LineTooLong, "", "", stop);
                        offset = data.Length;
                        carry = 0;
                        SkipToLineEnd(handle, ref pos, to);
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
                {
                    Reject(part, o, lineOffset, RejectReason.NotUtf8, "", o.SkipBadRows ? Encoding.UTF8.GetString(line) : "", stop);
                    continue;
                }
                if (GpFormat.Parse(line, areas, part.Ethnic, part.Language, extractDay, ref row, out var pid) is { } bad)
                {
                    var value = bad.Reason == RejectReason.FieldCount || bad.Reason == RejectReason.LineTooLong ? "" : Encoding.UTF8.GetString(line[bad.Field]);
                    Reject(part, o, lineOffset, bad.Reason, value, o.SkipBadRows ? Encoding.UTF8.GetString(line) : "", stop);
                    continue;
                }
                var hash = BlockedBloom.SpellHash(pid, row.RegDayNumber);
                if (bloom.AddAndCheck(hash)) part.Candidates.Add(hash);
                part.Accepted++;
                batch.Add(row, o.Kind);
                if (batch.IsFull) batch.Flush(part.Counts);
            }
            carry = data.Length - offset;
            if (carry > 0) data[offset..].CopyTo(buffer);
            if (atEnd && carry > 0 && n == 0) break;
            next:;
        }
    }

    static void SkipToLineEnd(SafeFileHandle handle, ref long pos, long to)
    {
        var probe = new byte[64 * 1024];
        while (pos < to)
        {
            var n = RandomAccess.Read(handle, probe.AsSpan(0, (int)Math.Min(probe.Length, to - pos)), pos);
            if (n == 0) return;
            var nl = probe.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0) { pos += nl + 1; return; }
            pos += n;
        }
    }

    static void Reject(Part part, ScanOptions o, long offset, RejectReason reason, string value, string line, CancellationTokenSource stop)
    {
        part.Rejected[reason] = part.Rejected.GetValueOrDefault(reason) + 1;
        if (o.SkipBadRows || part.Errors.Count < o.MaxErrors) part.Errors.Add(new RowError(offset, reason, value, line));
        // Rejecting the whole file: past the limit there is nothing more worth reading.
        if (!o.SkipBadRows && part.Errors.Count >= o.MaxErrors) stop.Cancel();
    }
}

using System.Text;
using Cohesion.Analytics.Change;

namespace Cohesion.Change.Extract;

public sealed record ScanOptions(PeriodKind Kind, DateOnly From, DateOnly To, DateOnly ExtractDate, bool SkipBadRows, int MaxErrors = 50, int Threads = 0, int BloomLog2Words = 23);

public sealed class ScanResult : ExtractScanResult
{
    public required RegistrationAccumulator Counts { get; init; }
}

/// <summary>
/// Streams a GP registration extract into a <see cref="RegistrationAccumulator"/>, in parallel over byte
/// ranges that start and end on line breaks, keeping no record. Duplicate spells (same patient_id and
/// registered_on) are found with a fixed-size <see cref="BlockedBloom"/> filter and confirmed by a second
/// pass that looks only at the candidates, so memory does not grow with the file.
/// </summary>
public static class GpScanner
{
    public static ScanResult Scan(string path, AreaIndex areas, ScanOptions o, CancellationToken ct = default)
    {
        using var reader = ExtractReader.Open(path, GpFormat.Header, GpFormat.MaxLine);
        using var bloom = new BlockedBloom(o.BloomLog2Words);
        var extractDay = o.ExtractDate.DayNumber;
        var (parts, stopped) = reader.ReadParallel(o.Threads, () => new Part(new RegistrationAccumulator(areas.Count, o.Kind, o.From, o.To), o, bloom),
            (from, to, part, stop) =>
            {
                var lines = new Lines(part, areas, o.Kind, extractDay, stop);
                try { reader.ScanLines(from, to, part, ref lines, stop); }
                finally
                {
                    part.Bloom.Drain();
                    lines.Batch.Flush(part.Counts);
                }
            }, ct);

        var first = parts[0];
        var result = new ScanResult { Counts = first.Counts, Ethnic = first.Ethnic, Language = first.Language, Stopped = stopped };
        ExtractReader.Collect(result, parts);
        foreach (var p in parts.Skip(1)) first.Counts.Merge(p.Counts, p.Ethnic.MapInto(first.Ethnic), p.Language.MapInto(first.Language));
        var candidates = parts.SelectMany(p => p.Candidates).ToHashSet();
        if (candidates.Count > 0 && !stopped) ConfirmDuplicates(reader, candidates, areas, o, result);
        reader.FinishErrors(result, o.SkipBadRows, o.MaxErrors);
        return result;
    }

    sealed class Part : ScanPart
    {
        public Part(RegistrationAccumulator counts, ScanOptions o, BlockedBloom bloom) : base(o.SkipBadRows, o.MaxErrors)
        {
            Counts = counts;
            Bloom = new BloomWriter(bloom, Candidates);
        }

        public readonly RegistrationAccumulator Counts;
        public readonly HashSet<ulong> Candidates = [];
        public readonly BloomWriter Bloom;
    }

    struct Lines(Part part, AreaIndex areas, PeriodKind kind, int extractDay, CancellationTokenSource stop) : ILineHandler
    {
        public readonly RowBatch Batch = new(areas.Count);
        GpRow _row;

        public void Line(ReadOnlySpan<byte> line, long offset)
        {
            if (GpFormat.Parse(line, areas, part.Ethnic, part.Language, extractDay, ref _row, out var pid) is { } bad)
            {
                part.Reject(line, offset, bad.Reason, bad.Field, stop);
                return;
            }
            part.Bloom.Add(BlockedBloom.SpellHash(pid, _row.RegDayNumber));
            part.Accepted++;
            Batch.Add(_row, kind);
            if (Batch.IsFull) Batch.Flush(part.Counts);
        }
    }

    /// <summary>
    /// The second pass: hashes only the patient_id and registered_on of each line and skips it unless the filter
    /// flagged that hash (most lines are turned away by a 4,096-bit sketch of the flagged hashes before any
    /// hash-set lookup); flagged lines are parsed in full and compared on the exact patient_id and registered_on.
    /// A true duplicate is rejected with the line it repeats; with --skip-bad-rows its counts are taken back out.
    /// </summary>
    static void ConfirmDuplicates(ExtractReader reader, HashSet<ulong> candidates, AreaIndex areas, ScanOptions o, ScanResult result)
    {
        var row = new GpRow();
        var extractDay = o.ExtractDate.DayNumber;
        var sketch = new ulong[64];
        foreach (var h in candidates) sketch[(int)(h >> 58)] |= 1UL << (int)h;
        reader.FindRepeats(line =>
            {
                var c1 = line.IndexOf((byte)',');
                if (c1 <= 0 || c1 > GpFormat.MaxPatientId) return null;
                var c2 = line[(c1 + 1)..].IndexOf((byte)',') + c1 + 1;
                if (c2 <= c1 || c2 + 11 >= line.Length || line[c2 + 11] != ',') return null;
                if (!GpFormat.Date(line.Slice(c2 + 1, 10), out var y, out var m, out var d)) return null;
                var hash = BlockedBloom.SpellHash(line[..c1], GpFormat.DayNumber(y, m, d));
                if ((sketch[(int)(hash >> 58)] & 1UL << (int)hash) == 0) return null;
                if (GpFormat.Parse(line, areas, result.Ethnic, result.Language, extractDay, ref row, out var pid) is not null) return null;
                if (!candidates.Contains(BlockedBloom.SpellHash(pid, row.RegDayNumber))) return null;
                return Encoding.UTF8.GetString(pid) + "\u0001" + row.RegDayNumber;
            },
            (line, offset, firstOffset) =>
            {
                GpFormat.Parse(line, areas, result.Ethnic, result.Language, extractDay, ref row, out var pid);
                result.AddRepeat(offset, firstOffset, RejectReason.DuplicateSpell, Encoding.UTF8.GetString(pid), o.SkipBadRows ? Encoding.UTF8.GetString(line) : "", o.SkipBadRows, o.MaxErrors);
                if (o.SkipBadRows)
                    result.Counts.AddKeys(row.Area, Periods.Key(o.Kind, row.RegYear, row.RegMonth), row.DeregYear == 0 ? -1 : Periods.Key(o.Kind, row.DeregYear, row.DeregMonth),
                        row.BirthYear, row.Sex, row.Ethnic, row.Language, row.Abroad, weight: -1);
            });
    }
}

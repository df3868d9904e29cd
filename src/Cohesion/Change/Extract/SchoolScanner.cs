using System.Text;
using Cohesion.Analytics.Change;

namespace Cohesion.Change.Extract;

public sealed record SchoolScanOptions(PeriodKind Kind, DateOnly From, DateOnly To, DateOnly ExtractDate, bool SkipBadRows, int MaxErrors = 50, int Threads = 0);

public sealed class SchoolScanResult : ExtractScanResult
{
    public required SchoolAccumulator Counts { get; init; }
}

/// <summary>
/// Reads a school census extract into a <see cref="SchoolAccumulator"/>, in parallel over byte ranges that
/// start and end on line breaks. Each good row becomes a 28-byte record keyed by a 128-bit hash of pupil_id
/// (<see cref="SchoolFormat.PupilKey"/>), never the identifier, because a pupil's censuses must be linked
/// wherever they are in the file. A (pupil, census) the records hold twice is confirmed by a second pass that
/// compares the exact pupil_id and names the line it repeats; with --skip-bad-rows the repeat is taken back out.
/// </summary>
public static class SchoolScanner
{
    public static SchoolScanResult Scan(string path, AreaIndex areas, SchoolScanOptions o, CancellationToken ct = default)
    {
        using var reader = ExtractReader.Open(path, SchoolFormat.Header, SchoolFormat.MaxLine);
        var extractDay = o.ExtractDate.DayNumber;
        var (parts, stopped) = reader.ReadParallel(o.Threads, () => new Part(new SchoolAccumulator(areas.Count, o.Kind, o.From, o.To), o),
            (from, to, part, stop) =>
            {
                var lines = new Lines(part, areas, extractDay, stop);
                reader.ScanLines(from, to, part, ref lines, stop);
            }, ct);

        var first = parts[0];
        var result = new SchoolScanResult { Counts = first.Counts, Ethnic = first.Ethnic, Language = first.Language, Stopped = stopped };
        ExtractReader.Collect(result, parts);
        foreach (var p in parts.Skip(1)) first.Counts.Merge(p.Counts, p.Ethnic.MapInto(first.Ethnic), p.Language.MapInto(first.Language));
        if (!stopped) ConfirmDuplicates(reader, areas, o, result);
        reader.FinishErrors(result, o.SkipBadRows, o.MaxErrors);
        return result;
    }

    sealed class Part(SchoolAccumulator counts, SchoolScanOptions o) : ScanPart(o.SkipBadRows, o.MaxErrors)
    {
        public readonly SchoolAccumulator Counts = counts;
    }

    struct Lines(Part part, AreaIndex areas, int extractDay, CancellationTokenSource stop) : ILineHandler
    {
        SchoolRow _row;

        public void Line(ReadOnlySpan<byte> line, long offset)
        {
            if (SchoolFormat.Parse(line, areas, part.Ethnic, part.Language, extractDay, ref _row, out var pid) is { } bad)
            {
                part.Reject(line, offset, bad.Reason, bad.Field, stop);
                return;
            }
            part.Accepted++;
            part.Counts.Add(SchoolFormat.PupilKey(pid), _row.CensusDay, _row.Area, _row.YearGroup, _row.Sex, _row.Ethnic, _row.Language, _row.Eal);
        }
    }

    /// <summary>
    /// The (pupil, census) pairs the records hold twice are the candidates; the second pass re-reads the rows,
    /// and among the candidates' rows compares the exact pupil_id and census_date. A repeat is rejected with the
    /// line it repeats; with --skip-bad-rows its record is taken back out, so the first row stands.
    /// </summary>
    static void ConfirmDuplicates(ExtractReader reader, AreaIndex areas, SchoolScanOptions o, SchoolScanResult result)
    {
        var candidates = result.Counts.Duplicates().Select(d => (d.Pupil, d.Census.DayNumber)).ToHashSet();
        if (candidates.Count == 0) return;
        var row = new SchoolRow();
        var extractDay = o.ExtractDate.DayNumber;
        reader.FindRepeats(line =>
            {
                if (SchoolFormat.Parse(line, areas, result.Ethnic, result.Language, extractDay, ref row, out var pid) is not null) return null;
                if (!candidates.Contains((SchoolFormat.PupilKey(pid), row.CensusDay))) return null;
                return Encoding.UTF8.GetString(pid) + "\u0001" + row.CensusDay;
            },
            (line, offset, firstOffset) =>
            {
                SchoolFormat.Parse(line, areas, result.Ethnic, result.Language, extractDay, ref row, out var pid);
                result.AddRepeat(offset, firstOffset, RejectReason.DuplicatePupilCensus, Encoding.UTF8.GetString(pid), o.SkipBadRows ? Encoding.UTF8.GetString(line) : "", o.SkipBadRows, o.MaxErrors);
                if (o.SkipBadRows) result.Counts.Remove(SchoolFormat.PupilKey(pid), row.CensusDay, row.Area, row.YearGroup, row.Sex, row.Ethnic, row.Language, row.Eal);
            });
    }
}

using System.Buffers.Text;
using Cohesion.Imports;

namespace Cohesion.Tensions.Detection;

/// <summary>
/// Weekly counts of many series on one time axis, read from a long CSV (one row per series and time). Times a series
/// has no row for are zero counts (tables of events usually leave out the weeks with none); an empty count cell is a
/// missing count, left out of the models as R does with NA.
/// </summary>
/// <param name="Start">The axis' first time index; series values are indexed from it.</param>
public sealed record CountSeries(TimeAxis Axis, long Start, int Length, IReadOnlyList<string> Names, IReadOnlyList<double[]> Values)
{
    /// <summary>Counts bigger than this are typing or join slips, not weekly incident counts.</summary>
    public const double MaxCount = 1e9;
    /// <summary>Times the axis may span: 100 years of weeks.</summary>
    public const int MaxLength = 5_200;

    /// <summary>Reads and checks the file; every problem names the file, line, column and value, and nothing is returned if any.</summary>
    public static CountSeries Read(string path, string seriesColumn, string timeColumn, string countColumn)
    {
        using var csv = CsvRecordReader.Open(path);
        var errors = new ImportErrors(csv.FileName);
        int Column(string name, string option)
        {
            var i = csv.ColumnIndex(name);
            if (i < 0) errors.Add(1, name, null, $"{option} names the column '{name}', which the header does not have (it has {string.Join(", ", csv.Header)})");
            return i;
        }
        int si = Column(seriesColumn, "--series"), ti = Column(timeColumn, "--time"), ci = Column(countColumn, "--count");
        errors.ThrowIfAny();
        TimeAxis? axis = null;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(int Series, long Time, double Count, long Line)>();
        var lineOf = new Dictionary<(int, long), long>();
        while (csv.Read())
        {
            if (csv.FieldCount <= Math.Max(si, Math.Max(ti, ci)))
            {
                errors.Add(csv.Line, null, null, $"the row has {csv.FieldCount} fields; the header has {csv.Header.Length}");
                continue;
            }
            var name = csv.Text(si).Trim();
            if (name.Length is 0 or > 200) { errors.Add(csv.Line, seriesColumn, name, "a series name is needed (1 to 200 characters)"); continue; }
            var timeText = csv.Text(ti);
            axis ??= TimeAxis.Detect(timeText);
            if (axis is null || axis.Parse(timeText) is not { } time)
            {
                errors.Add(csv.Line, timeColumn, timeText, axis is null
                    ? "times must be consecutive integers or ISO weeks such as 2025-W07"
                    : $"not a time in this file's format ({axis.Describe}, from its first row)");
                continue;
            }
            double count;
            var field = csv.Field(ci);
            if (field.Trim((byte)' ').IsEmpty) count = double.NaN;
            else if (!Utf8Parser.TryParse(field.Trim((byte)' '), out long whole, out var used) || used != field.Trim((byte)' ').Length || whole < 0 || whole > MaxCount)
            {
                errors.Add(csv.Line, countColumn, csv.Text(ci), "a count must be a whole number of 0 or more (empty for a missing count)");
                continue;
            }
            else count = whole;
            if (!index.TryGetValue(name, out var s)) index[name] = s = index.Count;
            if (lineOf.TryGetValue((s, time), out var earlier))
            {
                errors.Add(csv.Line, timeColumn, timeText, $"series '{name}' already has a count for this time (line {earlier})");
                continue;
            }
            lineOf[(s, time)] = csv.Line;
            rows.Add((s, time, count, csv.Line));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(null, null, null, "the file has no rows after its header");
        errors.ThrowIfAny();
        var start = rows.Min(r => r.Time);
        var end = rows.Max(r => r.Time);
        if (end - start + 1 > MaxLength)
            throw ImportFailedException.One(csv.FileName, null, timeColumn, $"{axis!.Format(start)} to {axis.Format(end)}", $"the times span {end - start + 1:N0} weeks; at most {MaxLength:N0} are allowed");
        var length = (int)(end - start + 1);
        var values = Enumerable.Range(0, index.Count).Select(_ => new double[length]).ToList();
        var names = index.OrderBy(p => p.Value).Select(p => p.Key).ToList();
        foreach (var (s, time, count, _) in rows) values[s][(int)(time - start)] = count;
        return new CountSeries(axis!, start, length, names, values);
    }
}

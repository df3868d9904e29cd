using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using Cohesion.Imports;

namespace Cohesion.Segregation;

/// <summary>
/// The units of one <c>--by</c> value with their counts: the listed groups, then (with <c>--total</c>) the people in
/// the total outside them, then (with a <c>--reference</c> group not among the listed ones) that group.
/// Counts are held group by group, as <see cref="Analytics.Segregation.GroupCounts"/> wants them.
/// </summary>
public sealed record UnitSet(string By, IReadOnlyList<string> Units, int Columns, double[] ByColumn)
{
    /// <summary>Column c's count for each unit.</summary>
    public ReadOnlySpan<double> Column(int c) => ByColumn.AsSpan(c * Units.Count, Units.Count);
}

/// <summary>What to read from the count table: the column names as given on the command line.</summary>
public sealed record CountTableLayout(string Unit, string? By, IReadOnlyList<string> Groups, string? Total, string? Reference)
{
    /// <summary>The column of the reference group among the columns read, if it is not one of the groups.</summary>
    public bool ReferenceIsExtra => Reference is not null && !Groups.Contains(Reference, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads any CSV count table (quoted fields allowed; UTF-8) into unit sets: one per value of the <c>--by</c> column
/// (the whole file when there is none), in order of first appearance. Rows with the same unit under the same by
/// value are summed, so <c>--unit MSOA</c> on an LSOA file gives MSOAs. A unit may appear under several by values
/// (the same areas in two years, say): it is a unit of each. Every problem is collected, with file, line, column
/// and value, and the file is rejected whole.
/// </summary>
public static class CountTableReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<UnitSet> Read(string path, CountTableLayout layout)
    {
        using var csv = CsvRecordReader.Open(path);
        var file = csv.FileName;
        int Column(string name, string option)
        {
            var i = csv.ColumnIndex(name);
            if (i < 0) throw ImportFailedException.One(file, 1, name, null, $"{option} names a column the header does not have (columns: {string.Join(", ", csv.Header)})");
            return i;
        }
        var unit = Column(layout.Unit, "--unit");
        var by = layout.By is null ? -1 : Column(layout.By, "--by");
        var groups = layout.Groups.Select(g => Column(g, "--groups")).ToList();
        var total = layout.Total is null ? -1 : Column(layout.Total, "--total");
        var extra = layout.ReferenceIsExtra ? Column(layout.Reference!, "--reference") : -1;
        var used = new[] { unit, by, total }.Where(c => c >= 0).Concat(groups).ToList();
        var twice = used.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null || (extra >= 0 && used.Contains(extra)))
            throw ImportFailedException.One(file, 1, csv.Header[twice?.Key ?? extra], null, "the same column is named twice among --unit, --by, --groups, --total and --reference");

        // Counts per unit: the groups, then the rest of the total, then an extra reference group.
        var k = groups.Count;
        var columns = k + (total >= 0 ? 1 : 0) + (extra >= 0 ? 1 : 0);
        var numeric = groups.Concat(total >= 0 ? [total] : []).Concat(extra >= 0 ? [extra] : []).ToArray();
        var sets = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<Builder>();
        var errors = new ImportErrors(file);
        var values = new double[numeric.Length];
        var width = csv.Header.Length;
        long rows = 0;
        while (csv.Read())
        {
            rows++;
            var line = csv.Line;
            if (csv.FieldCount != width)
            {
                errors.Add(line, null, null, $"expected {width} comma-separated fields, found {csv.FieldCount}");
                continue;
            }
            var ok = true;
            for (var c = 0; c < numeric.Length; c++)
            {
                var text = Trim(csv.Field(numeric[c]));
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    errors.Add(line, csv.Header[numeric[c]], Encoding.UTF8.GetString(text), "a count must be a number");
                    ok = false;
                }
                else if (v < 0)
                {
                    errors.Add(line, csv.Header[numeric[c]], Encoding.UTF8.GetString(text), "a count cannot be negative");
                    ok = false;
                }
                values[c] = v;
            }
            var unitCode = csv.Text(unit).Trim();
            if (unitCode.Length == 0)
            {
                errors.Add(line, csv.Header[unit], "", "the unit is empty");
                ok = false;
            }
            var byValue = by >= 0 ? csv.Text(by).Trim() : "";
            if (by >= 0 && byValue.Length == 0)
            {
                errors.Add(line, csv.Header[by], "", "the --by value is empty");
                ok = false;
            }
            if (!ok) continue;
            if (total >= 0)
            {
                var sum = 0.0;
                for (var c = 0; c < k; c++) sum += values[c];
                var rest = values[k] - sum;
                // Counts in a file are usually whole; the allowance is for decimals that do not add up exactly.
                if (rest < -1e-9 * Math.Max(1, values[k]))
                {
                    errors.Add(line, csv.Header[total], csv.Text(total).Trim(), $"the total is less than the sum of the groups ({sum.ToString(CultureInfo.InvariantCulture)})");
                    continue;
                }
                values[k] = Math.Max(0, rest);
            }
            if (!sets.TryGetValue(byValue, out var set))
            {
                set = new Builder(byValue, columns);
                sets.Add(byValue, set);
                order.Add(set);
            }
            set.Add(unitCode, values);
        }
        if (rows == 0) errors.Add(null, null, null, "the file has a header but no rows");
        errors.ThrowIfAny();
        return order.Select(b => b.Build()).ToList();
    }

    static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim((byte)' ').Trim((byte)'\t');

    /// <summary>One set's units in order of first appearance, with running sums per unit.</summary>
    sealed class Builder(string by, int columns)
    {
        readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        readonly List<string> _units = [];
        readonly List<double> _rows = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(string unit, double[] values)
        {
            if (!_index.TryGetValue(unit, out var i))
            {
                i = _units.Count;
                _index.Add(unit, i);
                _units.Add(unit);
                for (var c = 0; c < columns; c++) _rows.Add(0);
            }
            for (var c = 0; c < columns; c++) _rows[i * columns + c] += values[c];
        }

        public UnitSet Build()
        {
            var n = _units.Count;
            var data = new double[n * columns];
            for (var i = 0; i < n; i++)
                for (var c = 0; c < columns; c++) data[c * n + i] = _rows[i * columns + c];
            return new UnitSet(by, _units, columns, data);
        }
    }
}

using System.Globalization;
using Cohesion.Imports;

namespace Cohesion.Surveys;

/// <summary>
/// The columns of a respondent file that an estimate needs, read once (CSV with a header, UTF-8), each value kept
/// with its line so every error names file, line, column and value. "NA" and empty cells are missing.
/// </summary>
public sealed class SurveyTable
{
    readonly Dictionary<string, string[]> _columns;
    readonly long[] _lines;
    public string File { get; }
    public int Rows => _lines.Length;

    SurveyTable(string file, Dictionary<string, string[]> columns, long[] lines) { File = file; _columns = columns; _lines = lines; }

    /// <summary>Reads the named columns (each must be in the header) of every row.</summary>
    public static SurveyTable Read(string path, IReadOnlyCollection<string> columns)
    {
        // The span-based reader, not CsvHelper: on 200,000 responses CsvHelper took most of the command's time.
        using var csv = CsvRecordReader.Open(path);
        var index = new Dictionary<string, int>();
        foreach (var c in columns.Distinct())
        {
            var i = Array.IndexOf(csv.Header, c);
            if (i < 0) i = csv.ColumnIndex(c);
            if (i < 0) throw ImportFailedException.One(csv.FileName, 1, c, null, $"no column '{c}' in the header (it has: {string.Join(", ", csv.Header)})");
            index[c] = i;
        }
        var values = index.Keys.ToDictionary(c => c, _ => new List<string>());
        var lines = new List<long>();
        var errors = new ImportErrors(csv.FileName);
        while (csv.Read())
        {
            if (csv.FieldCount != csv.Header.Length)
            {
                errors.Add(csv.Line, null, null, $"expected {csv.Header.Length} comma-separated fields, found {csv.FieldCount}");
                continue;
            }
            foreach (var (c, i) in index) values[c].Add(csv.Text(i).Trim());
            lines.Add(csv.Line);
        }
        errors.ThrowIfAny();
        if (lines.Count == 0) throw ImportFailedException.One(csv.FileName, null, null, null, "the file has a header but no rows");
        return new SurveyTable(csv.FileName, values.ToDictionary(p => p.Key, p => p.Value.ToArray()), [.. lines]);
    }

    public static bool IsMissing(string value) => value.Length == 0 || value == "NA";

    public string[] Text(string column) => _columns[column];

    public long Line(int row) => _lines[row];

    /// <summary>
    /// Numbers of a column; missing cells are NaN when <paramref name="missingAllowed"/>, errors otherwise, and
    /// <paramref name="check"/> (when given) says what is wrong with a number that is not acceptable.
    /// </summary>
    public double[] Numbers(string column, bool missingAllowed, Func<double, string?>? check = null)
    {
        var text = _columns[column];
        var result = new double[text.Length];
        var errors = new ImportErrors(File);
        for (var i = 0; i < text.Length; i++)
        {
            var v = text[i];
            if (IsMissing(v))
            {
                if (missingAllowed) { result[i] = double.NaN; continue; }
                errors.Add(_lines[i], column, v, $"'{column}' needs a value here (missing values are allowed only in the analysis and --by columns)");
                continue;
            }
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            {
                errors.Add(_lines[i], column, v, "not a number");
                continue;
            }
            if (check?.Invoke(x) is { } problem) errors.Add(_lines[i], column, v, problem);
            result[i] = x;
        }
        errors.ThrowIfAny();
        return result;
    }

    /// <summary>Codes of a categorical column (in order of first appearance) and their labels; missing cells are errors.</summary>
    public (int[] Codes, List<string> Labels) Codes(string column, string purpose)
    {
        var text = _columns[column];
        var codes = new int[text.Length];
        var labels = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new ImportErrors(File);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsMissing(text[i])) { errors.Add(_lines[i], column, text[i], $"'{column}' ({purpose}) needs a value on every row"); continue; }
            if (!index.TryGetValue(text[i], out var c)) { index[text[i]] = c = labels.Count; labels.Add(text[i]); }
            codes[i] = c;
        }
        errors.ThrowIfAny();
        return (codes, labels);
    }
}

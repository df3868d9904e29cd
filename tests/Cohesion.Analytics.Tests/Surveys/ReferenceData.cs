using System.Globalization;
using Cohesion.Tests.Shared;

namespace Cohesion.Analytics.Tests.Surveys;

/// <summary>
/// The R survey package's API samples from the shared reference folder beside the repository (found as
/// <see cref="SharedFiles"/> finds it: beside the repository, else the copies in tests/reference). Fields are
/// kept as text ("NA" as R wrote it; no field holds a comma).
/// </summary>
sealed class ReferenceData
{
    readonly Dictionary<string, string[]> _columns;
    public int Rows { get; }

    ReferenceData(Dictionary<string, string[]> columns, int rows) { _columns = columns; Rows = rows; }

    public static ReferenceData Load(string name)
    {
        var lines = File.ReadAllLines(SharedFiles.Path("reference", name)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, string[]>();
        for (var c = 0; c < header.Length; c++) columns[header[c]] = [.. cells.Select(r => r[c].Trim('"'))];
        return new ReferenceData(columns, cells.Length);
    }

    public string[] Text(string column) => _columns[column];

    /// <summary>A numeric column, NaN for "NA".</summary>
    public double[] Numbers(string column) =>
        [.. _columns[column].Select(v => v == "NA" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture))];

    /// <summary>Codes of a categorical column in order of first appearance, and the names of the codes.</summary>
    public (int[] Codes, string[] Names) Codes(string column, IReadOnlyList<string>? order = null)
    {
        var names = order?.ToList() ?? _columns[column].Distinct().ToList();
        return ([.. _columns[column].Select(v => names.IndexOf(v))], [.. names]);
    }

    /// <summary>1 where the column equals the value, 0 elsewhere, NaN for "NA".</summary>
    public double[] Indicator(string column, string value) =>
        [.. _columns[column].Select(v => v == "NA" ? double.NaN : v == value ? 1.0 : 0.0)];
}

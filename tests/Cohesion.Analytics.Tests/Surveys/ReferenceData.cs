using System.Globalization;

namespace Cohesion.Analytics.Tests.Surveys;

/// <summary>
/// The R survey package's API samples from the shared reference folder, which sits beside the repository (a clone
/// lives next to <c>shared/</c>), found by walking up from the test binaries to the folder holding Cohesion.slnx.
/// Fields are kept as text ("NA" and quotes as R wrote them: no field holds a comma).
/// </summary>
sealed class ReferenceData
{
    readonly Dictionary<string, string[]> _columns;
    public int Rows { get; }

    ReferenceData(Dictionary<string, string[]> columns, int rows) { _columns = columns; Rows = rows; }

    public static ReferenceData Load(string name)
    {
        var path = Repo("..", "shared", "reference", name);
        if (!File.Exists(path)) throw new FileNotFoundException($"the shared reference file is missing: {path} (the repository must sit beside shared/)");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, string[]>();
        for (var c = 0; c < header.Length; c++) columns[header[c]] = [.. cells.Select(r => r[c].Trim('"'))];
        return new ReferenceData(columns, cells.Length);
    }

    public static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cohesion.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine([dir.FullName, .. parts]));
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

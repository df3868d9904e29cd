using System.Globalization;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>
/// Files from the shared reference folder, which sits beside the repository (a clone of it lives next to
/// <c>shared/</c>), found by walking up from the test binaries to the folder holding Cohesion.slnx.
/// </summary>
static class SharedData
{
    public static string Path(params string[] parts) => Cohesion.Tests.Shared.SharedFiles.Path(parts);

    /// <summary>A path inside the repository (the folder holding Cohesion.slnx).</summary>
    public static string Repo(params string[] parts) => Cohesion.Tests.Shared.SharedFiles.Repo(parts);

    /// <summary>A CSV of numbers with a quoted header and a quoted first column, as columns by header name.</summary>
    public static Dictionary<string, double[]> Columns(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, double[]>();
        for (var c = 1; c < header.Length; c++)
            columns[header[c]] = rows.Select(r => double.Parse(r[c].Trim('"'), CultureInfo.InvariantCulture)).ToArray();
        return columns;
    }
}

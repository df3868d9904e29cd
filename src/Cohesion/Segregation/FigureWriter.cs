using System.Globalization;
using System.Text;
using Cohesion.Analytics.Segregation;

namespace Cohesion.Segregation;

/// <summary>
/// The long CSV <c>by,index,group,reference,value,p_value,ci_low,ci_high,units,population</c>: invariant culture,
/// numbers in their shortest round-trip form, an empty field where a figure was not worked out or is undefined.
/// </summary>
public static class FigureWriter
{
    public const string Header = "by,index,group,reference,value,p_value,ci_low,ci_high,units,population";

    public static void Write(TextWriter w, IEnumerable<Figure> figures)
    {
        w.Write(Header);
        w.Write('\n');
        var line = new StringBuilder(160);
        foreach (var f in figures)
        {
            line.Clear();
            line.Append(Quote(f.By)).Append(',').Append(IndexCatalogue.Get(f.Index).Name).Append(',')
                .Append(Quote(f.Group)).Append(',').Append(Quote(f.Reference)).Append(',')
                .Append(Number(f.Value)).Append(',')
                .Append(Number(f.Inference?.PValue)).Append(',')
                .Append(Number(f.Inference?.Low)).Append(',')
                .Append(Number(f.Inference?.High)).Append(',')
                .Append(f.Units.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(f.Population)).Append('\n');
            w.Write(line);
        }
    }

    /// <summary>Shortest text that reads back as the same double ("R"); empty for NaN or nothing.</summary>
    public static string Number(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

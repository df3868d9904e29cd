using System.Globalization;
using System.Text;
using Cohesion.Analytics.Surveillance;

namespace Cohesion.Tensions.Detection;

/// <summary>Writes <c>series,time,observed,expected,upper,alarm,score,note</c>: empty where a value does not exist, alarm as TRUE/FALSE as R writes it.</summary>
public static class DetectOutput
{
    public const string Header = "series,time,observed,expected,upper,alarm,score,note";

    public static void Write(string path, CountSeries data, IReadOnlyList<IReadOnlyList<DetectionPoint>> results)
    {
        var temp = path + ".part";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(Header);
            writer.Write('\n');
            for (var s = 0; s < results.Count; s++)
            {
                var name = Quote(data.Names[s]);
                foreach (var p in results[s])
                {
                    writer.Write(name); writer.Write(',');
                    writer.Write(data.Axis.Format(data.Start + p.Time - 1)); writer.Write(',');
                    writer.Write(Number(p.Observed)); writer.Write(',');
                    writer.Write(Number(p.Expected)); writer.Write(',');
                    writer.Write(Number(p.Upper)); writer.Write(',');
                    writer.Write(p.Alarm ? "TRUE" : "FALSE"); writer.Write(',');
                    writer.Write(Number(p.Score)); writer.Write(',');
                    if (p.Note is { } note) writer.Write(Quote(note));
                    writer.Write('\n');
                }
            }
        }
        // Written aside and moved into place, so a killed run never leaves a half-written file under the asked-for name.
        File.Move(temp, path, overwrite: true);
    }

    static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}

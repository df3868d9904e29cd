using System.Globalization;
using System.Text;
using Cohesion.Analytics.Surveys;

namespace Cohesion.Surveys;

/// <summary>
/// Writes estimates as <c>domain,estimate,se,ci_low,ci_high,n,suppressed,population</c>: numbers in full
/// (shortest round-trip form), suppressed rows with the estimate, interval and population left empty.
/// </summary>
public static class SurveyEstimateOutput
{
    public const string Header = "domain,estimate,se,ci_low,ci_high,n,suppressed,population";

    public static void Write(string path, IEnumerable<DomainEstimate> estimates)
    {
        // Written beside the target and moved into place, so a failed run leaves no half file.
        var tmp = path + ".tmp";
        try
        {
            using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
            {
                w.Write(Header + "\n");
                foreach (var e in estimates)
                {
                    var pop = e.Suppressed ? "" : Number(e.Population);
                    w.Write(string.Join(',', Quote(e.Domain), Number(e.Estimate), Number(e.StandardError), Number(e.Low), Number(e.High),
                        e.N.ToString(CultureInfo.InvariantCulture), e.Suppressed ? "1" : "0", pop) + "\n");
                }
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    static string Number(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

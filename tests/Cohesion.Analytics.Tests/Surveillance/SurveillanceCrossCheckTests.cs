using System.Globalization;
using Cohesion.Tests.Shared;
using Cohesion.Analytics.Tests.Surveys;

namespace Cohesion.Analytics.Tests.Surveillance;

/// <summary>
/// Every configuration of R/reference.R on salmonella.agona and on synthetic series (seasonal, with outbreaks,
/// sparse, all zeros, a late burst), every monitored week: bounds and expected counts to 1e-4 relative, the same
/// alarms, and no bound exactly where R gives none.
/// </summary>
public class SurveillanceCrossCheckTests
{
    /// <remarks>Needs R with the surveillance package (./test.sh installs it); without it the test fails, never skips.</remarks>
    [Fact]
    public void EveryBoundAndAlarmMatchesRSurveillance()
    {
        var dir = Directory.CreateTempSubdirectory("cohesion-surv-r-").FullName;
        try
        {
            var series = new Dictionary<string, double[]> { ["agona"] = AgonaReferenceTests.Agona() };
            foreach (var seed in new ulong[] { 3 })
                foreach (var (name, values) in SyntheticSeries.Make(seed)) series[name] = values;
            var input = Path.Combine(dir, "input.csv");
            File.WriteAllLines(input, ["series,observed", .. series.SelectMany(s => s.Value.Select(v => $"{s.Key},{v.ToString(CultureInfo.InvariantCulture)}"))]);
            var output = Path.Combine(dir, "r.csv");
            const int first = 270, last = 312;
            Rscript.Run(SharedFiles.Repo("tests", "Cohesion.Analytics.Tests", "Surveillance", "R", "reference.R"), input, $"{first}", $"{last}", output);
            var range = Enumerable.Range(first, last - first + 1).ToArray();
            var failures = new List<string>();
            var compared = 0;
            foreach (var group in File.ReadLines(output).Skip(1).Select(Row).GroupBy(r => (r.Config, r.Series)))
            {
                var ours = Configs.Run(group.Key.Config, series[group.Key.Series], range).ToDictionary(p => p.Time);
                foreach (var r in group)
                {
                    var o = ours[r.Time];
                    var where = $"{group.Key.Config} {group.Key.Series} week {r.Time}";
                    compared++;
                    if (o.Alarm != r.Alarm) failures.Add($"{where}: alarm R {r.Alarm}, ours {o.Alarm}");
                    Close(where, "upper", r.Upper, o.Upper, failures);
                    // R leaves the expected count at its initial 0 where no model converged (its upper is NA); ours says NaN.
                    var rExpected = double.IsNaN(r.Upper) && r.Expected == 0 ? double.NaN : r.Expected;
                    if (!group.Key.Config.StartsWith("ears")) Close(where, "expected", rExpected, o.Expected, failures);
                }
            }
            Assert.True(compared > 2500, $"only {compared} weeks compared");
            Assert.True(failures.Count == 0, $"{failures.Count} differences in {compared} weeks:\n" + string.Join("\n", failures.Take(60)));
        }
        finally { Directory.Delete(dir, true); }
    }

    static void Close(string where, string what, double r, double ours, List<string> failures)
    {
        if (double.IsNaN(r) != double.IsNaN(ours)) { failures.Add($"{where}: {what} R {r}, ours {ours}"); return; }
        if (double.IsNaN(r)) return;
        var rel = Math.Abs(ours - r) / Math.Max(Math.Abs(r), 1e-8);
        // Tiny expected counts of an all-zero baseline (≈1e-9) are IRLS round-off in both; compare them absolutely.
        if (rel > 1e-4 && Math.Abs(ours - r) > 1e-6) failures.Add($"{where}: {what} R {r:R}, ours {ours:R} ({rel:G2})");
    }

    sealed record RRow(string Config, string Series, int Time, double Expected, double Upper, bool Alarm);

    static RRow Row(string line)
    {
        var f = line.Split(',').Select(x => x.Trim('"')).ToArray();
        static double D(string s) => s is "" or "NA" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        return new RRow(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), D(f[4]), D(f[5]), f[6] == "TRUE");
    }
}

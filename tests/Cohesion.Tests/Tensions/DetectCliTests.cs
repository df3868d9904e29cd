using System.Globalization;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Tensions;

/// <summary>
/// <c>cohesion detect</c> through the real executable: R surveillance's reference values on salmonella.agona
/// (shared/reference), ISO weeks and left-out zero weeks, several series at once, and its answers to bad input.
/// </summary>
public class DetectCliTests
{
    static readonly string[] AgonaCounts = File.ReadLines(Shared.SharedFiles.Path("reference", "surveillance_salmonella_agona.csv")).Skip(1)
        .Select(l => l.Split(',')[1]).ToArray();

    static string Write(Files files, string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(files.Dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    static Task<CliResult> Detect(Files files, string input, params string[] args) =>
        CohesionExe.RunWithoutDatabaseAsync(["detect", "--input", input, "--series", "series", "--time", "week", "--count", "n",
            "--output", Path.Combine(files.Dir, "out.csv"), .. args]);

    sealed record Row(string Series, string Time, double Observed, double Expected, double Upper, bool Alarm, double Score, string Note);

    static List<Row> Output(Files files, CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.All);
        var lines = File.ReadAllLines(Path.Combine(files.Dir, "out.csv"));
        Assert.Equal("series,time,observed,expected,upper,alarm,score,note", lines[0]);
        static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        return lines.Skip(1).Select(l => l.Split(',', 8)).Select(f => new Row(f[0], f[1], D(f[2]), D(f[3]), D(f[4]), f[5] == "TRUE", D(f[6]), f[7])).ToList();
    }

    [Fact]
    public async Task NoufailyAndEarsGiveRSurveillancesReferenceValues()
    {
        using var files = new Files();
        var input = Write(files, "agona.csv", ["series,week,n", .. AgonaCounts.Select((c, i) => $"agona,{i + 1},{c}")]);
        var noufaily = Output(files, await Detect(files, input, "--method", "noufaily", "--b", "4", "--alpha", "0.1", "--thresholdMethod", "delta", "--range", "282:312"));
        Assert.Equal(31, noufaily.Count);
        double[] upper = [3.6526, 3.6922, 4.1211, 4.5488, 4.8792];
        for (var i = 0; i < 5; i++) Assert.True(Math.Abs(noufaily[i].Upper - upper[i]) < 5e-5, $"week {282 + i}: {noufaily[i].Upper}");
        Assert.Equal(["283", "284", "285", "288", "294", "295"], noufaily.Where(r => r.Alarm).Select(r => r.Time));
        var ears = Output(files, await Detect(files, input, "--method", "ears-c1", "--range", "282:312"));
        Assert.Equal(["283", "284", "294"], ears.Where(r => r.Alarm).Select(r => r.Time));
        Assert.True(Math.Abs(ears[0].Upper - 3.0503) < 5e-5);
    }

    [Fact]
    public async Task IsoWeeksWithZeroWeeksLeftOutGiveTheSameAsTheFullSeries()
    {
        using var files = new Files();
        // Week 1 is 2019-W01; the file leaves out the weeks with no cases, as tables of events do.
        string Iso(int i)
        {
            var monday = System.Globalization.ISOWeek.ToDateTime(2019, 1, DayOfWeek.Monday).AddDays(7 * i);
            return $"{ISOWeek.GetYear(monday):D4}-W{ISOWeek.GetWeekOfYear(monday):D2}";
        }
        var sparse = Write(files, "iso.csv", ["series,week,n", .. AgonaCounts.Select((c, i) => (c, i)).Where(x => x.c != "0").Select(x => $"agona,{Iso(x.i)},{x.c}"),
            .. AgonaCounts.Select((c, i) => $"Oldham all,{Iso(i)},{c}")]);
        var full = Write(files, "full.csv", ["series,week,n", .. AgonaCounts.Select((c, i) => $"agona,{i + 1},{c}")]);
        var iso = Output(files, await Detect(files, sparse, "--method", "farrington", "--b", "4", "--alpha", "0.1"));
        var plain = Output(files, await Detect(files, full, "--method", "farrington", "--b", "4", "--alpha", "0.1"));
        var agona = iso.Where(r => r.Series == "agona").ToList();
        Assert.Equal(plain.Count, agona.Count);
        Assert.Equal(plain.Select(r => (r.Upper, r.Alarm)), agona.Select(r => (r.Upper, r.Alarm)));
        Assert.Equal(Iso(211), agona[0].Time); // b 4, w 3: the first week monitored is 4 × 52 + 3 + 1 = 212 (Iso counts from 0)
        Assert.Equal(plain.Select(r => r.Upper), iso.Where(r => r.Series == "Oldham all").Select(r => r.Upper));
        Assert.Contains(agona, r => r.Note.Contains("limit54"));
    }

    static void Rejected(CliResult r, Files files, params string[] messages)
    {
        Assert.True(r.ExitCode == 2, r.All);
        foreach (var m in messages) Assert.Contains(m, r.Err);
        Assert.Contains("nothing was written", r.Err);
        Assert.False(File.Exists(Path.Combine(files.Dir, "out.csv")));
    }

    [Fact]
    public async Task BadInputIsRejectedNamingTheLineColumnValueOrParameter()
    {
        using var files = new Files();
        var bad = Write(files, "bad.csv", ["series,week,n", "a,1,3", "a,2,-1", "a,2,4", "a,x,1", "b,3,2.5", "a,1,2"]);
        Rejected(await Detect(files, bad, "--method", "ears-c1"), files,
            "bad.csv: line 3, column 'n', value '-1'", "a whole number", "line 5", "'week'", "x", "line 6", "2.5", "already has a count for this time (line 2)");
        var good = Write(files, "good.csv", ["series,week,n", .. AgonaCounts.Select((c, i) => $"agona,{i + 1},{c}")]);
        Rejected(await Detect(files, good, "--method", "noufaily", "--range", "100:312"), files, "--range '100:312'", "the first time it can monitor is 264");
        Rejected(await Detect(files, good, "--method", "ears-c2", "--b", "4"), files, "--b is for the Farrington methods");
        Rejected(await Detect(files, good, "--method", "farrington", "--alpha", "2"), files, "alpha 2");
        Rejected(await Detect(files, good, "--method", "farrington", "--limit54", "5"), files, "--limit54 '5'");
        Rejected(await CohesionExe.RunWithoutDatabaseAsync(["detect", "--input", good, "--series", "area", "--time", "week", "--count", "n", "--method", "ears-c1",
            "--output", Path.Combine(files.Dir, "out.csv")]), files, "--series names the column 'area'");
    }
}

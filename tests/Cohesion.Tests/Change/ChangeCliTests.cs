using System.Globalization;
using System.Text;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Change;

/// <summary><c>cohesion change</c> through the real executable: figures, bad input, disclosure control, parallel reading.</summary>
public class ChangeCliTests
{
    const string Header = "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code";
    static readonly string[] Common = ["--source", "gp", "--extract-date", "2023-07-01"];

    static Task<CliResult> Change(Files files, string extract, params string[] args) => ChangeRun.Extract(files, extract, Common, args);

    static Dictionary<string, (string Value, string Flag)> Figures(Files files) => ChangeRun.Figures(files);

    [Fact]
    public async Task AggregatesASmallExtractExactly()
    {
        using var files = new Files();
        var extract = $"""
            {Header}
            p1,E01005320,2023-01-15,,1980,F,Pakistani,urd,UK,P81001
            p2,E01005320,2023-02-15,2023-06-01,1990,M,WhiteBrit,eng,abroad,P81001
            p3,E01005320,2022-11-15,,2001,F,,eng,,P81002
            p4,E01005321,2023-03-01,,2015,M,Bangladeshi,ben,abroad,P81002
            """;
        var r = await Change(files, extract, "--period", "quarter", "--from", "2023-01-01", "--to", "2023-06-30");
        Assert.True(r.ExitCode == 0, r.All);
        var f = Figures(files);
        Assert.Equal("3", f["E01005320,2023-Q1,stock,all,all"].Value);      // p3 from before, p1 and p2 joined
        Assert.Equal("2", f["E01005320,2023-Q1,inflow,all,all"].Value);
        Assert.Equal("1", f["E01005320,2023-Q1,arrivals,all,all"].Value);   // p2 came from abroad
        Assert.Equal("2000.0", f["E01005320,2023-Q1,churn_per_1000,all,all"].Value); // (2 in + 0 out) / 1 registered at the start (p3)
        Assert.Equal("2", f["E01005320,2023-Q2,stock,all,all"].Value);      // p2 left in June
        Assert.Equal("1", f["E01005320,2023-Q2,outflow,all,all"].Value);
        Assert.Equal("1", f["E01005320,2023-Q2,stock,ethnic_group,not_stated"].Value);
        Assert.Equal("1", f["E01005321,2023-Q1,stock,age_band,5-15"].Value);
        Assert.Equal("2", f["E01005320,2023-Q2,stock,sex,F"].Value);
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("E01000001")); // areas without data are not listed
        Assert.Contains("exact counts", r.Err);
    }

    public static TheoryData<string, string> BadRows() => new()
    {
        { "p1,E01005320,2023-02-30,,1980,F,,eng,UK,P1", "line 2, column 'registered_on', value '2023-02-30': registered_on must be a date" },
        { "p1,E01005320,2023-09-01,,1980,F,,eng,UK,P1", "line 2, column 'registered_on', value '2023-09-01': a date is after the extract date" },
        { "p1,E01005320,2023-05-01,2023-04-01,1980,F,,eng,UK,P1", "line 2, column 'deregistered_on', value '2023-04-01': deregistered before registered" },
        { "p1,NOPE,2023-05-01,,1980,F,,eng,UK,P1", "line 2, column 'area_code', value 'NOPE': unknown area code" },
        { "p1,E01005320,2023-05-01,,1980,Q,,eng,UK,P1", "line 2, column 'sex', value 'Q': sex must be F, M, X or U" },
        { "p1,E01005320,2023-05-01,,1980,F,,eng,Mars,P1", "line 2, column 'previous_address', value 'Mars': previous_address must be UK, abroad or empty" },
        { "p1,E01005320,2023-05-01,,1980,F", "line 2: expected 10 comma-separated fields" },
        { "p1,E01005320,2023-05-01,,1980,F,,eng,UK,P1\np1,E01005320,2023-05-01,,1981,M,,eng,UK,P2", "line 3, column 'patient_id', value 'p1': duplicate spell: the same patient_id and registered_on appear on another line (line 2)" },
        { "p1,E01005320,2023-05-01,,1980,F,," + new string('x', 5000) + ",UK,P1", "line 2: the line is longer than 4,096 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task BadRowsRejectTheFileWithLineFieldAndValueAndWriteNothing(string row, string message)
    {
        using var files = new Files();
        ChangeRun.AssertRejected(await Change(files, $"{Header}\n{row}\n"), files, message);
    }

    [Fact]
    public async Task WrongHeaderEmptyFileAndNotUtf8AreEachTheirOwnError()
    {
        using var files = new Files();
        Assert.Contains("wrong header", (await Change(files, "patient,area\n")).Err);
        Assert.Contains("the file is empty", (await Change(files, "")).Err);
        var latin1 = Encoding.UTF8.GetBytes(Header + "\np1,E01005320,2023-05-01,,1980,F,,").Concat(Encoding.Latin1.GetBytes("fran\u00e7ais")).Concat(Encoding.UTF8.GetBytes(",UK,P1\n")).ToArray();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var r = await CohesionExe.RunAsync(db, ["change", "--input", files.WriteBytes("latin.csv", latin1), "--output", Path.Combine(files.Dir, "o.csv"), .. Common]);
        Assert.Contains("latin.csv: line 2: the line is not valid UTF-8", r.Err);
    }

    [Fact]
    public async Task SkipBadRowsAggregatesTheRestAndWritesRejectsWithReasons()
    {
        using var files = new Files();
        var r = await Change(files, $"{Header}\np1,E01005320,2023-05-01,,1980,F,,eng,UK,P1\np2,NOPE,2023-05-01,,1980,F,,eng,UK,P1\np1,E01005320,2023-05-01,,1980,F,,eng,UK,P1\n",
            "--skip-bad-rows", "--from", "2023-01-01", "--period", "year");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal("1", Figures(files)["E01005320,2023,stock,all,all"].Value); // the duplicate was taken back out
        var rejects = File.ReadAllLines(Path.Combine(files.Dir, "out.csv.rejects.csv"));
        Assert.Equal("line,reason,field,value,row", rejects[0]);
        Assert.StartsWith("3,unknown area code", rejects[1]);
        Assert.StartsWith("4,duplicate spell", rejects[2]);
    }

    /// <summary>A synthetic extract big enough (about 3 MB) to be read by more than one thread.</summary>
    static string Synthetic(int rows, int seed)
    {
        var rng = new Random(seed);
        var areas = new[] { "E01005320", "E01005321", "E01005322", "E01005323", "E01005324" };
        var eth = new[] { "", "WhiteBrit", "Pakistani", "Bangladeshi", "OtherWhite" };
        var lang = new[] { "", "eng", "urd", "ben", "pol" };
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var reg = new DateOnly(2018, 1, 1).AddDays(rng.Next(0, 5 * 365));
            var dereg = rng.NextDouble() < 0.3 ? reg.AddDays(rng.Next(0, 300)) : (DateOnly?)null;
            if (dereg > new DateOnly(2023, 7, 1)) dereg = null;
            var e = rng.Next(eth.Length);
            sb.Append(CultureInfo.InvariantCulture, $"pt{i:x8},{areas[rng.Next(areas.Length)]},{reg:yyyy-MM-dd},{dereg:yyyy-MM-dd},{rng.Next(1930, reg.Year + 1)},{"FMXU"[rng.Next(4)]},{eth[e]},{lang[e]},{(rng.NextDouble() < 0.15 ? "abroad" : "UK")},P8100{rng.Next(5)}\n");
        }
        return sb.ToString();
    }

    [Fact]
    public async Task ReadingInParallelGivesTheSameFiguresAsOneThread()
    {
        using var files = new Files();
        var input = files.Write("big.csv", Synthetic(45_000, 3));
        Assert.True(new FileInfo(input).Length > 2_500_000);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        string[] common = ["change", "--input", input, .. Common, "--period", "month", "--from", "2019-01-01"];
        var one = await CohesionExe.RunAsync(db, [.. common, "--output", Path.Combine(files.Dir, "one.csv"), "--threads", "1"]);
        var four = await CohesionExe.RunAsync(db, [.. common, "--output", Path.Combine(files.Dir, "four.csv"), "--threads", "4"]);
        Assert.True(one.ExitCode == 0 && four.ExitCode == 0, one.All + four.All);
        // Code numbering can differ between threads, so compare as sets of lines.
        var a = File.ReadAllLines(Path.Combine(files.Dir, "one.csv")).Order().ToList();
        var b = File.ReadAllLines(Path.Combine(files.Dir, "four.csv")).Order().ToList();
        Assert.True(a.Count > 10_000);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task SuppressionPublishesNoSmallCountAndWithholdsRatesBuiltOnWithheldCounts()
    {
        using var files = new Files();
        var r = await Change(files, Synthetic(3000, 5), "--period", "quarter", "--from", "2019-01-01", "--suppress", "10");
        Assert.True(r.ExitCode == 0, r.All);
        var rows = File.ReadLines(Path.Combine(files.Dir, "out.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var counts = rows.Where(p => p[2] != "churn_per_1000").ToList();
        Assert.Contains(counts, p => p[6] == "suppressed");
        Assert.All(counts.Where(p => p[6] != "suppressed"), p => Assert.False(long.Parse(p[5], CultureInfo.InvariantCulture) is >= 1 and < 10, string.Join(',', p)));
        Assert.All(rows.Where(p => p[6] == "suppressed"), p => Assert.Equal("", p[5])); // marked, never shown as zero
        // A churn rate is withheld whenever its inflow or outflow is.
        var withheld = counts.Where(p => p[6] == "suppressed" && p[2] is "inflow" or "outflow").Select(p => string.Join(',', p[0], p[1], p[3], p[4])).ToHashSet();
        Assert.All(rows.Where(p => p[2] == "churn_per_1000" && withheld.Contains(string.Join(',', p[0], p[1], p[3], p[4]))), p => Assert.Equal("suppressed", p[6]));
        // Stocks are also rounded to 5, so stock − previous stock = inflow − outflow cannot give a withheld flow away.
        Assert.All(counts.Where(p => p[2] == "stock" && p[6] != "suppressed"), p => Assert.True(p[6] == "rounded" && long.Parse(p[5], CultureInfo.InvariantCulture) % 5 == 0, string.Join(',', p)));
    }

    [Fact]
    public async Task RoundingPublishesOnlyMultiplesOfTheBase()
    {
        using var files = new Files();
        var r = await Change(files, Synthetic(2000, 9), "--period", "year", "--from", "2019-01-01", "--round", "5");
        Assert.True(r.ExitCode == 0, r.All);
        var counts = File.ReadLines(Path.Combine(files.Dir, "out.csv")).Skip(1).Select(l => l.Split(',')).Where(p => p[2] != "churn_per_1000").ToList();
        Assert.All(counts, p => { Assert.Equal("rounded", p[6]); Assert.Equal(0, long.Parse(p[5], CultureInfo.InvariantCulture) % 5); });
    }
}

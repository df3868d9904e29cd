using System.Globalization;
using System.Text;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Change;

/// <summary><c>cohesion change --source school</c> through the real executable: figures by hand and against LINQ, bad input, disclosure control.</summary>
public class SchoolChangeTests
{
    const string Header = "pupil_id,area_code,census_date,year_group,sex,ethnic_group,first_language";
    static readonly string[] Common = ["--source", "school", "--extract-date", "2025-06-30"];

    static Task<CliResult> Change(Files files, string extract, params string[] args) => ChangeRun.Extract(files, extract, Common, args);

    [Fact]
    public async Task AggregatesASmallExtractExactly()
    {
        using var files = new Files();
        // Rows in no particular order. p1 moves from ...320 to ...321 in 2025; p2 joins Reception in 2024; p3 leaves
        // after year 11; p4 is missing from the 2024 census; p5 joins in 2025.
        var extract = $"""
            {Header}
            p4,E01005320,2025-01-16,5,X,WhiteBrit,eng
            p1,E01005320,2024-01-18,6,F,WhiteBrit,eng
            p2,E01005320,2024-01-18,R,M,,urd
            p5,E01005321,2025-01-16,2,U,Pakistani,pol
            p1,E01005320,2023-01-19,5,F,WhiteBrit,eng
            p3,E01005321,2023-01-19,11,F,Pakistani,
            p1,E01005321,2025-01-16,7,F,WhiteBrit,eng
            p2,E01005320,2025-01-16,1,M,,urd
            p4,E01005320,2023-01-19,3,X,WhiteBrit,eng
            """;
        var r = await Change(files, extract, "--period", "year", "--from", "2023-01-01", "--to", "2025-12-31");
        Assert.True(r.ExitCode == 0, r.All);
        var f = ChangeRun.Figures(files);
        string V(string key) => f[key].Value;

        Assert.Equal("2", V("E01005320,2023,pupils,all,all"));          // p1, p4
        Assert.Equal("1", V("E01005321,2023,pupils,all,all"));          // p3
        Assert.Equal("0", V("E01005320,2023,eal,all,all"));
        Assert.DoesNotContain(f.Keys, k => k.Contains(",2023,new_to_area,")); // the first census has nothing to compare with
        Assert.Equal("1", V("E01005320,2024,new_to_area,all,all"));     // p2 joined; p1 stayed
        Assert.Equal("1", V("E01005320,2024,eal,all,all"));            // p2: urd
        Assert.Equal("0", V("E01005321,2024,pupils,all,all"));
        Assert.Equal("2", V("E01005320,2025,pupils,all,all"));          // p2, p4
        Assert.Equal("1", V("E01005320,2025,new_to_area,all,all"));     // p4, back after missing 2024
        Assert.Equal("2", V("E01005321,2025,new_to_area,all,all"));     // p1 moved in, p5 joined
        Assert.Equal("1", V("E01005321,2025,eal,all,all"));            // p5; p3's not stated is not EAL

        Assert.Equal("1", V("E01005321,2025,new_to_area,sex,F"));
        Assert.Equal("1", V("E01005321,2025,new_to_area,sex,U"));
        Assert.Equal("0", V("E01005321,2025,pupils,sex,M"));
        Assert.Equal("1", V("E01005320,2024,new_to_area,year_group,R"));
        Assert.Equal("1", V("E01005320,2025,pupils,year_group,1"));
        Assert.Equal("1", V("E01005321,2023,pupils,year_group,11"));
        Assert.Equal("1", V("E01005320,2024,pupils,ethnic_group,not_stated"));
        Assert.Equal("1", V("E01005321,2025,new_to_area,ethnic_group,Pakistani"));
        Assert.Equal("1", V("E01005321,2025,eal,main_language,pol"));
        Assert.Equal("0", V("E01005321,2025,eal,main_language,eng"));
        Assert.Equal("1", V("E01005321,2023,pupils,main_language,not_stated"));
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("E01000001")); // areas without data are not listed
        Assert.Contains("exact counts", r.Err);
        Assert.Equal(["out.csv"], Directory.GetFiles(files.Dir).Select(Path.GetFileName).Where(n => n != "extract.csv"));
    }

    [Fact]
    public async Task AGeneratedExtractMatchesASimpleLinqComputation()
    {
        using var files = new Files();
        var input = Path.Combine(files.Dir, "school.csv");
        var g = await ChangeRun.Cli("generate", "school", "--place", "Oldham", "--rows", "40000", "--seed", "7", "--output", input);
        Assert.True(g.ExitCode == 0, g.All);
        var r = await ChangeRun.Cli("change", "--input", input, "--source", "school", "--period", "quarter", "--from", "2016-01-01",
            "--extract-date", "2025-12-31", "--output", Path.Combine(files.Dir, "out.csv"));
        Assert.True(r.ExitCode == 0, r.All);

        var rows = File.ReadLines(input).Skip(1).Select(l => l.Split(',')).ToList();
        var censuses = rows.Select(p => p[2]).Distinct().Order(StringComparer.Ordinal).ToList();
        var areaAt = rows.ToDictionary(p => (p[0], p[2]), p => p[1]);
        var expected = new Dictionary<string, long>();
        foreach (var p in rows)
        {
            var date = DateOnly.ParseExact(p[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var period = $"{date.Year}-Q{(date.Month - 1) / 3 + 1}";
            var c = censuses.IndexOf(p[2]);
            var isNew = c > 0 && !(areaAt.TryGetValue((p[0], censuses[c - 1]), out var before) && before == p[1]);
            var eal = p[6] != "" && p[6] != "eng";
            (string, string)[] cats = [("all", "all"), ("sex", p[4]), ("year_group", p[3]), ("ethnic_group", p[5] == "" ? "not_stated" : p[5]), ("main_language", p[6] == "" ? "not_stated" : p[6])];
            foreach (var (ch, cat) in cats)
            {
                void Add(string measure, bool yes) => expected[$"{p[1]},{period},{measure},{ch},{cat}"] = expected.GetValueOrDefault($"{p[1]},{period},{measure},{ch},{cat}") + (yes ? 1 : 0);
                Add("pupils", true);
                if (c > 0) Add("new_to_area", isNew);
                Add("eal", eal);
            }
        }

        var actual = ChangeRun.Figures(files);
        Assert.All(actual, kv => Assert.True(expected.GetValueOrDefault(kv.Key).ToString(CultureInfo.InvariantCulture) == kv.Value.Value, $"{kv.Key}: expected {expected.GetValueOrDefault(kv.Key)}, got {kv.Value.Value}"));
        Assert.All(expected.Where(kv => kv.Value > 0), kv => Assert.True(actual.ContainsKey(kv.Key), $"{kv.Key} ({kv.Value}) is missing"));
        Assert.True(expected.Count(kv => kv.Key.Contains(",new_to_area,") && kv.Value > 0) > 100);
        Assert.Equal(censuses.Count, actual.Keys.Select(k => k.Split(',')[1]).Distinct().Count()); // one quarter a census, and only those
    }

    public static TheoryData<string, string> BadRows() => new()
    {
        { "p1,E01005320,2024-02-30,5,F,,eng", "line 2, column 'census_date', value '2024-02-30': census_date must be a date YYYY-MM-DD" },
        { "p1,E01005320,2025-09-18,5,F,,eng", "line 2, column 'census_date', value '2025-09-18': census_date is after the extract date" },
        { "p1,E01005320,2024-01-18,12,F,,eng", "line 2, column 'year_group', value '12': year_group must be R or 1 to 11" },
        { "p1,E01005320,2024-01-18,0,F,,eng", "line 2, column 'year_group', value '0': year_group must be R or 1 to 11" },
        { "p1,E01005320,2024-01-18,5,Q,,eng", "line 2, column 'sex', value 'Q': sex must be F, M, X or U" },
        { "p1,NOPE,2024-01-18,5,F,,eng", "line 2, column 'area_code', value 'NOPE': unknown area code" },
        { "p1,E01005320,2024-01-18,5,F,,e n g", "line 2, column 'first_language', value 'e n g': first_language must be empty or a code" },
        { "p1,E01005320,2024-01-18,5,F", "line 2: expected 7 comma-separated fields" },
        { "p1,E01005320,2024-01-18,5,F,,eng\np2,E01005320,2024-01-18,5,F,,eng\np1,E01005321,2024-01-18,6,M,,urd",
            "line 4, column 'pupil_id', value 'p1': duplicate pupil at a census: the same pupil_id and census_date appear on another line (line 2)" },
        { "p1,E01005320,2024-01-18,5,F,," + new string('x', 5000), "line 2: the line is longer than 4,096 bytes" },
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
        var gpHeader = await Change(files, "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code\n");
        Assert.Contains($"extract.csv: line 1, value 'patient_id,area_code,", gpHeader.Err);
        Assert.Contains($"wrong header: expected {Header}", gpHeader.Err);
        Assert.Contains("extract.csv: the file is empty", (await Change(files, "")).Err);
        Assert.Contains("extract.csv: the file has a header but no rows", (await Change(files, Header + "\n")).Err);
        var latin1 = Encoding.UTF8.GetBytes(Header + "\np1,E01005320,2024-01-18,5,F,,eng\np2,E01005320,2024-01-18,5,F,,")
            .Concat(Encoding.Latin1.GetBytes("fran\u00e7ais")).Concat("\n"u8.ToArray()).ToArray();
        var r = await ChangeRun.Cli(["change", "--input", files.WriteBytes("latin.csv", latin1), "--output", Path.Combine(files.Dir, "o.csv"), .. Common]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("latin.csv: line 3: the line is not valid UTF-8", r.Err);
        Assert.False(File.Exists(Path.Combine(files.Dir, "o.csv")));
    }

    [Fact]
    public async Task MoreCodesThanTheCountersHoldIsAClearErrorAndWritesNothing()
    {
        using var files = new Files();
        // 70,000 ethnic-group codes, split between two reading threads that each stay under the limit, so the
        // limit is met when their codes are put together.
        var extract = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 70_000; i++) extract.Append(CultureInfo.InvariantCulture, $"pupil{i},E01005320,2024-01-18,5,F,group{i},eng\n");
        var r = await Change(files, extract.ToString(), "--threads", "2");
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains("extract.csv: more than 65,535 distinct ethnic-group or language codes", r.Err);
        Assert.Equal(["extract.csv"], Directory.GetFiles(files.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SkipBadRowsAggregatesTheRestAndWritesRejectsWithReasons()
    {
        using var files = new Files();
        var extract = $"{Header}\np1,E01005320,2024-01-18,5,F,,eng\np2,NOPE,2024-01-18,5,F,,eng\np1,E01005321,2024-01-18,5,F,,eng\np3,E01005320,2024-01-18,S,F,,eng\np4,E01005320,2024-01-18,7,M,,pol\n";
        var r = await Change(files, extract, "--skip-bad-rows", "--from", "2024-01-01", "--period", "year");
        Assert.True(r.ExitCode == 0, r.All);
        var f = ChangeRun.Figures(files);
        Assert.Equal("2", f["E01005320,2024,pupils,all,all"].Value);      // p1 (its first row stands) and p4
        Assert.Equal("1", f["E01005320,2024,eal,all,all"].Value);
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("E01005321"));   // the repeat was taken back out
        var rejects = File.ReadAllLines(Path.Combine(files.Dir, "out.csv.rejects.csv"));
        Assert.Equal("line,reason,field,value,row", rejects[0]);
        Assert.StartsWith("3,unknown area code", rejects[1]);
        Assert.StartsWith("4,duplicate pupil at a census: the same pupil_id and census_date appear on another line (line 2),pupil_id,p1,", rejects[2]);
        Assert.StartsWith("5,year_group must be R or 1 to 11,year_group,S,", rejects[3]);
        Assert.Contains("5 rows", r.Err);
        Assert.Contains("; 2 accepted", r.Err);
    }

    static async Task<List<string[]>> Generated(Files files, string rows, params string[] args)
    {
        var input = Path.Combine(files.Dir, "school.csv");
        if (!File.Exists(input))
            Assert.Equal(0, (await ChangeRun.Cli("generate", "school", "--place", "Oldham", "--rows", rows, "--seed", "3", "--output", input)).ExitCode);
        var r = await ChangeRun.Cli(["change", "--input", input, "--source", "school", "--extract-date", "2025-12-31", "--from", "2016-01-01", "--output", Path.Combine(files.Dir, "out.csv"), .. args]);
        Assert.True(r.ExitCode == 0, r.All);
        return File.ReadLines(Path.Combine(files.Dir, "out.csv")).Skip(1).Select(l => l.Split(',')).ToList();
    }

    [Fact]
    public async Task SuppressionPublishesNoSmallCount()
    {
        using var files = new Files();
        var rows = await Generated(files, "6000", "--period", "year", "--suppress", "10");
        Assert.Contains(rows, p => p[6] == "suppressed");
        Assert.Contains(rows, p => p[6] is "" or "rounded" && long.Parse(p[5], CultureInfo.InvariantCulture) >= 10);
        // Pupils are also rounded to 5: EAL = pupils − English − not stated would otherwise give a withheld EAL count away.
        Assert.All(rows.Where(p => p[2] == "pupils" && p[6] != "suppressed"), p => Assert.True(p[6] == "rounded" && long.Parse(p[5], CultureInfo.InvariantCulture) % 5 == 0, string.Join(',', p)));
        Assert.All(rows.Where(p => p[6] != "suppressed"), p => Assert.False(long.Parse(p[5], CultureInfo.InvariantCulture) is >= 1 and < 10, string.Join(',', p)));
        Assert.All(rows.Where(p => p[6] == "suppressed"), p => Assert.Equal("", p[5])); // marked, never shown as zero
        // EAL by main language repeats pupils by main language, so it is withheld exactly where they are.
        var pupilsWithheld = rows.Where(p => p[2] == "pupils" && p[3] == "main_language" && p[6] == "suppressed").Select(p => (p[0], p[1], p[4])).ToHashSet();
        Assert.All(rows.Where(p => p[2] == "eal" && p[3] == "main_language"), p => Assert.Equal(pupilsWithheld.Contains((p[0], p[1], p[4])), p[6] == "suppressed"));
    }

    [Fact]
    public async Task RoundingPublishesOnlyMultiplesOfTheBase()
    {
        using var files = new Files();
        var rows = await Generated(files, "6000", "--period", "year", "--round", "5");
        Assert.True(rows.Count > 1000);
        Assert.All(rows, p => { Assert.Equal("rounded", p[6]); Assert.Equal(0, long.Parse(p[5], CultureInfo.InvariantCulture) % 5); });
    }

    [Fact]
    public async Task ReadingInParallelGivesTheSameFiguresAsOneThread()
    {
        using var files = new Files();
        var one = await Generated(files, "40000", "--period", "month", "--threads", "1");
        Assert.True(new FileInfo(Path.Combine(files.Dir, "school.csv")).Length > 2_100_000); // more than one range (1 MB at least each)
        var four = await Generated(files, "40000", "--period", "month", "--threads", "4");
        // Code numbering can differ between threads, so compare as sets of lines.
        Assert.Equal(one.Select(p => string.Join(',', p)).Order(), four.Select(p => string.Join(',', p)).Order());
    }
}

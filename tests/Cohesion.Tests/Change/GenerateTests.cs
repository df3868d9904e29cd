using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cohesion.Change.Generate;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Change;

/// <summary>
/// <c>cohesion generate</c>: synthetic extracts are deterministic, well-formed, valid for the importers, and
/// follow the census of the place. Most checks generate in process; the CLI is run for what only it does.
/// </summary>
public class GenerateTests
{
    const string GpHeader = "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code";
    const string SchoolHeader = "pupil_id,area_code,census_date,year_group,sex,ethnic_group,first_language";
    static readonly DateOnly From = new(2018, 3, 1), To = new(2024, 6, 30);

    static readonly Lazy<PlaceModel> Oldham = new(() => PlaceModel.Load("Oldham"));

    static byte[] Gp(long rows, ulong seed, DateOnly? from = null, DateOnly? to = null, int threads = 0, PlaceModel? place = null)
    {
        using var ms = new MemoryStream();
        new GpExtractGenerator(new Scenario(place ?? Oldham.Value, new GenerateOptions(rows, seed, from ?? From, to ?? To, threads))).Write(ms);
        return ms.ToArray();
    }

    static byte[] School(long rows, ulong seed, DateOnly? from = null, DateOnly? to = null, int threads = 0)
    {
        using var ms = new MemoryStream();
        new SchoolCensusGenerator(new Scenario(Oldham.Value, new GenerateOptions(rows, seed, from ?? GenerateOptions.DefaultFrom, to ?? GenerateOptions.DefaultTo, threads))).Write(ms);
        return ms.ToArray();
    }

    static string[] Lines(byte[] file)
    {
        var text = Encoding.ASCII.GetString(file);
        Assert.EndsWith("\n", text);
        return text[..^1].Split('\n');
    }

    static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheSameSeedGivesTheSameBytesAndAnotherSeedDiffers()
    {
        using var files = new Files();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        async Task<byte[]> Run(string kind, string seed, string name)
        {
            var path = Path.Combine(files.Dir, name);
            var r = await CohesionExe.RunAsync(db, "generate", kind, "--place", "Oldham", "--rows", "30000", "--seed", seed, "--output", path);
            Assert.True(r.ExitCode == 0, r.All);
            Assert.Contains("SYNTHETIC", r.Out);
            return File.ReadAllBytes(path);
        }
        foreach (var kind in new[] { "registrations", "school" })
        {
            var a = await Run(kind, "42", "a.csv");
            var b = await Run(kind, "42", "b.csv");
            var c = await Run(kind, "43", "c.csv");
            Assert.Equal(SHA256.HashData(a), SHA256.HashData(b));
            Assert.NotEqual(SHA256.HashData(a), SHA256.HashData(c));
        }
        // Only the finished files: nothing half-written is left beside them.
        Assert.Equal(["a.csv", "b.csv", "c.csv"], Directory.GetFiles(files.Dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void TheOutputDoesNotDependOnTheNumberOfThreads()
    {
        Assert.Equal(Gp(50_000, 9, threads: 1), Gp(50_000, 9, threads: 3));
        Assert.Equal(School(50_000, 9, threads: 1), School(50_000, 9, threads: 3));
    }

    [Fact]
    public void RegistrationRowsAreWellFormedAndValid()
    {
        var lines = Lines(Gp(200_000, 1));
        Assert.Equal(GpHeader, lines[0]);
        Assert.Equal(200_001, lines.Length);
        var areas = Oldham.Value.Codes.ToHashSet();
        var spells = new HashSet<(string, string)>();
        var spellsPerPatient = new Dictionary<string, int>();
        var (open, abroad) = (0, 0);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            Assert.Equal(10, f.Length);
            Assert.Matches("^[0-9a-f]{16}$", f[0]);
            Assert.Contains(f[1], areas);
            var reg = Date(f[2]);
            Assert.InRange(reg, From, To);
            if (f[3].Length == 0) open++;
            else Assert.InRange(Date(f[3]), reg, To);
            Assert.InRange(int.Parse(f[4], CultureInfo.InvariantCulture), 1900, reg.Year);
            Assert.Contains(f[5], new[] { "F", "M", "X", "U" });
            Assert.Matches("^[A-Za-z]*$", f[6]);
            Assert.Matches("^[a-z]{0,3}$", f[7]);
            Assert.Contains(f[8], new[] { "", "UK", "abroad" });
            if (f[8] == "abroad") abroad++;
            Assert.Matches("^P8[0-9]{4}$", f[9]);
            Assert.True(spells.Add((f[0], f[2])), $"duplicate spell {f[0]} {f[2]}");
            spellsPerPatient[f[0]] = spellsPerPatient.GetValueOrDefault(f[0]) + 1;
        }
        Assert.True(open > 100_000, $"most spells are still open, found {open}");
        Assert.InRange(abroad, 4_000, 30_000);
        Assert.True(spellsPerPatient.Values.Count(n => n > 1) > 5_000, "some patients register more than once");
    }

    [Fact]
    public void APatientsSpellsFollowOneAnother()
    {
        var byPatient = Lines(Gp(100_000, 5)).Skip(1).Select(l => l.Split(',')).GroupBy(f => f[0]).Where(g => g.Count() > 1);
        foreach (var g in byPatient)
        {
            var s = g.OrderBy(f => f[2], StringComparer.Ordinal).ToList();
            Assert.Single(s.Select(f => (f[4], f[5], f[6], f[7])).Distinct()); // the same person each time
            for (var i = 1; i < s.Count; i++)
                Assert.True(string.CompareOrdinal(s[i - 1][3], s[i][2]) < 0 && s[i - 1][3].Length > 0, $"{g.Key}: a spell starts before the last one ended");
        }
    }

    [Fact]
    public void EthnicGroupsFollowTheCensusOfThePlace()
    {
        var rows = Lines(Gp(200_000, 3)).Skip(1).Select(l => l.Split(',')[6]).ToList();
        var stated = rows.Count(g => g.Length > 0);
        Assert.InRange(1 - stated / (double)rows.Count, 0.04, 0.06); // ~5% not stated
        var place = Oldham.Value;
        double Census(string group)
        {
            var k = Vocabulary.GroupIndex(group);
            return Enumerable.Range(0, place.Areas).Sum(a => (double)place.Counts[a * Vocabulary.GroupCount + k]) / place.Population;
        }
        double Share(string group) => rows.Count(g => g == group) / (double)stated;
        Assert.InRange(Census("Pakistani"), 0.095, 0.105); // Oldham, 2011: 10.1%
        Assert.InRange(Share("Pakistani"), Census("Pakistani") - 0.02, Census("Pakistani") + 0.02);
        Assert.InRange(Share("Bangladeshi"), Census("Bangladeshi") - 0.02, Census("Bangladeshi") + 0.02);
        Assert.InRange(Share("WhiteBrit"), Census("WhiteBrit") - 0.06, Census("WhiteBrit") + 0.02);
    }

    [Fact]
    public void ALanguageIsPlausibleForTheGroupAndSometimesNotStated()
    {
        var rows = Lines(Gp(100_000, 4)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.InRange(rows.Count(f => f[7].Length == 0) / (double)rows.Count, 0.02, 0.04);
        var bangladeshi = rows.Where(f => f[6] == "Bangladeshi" && f[7].Length > 0).Select(f => f[7]).ToHashSet();
        Assert.Subset(new HashSet<string> { "eng", "ben", "syl" }, bangladeshi);
        Assert.Contains("urd", rows.Where(f => f[6] == "Pakistani").Select(f => f[7]));
    }

    [Fact]
    public void TheRapidChangeAreasSeeASurgeOfArrivalsInTheRapidYear()
    {
        var scenario = new Scenario(Oldham.Value, new GenerateOptions(300_000, 11, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo));
        Assert.Equal(2024, scenario.RapidYear);
        Assert.Equal(3, scenario.RapidAreas.Length);
        var rapid = scenario.RapidAreas.Select(a => Oldham.Value.Codes[a]).ToHashSet();
        var arrivals = Lines(Gp(300_000, 11, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo)).Skip(1).Select(l => l.Split(','))
            .Where(f => f[8] == "abroad").ToList();
        int In(int year, bool inRapid) => arrivals.Count(f => f[2].StartsWith($"{year}-") && rapid.Contains(f[1]) == inRapid);
        Assert.True(In(2024, true) > 4 * In(2023, true), $"rapid areas: {In(2023, true)} arrivals in 2023, {In(2024, true)} in 2024");
        Assert.True(In(2024, false) < 1.5 * In(2023, false), "elsewhere arrivals grow gently");
        // Arrivals in growing groups rise over the years.
        int Group(string g, int year) => arrivals.Count(f => f[6] == g && f[2].StartsWith($"{year}-"));
        Assert.True(Group("OtherWhite", 2023) > 1.5 * Group("OtherWhite", 2017));
    }

    [Fact]
    public void SchoolRowsFollowPupilsFromCensusToCensus()
    {
        var lines = Lines(School(100_000, 2));
        Assert.Equal(SchoolHeader, lines[0]);
        Assert.Equal(100_001, lines.Length);
        var censuses = new[] { "2016-01-21", "2017-01-19", "2018-01-18", "2019-01-17", "2020-01-16", "2021-01-21", "2022-01-20", "2023-01-19", "2024-01-18", "2025-01-16" };
        var areas = Oldham.Value.Codes.ToHashSet();
        var last = new Dictionary<string, (int Census, int YearGroup, string Area)>();
        var (moved, joinedLater, eal) = (0, 0, 0);
        var previousCensus = 0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            Assert.Equal(7, f.Length);
            Assert.Contains(f[1], areas);
            var c = Array.IndexOf(censuses, f[2]);
            Assert.True(c >= previousCensus, "rows are in census order");
            previousCensus = c;
            var yg = f[3] == "R" ? 0 : int.Parse(f[3], CultureInfo.InvariantCulture);
            Assert.InRange(yg, 0, 11);
            Assert.Contains(f[4], new[] { "F", "M" });
            if (f[6] is not ("eng" or "")) eal++;
            if (last.TryGetValue(f[0], out var before))
            {
                Assert.Equal(before.Census + 1, c);
                Assert.Equal(before.YearGroup + 1, yg);
                if (before.Area != f[1]) moved++;
            }
            else if (c > 0 && yg > 0) joinedLater++;
            last[f[0]] = (c, yg, f[1]);
        }
        Assert.True(moved > 100, $"some pupils move area ({moved})");
        Assert.True(joinedLater > 500, $"some pupils join after Reception ({joinedLater})");
        Assert.InRange(eal / 100_000.0, 0.08, 0.4);
    }

    [Fact]
    public void TheSchoolCensusIsOnTheThirdThursdayOfJanuary()
    {
        Assert.Equal([new DateOnly(2024, 1, 18), new DateOnly(2025, 1, 16)], SchoolCensusGenerator.CensusDates(new DateOnly(2023, 1, 20), new DateOnly(2025, 1, 16)));
    }

    [Fact]
    public async Task AnUnknownPlaceIsAClearErrorWithExitCode2()
    {
        using var files = new Files();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var output = Path.Combine(files.Dir, "out.csv");
        var r = await CohesionExe.RunAsync(db, "generate", "registrations", "--place", "Oldam", "--rows", "10", "--seed", "1", "--output", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown place 'Oldam'", r.Err);
        Assert.Contains("Did you mean: Oldham?", r.Err);
        Assert.Contains("cohesion generate places", r.Err);
        Assert.False(File.Exists(output));

        var places = await CohesionExe.RunAsync(db, "generate", "places", "hamlets");
        Assert.True(places.ExitCode == 0, places.All);
        Assert.Contains("Tower Hamlets\t144 LSOAs\t254,096 residents", places.Out);
    }

    [Fact]
    public async Task BadOptionsAreClearErrors()
    {
        using var files = new Files();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var output = Path.Combine(files.Dir, "out.csv");
        async Task Fails(string expected, params string[] args)
        {
            var r = await CohesionExe.RunAsync(db, ["generate", .. args, "--place", "Oldham", "--seed", "1", "--output", output]);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(expected, r.Err);
        }
        await Fails("--rows needs a whole number", "registrations", "--rows", "0");
        await Fails("--from must be a date YYYY-MM-DD", "registrations", "--rows", "5", "--from", "2024-31-01");
        await Fails("--to (2019-01-01) is before --from (2020-01-01)", "registrations", "--rows", "5", "--from", "2020-01-01", "--to", "2019-01-01");
        await Fails("no school census between 2024-02-01 and 2024-12-31", "school", "--rows", "5", "--from", "2024-02-01", "--to", "2024-12-31");
    }

    [Fact]
    public async Task HelpSaysTheDataIsSynthetic()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        foreach (var verb in new[] { "registrations", "school" })
        {
            var r = await CohesionExe.RunAsync(db, "generate", verb, "--help");
            Assert.True(r.ExitCode == 0, r.All);
            Assert.Contains("SYNTHETIC DATA: every row is made up", r.Out);
        }
    }

    [Fact]
    public async Task AGeneratedExtractPassesEveryCheckOfTheChangeCommand()
    {
        using var files = new Files();
        var input = files.WriteBytes("gp.csv", Gp(20_000, 8, GenerateOptions.DefaultFrom, GenerateOptions.DefaultTo));
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        // Without --skip-bad-rows any rejected row (bad date, duplicate spell, …) fails the whole run.
        var r = await CohesionExe.RunAsync(db, "change", "--input", input, "--source", "gp", "--period", "year", "--output", Path.Combine(files.Dir, "out.csv"),
            "--extract-date", "2025-12-31", "--from", "2021-01-01", "--to", "2025-12-31");
        Assert.True(r.ExitCode == 0, r.All);
    }
}

using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Segregation;

/// <summary><c>cohesion segregation</c> through the real executable: reference values, census files, aggregation, inference, bad input.</summary>
public class SegregationCliTests
{
    static string Out(Files files) => Path.Combine(files.Dir, "out.csv");

    static void Near(double expected, double? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= 1e-9, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public async Task SacramentoFiguresEqualTheReferenceValues()
    {
        using var files = new Files();
        var r = await SegregationRun.Cli(SegregationRun.Shared("reference", "sac1.csv"), Out(files), "--unit", "FIPS", "--groups", "WHITE,BLACK,ASIAN,HISP", "--total", "TOT_POP");
        Assert.True(r.ExitCode == 0, r.All);
        var rows = SegregationRun.Read(Out(files));
        Assert.Equal(6 * 4 + 10, rows.Count);
        Assert.All(rows, row => Assert.Equal("", row.By));
        Assert.All(rows, row => Assert.Equal(403, row.Units));
        double Hisp(string index) => rows.Single(x => x.Index == index && x.Group == "HISP").Value!.Value;
        double Multi(string index) => rows.Single(x => x.Index == index).Value!.Value;
        Near(0.32184656076566864, Hisp("dissimilarity"));
        Near(0.43506510676886234, Hisp("gini"));
        Near(0.09626774479970557, Hisp("entropy"));
        Near(0.2319615486459151, Hisp("isolation"));
        Near(0.7680384513540848, Hisp("interaction"));
        Near(0.15079259382667654, Hisp("atkinson"));
        Near(0.41340872573177806, Multi("multi_dissimilarity"));
        Near(0.1710160297858887, Multi("multi_information_theory"));
        Near(0.15820019878220337, Multi("multi_relative_diversity"));
        Near(0.5456349992598081, Multi("multi_gini"));
        Near(0.18821879029994157, Multi("multi_normalized_exposure"));
        Near(0.9733112243997906, Multi("multi_diversity"));
        Near(0.7020956383415715, Multi("multi_diversity_normalized"));
        Near(0.11875484641127525, Multi("multi_squared_coefficient_of_variation"));
        Near(0.49182413151957904, Multi("simpsons_concentration"));
        Near(0.508175868480421, Multi("simpsons_interaction"));
        // Two-group indices take the total column; multigroup ones the sum of the four groups.
        Assert.Equal(1796857, rows.Single(x => x.Index == "gini" && x.Group == "HISP").Population);
        Assert.Equal(1701630, rows.Single(x => x.Index == "multi_gini").Population);
    }

    [Fact]
    public async Task EveryDistrictOfEnglandAndWalesAtLsoaLevel()
    {
        using var files = new Files();
        var r = await SegregationRun.Cli(SegregationRun.Shared("data", "census2011", "ew2011_lsoa_ethnicity_mlid.csv"), Out(files),
            "--unit", "LSOA", "--by", "LAD", "--groups", SegregationRun.CensusGroups, "--total", "Persons");
        Assert.True(r.ExitCode == 0, r.All);
        var rows = SegregationRun.Read(Out(files));
        Assert.Equal(348, rows.Select(x => x.By).Distinct().Count());
        Assert.Equal(348 * (6 * 14 + 10), rows.Count);
        Assert.Equal(34_753, rows.Where(x => x.Index == "multi_gini").Sum(x => x.Units));
        Assert.Equal(56_075_912, rows.Where(x => x.Index == "dissimilarity" && x.Group == "Arab").Sum(x => x.Population));
        // Names with commas come back whole, so the CSV was quoted.
        Assert.Contains(rows, x => x.By == "Bristol, City of");
        var unevenness = new[] { "dissimilarity", "gini", "entropy", "atkinson", "multi_dissimilarity", "multi_gini", "multi_information_theory" };
        Assert.All(rows.Where(x => unevenness.Contains(x.Index) && x.Value is not null), x => Assert.InRange(x.Value!.Value, 0, 1));
        var oldham = rows.Where(x => x.By == "Oldham" && x.Index == "dissimilarity").ToDictionary(x => x.Group, x => x.Value!.Value);
        Assert.True(oldham["Pakistani"] > 0.7 && oldham["Bangladeshi"] > 0.6, "Oldham's Pakistani and Bangladeshi residents are among the most unevenly spread");
    }

    [Fact]
    public async Task OutputAreasSummedToLsoasGiveTheLsoaFileFigures()
    {
        using var files = new Files();
        string[] args = ["--unit", "LSOA", "--by", "LAD", "--groups", SegregationRun.CensusGroups, "--indices", "dissimilarity,isolation,multi_dissimilarity,multi_gini"];
        var fromOa = await SegregationRun.Cli(SegregationRun.Shared("data", "census2011", "ew2011_oa_ethnicity_5LAs_mlid.csv"), Path.Combine(files.Dir, "oa.csv"), args);
        var fromLsoa = await SegregationRun.Cli(SegregationRun.Shared("data", "census2011", "ew2011_lsoa_ethnicity_mlid.csv"), Path.Combine(files.Dir, "lsoa.csv"), args);
        Assert.True(fromOa.ExitCode == 0 && fromLsoa.ExitCode == 0, fromOa.All + fromLsoa.All);
        var oa = SegregationRun.Read(Path.Combine(files.Dir, "oa.csv"));
        var lsoa = SegregationRun.Read(Path.Combine(files.Dir, "lsoa.csv")).ToDictionary(x => (x.By, x.Index, x.Group));
        Assert.Equal(5 * (2 * 14 + 2), oa.Count);
        Assert.Equal(["Tower Hamlets", "Oldham", "Bradford", "Blackburn with Darwen", "Leicester"], oa.Select(x => x.By).Distinct());
        foreach (var x in oa)
        {
            var y = lsoa[(x.By, x.Index, x.Group)];
            Assert.Equal(y.Units, x.Units);
            Assert.Equal(y.Population, x.Population);
            Assert.Equal(y.Value!.Value, x.Value!.Value, 12);
        }
        // Merging units can only lower D (|Σ(xᵢ − Ptᵢ)| ≤ Σ|xᵢ − Ptᵢ|), so output areas give at least the LSOA figure.
        var byOa = await SegregationRun.Cli(SegregationRun.Shared("data", "census2011", "ew2011_oa_ethnicity_5LAs_mlid.csv"), Path.Combine(files.Dir, "oa-level.csv"),
            "--unit", "OA", "--by", "LAD", "--groups", SegregationRun.CensusGroups, "--indices", "multi_dissimilarity");
        Assert.True(byOa.ExitCode == 0, byOa.All);
        Assert.All(SegregationRun.Read(Path.Combine(files.Dir, "oa-level.csv")), x => Assert.True(x.Value > lsoa[(x.By, "multi_dissimilarity", "")].Value, x.By));
    }

    [Fact]
    public async Task RowsOfTheSameUnitAreSummedAndAUnitMayBeInSeveralSets()
    {
        using var files = new Files();
        var input = files.Write("counts.csv", """
            "area","msoa","year","A","B"
            "a1","m1","2011","10","30"
            "a2","m1","2011","5","5"
            "a3","m2","2011","0","40"
            "a1","m1","2021","20","20"
            "a3","m2","2021","0","40"
            """);
        var r = await SegregationRun.Cli(input, Out(files), "--unit", "msoa", "--by", "year", "--groups", "A,B", "--indices", "dissimilarity");
        Assert.True(r.ExitCode == 0, r.All);
        var rows = SegregationRun.Read(Out(files));
        Assert.Equal(["2011", "2011", "2021", "2021"], rows.Select(x => x.By));
        var a2011 = rows[0];
        Assert.Equal(2, a2011.Units);
        Assert.Equal(90, a2011.Population);
        // m1 has 15 of 50 A, m2 0 of 40: P = 15/90; D = (50·|0.3 − 1/6| + 40·(1/6)) / (2·90·(1/6)(5/6)) = 8/15.
        Assert.Equal(8.0 / 15, a2011.Value!.Value, 12);
    }

    [Fact]
    public async Task WithoutByTheWholeFileIsOneSetAndReferenceGroupsLeaveOthersOut()
    {
        using var files = new Files();
        var input = files.Write("counts.csv", "area,A,B,C\nx,10,0,90\ny,0,10,90\nz,0,0,0\n");
        var r = await SegregationRun.Cli(input, Out(files), "--unit", "area", "--groups", "A,B,C", "--reference", "C", "--indices", "dissimilarity,isolation");
        Assert.True(r.ExitCode == 0, r.All);
        var rows = SegregationRun.Read(Out(files));
        var pair = rows.Single(x => x.Index == "dissimilarity" && x.Group == "A" && x.Reference == "C");
        Assert.Equal(190, pair.Population); // A and C only
        Assert.Equal(0.5, pair.Value!.Value, 12); // A: 10/10 in x; C: 90/180 in x
        Assert.DoesNotContain(rows, x => x.Group == "C" && x.Reference == "C");
        Assert.Equal(3, rows.Single(x => x.Index == "dissimilarity" && x.Group == "A" && x.Reference == "").Units);
        Assert.All(rows, x => Assert.Equal("", x.By));
    }

    [Fact]
    public async Task InferenceRepeatsWithTheSeedWhateverTheThreads()
    {
        using var files = new Files();
        string[] args = ["--unit", "LSOA", "--by", "LAD", "--groups", SegregationRun.CensusGroups, "--indices", "dissimilarity,multi_information_theory",
            "--inference", "systematic", "--iterations", "99", "--seed", "42"];
        var input = SegregationRun.Shared("data", "census2011", "ew2011_oa_ethnicity_5LAs_mlid.csv");
        var one = await SegregationRun.Cli(input, Path.Combine(files.Dir, "one.csv"), [.. args, "--threads", "1"]);
        var two = await SegregationRun.Cli(input, Path.Combine(files.Dir, "two.csv"), [.. args, "--threads", "2"]);
        Assert.True(one.ExitCode == 0 && two.ExitCode == 0, one.All + two.All);
        Assert.Equal(File.ReadAllText(Path.Combine(files.Dir, "one.csv")), File.ReadAllText(Path.Combine(files.Dir, "two.csv")));
        var rows = SegregationRun.Read(Path.Combine(files.Dir, "one.csv"));
        var oldham = rows.Single(x => x.By == "Oldham" && x.Index == "dissimilarity" && x.Group == "Pakistani");
        Assert.Equal(0.01, oldham.PValue); // (1 + 0) / (1 + 99): no simulated D came near
        Assert.True(oldham.Low < oldham.High && oldham.High < oldham.Value);
        Assert.All(rows.Where(x => x.Value is not null), x => Assert.NotNull(x.PValue));
    }

    [Fact]
    public async Task BootstrapGivesAnIntervalAndNoPValue()
    {
        using var files = new Files();
        var r = await SegregationRun.Cli(SegregationRun.Shared("reference", "sac1.csv"), Out(files), "--unit", "FIPS", "--groups", "WHITE,BLACK,ASIAN,HISP",
            "--indices", "multi_gini", "--inference", "bootstrap", "--iterations", "199", "--seed", "1");
        Assert.True(r.ExitCode == 0, r.All);
        var row = SegregationRun.Read(Out(files)).Single();
        Assert.Null(row.PValue);
        Assert.True(row.Low < row.Value && row.Value < row.High, $"{row.Low} {row.Value} {row.High}");
    }

    public static TheoryData<string, string[], string> BadInputs() => new()
    {
        { "area,A,B\nx,1,-2\n", [], "in.csv: line 2, column 'B', value '-2': a count cannot be negative" },
        { "area,A,B\nx,1,two\n", [], "in.csv: line 2, column 'B', value 'two': a count must be a number" },
        { "area,A,B\nx,1,\n", [], "in.csv: line 2, column 'B', value '': a count must be a number" },
        { "area,A,B,T\nx,1,2,2\n", ["--total", "T"], "in.csv: line 2, column 'T', value '2': the total is less than the sum of the groups (3)" },
        { "area,A,B\nx,1\n", [], "in.csv: line 2: expected 3 comma-separated fields, found 2" },
        { "area,A,C\nx,1,2\n", [], "in.csv: line 1, column 'B': --groups names a column the header does not have (columns: area, A, C)" },
        { "area,A,B\n,1,2\n", [], "in.csv: line 2, column 'area', value '': the unit is empty" },
        { "area,A,B\n", [], "in.csv: the file has a header but no rows" },
        { "", [], "in.csv: the file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputIsRejectedWithFileLineColumnAndValueAndNothingWritten(string content, string[] args, string message)
    {
        using var files = new Files();
        var r = await SegregationRun.Cli(files.Write("in.csv", content), Out(files), ["--unit", "area", "--groups", "A,B", .. args]);
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains(message, r.Err);
        Assert.Contains("nothing was written", r.Err);
        Assert.Equal(["in.csv"], Directory.GetFiles(files.Dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(new[] { "--indices", "dissimilarity,segregation" }, "--indices: unknown index 'segregation'")]
    [InlineData(new[] { "--atkinson-b", "1" }, "--atkinson-b must be between 0 and 1")]
    [InlineData(new[] { "--inference", "evenness" }, "--inference needs whole-number counts: unit 'x' has 1.5")]
    [InlineData(new[] { "--reference", "Z" }, "column 'Z': --reference names a column the header does not have")]
    public async Task UsageErrorsExitWithTwo(string[] args, string message)
    {
        using var files = new Files();
        var r = await SegregationRun.Cli(files.Write("in.csv", "area,A,B\nx,1.5,2\ny,3,4\n"), Out(files), ["--unit", "area", "--groups", "A,B", .. args]);
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains(message, r.Err);
        Assert.False(File.Exists(Out(files)));
    }
}

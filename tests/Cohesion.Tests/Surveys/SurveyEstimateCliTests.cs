using System.Globalization;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// <c>cohesion survey estimate</c> through the real executable on R survey's API samples (shared/reference), giving
/// the reference values, and its answers to bad input.
/// </summary>
public class SurveyEstimateCliTests
{
    static string Reference(string name) => Shared.SharedFiles.Path("reference", name);
    static readonly string[] Clus1 = ["--input", Reference("survey_apiclus1.csv"), "--clusters", "dnum", "--weights", "pw", "--fpc", "fpc"];
    static readonly string[] Strat = ["--input", Reference("survey_apistrat.csv"), "--strata", "stype", "--weights", "pw", "--fpc", "fpc"];

    static Task<CliResult> Survey(Files files, params string[] args) =>
        CohesionExe.RunWithoutDatabaseAsync(["survey", "estimate", "--output", Path.Combine(files.Dir, "out.csv"), .. args]);

    /// <summary>The output rows by domain: estimate, se, ci_low, ci_high, n (NaN for empty cells).</summary>
    static Dictionary<string, double[]> Output(Files files, CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.All);
        var lines = File.ReadAllLines(Path.Combine(files.Dir, "out.csv"));
        Assert.Equal("domain,estimate,se,ci_low,ci_high,n,suppressed,population", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0],
            f => f[1..6].Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).Append(double.Parse(f[6], CultureInfo.InvariantCulture)).ToArray());
    }

    static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-4 * Math.Abs(expected), $"expected {expected}, got {actual}");

    static void Rejected(CliResult r, Files files, string message)
    {
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains(message, r.Err);
        Assert.Contains("nothing was written", r.Err);
        Assert.False(File.Exists(Path.Combine(files.Dir, "out.csv")));
    }

    [Fact]
    public async Task StratifiedMeanAndTotalAreRsFigures()
    {
        using var files = new Files();
        var mean = Output(files, await Survey(files, [.. Strat, "--mean", "api00"]))["all"];
        Near(662.28736, mean[0]); Near(9.40894, mean[1]); Assert.Equal(200, mean[4]);
        var total = Output(files, await Survey(files, [.. Strat, "--total", "enroll"]))["all"];
        Near(3687177.5, total[0]); Near(114641.72, total[1]);
    }

    [Fact]
    public async Task ClusterMeanWithNormalAndTIntervalsWithAndWithoutFpc()
    {
        using var files = new Files();
        var r = await Survey(files, [.. Clus1, "--mean", "api00"]);
        var m = Output(files, r)["all"];
        Near(644.1694, m[0]); Near(23.54224, m[1]); Near(598.0275, m[2]); Near(690.3113, m[3]);
        Assert.Contains("one-stage clustered (15 PSUs)", r.Err);
        var t = Output(files, await Survey(files, [.. Clus1, "--mean", "api00", "--df", "design"]))["all"];
        Near(593.6763, t[2]); Near(694.6625, t[3]);
        var noFpc = Output(files, await Survey(files, "--input", Reference("survey_apiclus1.csv"), "--clusters", "dnum", "--weights", "pw", "--mean", "api00"))["all"];
        Near(23.77901, noFpc[1]);
    }

    [Fact]
    public async Task JackknifePostStratificationAndRakingAreRsFigures()
    {
        using var files = new Files();
        var jk = await Survey(files, [.. Clus1, "--mean", "api00", "--replicate", "jk1"]);
        Near(26.32936, Output(files, jk)["all"][1]);
        Assert.Contains("15 jk1 replicates", jk.Err);

        var pop = files.Write("stype.csv", "stype,Freq\nE,4421\nH,755\nM,1018\n");
        var post = Output(files, await Survey(files, [.. Clus1, "--mean", "api00", "--poststratify", $"stype={pop}"]))["all"];
        Near(642.31079, post[0]); Near(23.92049, post[1]);

        var rake = await Survey(files, [.. Clus1, "--mean", "api00", "--rake", "stype:E=4421,H=755,M=1018;sch.wide:No=1072,Yes=5122"]);
        var raked = Output(files, rake)["all"];
        Near(641.23025, raked[0]); Near(23.70364, raked[1]);
        Assert.Matches(@"raking to stype, sch\.wide converged in \d+ iterations", rake.Err);
        Assert.Contains("Design effect of weighting (Kish, 1 + CV²): 1.000 before, 1.052 after", rake.Err);
    }

    [Fact]
    public async Task DomainsAndProportionsAreRsFigures()
    {
        using var files = new Files();
        var by = Output(files, await Survey(files, [.. Clus1, "--mean", "api00", "--by", "stype"]));
        Assert.Equal(["E", "H", "M"], by.Keys);
        Near(648.8681, by["E"][0]); Near(22.3624, by["E"][1]);
        Near(618.5714, by["H"][0]); Near(38.0202, by["H"][1]);
        Near(631.4400, by["M"][0]); Near(31.6095, by["M"][1]);
        Assert.Equal(14, by["H"][4]);

        var p = Output(files, await Survey(files, [.. Clus1, "--proportion", "sch.wide=Yes", "--df", "design"]))["all"];
        Near(0.874317, p[0]); Near(0.823799, p[2]); Near(0.9119, p[3]);
    }

    [Fact]
    public async Task SmallBasesAreSuppressed()
    {
        using var files = new Files();
        var r = await Survey(files, [.. Clus1, "--mean", "api00", "--by", "stype", "--min-base", "20"]);
        var by = Output(files, r);
        Assert.Equal(1, by["H"][5]);
        Assert.True(double.IsNaN(by["H"][0]) && double.IsNaN(by["H"][1]) && double.IsNaN(by["H"][2]));
        Assert.Equal(14, by["H"][4]);
        Assert.Equal(0, by["E"][5]);
        Assert.Contains("1 suppressed (bases under --min-base 20)", r.Err);
    }

    [Fact]
    public async Task MissingValuesLeaveTheEstimateButStayInTheDesignAsRsNaRm()
    {
        using var files = new Files();
        // R: svymean(~acs.k3, dstrat, na.rm = TRUE) on apistrat, where 103 of 200 schools have no acs.k3.
        var r = await Survey(files, [.. Strat, "--mean", "acs.k3"]);
        var m = Output(files, r)["all"];
        Near(19.1649484536, m[0]); Near(0.1226472428, m[1]);
        Assert.Equal(97, m[4]);
        Assert.Contains("103 rows with no value of 'acs.k3' are left out", r.Err);
    }

    [Fact]
    public async Task UnknownColumnAndNonNumericValueNameFileLineColumnAndValue()
    {
        using var files = new Files();
        Rejected(await Survey(files, [.. Clus1, "--mean", "nope"]), files, "survey_apiclus1.csv: line 1, column 'nope': no column 'nope' in the header");
        var data = files.Write("data.csv", "id,w,y\n1,2,3.5\n2,2,abc\n3,1.5,4\n");
        Rejected(await Survey(files, "--input", data, "--weights", "w", "--mean", "y"), files, "data.csv: line 3, column 'y', value 'abc': not a number");
    }

    [Fact]
    public async Task WeightsMustBePositive()
    {
        using var files = new Files();
        var data = files.Write("data.csv", "w,y\n2,3.5\n0,3\n-1,4\n");
        var r = await Survey(files, "--input", data, "--weights", "w", "--mean", "y");
        Rejected(r, files, "data.csv: line 3, column 'w', value '0': weights must be greater than 0");
        Assert.Contains("line 4, column 'w', value '-1'", r.Err);
    }

    [Fact]
    public async Task StratumWithOnePsuIsNamedWithTheOptionsAndTheOptionWorks()
    {
        using var files = new Files();
        var data = files.Write("data.csv", "s,c,w,y\nA,1,2,3\nA,2,2,5\nA,3,2,4\nB,1,3,7\nB,1,3,8\n");
        Rejected(await Survey(files, "--input", data, "--strata", "s", "--clusters", "c", "--weights", "w", "--mean", "y"), files,
            "data.csv: stratum 'B' (column 's') has only one PSU, so its variance cannot be estimated. Say how to treat it with --lonely-psu remove, adjust, average or certainty");
        var ok = await Survey(files, "--input", data, "--strata", "s", "--clusters", "c", "--weights", "w", "--mean", "y", "--lonely-psu", "certainty");
        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.Contains("1 stratum with one PSU treated by lonely PSU option 'certainty' (B)", ok.Err);
    }

    [Fact]
    public async Task RakingThatCannotConvergeSaysIterationsAndMargin()
    {
        using var files = new Files();
        // Every respondent with a = x also has b = p, yet the margins want more x than p: no weights can meet both.
        var data = files.Write("data.csv", "a,b,y\nx,p,1\ny,q,2\ny,p,3\ny,q,4\n");
        var r = await Survey(files, "--input", data, "--mean", "y", "--rake", "a:x=100,y=100;b:p=20,q=180", "--max-iterations", "50");
        Rejected(r, files, "raking did not converge in 50 iterations");
        Assert.Matches("margin '(a|b)' is off its population counts", r.Err);
    }

    [Fact]
    public async Task MarginLevelsMustMatchTheData()
    {
        using var files = new Files();
        var data = files.Write("data.csv", "a,y\nx,1\ny,2\nz,3\n");
        Rejected(await Survey(files, "--input", data, "--mean", "y", "--rake", "a:x=10,y=20"), files,
            "data.csv: line 4, column 'a', value 'z': this level has no population count in the --rake margin for 'a'");
        Rejected(await Survey(files, "--input", data, "--mean", "y", "--rake", "a:x=10,y=20,z=5,w=7"), files,
            "data.csv, column 'a', value 'w': the --rake margin for 'a' gives this level a population count (7) but no row of the data has it");
        var pop = files.Write("pop.csv", "a,Freq\nx,10\ny,20\n");
        Rejected(await Survey(files, "--input", data, "--mean", "y", "--poststratify", $"a={pop}"), files, "value 'z': this level has no population count in pop.csv");
    }

    [Fact]
    public async Task EmptyFileAndHeaderOnlyAreErrors()
    {
        using var files = new Files();
        Rejected(await Survey(files, "--input", files.Write("empty.csv", ""), "--mean", "y"), files, "empty.csv: the file is empty");
        Rejected(await Survey(files, "--input", files.Write("header.csv", "w,y\n"), "--mean", "y"), files, "header.csv: the file has a header but no rows");
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        using var files = new Files();
        Rejected(await Survey(files, [.. Clus1, "--mean", "api00", "--total", "enroll"]), files, "give exactly one of --mean COLUMN, --total COLUMN or --proportion COLUMN=VALUE");
        Rejected(await Survey(files, [.. Clus1, "--mean", "api00", "--trim", "0.5,2"]), files, "--trim applies while weighting");
        Rejected(await Survey(files, [.. Strat, "--mean", "api00", "--replicate", "jk1"]), files, "the JK1 jackknife needs an unstratified design");
    }
}

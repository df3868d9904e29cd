using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Change;

/// <summary>Runs the real <c>cohesion</c> for the change tests (no database needed) and reads what <c>change</c> wrote.</summary>
static class ChangeRun
{
    public static Task<CliResult> Cli(params string[] args) => CohesionExe.RunWithoutDatabaseAsync(args);

    /// <summary><c>cohesion change</c> on <paramref name="extract"/>, written as extract.csv, to out.csv.</summary>
    public static Task<CliResult> Extract(Files files, string extract, string[] common, string[] args) =>
        Cli(["change", "--input", files.Write("extract.csv", extract), "--output", Path.Combine(files.Dir, "out.csv"), .. common, .. args]);

    /// <summary>The long CSV as "area,period,measure,characteristic,category" → (value, flag).</summary>
    public static Dictionary<string, (string Value, string Flag)> Figures(Files files, string name = "out.csv") =>
        File.ReadLines(Path.Combine(files.Dir, name)).Skip(1).Select(l => l.Split(','))
            .ToDictionary(p => string.Join(',', p[..5]), p => (p[5], p[6]));

    /// <summary>The run rejected extract.csv with this message and left nothing beside it.</summary>
    public static void AssertRejected(CliResult r, Files files, string message)
    {
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains($"extract.csv: {message}", r.Err);
        Assert.Contains("nothing was written", r.Err);
        Assert.Equal(["extract.csv"], Directory.GetFiles(files.Dir).Select(Path.GetFileName));
    }
}

using Cohesion.Data;
using System.Diagnostics;

namespace Cohesion.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string All => Out + Err;
}

/// <summary>Runs the real `cohesion` executable (the built app beside the tests) as a separate process.</summary>
public static class CohesionExe
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "cohesion.dll");

    public static Process Start(TestDatabase db, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var a in db.Args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(psi)!;
    }

    public static async Task<CliResult> RunAsync(TestDatabase db, params string[] args)
    {
        using var p = Start(db, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        return new CliResult(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs an import and kills it once it reports <paramref name="writingLine"/> and has written for a second and a half,
    /// failing if it never got there or finished first (either way the test would prove nothing about atomicity).
    /// </summary>
    public static async Task KillWhileWritingAsync(TestDatabase db, string writingLine, params string[] args)
    {
        using var p = Start(db, args);
        string? line;
        var writing = false;
        while ((line = await p.StandardError.ReadLineAsync()) is not null)
            if (line.Contains(writingLine)) { writing = true; break; }
        Assert.True(writing, "the import never reached its writing phase");
        // The commit is the import's last step, so a kill while it writes must leave nothing.
        await Task.Delay(1500);
        Assert.False(p.HasExited, "the import finished before it could be killed; the test proves nothing");
        p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();
    }

    /// <summary>A verb that needs no database (it reads and writes files), pointed at an empty SQLite file all the same.</summary>
    public static async Task<CliResult> RunWithoutDatabaseAsync(params string[] args)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        return await RunAsync(db, args);
    }
}

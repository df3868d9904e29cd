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

    /// <summary>A verb that needs no database (it reads and writes files), pointed at an empty SQLite file all the same.</summary>
    public static async Task<CliResult> RunWithoutDatabaseAsync(params string[] args)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        return await RunAsync(db, args);
    }
}

namespace Cohesion.Analytics.Tests.Surveys;

/// <summary>
/// Runs the R cross-checks. Missing R is a failure, never a skip: a cross-check that did not run has proved nothing.
/// ./test.sh installs r-cran-survey (Debian's), which brings Rscript.
/// </summary>
static class Rscript
{
    /// <summary>COHESION_TEST_RSCRIPT, else Rscript on the PATH, else null.</summary>
    public static string? Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("COHESION_TEST_RSCRIPT") is { Length: > 0 } set) return File.Exists(set) ? set : null;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
            {
                var candidate = System.IO.Path.Combine(dir, "Rscript");
                if (dir.Length > 0 && File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

    /// <summary>Runs an R script with arguments; fails the test with R's output when it does not succeed.</summary>
    public static void Run(string script, params string[] args)
    {
        var exe = Path ?? throw new InvalidOperationException("Rscript is not installed: apt-get install -y r-cran-survey (./test.sh does). CI must have it: this cross-check fails rather than skips.");
        var psi = new System.Diagnostics.ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("Rscript took more than 5 minutes"); }
        Assert.True(p.ExitCode == 0, $"Rscript {script} failed with exit code {p.ExitCode}:\n{stderr}\n{stdout.Result}");
    }
}

namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>
/// Where the browser and axe-core are. Both come from the system (Debian's Chromium, axe-core from
/// npm ci): Playwright never downloads a browser here. A missing one is a failure with a message
/// that says how to get it, never a skip: a browser test that did not run has proved nothing.
/// </summary>
public static class BrowserEnvironment
{
    /// <summary>Headless Chromium without the sandbox (containers, root) and without reaching the network by itself.</summary>
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static string Chromium => Existing("COHESION_TEST_CHROMIUM", "/usr/bin/chromium",
        "Debian's Chromium is needed: apt-get install chromium (./test.sh installs it and sets COHESION_TEST_CHROMIUM).");

    public static string Axe => Existing("COHESION_TEST_AXE", Path.Combine(RepositoryRoot(), "node_modules", "axe-core", "axe.min.js"),
        "axe-core is needed: run `npm ci` at the repository root (./test.sh does, and sets COHESION_TEST_AXE).");

    static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    static string Existing(string variable, string fallback, string howToGetIt)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : fallback;
        if (File.Exists(path)) return path;
        throw new InvalidOperationException(
            $"{path} does not exist ({variable}={Environment.GetEnvironmentVariable(variable) ?? "(not set)"}). {howToGetIt}"
            + (OnCi ? " CI must have it: browser tests fail rather than skip." : " Browser tests fail rather than skip without it."));
    }

    /// <summary>The folder with Cohesion.slnx, found upwards from the test binaries.</summary>
    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cohesion.slnx"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}

namespace Cohesion.Tests.Shared;

/// <summary>
/// The shared inputs the reference tests read: `../shared/` beside the repository when it is there (the live
/// copy), else the copies kept in the repository — `tests/reference/` for the reference implementations' inputs
/// and `src/Cohesion/SeedData/` for the Census 2011 files — so a clone checked out anywhere still tests the same
/// numbers. Compiled into each test project.
/// </summary>
static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var live = Repo(["..", "shared", .. parts]);
        if (File.Exists(live)) return live;
        var copy = parts switch
        {
            ["reference", .. var rest] => Repo(["tests", "reference", .. rest]),
            ["data", "census2011", var file] => Repo("src", "Cohesion", "SeedData", file),
            _ => live,
        };
        if (!File.Exists(copy)) throw new FileNotFoundException($"the shared file {string.Join('/', parts)} is neither at {live} nor at {copy}");
        return copy;
    }

    /// <summary>A path inside the repository (the folder holding Cohesion.slnx).</summary>
    public static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Cohesion.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine([dir.FullName, .. parts]));
    }
}

using System.Text;

namespace Cohesion.Tests.Infrastructure;

/// <summary>Input files written for one test into a temp folder that is removed afterwards.</summary>
public sealed class Files : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cohesion-files-").FullName;

    public string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cohesion.slnx"))) dir = dir.Parent;
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

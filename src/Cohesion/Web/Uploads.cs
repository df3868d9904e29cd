using Cohesion.Imports;

namespace Cohesion.Web;

/// <summary>
/// CSV files uploaded on staff pages for an importer: checked for size and kind, then saved under the name the user
/// chose in a folder of their own, so every import error names the file they know, and removed afterwards.
/// </summary>
public static class Uploads
{
    /// <summary>Why the upload cannot be imported, or null when it can be read.</summary>
    public static string? Problem(IFormFile? file, long maxBytes, string what)
    {
        if (file is null || file.Length == 0) return $"Choose a CSV file of {what}";
        if (file.Length > maxBytes) return $"The file must be smaller than {maxBytes / (1024 * 1024)} MB: split it";
        if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return "The file must be a CSV file (.csv)";
        return null;
    }

    /// <summary>Runs <paramref name="import"/> on a saved copy of the upload (path, file name), deleting it afterwards whatever happens.</summary>
    public static async Task<T> WithSavedCopyAsync<T>(IFormFile file, Func<string, string, Task<T>> import, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("cohesion-upload-");
        var fileName = Path.GetFileName(file.FileName);
        try
        {
            var path = Path.Combine(dir.FullName, fileName);
            await using (var s = File.Create(path)) await file.CopyToAsync(s, ct);
            return await import(path, fileName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

/// <summary>The error summary of a rejected import: every problem listed (the first ones), with how many there were.</summary>
public sealed record ImportErrorsView(IReadOnlyList<FieldError> Errors, int Total);

/// <summary>A GOV.UK file upload for a CSV import; with errors, it points to the summary at the top of the page.</summary>
public sealed record FileUploadView(string Id, string Label, string Hint, bool HasErrors, string Accept = ".csv,text/csv");

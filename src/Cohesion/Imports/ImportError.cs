namespace Cohesion.Imports;

/// <summary>One problem in an input file, located precisely enough for a person to fix it.</summary>
public sealed record ImportError(string File, long? Line, string? Column, string? Value, string Message)
{
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}: line {l}" : File;
        // A JSON import names the field by its JSON path ($[12].schedules[0].byday) rather than a column.
        var field = Column is null ? "" : Column.StartsWith('$') ? $", at {Column}" : $", column '{Column}'";
        var value = Value is null ? "" : $", value '{Truncate(Value)}'";
        return $"{where}{field}{value}: {Message}";
    }

    static string Truncate(string v) => v.Length <= 60 ? v : v[..57] + "...";
}

/// <summary>Thrown when an import is rejected; nothing has been written when it surfaces.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportError> errors, int totalErrors)
    : Exception(errors.Count == 0 ? "import failed" : errors[0].ToString())
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
    /// <summary>All errors found, of which <see cref="Errors"/> holds the first few.</summary>
    public int TotalErrors { get; } = totalErrors;

    public static ImportFailedException One(string file, long? line, string? column, string? value, string message) =>
        new([new ImportError(file, line, column, value, message)], 1);
}

/// <summary>Collects errors up to a cap so a bad file reports many problems at once, not one per run.</summary>
public sealed class ImportErrors(string file, int keep = 50)
{
    readonly List<ImportError> _errors = [];
    public int Count { get; private set; }
    public string File { get; } = file;

    public void Add(long? line, string? column, string? value, string message)
    {
        Count++;
        if (_errors.Count < keep) _errors.Add(new ImportError(File, line, column, value, message));
    }

    public void ThrowIfAny()
    {
        if (Count > 0) throw new ImportFailedException(_errors, Count);
    }
}

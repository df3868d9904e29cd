using System.Globalization;

namespace Cohesion.Assets.OpenReferral;

/// <summary>A query parameter the ORUK API could not use: answered 400 with a ProblemDetails naming it and its value.</summary>
public sealed class BadParameterException(string parameter, string value, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
    public string Value { get; } = value;
}

/// <summary>The ORUK API's query parameters, read strictly: a value that is present but wrong is an error, never ignored.</summary>
public sealed class OrukParameters(IQueryCollection q)
{
    public const int DefaultPerPage = 50, MaxPerPage = 200, MaxSearch = 200;

    string? Raw(string name) => q.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    public int Page => Raw("page") is { } s
        ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p
            : throw new BadParameterException("page", s, $"page must be a whole number from 1 (the first page); got '{Clip(s)}'")
        : 1;

    public int PerPage => Raw("per_page") is { } s
        ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage ? n
            : throw new BadParameterException("per_page", s, $"per_page must be a whole number from 1 to {MaxPerPage}; got '{Clip(s)}'")
        : DefaultPerPage;

    public string? Search => Raw("search") is { } s
        ? s.Trim() is { Length: > 0 } t ? t.Length <= MaxSearch ? t : throw new BadParameterException("search", s, $"search must be at most {MaxSearch} characters; got {s.Length}") : null
        : null;

    public Guid? Id(string name) => Raw(name) is { } s
        ? Guid.TryParseExact(s, "D", out var g) ? g : throw new BadParameterException(name, s, $"{name} must be a UUID such as 3f7b145d-84af-42d7-8fae-eaca714b02b2; got '{Clip(s)}'")
        : null;

    public bool Flag(string name) => Raw(name) is { } s
        ? s.ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => throw new BadParameterException(name, s, $"{name} must be true or false; got '{Clip(s)}'") }
        : false;

    /// <summary>An RFC 3339 date-time (a zone is required unless it is a plain date, taken as midnight UTC), in UTC.</summary>
    public DateTime? ModifiedAfter => Raw("modified_after") is { } s
        ? DateTime.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) && (s.Length == 10 || s.EndsWith('Z') || s.Contains('+') || s.LastIndexOf('-') > 10)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : throw new BadParameterException("modified_after", s, $"modified_after must be an ISO 8601 date-time with a zone, such as 2025-06-01T00:00:00Z, or a date; got '{Clip(s)}'")
        : null;

    static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}

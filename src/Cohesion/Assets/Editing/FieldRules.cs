using System.Globalization;
using System.Text.RegularExpressions;

namespace Cohesion.Assets.Editing;

/// <summary>
/// How the directory's forms read what people type: trimmed, bounded text; web addresses that are http(s); e-mail
/// addresses; UK telephone numbers; postcodes; times and dates. Each returns the value or an error message that names
/// the field and repeats what was typed, so the GOV.UK error summary tells the person exactly what to fix.
/// </summary>
public static partial class FieldRules
{
    /// <summary>A value and the problem with it (null when there is none).</summary>
    public readonly record struct Read<T>(T Value, string? Problem);

    /// <summary>Trimmed text, null when empty; refused when longer than <paramref name="max"/>.</summary>
    public static Read<string?> Text(string? raw, string label, int max, bool required = false)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return new(null, required ? $"Enter {Lower(label)}" : null);
        return s.Length > max ? new(null, $"{label} must be {max:N0} characters or fewer (you entered {s.Length:N0})") : new(s, null);
    }

    /// <summary>An absolute http or https address: anything else (javascript:, data:, a bare domain) is refused, because it is shown as a link.</summary>
    public static Read<string?> Url(string? raw, string label, int max)
    {
        var t = Text(raw, label, max);
        if (t.Value is not { } s) return t;
        return Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Host.Length > 0 && !s.Any(char.IsWhiteSpace)
            ? new(s, null)
            : new(null, $"{label} must be a web address starting with http:// or https:// (you entered '{Clip(s)}')");
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    /// <summary>local@domain.tld: the form almost every working address has (RFC 5322's quoted and bracketed forms are refused).</summary>
    public static Read<string?> Email(string? raw, string label, int max)
    {
        var t = Text(raw, label, max);
        if (t.Value is not { } s) return t;
        return EmailPattern().IsMatch(s) ? new(s, null) : new(null, $"{label} must be an email address like name@example.org (you entered '{Clip(s)}')");
    }

    /// <summary>
    /// A UK number as the Ofcom numbering plan has it: a trunk 0 (or +44 / 0044 in its place) and 9 or 10 more digits,
    /// spaces, dashes and brackets allowed. Kept as typed, so people read it as it is usually written.
    /// </summary>
    public static Read<string?> UkPhone(string? raw, string label, int max)
    {
        var t = Text(raw, label, max);
        if (t.Value is not { } s) return t;
        var problem = $"{label} must be a UK phone number like 0161 770 3000 or +44 161 770 3000 (you entered '{Clip(s)}')";
        if (s.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '+' or '.'))) return new(null, problem);
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (s.TrimStart().StartsWith('+')) digits = digits.StartsWith("44", StringComparison.Ordinal) ? "0" + digits[2..] : "";
        else if (digits.StartsWith("0044", StringComparison.Ordinal)) digits = "0" + digits[4..];
        return digits.StartsWith('0') && digits.Length is 10 or 11 ? new(s, null) : new(null, problem);
    }

    [GeneratedRegex(@"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")]
    private static partial Regex PostcodePattern();

    /// <summary>A full UK postcode (Royal Mail format), written upper case with one space.</summary>
    public static Read<string?> Postcode(string? raw, string label)
    {
        var t = Text(raw, label, 16);
        if (t.Value is not { } s) return t;
        var m = PostcodePattern().Match(s.ToUpperInvariant().Replace(" ", ""));
        return m.Success ? new($"{m.Groups[1].Value} {m.Groups[2].Value}", null) : new(null, $"{label} must be a full UK postcode like OL1 1UT (you entered '{Clip(s)}')");
    }

    /// <summary>A whole number between the bounds, or null when empty.</summary>
    public static Read<int?> Whole(string? raw, string label, int min, int max)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return new(null, null);
        return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? new(n, null)
            : new(null, $"{label} must be a whole number from {min:N0} to {max:N0} (you entered '{Clip(s)}')");
    }

    /// <summary>An amount in pounds (a £ sign and thousands commas allowed), to the penny.</summary>
    public static Read<decimal?> Pounds(string? raw, string label, decimal max)
    {
        var s = (raw?.Trim() ?? "").TrimStart('£').Replace(",", "");
        if (s.Length == 0) return new(null, null);
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d <= max && decimal.Round(d, 2) == d
            ? new(d, null)
            : new(null, $"{label} must be an amount in pounds like 3.50, up to {max:N0} (you entered '{Clip(raw!.Trim())}')");
    }

    /// <summary>A decimal degree between the bounds (WGS84).</summary>
    public static Read<double?> Degrees(string? raw, string label, double min, double max)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return new(null, null);
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= min && d <= max
            ? new(d, null)
            : new(null, $"{label} must be a number of degrees from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (you entered '{Clip(s)}')");
    }

    static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"];

    /// <summary>A time of day on the 24-hour clock (09:30, 9.30, 1830).</summary>
    public static Read<TimeOnly?> Time(string? raw, string label)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) return new(null, null);
        return TimeOnly.TryParseExact(s, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new(t, null)
            : new(null, $"{label} must be a time on the 24-hour clock like 09:30 or 18:00 (you entered '{Clip(s)}')");
    }

    /// <summary>A date from the three boxes of a GOV.UK date input; null when all three are empty.</summary>
    public static Read<DateOnly?> Date(string? day, string? month, string? year, string label)
    {
        var (d, m, y) = (day?.Trim() ?? "", month?.Trim() ?? "", year?.Trim() ?? "");
        if (d.Length + m.Length + y.Length == 0) return new(null, null);
        var typed = $"{d}/{m}/{y}";
        return int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dd) && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && yy is >= 1900 and <= 2200 && mm is >= 1 and <= 12
            && dd >= 1 && dd <= DateTime.DaysInMonth(yy, mm)
            ? new(new DateOnly(yy, mm, dd), null)
            : new(null, $"{label} must be a real date, for example 27 3 2026 (you entered '{Clip(typed)}')");
    }

    static string Lower(string label) => label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>What was typed, cut short for the message (the whole value may be long, or a paste of something else).</summary>
    public static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}

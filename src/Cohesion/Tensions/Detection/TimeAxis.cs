using System.Globalization;
using System.Text.RegularExpressions;

namespace Cohesion.Tensions.Detection;

/// <summary>
/// The time column of a counts file: consecutive integers (R surveillance's own time index), or ISO 8601 weeks
/// ("2025-W07"), which are turned into consecutive integers (weeks since ISO week 1 of year 1) and back. As with R's
/// integer time, "a year ago" is 52 weeks earlier, so in a 53-week year the reference windows drift by a week
/// (w ≥ 1 absorbs it).
/// </summary>
public sealed partial class TimeAxis
{
    public enum Formats { Integer, IsoWeek }

    public Formats Kind { get; }

    TimeAxis(Formats kind) => Kind = kind;

    /// <summary>Which format a first time value is in; null when it is neither.</summary>
    public static TimeAxis? Detect(string value) =>
        IsoWeekPattern().IsMatch(value.Trim()) ? new TimeAxis(Formats.IsoWeek)
        : long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? new TimeAxis(Formats.Integer) : null;

    /// <summary>The value as a time index; null when it is not in this axis' format (or not a real ISO week).</summary>
    public long? Parse(string value)
    {
        var v = value.Trim();
        if (Kind == Formats.Integer)
            return long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var t) && Math.Abs(t) < 1_000_000_000 ? t : null;
        var m = IsoWeekPattern().Match(v);
        if (!m.Success) return null;
        int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 1 || year > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
        return ISOWeek.ToDateTime(year, week, DayOfWeek.Monday).Ticks / TimeSpan.TicksPerDay / 7;
    }

    /// <summary>A time index written back in this axis' format.</summary>
    public string Format(long t)
    {
        if (Kind == Formats.Integer) return t.ToString(CultureInfo.InvariantCulture);
        var monday = new DateTime(t * 7 * TimeSpan.TicksPerDay);
        return $"{ISOWeek.GetYear(monday):D4}-W{ISOWeek.GetWeekOfYear(monday):D2}";
    }

    public string Describe => Kind == Formats.Integer ? "consecutive integers" : "ISO weeks (YYYY-Www)";

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex IsoWeekPattern();
}

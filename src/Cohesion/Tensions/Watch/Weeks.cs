using System.Globalization;
using Cohesion.Admin;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// ISO weeks as the module counts them: Monday to Sunday by the Europe/London local date (a report at 23:30 UTC on a
/// summer Sunday happened on Monday in Oldham). A week is its index: the Monday's day number ÷ 7 (day 0, 1 January
/// of year 1, was a Monday), so consecutive weeks are consecutive integers across year ends and 53-week years.
/// </summary>
public static class Weeks
{
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(UkTime.ToUk(utc));

    public static int Index(DateOnly date) => date.DayNumber / 7;
    public static int Index(DateTime utc) => Index(LocalDate(utc));
    public static DateOnly Monday(int week) => DateOnly.FromDayNumber(week * 7);
    public static DateOnly Monday(DateOnly date) => Monday(Index(date));

    /// <summary>"2026-W47".</summary>
    public static string Iso(int week)
    {
        var d = Monday(week).ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d):D4}-W{ISOWeek.GetWeekOfYear(d):D2}";
    }

    /// <summary>"2026-W47" → its week; null when not a real ISO week.</summary>
    public static int? Parse(string? text)
    {
        if (text is not { Length: 8 } t || t[4] != '-' || (t[5] != 'W' && t[5] != 'w')) return null;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || !int.TryParse(t.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var w)) return null;
        if (y < 1900 || y > 9998 || w < 1 || w > ISOWeek.GetWeeksInYear(y)) return null;
        return Index(DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday)));
    }

    /// <summary>"Week 47 of 2026 (17 to 23 November 2026)".</summary>
    public static string Describe(int week)
    {
        var m = Monday(week);
        var uk = CultureInfo.GetCultureInfo("en-GB");
        return $"{Iso(week)} ({m.ToString("d MMM", uk)} to {m.AddDays(6).ToString("d MMM yyyy", uk)})";
    }

    /// <summary>The week containing <paramref name="utcNow"/> in Oldham.</summary>
    public static int Current(DateTime utcNow) => Index(utcNow);
}

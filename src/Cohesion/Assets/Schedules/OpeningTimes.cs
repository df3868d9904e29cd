using System.Globalization;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Schedules;

/// <summary>
/// When a service runs, from its schedules (RFC 5545 recurrences as HSDS 3.0 stores them): whether it runs on a day,
/// whether it is open at a moment, in Europe/London time. Pure functions of the schedule and the clock given.
/// </summary>
/// <remarks>
/// Rules, after RFC 5545 section 3.3.10: a schedule applies from <c>ValidFrom</c> to <c>ValidTo</c> and, when recurring,
/// from <c>DtStart</c> to <c>Until</c> (all inclusive). Weekly: on the <c>ByDay</c> weekdays ("MO,WE"; DtStart's weekday when
/// absent), every <c>Interval</c> weeks counted from the Monday-starting week of DtStart. Monthly: on the nth weekday
/// ("1TU", "-1FR" the last Friday; a bare "TU" is every Tuesday of the month) or the days of the month in
/// <c>ByMonthDay</c> ("15", "-1" the last day), every Interval months from DtStart's month; DtStart's day of the month
/// when neither is given. No frequency: once, on DtStart. A recurrence that cannot be placed (no day and no start)
/// is never taken to be open: the directory does not guess.
/// </remarks>
public static class OpeningTimes
{
    /// <summary>Services in the directory keep UK time, summer time included.</summary>
    public static readonly TimeZoneInfo London = Admin.UkTime.Zone;

    static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The wall-clock time in London at an instant (GMT in winter, BST in summer).</summary>
    public static DateTime InLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London).DateTime;

    /// <summary>Whether any of the schedules is open at the instant.</summary>
    public static bool IsOpen(IEnumerable<Schedule> schedules, DateTimeOffset instant)
    {
        var local = InLondon(instant);
        return schedules.Any(s => IsOpenAt(s, local));
    }

    /// <summary>Whether any of the schedules runs on the day.</summary>
    public static bool RunsOn(IEnumerable<Schedule> schedules, DateOnly date) => schedules.Any(s => RunsOn(s, date));

    /// <summary>
    /// Whether the schedule is open at a London wall-clock time: it runs that day and the time is from opening up to
    /// (not including) closing. Without times it is open all day. Closing before opening means past midnight: the
    /// small hours belong to the day before.
    /// </summary>
    public static bool IsOpenAt(Schedule s, DateTime london)
    {
        var date = DateOnly.FromDateTime(london);
        var time = TimeOnly.FromDateTime(london);
        if (s.OpensAt is { } opens && s.ClosesAt is { } closes && closes <= opens)
            return (RunsOn(s, date) && time >= opens) || (RunsOn(s, date.AddDays(-1)) && time < closes);
        return RunsOn(s, date) && (s.OpensAt is not { } o || time >= o) && (s.ClosesAt is not { } c || time < c);
    }

    /// <summary>Whether the schedule runs on the day (see the rules above).</summary>
    public static bool RunsOn(Schedule s, DateOnly date)
    {
        if (s.ValidFrom is { } from && date < from) return false;
        if (s.ValidTo is { } to && date > to) return false;
        if (s.Freq is null) return s.DtStart == date;
        if (s.DtStart is { } start && date < start) return false;
        if (s.Until is { } until && date > until) return false;
        var interval = Math.Max(1, s.Interval ?? 1);
        return s.Freq == ScheduleFrequency.Weekly ? RunsWeekly(s, date, interval) : RunsMonthly(s, date, interval);
    }

    static bool RunsWeekly(Schedule s, DateOnly date, int interval)
    {
        var days = Days(s.ByDay).Select(d => d.Day).ToList();
        if (days.Count == 0 && s.DtStart is { } start) days.Add(start.DayOfWeek);
        if (!days.Contains(date.DayOfWeek)) return false;
        if (interval == 1 || s.DtStart is not { } first) return days.Count > 0;
        var weeks = (MondayOf(date).DayNumber - MondayOf(first).DayNumber) / 7;
        return weeks % interval == 0;
    }

    static bool RunsMonthly(Schedule s, DateOnly date, int interval)
    {
        if (interval > 1 && s.DtStart is { } first && ((date.Year - first.Year) * 12 + date.Month - first.Month) % interval != 0) return false;
        var days = Days(s.ByDay).ToList();
        var monthDays = MonthDays(s.ByMonthDay).ToList();
        if (days.Count == 0 && monthDays.Count == 0)
            return s.DtStart is { } start && date.Day == start.Day;
        var inMonth = DateTime.DaysInMonth(date.Year, date.Month);
        if (monthDays.Any(d => d == date.Day || (d < 0 && inMonth + d + 1 == date.Day))) return true;
        foreach (var (n, day) in days)
        {
            if (day != date.DayOfWeek) continue;
            if (n == 0) return true;
            var nth = (date.Day - 1) / 7 + 1;
            var fromEnd = (inMonth - date.Day) / 7 + 1;
            if (n == nth || n == -fromEnd) return true;
        }
        return false;
    }

    static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>"MO,1TU,-1FR" as (ordinal, weekday): 0 for every such weekday. Unreadable parts are ignored.</summary>
    internal static IEnumerable<(int N, DayOfWeek Day)> Days(string? byDay)
    {
        foreach (var part in (byDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length < 2) continue;
            var code = part[^2..].ToUpperInvariant();
            var index = Array.IndexOf(DayCodes, code);
            if (index < 0) continue;
            var ordinal = part[..^2];
            if (ordinal.Length == 0) yield return (0, (DayOfWeek)index);
            else if (int.TryParse(ordinal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= -5 and <= 5 && n != 0)
                yield return (n, (DayOfWeek)index);
        }
    }

    internal static IEnumerable<int> MonthDays(string? byMonthDay)
    {
        foreach (var part in (byMonthDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) && d is >= -31 and <= 31 && d != 0)
                yield return d;
    }
}

using System.Globalization;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Schedules;

/// <summary>Schedules in plain English for the asset page: "Every Monday 10:00 to 12:00", "First Tuesday of the month".</summary>
public static class ScheduleWords
{
    static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");
    static readonly string[] Ordinals = ["", "First", "Second", "Third", "Fourth", "Fifth"];

    /// <summary>The schedule in words: when, the times, and the dates it applies between.</summary>
    public static string Describe(Schedule s)
    {
        var when = s.Freq switch
        {
            null => s.DtStart is { } d ? Date(d) : "Date to be confirmed",
            ScheduleFrequency.Weekly => Weekly(s),
            _ => Monthly(s),
        };
        var parts = new List<string> { when };
        if (Times(s) is { } t) parts.Add(t);
        var text = string.Join(' ', parts);
        var limits = new List<string>();
        var from = Later(s.ValidFrom, s.Freq is null ? null : s.DtStart);
        var to = Earlier(s.ValidTo, s.Until);
        if (from is { } f) limits.Add("from " + Date(f));
        if (to is { } u) limits.Add("until " + Date(u));
        return limits.Count == 0 || s.Freq is null ? text : $"{text} ({string.Join(' ', limits)})";
    }

    /// <summary>"10:00 to 12:00", "from 10:00", "until 12:00", or null without times.</summary>
    public static string? Times(Schedule s) => (s.OpensAt, s.ClosesAt) switch
    {
        ({ } o, { } c) => $"{Time(o)} to {Time(c)}",
        ({ } o, null) => $"from {Time(o)}",
        (null, { } c) => $"until {Time(c)}",
        _ => null,
    };

    static string Weekly(Schedule s)
    {
        var days = OpeningTimes.Days(s.ByDay).Where(d => d.N == 0).Select(d => d.Day).Distinct().ToList();
        if (days.Count == 0 && s.DtStart is { } start) days.Add(start.DayOfWeek);
        if (days.Count == 0) return "Weekly";
        var list = List(days.OrderBy(d => ((int)d + 6) % 7).Select(d => UK.DateTimeFormat.GetDayName(d)));
        return Math.Max(1, s.Interval ?? 1) switch
        {
            1 => "Every " + list,
            2 => "Every other " + list,
            var n => $"Every {n} weeks on {list}",
        };
    }

    static string Monthly(Schedule s)
    {
        var phrases = new List<string>();
        foreach (var group in OpeningTimes.Days(s.ByDay).GroupBy(d => d.Day))
        {
            var ns = group.Select(g => g.N).Distinct().OrderBy(n => n < 0 ? 10 - n : n).ToList();
            var day = UK.DateTimeFormat.GetDayName(group.Key);
            phrases.Add(ns.Contains(0) ? $"Every {day}" : $"{List(ns.Select(Ordinal))} {day}");
        }
        var monthDays = OpeningTimes.MonthDays(s.ByMonthDay).ToList();
        if (monthDays.Count > 0) phrases.Add("the " + List(monthDays.Select(DayOfMonth)));
        if (phrases.Count == 0 && s.DtStart is { } start) phrases.Add("the " + DayOfMonth(start.Day));
        if (phrases.Count == 0) return "Monthly";
        var text = Capitalise(List(phrases));
        return Math.Max(1, s.Interval ?? 1) switch
        {
            1 => text + " of the month",
            2 => text + " of every other month",
            var n => $"{text} of every {n} months",
        };
    }

    static string Ordinal(int n) => n switch
    {
        -1 => "last",
        -2 => "second to last",
        > 0 and <= 5 => Ordinals[n].ToLowerInvariant(),
        _ => $"{n}th",
    };

    static string DayOfMonth(int d) => d switch
    {
        -1 => "last day",
        < 0 => $"{-d}{Suffix(-d)} day from the end",
        _ => $"{d}{Suffix(d)}",
    };

    static string Suffix(int d) => (d % 100) is 11 or 12 or 13 ? "th" : (d % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    static string List(IEnumerable<string> items)
    {
        var l = items.ToList();
        return l.Count <= 1 ? string.Concat(l) : string.Join(", ", l.Take(l.Count - 1)) + " and " + l[^1];
    }

    /// <summary>"Saturday 14 March 2026".</summary>
    public static string Date(DateOnly d) => d.ToString("dddd d MMMM yyyy", UK);

    static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
    static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

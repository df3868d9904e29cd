using System.Globalization;
using System.Text.RegularExpressions;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Csv;

/// <summary>
/// The CSV format's opening times: schedules written the way people write them in a spreadsheet, entries separated by
/// <c>;</c>. <c>Mon 10:00-12:00</c> (every Monday), <c>Mon,Wed 18:30-20:30</c> (several days), <c>1st Tue 18:00-20:00</c>
/// (monthly: 1st, 2nd, 3rd, 4th or last), <c>2026-03-14 14:00-16:00</c> (once). Each becomes an RFC 5545 schedule as
/// HSDS keeps it (FREQ=WEEKLY;BYDAY=MO,WE, FREQ=MONTHLY;BYDAY=1TU, or a date); schedules this cannot say (every other
/// week, a day of the month, no times) are left out of the text and left alone by an import.
/// </summary>
public static partial class OpeningTimes
{
    static readonly string[] Names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    static readonly string[] Codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    static readonly string[] Ordinals = ["1st", "2nd", "3rd", "4th"];

    [GeneratedRegex(@"^(?:(?<nth>1st|2nd|3rd|4th|last)\s+(?<mday>[A-Za-z]{3})|(?<days>[A-Za-z]{3}(?:\s*,\s*[A-Za-z]{3})*)|(?<date>\d{4}-\d{2}-\d{2}))\s+(?<open>\d{1,2}:\d{2})\s*-\s*(?<close>\d{1,2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    /// <summary>The schedules as text; those the syntax cannot express are left out.</summary>
    public static string Format(IEnumerable<Schedule> schedules) =>
        string.Join("; ", schedules.Select(Format).Where(s => s is not null).Order(StringComparer.Ordinal));

    static string? Format(Schedule s)
    {
        if (s.OpensAt is not { } open || s.ClosesAt is not { } close || s.ByMonthDay is { Length: > 0 } || s.Interval is > 1) return null;
        var times = $"{open.ToString("HH:mm", CultureInfo.InvariantCulture)}-{close.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        switch (s.Freq)
        {
            case null when s.DtStart is { } date:
                return $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {times}";
            case ScheduleFrequency.Weekly when s.ByDay is { Length: > 0 } byDay:
                var days = byDay.Split(',');
                if (days.Any(d => Array.IndexOf(Codes, d) < 0)) return null;
                return $"{string.Join(",", days.Select(d => Names[Array.IndexOf(Codes, d)]))} {times}";
            case ScheduleFrequency.Monthly when s.ByDay is { Length: 3 or 4 } nth:
                var day = Array.IndexOf(Codes, nth[^2..]);
                var which = nth[..^2] switch { "-1" => "last", "1" or "2" or "3" or "4" => Ordinals[nth[0] - '1'], _ => null };
                return day < 0 || which is null ? null : $"{which} {Names[day]} {times}";
            default:
                return null;
        }
    }

    /// <summary>Parses the text into schedules (without ids), or says what is wrong with the first entry that is not understood.</summary>
    public static List<Schedule>? Parse(string text, out string? error)
    {
        error = null;
        var list = new List<Schedule>();
        foreach (var raw in text.Split(';'))
        {
            var entry = raw.Trim();
            if (entry.Length == 0) continue;
            var m = Entry().Match(entry);
            if (!m.Success)
            {
                error = $"'{entry}' is not an opening time: write a day and times like Mon 10:00-12:00, Mon,Wed 10:00-12:00, 1st Tue 18:00-20:00, last Fri 18:00-20:00 or 2026-03-14 14:00-16:00";
                return null;
            }
            if (!TryTime(m.Groups["open"].Value, out var open) || !TryTime(m.Groups["close"].Value, out var close))
            {
                error = $"'{entry}' has a time that does not exist: use 24-hour times from 00:00 to 23:59";
                return null;
            }
            if (close <= open)
            {
                error = $"'{entry}' closes before it opens: write the opening time first";
                return null;
            }
            var s = new Schedule { OpensAt = open, ClosesAt = close };
            if (m.Groups["date"].Success)
            {
                if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    error = $"'{entry}' has a date that does not exist: write it as yyyy-mm-dd";
                    return null;
                }
                s.DtStart = date;
            }
            else if (m.Groups["nth"].Success)
            {
                if (Day(m.Groups["mday"].Value) is not { } day) { error = UnknownDay(entry, m.Groups["mday"].Value); return null; }
                s.Freq = ScheduleFrequency.Monthly;
                s.Interval = 1;
                s.ByDay = (m.Groups["nth"].Value == "last" ? "-1" : m.Groups["nth"].Value[..1]) + day;
            }
            else
            {
                var days = new List<string>();
                foreach (var name in m.Groups["days"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (Day(name) is not { } day) { error = UnknownDay(entry, name); return null; }
                    if (!days.Contains(day)) days.Add(day);
                }
                s.Freq = ScheduleFrequency.Weekly;
                s.Interval = 1;
                s.ByDay = string.Join(",", days);
            }
            list.Add(s);
        }
        return list;
    }

    static string UnknownDay(string entry, string day) => $"'{entry}': '{day}' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun";

    static string? Day(string name)
    {
        var i = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? null : Codes[i];
    }

    static bool TryTime(string s, out TimeOnly t) =>
        TimeOnly.TryParseExact(s.Length == 4 ? "0" + s : s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out t);
}

using System.Globalization;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Editing;

/// <summary>How the editing pages word a record's states and parts.</summary>
public static class AssetText
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Label(this ServiceStatus s) => s switch
    {
        ServiceStatus.Active => "Running",
        ServiceStatus.Inactive => "Not running",
        ServiceStatus.TemporarilyClosed => "Temporarily closed",
        _ => "Closed for good (defunct)",
    };

    public static string Label(this Publication p) => p switch
    {
        Publication.Published => "Published: in the directory",
        Publication.Draft => "Draft: not in the directory yet",
        _ => "Archived: taken out of the directory",
    };

    public static string Label(this ReviewStatus r) => r switch
    {
        ReviewStatus.Checked => "Checked",
        ReviewStatus.NeedsChecking => "Needs checking",
        _ => "Not checked yet",
    };

    public static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static string Cost(CostOption c) => Join(c.Amount is { } a ? "£" + a.ToString("0.00", CultureInfo.InvariantCulture) : null, c.Option, c.AmountDescription);

    /// <summary>"Every Monday and Wednesday, 10:00 to 12:00", "Last Friday of the month, 18:30 to 20:00", "On 3 May 2026".</summary>
    public static string Schedule(Schedule s)
    {
        var days = (s.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var when = s.Freq switch
        {
            ScheduleFrequency.Weekly => (s.Interval is > 1 ? $"Every {s.Interval} weeks on " : "Every ") + And(days.Select(EditorLists.WeekdayName)),
            ScheduleFrequency.Monthly when days.Length > 0 && days[0].Length > 2 =>
                And(days.Select(d => $"{EditorLists.WeekName(d[..^2])} {EditorLists.WeekdayName(d[^2..])}")) + " of the month",
            ScheduleFrequency.Monthly when s.ByMonthDay is { } md => $"Day {md} of the month",
            ScheduleFrequency.Monthly => "Monthly",
            _ => s.DtStart is { } d ? "On " + d.ToString("d MMMM yyyy", EnGb) : "On a date to be confirmed",
        };
        var times = s.OpensAt is { } o ? s.ClosesAt is { } c ? $"{o:HH:mm} to {c:HH:mm}" : $"from {o:HH:mm}" : null;
        return Join(when, times, s.Description);
    }

    static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}

namespace Cohesion.Assets.Editing;

/// <summary>The fixed lists the editing form offers (records keep values from elsewhere too: see <see cref="EditorChoices"/>).</summary>
public static class EditorLists
{
    /// <summary>What a place offers disabled people, in the words AccessAble and the HSDS examples use.</summary>
    public static readonly IReadOnlyList<string> Accessibility =
    [
        "Step-free access", "Accessible toilet", "Lift to all floors", "Hearing loop", "Accessible parking", "Changing Places toilet",
        "Assistance dogs welcome", "Quiet room or space", "Large print or easy read information",
    ];

    /// <summary>RFC 5545 weekday codes with their names, Monday first as in the UK.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Weekdays =
    [
        ("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday"), ("TH", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"), ("SU", "Sunday"),
    ];

    /// <summary>Which week of the month (RFC 5545 BYDAY ordinal): the first to fourth, or the last.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Weeks =
    [
        ("1", "First"), ("2", "Second"), ("3", "Third"), ("4", "Fourth"), ("-1", "Last"),
    ];

    public static string WeekdayName(string code) => Weekdays.FirstOrDefault(w => w.Code == code).Name ?? code;
    public static string WeekName(string code) => Weeks.FirstOrDefault(w => w.Code == code).Name ?? code;
}

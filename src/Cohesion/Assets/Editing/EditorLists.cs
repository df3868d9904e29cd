namespace Cohesion.Assets.Editing;

/// <summary>A language people can pick: its English name and ISO 639 code.</summary>
public sealed record LanguageChoice(string Code, string Name);

/// <summary>The fixed lists the editing form offers (records keep values from elsewhere too: see <see cref="EditorChoices"/>).</summary>
public static class EditorLists
{
    /// <summary>
    /// Languages commonly spoken in England, by the Census 2021 main-language counts (ONS TS024) for England and the
    /// languages of recent arrivals, in English alphabetical order. Codes are ISO 639-1 where the language has one and
    /// ISO 639-3 otherwise (British Sign Language bfi, Dari prs, Pahari-Pothwari phr, Sylheti syl), as HSDS allows.
    /// </summary>
    public static readonly IReadOnlyList<LanguageChoice> Languages =
    [
        new("sq", "Albanian"), new("am", "Amharic"), new("ar", "Arabic"), new("bn", "Bengali"), new("bfi", "British Sign Language"),
        new("bg", "Bulgarian"), new("zh", "Chinese"), new("cs", "Czech"), new("prs", "Dari"), new("en", "English"),
        new("fa", "Farsi (Persian)"), new("fr", "French"), new("de", "German"), new("el", "Greek"), new("gu", "Gujarati"),
        new("hi", "Hindi"), new("hu", "Hungarian"), new("ig", "Igbo"), new("it", "Italian"), new("ku", "Kurdish"),
        new("lv", "Latvian"), new("lt", "Lithuanian"), new("ne", "Nepali"), new("phr", "Pahari-Pothwari"), new("ps", "Pashto"),
        new("pl", "Polish"), new("pt", "Portuguese"), new("pa", "Punjabi"), new("ro", "Romanian"), new("ru", "Russian"),
        new("sk", "Slovak"), new("so", "Somali"), new("es", "Spanish"), new("sw", "Swahili"), new("syl", "Sylheti"),
        new("tl", "Tagalog (Filipino)"), new("ta", "Tamil"), new("ti", "Tigrinya"), new("tr", "Turkish"), new("uk", "Ukrainian"),
        new("ur", "Urdu"), new("vi", "Vietnamese"), new("cy", "Welsh"), new("yo", "Yoruba"),
    ];

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

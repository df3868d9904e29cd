using System.Globalization;

namespace Cohesion.PlaceStandard;

/// <summary>A Place Standard theme: its number (1–14, the tool's order), code (files and the API), name and main question.</summary>
public sealed record PlaceStandardTheme(int Number, string Code, string Name, string Question);

/// <summary>
/// The 14 themes of the Place Standard tool with its main questions, quoted as the tool asks them, and its scale.
/// The wording is the tool's, so results can be compared with other places that used it.
/// </summary>
public static class PlaceStandardThemes
{
    public const string Source = "Place Standard tool (How Good Is Our Place?), Scottish Government, NHS Health Scotland (now Public Health Scotland) and Architecture & Design Scotland, 2015; www.ourplace.scot";
    public const string Licence = "Free to use; Scottish Government material is Crown copyright, re-used under the Open Government Licence v3.0";
    public const string WordingNote = "Theme names as in the current tool; questions as in the tool's main questions (theme 7 asks about \"facilities and amenities\", theme 10 was called \"Social contact\" in the first edition).";

    public static readonly IReadOnlyList<PlaceStandardTheme> All =
    [
        new(1, "moving_around", "Moving around", "Can I easily walk and cycle around using good-quality routes?"),
        new(2, "public_transport", "Public transport", "Does public transport meet my needs?"),
        new(3, "traffic_parking", "Traffic and parking", "Do traffic and parking arrangements allow people to move around safely and meet the community's needs?"),
        new(4, "streets_spaces", "Streets and spaces", "Do buildings, streets and public spaces create an attractive place that is easy to get around?"),
        new(5, "natural_space", "Natural space", "Can I regularly experience good-quality natural space?"),
        new(6, "play_recreation", "Play and recreation", "Can I access a range of spaces with opportunities for play and recreation?"),
        new(7, "facilities_services", "Facilities and services", "Do facilities and amenities meet my needs?"),
        new(8, "work_economy", "Work and local economy", "Is there an active local economy and the opportunity to access good-quality work?"),
        new(9, "housing_community", "Housing and community", "Do the homes in my area support the needs of the community?"),
        new(10, "social_interaction", "Social interaction", "Is there a range of spaces and opportunities to meet people?"),
        new(11, "identity_belonging", "Identity and belonging", "Does this place have a positive identity and do I feel I belong?"),
        new(12, "feeling_safe", "Feeling safe", "Do I feel safe here?"),
        new(13, "care_maintenance", "Care and maintenance", "Are buildings and spaces well cared for?"),
        new(14, "influence_control", "Influence and sense of control", "Do I feel able to take part in decisions and help change things for the better?"),
    ];

    public const int Count = 14;

    /// <summary>The scale's ends, as the tool labels them.</summary>
    public const string LowLabel = "a lot of room for improvement", HighLabel = "very little room for improvement";

    public const string GoodNowPrompt = "What is good now?", CouldBeBetterPrompt = "What could be better?";

    /// <summary>A theme by its code (any case) or its number 1–14; null when neither.</summary>
    public static PlaceStandardTheme? Find(string? codeOrNumber)
    {
        var s = codeOrNumber?.Trim() ?? "";
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n is >= 1 and <= Count ? All[n - 1] : null;
        return All.FirstOrDefault(t => string.Equals(t.Code, s, StringComparison.OrdinalIgnoreCase));
    }

    public static PlaceStandardTheme Get(int number) => All[number - 1];

    /// <summary>"1 (a lot of room for improvement)" … "7 (very little room for improvement)".</summary>
    public static string ScoreLabel(int score) => score switch
    {
        1 => $"1 ({LowLabel})",
        7 => $"7 ({HighLabel})",
        _ => score.ToString(CultureInfo.InvariantCulture),
    };
}

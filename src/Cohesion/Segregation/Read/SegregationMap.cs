namespace Cohesion.Segregation.Read;

/// <summary>A measure of each area the district map can show, for one group where it needs one.</summary>
public sealed record SegregationMap(string Key, string Label, string Unit, bool NeedsGroup)
{
    public static readonly SegregationMap[] All =
    [
        new("local_information_theory", "Contribution to segregation (all groups)", "", false),
        new("share", "Share of residents in the group", "%", true),
        new("local_dissimilarity", "Contribution to the group's dissimilarity", "", true),
        new("simpson", "Diversity (Simpson's index)", "", false),
    ];

    public static SegregationMap? Find(string? key) => All.FirstOrDefault(m => m.Key == key);

    /// <summary>This measure for one area (a share as a percentage), as the page's table and the map endpoint give it.</summary>
    public double? ValueOf(AreaSegregationDto a) => Key switch
    {
        "share" => a.GroupShare * 100,
        "local_dissimilarity" => a.LocalDissimilarity,
        "simpson" => a.Simpson,
        _ => a.LocalInformationTheory,
    };
}

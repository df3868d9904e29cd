using System.Globalization;

namespace Cohesion.Analytics.Segregation;

/// <summary>What an index is called and means, in words for the people who read the pages and the CSV.</summary>
/// <param name="Index">The index.</param>
/// <param name="Name">Its name in the CLI, the API and the CSV (e.g. <c>multi_gini</c>).</param>
/// <param name="Title">A short title for headings and tables.</param>
/// <param name="Meaning">What it measures, in plain English.</param>
/// <param name="Range">The values it takes and what the ends mean.</param>
/// <param name="Tail">Which direction is "more segregated" (for one-sided tests).</param>
/// <param name="Source">Where the formula comes from.</param>
public sealed record IndexInfo(SegregationIndex Index, string Name, string Title, string Meaning, string Range, Tail Tail, string Source)
{
    /// <summary>Whether it takes all groups at once.</summary>
    public bool IsMultiGroup => Indices.IsMultiGroup(Index);
}

/// <summary>A measure of each area (for maps), not of a district.</summary>
public sealed record AreaMeasureInfo(string Name, string Title, string Meaning, string Range, string Source);

/// <summary>
/// Names, titles and plain-English meanings of the segregation indices, and one sentence stating a value
/// (<see cref="Describe"/>), for the pages, the API and <c>docs/segregation.md</c>.
/// </summary>
public static class IndexCatalogue
{
    const string EvenToSeparate = "0 to 1: 0 means every area has the same mix as the whole district; 1 means the groups never share an area.";
    const string PysalRef = "pysal segregation (Cortes et al. 2020)";

    /// <summary>Every index, in the order of <see cref="SegregationIndex"/>.</summary>
    public static IReadOnlyList<IndexInfo> All { get; } =
    [
        new(SegregationIndex.Dissimilarity, "dissimilarity", "Dissimilarity",
            "The share of the group who would have to move to a different area for the group to be spread evenly, that is, to make up the same share of every area. It is also the share of everyone else who would have to move.",
            EvenToSeparate, Tail.Upper, "Duncan & Duncan (1955); Massey & Denton (1988)"),
        new(SegregationIndex.Gini, "gini", "Gini",
            "How different the group's share is between areas, on average over every pair of residents, as a share of the most it could be. Like dissimilarity, but every difference counts, not only whether an area is above or below the district's share.",
            EvenToSeparate, Tail.Upper, "Duncan & Duncan (1955); Massey & Denton (1988)"),
        new(SegregationIndex.Entropy, "entropy", "Entropy (Theil's H)",
            "How much less mixed the average resident's area is than the district as a whole, measured by entropy (information), as a share of the district's mix.",
            EvenToSeparate, Tail.Upper, "Theil & Finizza (1971); Massey & Denton (1988)"),
        new(SegregationIndex.Isolation, "isolation", "Isolation",
            "The share of the group in the area where the average member of the group lives: how much the group's members live among each other. Compare it with the group's share of the whole district, which is what it would be if the group were spread evenly.",
            "From the group's share of the district (even) to 1 (the group lives apart). It grows with the group's size, so compare it with that share.", Tail.Upper, "Lieberson (1981); Massey & Denton (1988)"),
        new(SegregationIndex.Interaction, "interaction", "Interaction (exposure)",
            "The share of other people (or of the reference group) in the area where the average member of the group lives: how much the group's members live among others. Isolation and interaction add up to 1.",
            "From 0 (the group never shares an area with others) to the others' share of the district (even). Lower means more separate.", Tail.Lower, "Bell (1954); Massey & Denton (1988)"),
        new(SegregationIndex.Atkinson, "atkinson", "Atkinson",
            "Unevenness of the group's spread, with a parameter b that sets which areas count more: b below 0.5 gives more weight to areas where the group is under-represented, above 0.5 to areas where it is over-represented (0.5 weights both alike).",
            EvenToSeparate, Tail.Upper, "Atkinson (1970); Massey & Denton (1988)"),
        new(SegregationIndex.MultiDissimilarity, "multi_dissimilarity", "Multigroup dissimilarity",
            "The share of all residents who would have to move for every area to have the district's mix of groups, as a share of the most that could have to move.",
            EvenToSeparate, Tail.Upper, "Sakoda (1981); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiGini, "multi_gini", "Multigroup Gini",
            "How different each group's share is between areas, on average over every pair of residents and every group, as a share of the most it could be.",
            EvenToSeparate, Tail.Upper, "Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiInformationTheory, "multi_information_theory", "Multigroup information theory (Theil's H)",
            "How much less diverse the average resident's area is than the district as a whole, measured by entropy, as a share of the district's diversity. It splits exactly into each area's contribution, which is what the maps show.",
            EvenToSeparate, Tail.Upper, "Theil (1972); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiRelativeDiversity, "multi_relative_diversity", "Multigroup relative diversity",
            "How much less likely two residents of the same area are to belong to different groups than two residents picked from anywhere in the district, as a share of the latter.",
            EvenToSeparate, Tail.Upper, "Carlson (1992); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiNormalizedExposure, "multi_normalized_exposure", "Multigroup normalised exposure",
            "How much more each group's members are exposed to their own group in their area than an even spread would give, as a share of the most it could be, averaged over the groups by size.",
            EvenToSeparate, Tail.Upper, "James (1986); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiSquaredCoefficientOfVariation, "multi_squared_coefficient_of_variation", "Multigroup squared coefficient of variation",
            "How much each group's share varies between areas compared with its share of the district, averaged over the groups.",
            EvenToSeparate, Tail.Upper, "Coleman, Kelly & Moore (1975); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiDiversity, "multi_diversity", "Diversity (entropy)",
            "How diverse the district is as a whole, whatever the spread between its areas: the entropy of its mix of groups. Not a segregation index: it sets the scale for the ones that are.",
            "0 (everyone in one group) to ln K, the natural logarithm of the number of groups (all groups the same size).", Tail.Both, "Theil (1972); Reardon & Firebaugh (2002)"),
        new(SegregationIndex.MultiDiversityNormalized, "multi_diversity_normalized", "Diversity, normalised",
            "The district's diversity (entropy) as a share of the most possible with this many groups.",
            "0 (everyone in one group) to 1 (all groups the same size).", Tail.Both, "Theil (1972); " + PysalRef),
        new(SegregationIndex.SimpsonsConcentration, "simpsons_concentration", "Simpson's concentration",
            "The chance that two residents picked at random from the whole district belong to the same group.",
            "1/K (all K groups the same size) to 1 (everyone in one group).", Tail.Both, "Simpson (1949); " + PysalRef),
        new(SegregationIndex.SimpsonsInteraction, "simpsons_interaction", "Simpson's interaction (diversity)",
            "The chance that two residents picked at random from the whole district belong to different groups.",
            "0 (everyone in one group) to 1 − 1/K (all K groups the same size).", Tail.Both, "Simpson (1949); " + PysalRef),
    ];

    /// <summary>The area-level measures: each area's own diversity and its part in the district's segregation.</summary>
    public static IReadOnlyList<AreaMeasureInfo> AreaMeasures { get; } =
    [
        new("simpson", "Diversity (Simpson)",
            "The chance that two residents of the area picked at random belong to different groups.",
            "0 (everyone in one group) to 1 − 1/K.", "Simpson (1949)"),
        new("shannon", "Diversity (Shannon)",
            "The entropy of the area's mix of groups: higher when there are more groups of more equal size.",
            "0 (everyone in one group) to ln K.", "Shannon (1948)"),
        new("local_information_theory", "Contribution to segregation",
            "The area's part in the district's multigroup information theory index: how far its mix differs from the district's, weighted by its population. The areas' parts add up to the district's index.",
            "0 (the area has the district's mix) upwards; the parts sum to the district index.", "Theil (1972); Reardon & O'Sullivan (2004)"),
        new("local_dissimilarity", "Contribution to dissimilarity",
            "The area's part in the group's dissimilarity index: how far the group's share of the area is from its share of the district, weighted by population. The areas' parts add up to the district's index.",
            "0 (the area has the district's share) upwards; the parts sum to the district index.", "Duncan & Duncan (1955)"),
    ];

    static readonly Dictionary<string, SegregationIndex> ByName = All.ToDictionary(i => i.Name, i => i.Index, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry for an index.</summary>
    public static IndexInfo Get(SegregationIndex index) => All[(int)index];

    /// <summary>The index with this name (case-insensitive), if there is one.</summary>
    public static bool TryParse(string name, out SegregationIndex index) => ByName.TryGetValue(name.Trim(), out index);

    /// <summary>
    /// One sentence stating the value in plain English, e.g. "34% of Pakistani residents would have to move to a
    /// different area for Pakistani residents to be spread evenly across the district." <paramref name="group"/> and
    /// <paramref name="reference"/> (null: everyone else) are used by the two-group indices; <paramref name="groups"/>
    /// (K) by diversity.
    /// </summary>
    public static string Describe(SegregationIndex index, double value, string? group = null, string? reference = null, int groups = 0)
    {
        if (double.IsNaN(value)) return $"{Get(index).Title} cannot be worked out here: the area has no residents, or fewer than two of the groups.";
        var g = string.IsNullOrWhiteSpace(group) ? "the group" : group.Trim();
        var residents = string.IsNullOrWhiteSpace(group) ? "the group's members" : $"{g} residents";
        var others = reference is null ? "everyone else" : $"{reference} residents";
        var against = reference is null ? "" : $" relative to {reference} residents";
        var pct = Percent(value);
        return index switch
        {
            SegregationIndex.Dissimilarity => $"{pct} of {residents} would have to move to a different area for them to be spread evenly across the district{against}.",
            SegregationIndex.Gini => $"Between areas, the share of {residents} differs by {pct} of the most it could{against} (0% is an even spread).",
            SegregationIndex.Entropy => $"The average area is {pct} less mixed between {residents} and {others} than the district as a whole.",
            SegregationIndex.Isolation => $"The average {(group is null ? "member of the group" : g + " resident")} lives in an area where {pct} of the residents{(reference is null ? "" : $" who are {g} or {reference}")} are also {(group is null ? "in the group" : g)}.",
            SegregationIndex.Interaction => $"The average {(group is null ? "member of the group" : g + " resident")} lives in an area where {pct} of the residents{(reference is null ? "" : $" who are {g} or {reference}")} are {(reference is null ? "not " + (group is null ? "in the group" : g) : reference)}.",
            SegregationIndex.Atkinson => $"The spread of {residents} is {pct} of the way from even to completely separate{against} (Atkinson).",
            SegregationIndex.MultiDissimilarity => $"{pct} of the residents who could have to move would have to move for every area to have the district's mix of groups.",
            SegregationIndex.MultiGini => $"Between areas, each group's share differs by {pct} of the most it could (0% is an even spread).",
            SegregationIndex.MultiInformationTheory => $"The average resident's area is {pct} less diverse than the district as a whole.",
            SegregationIndex.MultiRelativeDiversity => $"Two residents of the same area are {pct} less likely to belong to different groups than two residents picked from anywhere in the district.",
            SegregationIndex.MultiNormalizedExposure => $"On average, groups are {pct} of the way from living among the district's mix to living only among their own group.",
            SegregationIndex.MultiSquaredCoefficientOfVariation => $"Groups' shares vary between areas by {Number(value)} (squared coefficient of variation; 0 is an even spread).",
            SegregationIndex.MultiDiversity => $"The district's diversity (entropy) is {Number(value)}" + (groups >= 2 ? $", where {Number(Math.Log(groups))} would mean all {groups} groups the same size." : "."),
            SegregationIndex.MultiDiversityNormalized => $"The district has {pct} of the highest diversity possible with these groups.",
            SegregationIndex.SimpsonsConcentration => $"Two residents picked at random from the district have a {pct} chance of belonging to the same group.",
            SegregationIndex.SimpsonsInteraction => $"Two residents picked at random from the district have a {pct} chance of belonging to different groups.",
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    static string Percent(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    static string Number(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}

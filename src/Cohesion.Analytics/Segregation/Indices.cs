namespace Cohesion.Analytics.Segregation;

/// <summary>The segregation indices by name, two-group then multigroup (see <see cref="IndexCatalogue"/> for what each means).</summary>
public enum SegregationIndex
{
    /// <summary>Two-group dissimilarity D (<see cref="TwoGroup.Dissimilarity"/>).</summary>
    Dissimilarity,
    /// <summary>Two-group Gini (<see cref="TwoGroup.Gini"/>).</summary>
    Gini,
    /// <summary>Two-group entropy, Theil's H (<see cref="TwoGroup.Entropy"/>).</summary>
    Entropy,
    /// <summary>Isolation xPx (<see cref="TwoGroup.Isolation"/>).</summary>
    Isolation,
    /// <summary>Interaction xPy (<see cref="TwoGroup.Interaction"/>).</summary>
    Interaction,
    /// <summary>Atkinson (<see cref="TwoGroup.Atkinson"/>).</summary>
    Atkinson,
    /// <summary><see cref="MultiGroup.Dissimilarity"/>.</summary>
    MultiDissimilarity,
    /// <summary><see cref="MultiGroup.Gini"/>.</summary>
    MultiGini,
    /// <summary><see cref="MultiGroup.InformationTheory"/>.</summary>
    MultiInformationTheory,
    /// <summary><see cref="MultiGroup.RelativeDiversity"/>.</summary>
    MultiRelativeDiversity,
    /// <summary><see cref="MultiGroup.NormalizedExposure"/>.</summary>
    MultiNormalizedExposure,
    /// <summary><see cref="MultiGroup.SquaredCoefficientOfVariation"/>.</summary>
    MultiSquaredCoefficientOfVariation,
    /// <summary><see cref="MultiGroup.Diversity"/>.</summary>
    MultiDiversity,
    /// <summary><see cref="MultiGroup.DiversityNormalized"/>.</summary>
    MultiDiversityNormalized,
    /// <summary><see cref="MultiGroup.SimpsonsConcentration"/>.</summary>
    SimpsonsConcentration,
    /// <summary><see cref="MultiGroup.SimpsonsInteraction"/>.</summary>
    SimpsonsInteraction,
}

/// <summary>Any index by its <see cref="SegregationIndex"/>, and sets of indices as <see cref="Statistics"/> for <see cref="Inference"/>.</summary>
public static class Indices
{
    /// <summary>Whether the index takes all groups at once (<see cref="MultiGroup"/>) rather than one group against a total (<see cref="TwoGroup"/>).</summary>
    public static bool IsMultiGroup(SegregationIndex index) => index >= SegregationIndex.MultiDissimilarity;

    /// <summary>A two-group index of <paramref name="group"/> against <paramref name="total"/>; <paramref name="atkinsonB"/> is used by Atkinson only.</summary>
    public static double TwoGroup(SegregationIndex index, ReadOnlySpan<double> group, ReadOnlySpan<double> total, double atkinsonB = Segregation.TwoGroup.DefaultAtkinsonB) => index switch
    {
        SegregationIndex.Dissimilarity => Segregation.TwoGroup.Dissimilarity(group, total),
        SegregationIndex.Gini => Segregation.TwoGroup.Gini(group, total),
        SegregationIndex.Entropy => Segregation.TwoGroup.Entropy(group, total),
        SegregationIndex.Isolation => Segregation.TwoGroup.Isolation(group, total),
        SegregationIndex.Interaction => Segregation.TwoGroup.Interaction(group, total),
        SegregationIndex.Atkinson => Segregation.TwoGroup.Atkinson(group, total, atkinsonB),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "not a two-group index"),
    };

    /// <summary>A multigroup index of all the groups in <paramref name="counts"/>.</summary>
    public static double MultiGroup(SegregationIndex index, GroupCounts counts) => index switch
    {
        SegregationIndex.MultiDissimilarity => Segregation.MultiGroup.Dissimilarity(counts),
        SegregationIndex.MultiGini => Segregation.MultiGroup.Gini(counts),
        SegregationIndex.MultiInformationTheory => Segregation.MultiGroup.InformationTheory(counts),
        SegregationIndex.MultiRelativeDiversity => Segregation.MultiGroup.RelativeDiversity(counts),
        SegregationIndex.MultiNormalizedExposure => Segregation.MultiGroup.NormalizedExposure(counts),
        SegregationIndex.MultiSquaredCoefficientOfVariation => Segregation.MultiGroup.SquaredCoefficientOfVariation(counts),
        SegregationIndex.MultiDiversity => Segregation.MultiGroup.Diversity(counts),
        SegregationIndex.MultiDiversityNormalized => Segregation.MultiGroup.DiversityNormalized(counts),
        SegregationIndex.SimpsonsConcentration => Segregation.MultiGroup.SimpsonsConcentration(counts),
        SegregationIndex.SimpsonsInteraction => Segregation.MultiGroup.SimpsonsInteraction(counts),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "not a multigroup index"),
    };

    /// <summary>
    /// Two-group indices of each of the first <paramref name="groups"/> groups against its unit totals, which include
    /// any further columns (e.g. a last column holding people outside the listed groups). Values are written index
    /// by index, then group by group: value [j·groups + k] is <paramref name="indices"/>[j] for group k. For a group
    /// against a reference group, pass counts with just the two columns and <paramref name="groups"/> = 1.
    /// </summary>
    public static Statistics AgainstRest(IReadOnlyList<SegregationIndex> indices, int groups, double atkinsonB = Segregation.TwoGroup.DefaultAtkinsonB)
    {
        if (indices.Any(IsMultiGroup)) throw new ArgumentException("only two-group indices here", nameof(indices));
        var list = indices.ToArray();
        var tails = list.SelectMany(i => Enumerable.Repeat(IndexCatalogue.Get(i).Tail, groups)).ToArray();
        return new Statistics((counts, values) =>
        {
            for (var j = 0; j < list.Length; j++)
                for (var k = 0; k < groups; k++) values[j * groups + k] = TwoGroup(list[j], counts.Group(k), counts.UnitTotals, atkinsonB);
        }, tails);
    }

    /// <summary>Multigroup indices of all the groups, in the order given.</summary>
    public static Statistics AllGroups(IReadOnlyList<SegregationIndex> indices)
    {
        if (!indices.All(IsMultiGroup)) throw new ArgumentException("only multigroup indices here", nameof(indices));
        var list = indices.ToArray();
        return new Statistics((counts, values) =>
        {
            for (var j = 0; j < list.Length; j++) values[j] = MultiGroup(list[j], counts);
        }, list.Select(i => IndexCatalogue.Get(i).Tail).ToArray());
    }
}

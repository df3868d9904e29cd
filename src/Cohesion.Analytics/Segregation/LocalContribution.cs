namespace Cohesion.Analytics.Segregation;

/// <summary>
/// Each unit's share of a district's segregation, for maps: additive decompositions whose unit terms sum exactly
/// (up to rounding) to the district index, so a unit's term is "how much of the index this area accounts for".
/// A unit with no people contributes 0. When the index itself is undefined (NaN) every term is NaN.
/// </summary>
public static class LocalContribution
{
    /// <summary>
    /// Unit i's term of the two-group dissimilarity, dᵢ = tᵢ |pᵢ − P| / (2 T P (1 − P)); Σᵢ dᵢ = D. Large where the
    /// group's share departs most from the district's, weighted by the unit's population.
    /// Source: the definition of D (Duncan &amp; Duncan 1955) read term by term.
    /// </summary>
    public static void Dissimilarity(ReadOnlySpan<double> group, ReadOnlySpan<double> total, Span<double> contributions)
    {
        Check(total.Length, contributions.Length);
        var (x, t) = TwoGroup.Sums(group, total);
        if (!TwoGroup.Defined(x, t))
        {
            contributions.Fill(double.NaN);
            return;
        }
        var share = x / t;
        var scale = 2 * t * share * (1 - share);
        for (var i = 0; i < total.Length; i++)
            contributions[i] = total[i] > 0 ? total[i] * Math.Abs(group[i] / total[i] - share) / scale : 0;
    }

    /// <summary>
    /// Unit i's term of the multigroup information theory index, hᵢ = tᵢ Σₖ pᵢₖ ln(pᵢₖ / Pₖ) / (T E); Σᵢ hᵢ = H.
    /// hᵢ ≥ 0 (each unit's mix diverges from the district's by a Kullback–Leibler divergence), so it maps cleanly;
    /// this is the decomposition of Theil's index by unit (Theil 1972; Reardon &amp; O'Sullivan 2004, section 3).
    /// This is the local contribution the product maps.
    /// </summary>
    public static void InformationTheory(GroupCounts counts, Span<double> contributions)
    {
        Check(counts.Units, contributions.Length);
        var e = MultiGroup.Diversity(counts);
        if (!(counts.Total > 0 && e > 0))
        {
            contributions.Fill(double.NaN);
            return;
        }
        var scale = counts.Total * e;
        for (var i = 0; i < counts.Units; i++) contributions[i] = MultiGroup.UnitInformation(counts, i) / scale;
    }

    /// <summary>
    /// Unit i's term of the multigroup dissimilarity, tᵢ Σₖ |pᵢₖ − Pₖ| / (2 T I); the terms sum to D.
    /// Source: the definition of multigroup D (Sakoda 1981; Reardon &amp; Firebaugh 2002) read term by term.
    /// </summary>
    public static void MultiDissimilarity(GroupCounts counts, Span<double> contributions)
    {
        Check(counts.Units, contributions.Length);
        var interaction = MultiGroup.SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0))
        {
            contributions.Fill(double.NaN);
            return;
        }
        var scale = 2 * counts.Total * interaction;
        var t = counts.UnitTotals;
        for (var i = 0; i < t.Length; i++)
        {
            var s = 0.0;
            if (t[i] > 0)
                for (var k = 0; k < counts.Groups; k++) s += Math.Abs(counts[i, k] / t[i] - counts.Share(k));
            contributions[i] = t[i] * s / scale;
        }
    }

    static void Check(int units, int length)
    {
        if (units != length) throw new ArgumentException($"need one contribution per unit: {units} units, space for {length}");
    }
}

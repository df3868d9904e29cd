using System.Buffers;

namespace Cohesion.Analytics.Segregation;

/// <summary>
/// Multigroup segregation indices over n units and K groups. Notation: tᵢ = Σₖ nᵢₖ (the total is the sum of the
/// listed groups), T = Σᵢ tᵢ, pᵢₖ = nᵢₖ / tᵢ (0 where tᵢ = 0), Pₖ = Σᵢ nᵢₖ / T, and the district's Simpson
/// interaction I = Σₖ Pₖ (1 − Pₖ). Groups absent from every unit (Pₖ = 0) add nothing. The unevenness indices are
/// NaN when they are undefined: T = 0, or fewer than two groups present (I = 0). Formulas as in the pysal
/// <c>segregation</c> package (multigroup module), whose Sacramento test values these reproduce to 1e-9.
/// </summary>
public static class MultiGroup
{
    /// <summary>
    /// Multigroup dissimilarity D = Σᵢ Σₖ tᵢ |pᵢₖ − Pₖ| / (2 T I): the share of people who would have to move for
    /// every unit to have the district's mix, relative to the most that could. 0 even, 1 complete separation.
    /// Source: Sakoda, J. M. (1981) A generalized index of dissimilarity. Demography 18, 245–250; Reardon, S. F.
    /// &amp; Firebaugh, G. (2002) Measures of multigroup segregation. Sociological Methodology 32, 33–67.
    /// </summary>
    public static double Dissimilarity(GroupCounts counts)
    {
        var interaction = SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0)) return double.NaN;
        var t = counts.UnitTotals;
        var s = 0.0;
        for (var k = 0; k < counts.Groups; k++)
        {
            var share = counts.Share(k);
            var col = counts.Group(k);
            for (var i = 0; i < t.Length; i++)
                if (t[i] > 0) s += t[i] * Math.Abs(col[i] / t[i] - share);
        }
        return s / (2 * counts.Total * interaction);
    }

    /// <summary>
    /// Multigroup Gini G = Σₖ Σᵢ Σⱼ tᵢ tⱼ |pᵢₖ − pⱼₖ| / (2 T² I): the mean difference in each group's share between
    /// pairs of people's units, relative to its maximum. 0 even, 1 complete separation. O(K n log n) time and
    /// O(n) memory (see <see cref="PairwiseSpread"/>), never an n × n matrix.
    /// Source: Reardon &amp; Firebaugh (2002) as above.
    /// </summary>
    public static double Gini(GroupCounts counts)
    {
        var interaction = SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0)) return double.NaN;
        var n = Math.Max(1, counts.Units);
        var keys = ArrayPool<double>.Shared.Rent(n);
        var weights = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var s = 0.0;
            for (var k = 0; k < counts.Groups; k++)
                if (counts.GroupTotals[k] > 0) s += PairwiseSpread.Sum(counts.Group(k), counts.UnitTotals, keys, weights);
            return s / (2 * counts.Total * counts.Total * interaction);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<double>.Shared.Return(weights);
        }
    }

    /// <summary>
    /// Multigroup information theory index H = Σᵢ Σₖ tᵢ pᵢₖ ln(pᵢₖ / Pₖ) / (T E), E = Σₖ Pₖ ln(1/Pₖ) (natural
    /// logarithms; 0 ln 0 = 0): how much less diverse (in entropy) the average person's unit is than the
    /// district, as a share of the district's entropy. 0 even, 1 complete separation.
    /// Source: Theil, H. (1972) Statistical Decomposition Analysis; Reardon &amp; Firebaugh (2002); Reardon, S. F.
    /// &amp; O'Sullivan, D. (2004) Measures of spatial segregation. Sociological Methodology 34, 121–162.
    /// </summary>
    public static double InformationTheory(GroupCounts counts)
    {
        var e = Diversity(counts);
        if (!(counts.Total > 0 && e > 0)) return double.NaN;
        var s = 0.0;
        for (var i = 0; i < counts.Units; i++) s += UnitInformation(counts, i);
        return s / (counts.Total * e);
    }

    /// <summary>Unit i's term tᵢ Σₖ pᵢₖ ln(pᵢₖ / Pₖ) of the information theory index's numerator.</summary>
    internal static double UnitInformation(GroupCounts counts, int i)
    {
        var ti = counts.UnitTotals[i];
        if (ti <= 0) return 0;
        var s = 0.0;
        for (var k = 0; k < counts.Groups; k++)
        {
            var p = counts[i, k] / ti;
            if (p > 0) s += p * Math.Log(p / counts.Share(k));
        }
        return ti * s;
    }

    /// <summary>
    /// Multigroup relative diversity R = Σᵢ Σₖ tᵢ (pᵢₖ − Pₖ)² / (T I): the share of the district's Simpson
    /// interaction (the chance two people differ in group) that is lost because units are less mixed than the
    /// district. 0 even, 1 complete separation.
    /// Source: Carlson, S. M. (1992) Trends in race/sex occupational inequality. Social Problems 39, 268–290;
    /// Reardon &amp; Firebaugh (2002).
    /// </summary>
    public static double RelativeDiversity(GroupCounts counts)
    {
        var interaction = SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0)) return double.NaN;
        return SquaredDeviations(counts, k => 1) / (counts.Total * interaction);
    }

    /// <summary>
    /// Multigroup normalised exposure P = Σₖ Σᵢ tᵢ (pᵢₖ − Pₖ)² / ((1 − Pₖ) T): the average over groups (weighted
    /// by size) of how much more each group is exposed to itself than an even spread would give, as a share of
    /// the most it could be. 0 even, 1 complete separation.
    /// Source: James, F. J. (1986) A new generalized "exposure-based" segregation index. Sociological Methods
    /// &amp; Research 14, 301–316; Reardon &amp; Firebaugh (2002).
    /// </summary>
    public static double NormalizedExposure(GroupCounts counts)
    {
        var interaction = SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0)) return double.NaN;
        return SquaredDeviations(counts, k => 1 / (1 - counts.Share(k))) / counts.Total;
    }

    /// <summary>
    /// Multigroup squared coefficient of variation C = Σₖ Σᵢ tᵢ (pᵢₖ − Pₖ)² / (T (K − 1) Pₖ): the variance of each
    /// group's share across units relative to its mean, averaged over the K listed groups. 0 even; 1 complete
    /// separation. K counts every listed group, present or not.
    /// Source: Reardon &amp; Firebaugh (2002); Coleman, J. S., Kelly, S. D. &amp; Moore, J. A. (1975) Trends in School
    /// Segregation, 1968–73. Urban Institute.
    /// </summary>
    public static double SquaredCoefficientOfVariation(GroupCounts counts)
    {
        var interaction = SimpsonsInteraction(counts);
        if (!(counts.Total > 0 && interaction > 0)) return double.NaN;
        return SquaredDeviations(counts, k => 1 / counts.Share(k)) / (counts.Total * (counts.Groups - 1));
    }

    /// <summary>
    /// Multigroup diversity E = −Σₖ Pₖ ln Pₖ: the Shannon entropy of the whole set's mix (not of its units).
    /// 0 with one group; ln K with K equal groups. NaN when the total is 0.
    /// Source: Theil (1972); Reardon &amp; Firebaugh (2002); computed by <see cref="Analytics.Diversity.Shannon"/>.
    /// </summary>
    public static double Diversity(GroupCounts counts) => Analytics.Diversity.Shannon(counts.GroupTotals);

    /// <summary>Multigroup diversity divided by ln K, so 1 means all K listed groups are the same size. NaN when K &lt; 2.</summary>
    public static double DiversityNormalized(GroupCounts counts) => Analytics.Diversity.ShannonNormalised(counts.GroupTotals);

    /// <summary>
    /// Simpson's concentration λ = Σₖ Pₖ²: the chance that two people drawn at random (with replacement) from the
    /// whole set are in the same group. NaN when the total is 0.
    /// Source: Simpson, E. H. (1949) Measurement of diversity. Nature 163, 688; pysal segregation.
    /// </summary>
    public static double SimpsonsConcentration(GroupCounts counts)
    {
        if (!(counts.Total > 0)) return double.NaN;
        var s = 0.0;
        for (var k = 0; k < counts.Groups; k++) s += counts.Share(k) * counts.Share(k);
        return s;
    }

    /// <summary>
    /// Simpson's interaction I = Σₖ Pₖ (1 − Pₖ) = 1 − λ: the chance that two people drawn at random (with
    /// replacement) from the whole set are in different groups; the district value of Simpson's diversity.
    /// NaN when the total is 0.
    /// Source: Simpson (1949); pysal segregation.
    /// </summary>
    public static double SimpsonsInteraction(GroupCounts counts)
    {
        if (!(counts.Total > 0)) return double.NaN;
        var s = 0.0;
        for (var k = 0; k < counts.Groups; k++) s += counts.Share(k) * (1 - counts.Share(k));
        return s;
    }

    /// <summary>Σₖ wₖ Σᵢ tᵢ (pᵢₖ − Pₖ)² over the groups present.</summary>
    static double SquaredDeviations(GroupCounts counts, Func<int, double> weight)
    {
        var t = counts.UnitTotals;
        var s = 0.0;
        for (var k = 0; k < counts.Groups; k++)
        {
            var share = counts.Share(k);
            if (share <= 0) continue;
            var col = counts.Group(k);
            var g = 0.0;
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] <= 0) continue;
                var d = col[i] / t[i] - share;
                g += t[i] * d * d;
            }
            s += weight(k) * g;
        }
        return s;
    }
}

namespace Cohesion.Analytics.Segregation;

/// <summary>
/// Two-group segregation indices over n units: group counts xᵢ and totals tᵢ per unit (the group against
/// everyone else in tᵢ). For a group against a named reference group y, pass tᵢ = xᵢ + yᵢ
/// (<see cref="PairTotals"/>). Notation: X = Σxᵢ, T = Σtᵢ, P = X / T, pᵢ = xᵢ / tᵢ with pᵢ = 0 where tᵢ = 0, so
/// an empty unit adds nothing. Every index is NaN when it is undefined: T = 0, or P = 0 or 1 (the group is
/// absent or is everyone). Formulas as in the pysal <c>segregation</c> package (Cortes et al. 2020,
/// segregation.readthedocs.io), whose Sacramento test values these functions reproduce to 1e-9.
/// </summary>
public static class TwoGroup
{
    /// <summary>
    /// Dissimilarity D = Σᵢ tᵢ |pᵢ − P| / (2 T P (1 − P)): the share of the group (equally, of everyone else)
    /// that would have to move to another unit for every unit to have the group's overall share. 0 is even,
    /// 1 complete separation.
    /// Source: Duncan, O. D. &amp; Duncan, B. (1955) A methodological analysis of segregation indexes. American
    /// Sociological Review 20, 210–217; Massey, D. S. &amp; Denton, N. A. (1988) The dimensions of residential
    /// segregation. Social Forces 67, 281–315.
    /// </summary>
    public static double Dissimilarity(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var share = x / t;
        var s = 0.0;
        for (var i = 0; i < total.Length; i++)
            if (total[i] > 0) s += total[i] * Math.Abs(group[i] / total[i] - share);
        return s / (2 * t * share * (1 - share));
    }

    /// <summary>
    /// Gini G = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 T² P (1 − P)): the mean absolute difference in the group's share between
    /// all pairs of people's units, as a share of its maximum. 0 even, 1 complete separation. Worked out in
    /// O(n log n) by sorting the units by pᵢ (see <see cref="PairwiseSpread"/>), never with an n × n matrix.
    /// Source: Massey &amp; Denton (1988) as above; Duncan &amp; Duncan (1955).
    /// </summary>
    public static double Gini(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var share = x / t;
        return PairwiseSpread.Sum(group, total) / (2 * t * t * share * (1 - share));
    }

    /// <summary>
    /// Entropy (Theil's information theory index) H = Σᵢ tᵢ (E − Eᵢ) / (E T), where E = P ln(1/P) + (1 − P) ln(1/(1 − P))
    /// is the district's two-group entropy and Eᵢ the same for unit i (0 where pᵢ is 0 or 1): how much less
    /// mixed the average person's unit is than the district. 0 even, 1 complete separation.
    /// Source: Theil, H. &amp; Finizza, A. J. (1971) A note on the measurement of racial integration of schools.
    /// Journal of Mathematical Sociology 1, 187–193; Massey &amp; Denton (1988).
    /// </summary>
    public static double Entropy(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var e = BinaryEntropy(x / t);
        var s = 0.0;
        for (var i = 0; i < total.Length; i++)
            if (total[i] > 0) s += total[i] * (e - BinaryEntropy(group[i] / total[i]));
        return s / (e * t);
    }

    /// <summary>
    /// Isolation xPx = Σᵢ (xᵢ / X)(xᵢ / tᵢ): the group's share of the unit the average member of the group lives in.
    /// Equals P when the spread is even; 1 when the group lives apart. Depends on the group's size.
    /// Source: Lieberson, S. (1981) An asymmetrical approach to segregation, in Peach, Robinson &amp; Smith (eds)
    /// Ethnic Segregation in Cities; Massey &amp; Denton (1988), exposure dimension.
    /// </summary>
    public static double Isolation(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var s = 0.0;
        for (var i = 0; i < total.Length; i++)
            if (total[i] > 0) s += group[i] / x * (group[i] / total[i]);
        return s;
    }

    /// <summary>
    /// Interaction (exposure) xPy = Σᵢ (xᵢ / X)(yᵢ / tᵢ) with yᵢ = tᵢ − xᵢ: the share of everyone else (or of the
    /// reference group) in the unit the average member of the group lives in; xPx + xPy = 1.
    /// Source: Bell, W. (1954) A probability model for the measurement of ecological segregation. Social Forces
    /// 32, 357–364; Massey &amp; Denton (1988).
    /// </summary>
    public static double Interaction(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var s = 0.0;
        for (var i = 0; i < total.Length; i++)
            if (total[i] > 0) s += group[i] / x * ((total[i] - group[i]) / total[i]);
        return s;
    }

    /// <summary>The default shape parameter of <see cref="Atkinson"/>, weighting both groups equally.</summary>
    public const double DefaultAtkinsonB = 0.5;

    /// <summary>
    /// Atkinson A = 1 − (P / (1 − P)) |Σᵢ (1 − pᵢ)^(1−b) pᵢ^b tᵢ / (P T)|^(1/(1−b)), 0 &lt; b &lt; 1: unevenness with
    /// a choice of which end counts more (b &lt; 0.5 weights units where the group is under-represented,
    /// b &gt; 0.5 units where it is over-represented). 0 even, 1 complete separation.
    /// Source: Atkinson, A. B. (1970) On the measurement of inequality. Journal of Economic Theory 2, 244–263;
    /// applied to segregation by Massey &amp; Denton (1988).
    /// </summary>
    public static double Atkinson(ReadOnlySpan<double> group, ReadOnlySpan<double> total, double b = DefaultAtkinsonB)
    {
        if (!(b > 0 && b < 1)) throw new ArgumentOutOfRangeException(nameof(b), b, "the Atkinson shape parameter b must be between 0 and 1 (exclusive)");
        var (x, t) = Sums(group, total);
        if (!Defined(x, t)) return double.NaN;
        var share = x / t;
        var s = 0.0;
        for (var i = 0; i < total.Length; i++)
        {
            if (total[i] <= 0) continue;
            var p = group[i] / total[i];
            s += Math.Pow(1 - p, 1 - b) * Math.Pow(p, b) * total[i];
        }
        // A ≥ 0 by Hölder's inequality; when every unit has the district's share the two terms cancel to a few
        // units in the last place, which would show as −0% on a page.
        return Math.Max(0, 1 - share / (1 - share) * Math.Pow(Math.Abs(s / (share * t)), 1 / (1 - b)));
    }

    /// <summary>tᵢ = xᵢ + yᵢ: the totals for a group x against a reference group y (everyone else left out).</summary>
    public static void PairTotals(ReadOnlySpan<double> group, ReadOnlySpan<double> reference, Span<double> total)
    {
        if (reference.Length != group.Length || total.Length != group.Length) throw new ArgumentException("the group, the reference group and the totals need one value per unit");
        for (var i = 0; i < group.Length; i++) total[i] = group[i] + reference[i];
    }

    /// <summary>E(p) = p ln(1/p) + (1 − p) ln(1/(1 − p)), 0 at p = 0 and p = 1.</summary>
    internal static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : -(p * Math.Log(p) + (1 - p) * Math.Log(1 - p));

    /// <summary>X and T, checking every unit has 0 ≤ xᵢ ≤ tᵢ.</summary>
    internal static (double Group, double Total) Sums(ReadOnlySpan<double> group, ReadOnlySpan<double> total)
    {
        if (group.Length != total.Length) throw new ArgumentException($"the group has {group.Length} units but the totals {total.Length}");
        double x = 0, t = 0;
        for (var i = 0; i < group.Length; i++)
        {
            var g = group[i];
            var n = total[i];
            // Written so NaN fails too.
            if (!(g >= 0 && g <= n) || double.IsInfinity(n)) throw new ArgumentException($"unit {i}: the group count {g} must be a number from 0 to the unit's total {n}");
            x += g;
            t += n;
        }
        return (x, t);
    }

    /// <summary>T &gt; 0 and 0 &lt; P &lt; 1.</summary>
    internal static bool Defined(double x, double t) => t > 0 && x > 0 && x < t;
}

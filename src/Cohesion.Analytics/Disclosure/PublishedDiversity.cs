namespace Cohesion.Analytics.Disclosure;

/// <summary>
/// Diversity indices of one area from its published figures, withheld categories pooled.
/// </summary>
/// <param name="Simpson">1 − Σ p², see <see cref="Diversity.Simpson"/>; NaN when the total is 0.</param>
/// <param name="Shannon">−Σ p ln p, see <see cref="Diversity.Shannon"/>; NaN when the total is 0.</param>
/// <param name="Residual">The pooled count: total − Σ published categories.</param>
/// <param name="WithheldCategories">How many categories were withheld and pooled.</param>
public readonly record struct PublishedDiversityScore(double Simpson, double Shannon, long Residual, int WithheldCategories);

/// <summary>
/// Diversity over time under suppression: Simpson's and Shannon's indices of one area in one period,
/// computed from what is published only, so a series of them can be shown beside the published tables.
/// <para>Withheld categories are pooled into one residual category, total − Σ published. Its size already
/// follows from published figures (the published total less the published categories), so the indices
/// reveal nothing new about any withheld cell. When the total itself is withheld there is no residual to
/// pool and the result is null. A residual with no withheld category (categories not listed, such as "not
/// stated") is pooled the same way.</para>
/// <para>Pooling categories can only lower both indices (Σ of squares and the grouping property of entropy),
/// so the published value is a lower bound of the exact one, and equals it when nothing is withheld.</para>
/// <para>Sources: Simpson, E. H. (1949) Measurement of diversity. Nature 163, 688; Shannon, C. E. (1948) A
/// mathematical theory of communication. Bell Syst. Tech. J. 27, 379–423; Hundepool, A. et al. (2012)
/// Statistical Disclosure Control, §5.2 (Wiley), on what published margins reveal.</para>
/// </summary>
public static class PublishedDiversity
{
    /// <summary>The indices from published counts (null = withheld) and the published total (null = withheld).</summary>
    /// <exception cref="ArgumentException">A count is negative, or the published counts exceed the total.</exception>
    public static PublishedDiversityScore? Of(ReadOnlySpan<long?> counts, long? total)
    {
        if (total is not { } t) return null;
        if (t < 0) throw new ArgumentException($"the total is negative: {t}", nameof(total));
        var pooled = counts.Length <= 256 ? stackalloc double[counts.Length + 1] : new double[counts.Length + 1];
        var n = 0;
        var withheld = 0;
        var residual = t;
        foreach (var c in counts)
        {
            if (c is not { } v) { withheld++; continue; }
            if (v < 0) throw new ArgumentException($"a count is negative: {v}", nameof(counts));
            pooled[n++] = v;
            residual -= v;
        }
        if (residual < 0) throw new ArgumentException($"the published counts add to {t - residual}, more than the total {t}", nameof(counts));
        pooled[n++] = residual;
        var categories = pooled[..n];
        return new PublishedDiversityScore(Diversity.Simpson(categories), Diversity.Shannon(categories), residual, withheld);
    }
}

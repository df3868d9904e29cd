namespace Cohesion.Analytics;

/// <summary>Diversity of one area's population across groups.</summary>
public static class Diversity
{
    /// <summary>
    /// Simpson's diversity index D = 1 − Σ pₖ², where pₖ = nₖ / Σn: the chance that two people drawn at
    /// random (with replacement) belong to different groups. 0 when everyone is in one group; at most
    /// 1 − 1/K for K groups. Returns NaN when the total is zero.
    /// Source: Simpson, E. H. (1949) Measurement of diversity. Nature 163, 688.
    /// </summary>
    public static double Simpson(ReadOnlySpan<double> counts)
    {
        var total = Sum(counts);
        if (total <= 0) return double.NaN;
        var s = 0.0;
        foreach (var c in counts)
        {
            var p = c / total;
            s += p * p;
        }
        return 1 - s;
    }

    /// <summary>
    /// Shannon entropy H = −Σ pₖ ln pₖ (natural logarithm; terms with pₖ = 0 contribute 0). 0 when everyone is
    /// in one group; ln K when all K groups are equal. Returns NaN when the total is zero.
    /// Source: Shannon, C. E. (1948) A mathematical theory of communication. Bell Syst. Tech. J. 27, 379–423.
    /// </summary>
    public static double Shannon(ReadOnlySpan<double> counts)
    {
        var total = Sum(counts);
        if (total <= 0) return double.NaN;
        var h = 0.0;
        foreach (var c in counts)
        {
            if (c <= 0) continue;
            var p = c / total;
            h -= p * Math.Log(p);
        }
        return h;
    }

    /// <summary>Shannon entropy divided by ln K, so 1 means all K groups are equal. NaN when K &lt; 2 or the total is zero.</summary>
    public static double ShannonNormalised(ReadOnlySpan<double> counts) =>
        counts.Length < 2 ? double.NaN : Shannon(counts) / Math.Log(counts.Length);

    static double Sum(ReadOnlySpan<double> xs)
    {
        var s = 0.0;
        foreach (var x in xs)
        {
            if (x < 0 || double.IsNaN(x)) throw new ArgumentException("counts must be non-negative numbers", nameof(xs));
            s += x;
        }
        return s;
    }
}

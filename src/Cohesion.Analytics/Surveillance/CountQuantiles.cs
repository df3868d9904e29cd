using Cohesion.Analytics.Surveys;

namespace Cohesion.Analytics.Surveillance;

/// <summary>Poisson and negative binomial distribution and quantile functions, with R's parametrisations.</summary>
public static class CountQuantiles
{
    /// <summary>P(X ≤ k) for X ~ Poisson(μ): Q(k + 1, μ), the regularised upper incomplete gamma.</summary>
    public static double PoissonCdf(double k, double mu) => k < 0 ? 0 : Distributions.GammaQ(Math.Floor(k) + 1, mu);

    /// <summary>
    /// P(X ≤ k) for X ~ NB(size r, prob p) (R's <c>pnbinom</c>: P(X = x) = Γ(x + r)/(Γ(r) x!) pʳ(1 − p)ˣ): I_p(r, k + 1).
    /// </summary>
    public static double NegativeBinomialCdf(double k, double size, double prob) =>
        k < 0 ? 0 : Distributions.IncompleteBeta(prob, size, Math.Floor(k) + 1);

    /// <summary>The smallest integer x with P(X ≤ x) ≥ q (R's <c>qpois</c>), R's relative fuzz of 64 ε on q included.</summary>
    public static double PoissonQuantile(double q, double mu) =>
        Quantile(q, mu, Math.Sqrt(mu), x => PoissonCdf(x, mu));

    /// <summary>The smallest integer x with P(X ≤ x) ≥ q for NB(size, prob) (R's <c>qnbinom</c>).</summary>
    public static double NegativeBinomialQuantile(double q, double size, double prob)
    {
        var mean = size * (1 - prob) / prob;
        return Quantile(q, mean, Math.Sqrt(mean / prob), x => NegativeBinomialCdf(x, size, prob));
    }

    /// <summary>Start from the normal approximation, then step to the smallest x whose distribution function reaches q.</summary>
    static double Quantile(double q, double mean, double sd, Func<double, double> cdf)
    {
        if (!(q >= 0 && q <= 1) || double.IsNaN(mean)) return double.NaN;
        if (q == 1) return double.PositiveInfinity;
        if (mean == 0) return 0;
        // R multiplies p by 1 + 64ε before searching, so a quantile sitting on a distribution step is not missed by rounding.
        var target = q * (1 - 64 * 2.220446049250313e-16);
        var x = Math.Max(0, Math.Floor(mean + sd * Distributions.NormalQuantile(q)));
        if (cdf(x) >= target)
        {
            while (x > 0 && cdf(x - 1) >= target) x--;
        }
        else
        {
            while (cdf(x) < target) x++;
        }
        return x;
    }
}

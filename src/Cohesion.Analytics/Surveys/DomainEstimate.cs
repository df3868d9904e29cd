namespace Cohesion.Analytics.Surveys;

/// <summary>What is estimated: the weighted mean or total of a variable, or the proportion in a category.</summary>
public enum Statistic
{
    /// <summary>Ŷ/N̂ = Σwᵢyᵢ / Σwᵢ (a ratio estimator).</summary>
    Mean,
    /// <summary>Ŷ = Σwᵢyᵢ (Horvitz–Thompson / calibrated).</summary>
    Total,
    /// <summary>The mean of a 0/1 indicator, with a logit interval.</summary>
    Proportion,
}

/// <summary>How intervals are made and which bases are too small to publish.</summary>
public sealed record EstimateOptions
{
    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>
    /// False: normal quantiles. True: Student t with the design degrees of freedom of the domain: #PSUs − #strata
    /// among its rows, those with a missing value included (R's <c>degf</c> of the subset design that <c>svyby</c>
    /// passes on, which <c>svyciprop</c> uses by default; for the whole sample, the design's #PSUs − #strata).
    /// </summary>
    public bool DesignDegreesOfFreedom { get; init; }

    /// <summary>Estimates on fewer respondents than this are suppressed.</summary>
    public int MinimumBase { get; init; }
}

/// <summary>
/// One estimate. When <see cref="Suppressed"/> (unweighted base under the minimum), the estimate, standard error
/// and interval are NaN: they never leave the analytics.
/// </summary>
/// <param name="Domain">The domain's name ("all" without domains).</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Low">Lower bound of the confidence interval.</param>
/// <param name="High">Upper bound.</param>
/// <param name="N">Unweighted base: respondents in the domain with a value.</param>
/// <param name="Population">Weighted base Σwᵢ over the same rows (the estimated population of the domain).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the interval's quantile (+∞ for normal).</param>
/// <param name="Suppressed">Whether the base is under the minimum.</param>
public sealed record DomainEstimate(string Domain, double Estimate, double StandardError, double Low, double High, int N, double Population,
    double DegreesOfFreedom, bool Suppressed);

/// <summary>A difference between two estimates with its test.</summary>
/// <param name="First">The first estimate's name.</param>
/// <param name="Second">The second's.</param>
/// <param name="Estimate">First − second.</param>
/// <param name="StandardError">Its standard error (with the covariance of the two when they share a design).</param>
/// <param name="Low">Lower bound of the confidence interval.</param>
/// <param name="High">Upper bound.</param>
/// <param name="Statistic">Estimate / standard error (z, or t with design degrees of freedom).</param>
/// <param name="PValue">Two-sided p-value of no difference.</param>
public sealed record Difference(string First, string Second, double Estimate, double StandardError, double Low, double High, double Statistic, double PValue);

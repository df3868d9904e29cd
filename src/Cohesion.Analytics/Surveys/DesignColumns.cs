namespace Cohesion.Analytics.Surveys;

/// <summary>
/// The design variables of a sample of <see cref="Rows"/> respondents, as R's
/// <c>svydesign(ids = ~clusters, strata = ~strata, weights = ~weights, fpc = ~fpc)</c> takes them. Arrays are
/// referenced, not copied; leave any of them null for a design without it.
/// </summary>
/// <param name="Rows">Number of respondents (rows).</param>
public sealed record DesignColumns(int Rows)
{
    /// <summary>Sampling weights (1/πᵢ), each finite and &gt; 0. Null: N_h/n_h when <see cref="Fpc"/> gives population sizes, else 1.</summary>
    public double[]? Weights { get; init; }

    /// <summary>Stratum code of each row (any integers; named by <see cref="StratumNames"/>[code] when given). Null: one stratum.</summary>
    public int[]? Strata { get; init; }

    /// <summary>Names of stratum codes, for messages and the lonely-PSU error.</summary>
    public IReadOnlyList<string>? StratumNames { get; init; }

    /// <summary>Primary sampling unit (cluster) of each row, taken within its stratum (R's <c>nest = TRUE</c>). Null: each row is its own PSU.</summary>
    public int[]? Clusters { get; init; }

    /// <summary>
    /// Finite population correction of each row, constant within a stratum: all values ≤ 1 are sampling fractions
    /// n_h/N_h, all ≥ 1 population sizes N_h (counted in PSUs), as R's <c>as.fpc</c> decides. Null: no correction.
    /// </summary>
    public double[]? Fpc { get; init; }

    /// <summary>What to do with strata of one PSU.</summary>
    public LonelyPsu LonelyPsu { get; init; } = LonelyPsu.Fail;
}

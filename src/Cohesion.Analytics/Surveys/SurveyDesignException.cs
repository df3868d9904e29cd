namespace Cohesion.Analytics.Surveys;

/// <summary>A design, weighting or estimate that cannot be computed, with a message a person can act on.</summary>
public class SurveyDesignException(string message) : ArgumentException(message);

/// <summary>A stratum with one PSU under <see cref="LonelyPsu.Fail"/>: the caller says which option to use instead.</summary>
public sealed class LonelyPsuException(string stratum)
    : SurveyDesignException($"stratum '{stratum}' has only one PSU, so its variance cannot be estimated; choose how to treat it (lonely PSU option remove, adjust, average or certainty)")
{
    /// <summary>The stratum's name.</summary>
    public string Stratum { get; } = stratum;
}

/// <summary>Raking that did not reach its tolerance within the iteration limit.</summary>
public sealed class RakingNotConvergedException(int iterations, double maxRelativeChange, string margin, double marginError)
    : SurveyDesignException($"raking did not converge in {iterations} iterations: weights still changed by up to {maxRelativeChange:G3} (relative) in the last one, and margin '{margin}' is off its population counts by up to {marginError:G3} (relative)")
{
    /// <summary>Iterations run.</summary>
    public int Iterations { get; } = iterations;
    /// <summary>The largest relative change of a weight in the last iteration.</summary>
    public double MaxRelativeChange { get; } = maxRelativeChange;
    /// <summary>The margin furthest from its population counts after the last iteration.</summary>
    public string Margin { get; } = margin;
}

namespace Cohesion.Analytics.Surveys;

/// <summary>
/// One margin to weight to: each row's level (0 … L−1) of a categorical variable and the population count of
/// each level, as R's <c>postStratify(design, ~var, data.frame(var, Freq))</c> takes them.
/// </summary>
/// <param name="Name">The variable's name, for messages.</param>
/// <param name="RowLevels">Level of each row, 0 … L−1 (every row must have one).</param>
/// <param name="Population">Population count of each level (&gt; 0).</param>
/// <param name="LevelNames">Names of the levels, for messages (default: the numbers).</param>
public sealed record CalibrationMargin(string Name, int[] RowLevels, double[] Population, IReadOnlyList<string>? LevelNames = null)
{
    internal string Level(int l) => LevelNames is { } n && l < n.Count ? n[l] : l.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Controls of iterative weighting (raking, and post-stratification with trimming).</summary>
public sealed record CalibrationOptions
{
    /// <summary>The most iterations (full cycles through the margins) before giving up with <see cref="RakingNotConvergedException"/>.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Converged when no weight changes by more than this (relative) in a full cycle.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Optional trimming: keep every weight at or above this multiple of the mean weight.</summary>
    public double? TrimLower { get; init; }

    /// <summary>Optional trimming: keep every weight at or below this multiple of the mean weight.</summary>
    public double? TrimUpper { get; init; }
}

/// <summary>What weighting did.</summary>
/// <param name="Method">"post-stratification" or "raking".</param>
/// <param name="Margins">The margins' names.</param>
/// <param name="Iterations">Full cycles through the margins.</param>
/// <param name="MaxRelativeChange">Largest relative change of a weight in the last cycle.</param>
/// <param name="Trimmed">Weights held at a trimming bound at the end.</param>
/// <param name="DesignEffectBefore">Kish's design effect of weighting, 1 + CV², of the weights before.</param>
/// <param name="DesignEffectAfter">The same, of the calibrated weights.</param>
public sealed record CalibrationReport(string Method, IReadOnlyList<string> Margins, int Iterations, double MaxRelativeChange, int Trimmed,
    double DesignEffectBefore, double DesignEffectAfter);

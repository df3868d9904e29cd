namespace Cohesion.Analytics.Surveys;

/// <summary>Weighting a sample to population margins, and the design effect of weighting.</summary>
public static class Weighting
{
    /// <summary>
    /// Post-stratification: each weight times N_g / Σ_{i∈g} wᵢ for its cell g, so the weighted count of every cell
    /// equals its population count (R's <c>postStratify</c>). Estimates' variances then use the residuals from
    /// the weighted cell means, zᵢ − wᵢ·Σ_{g}z/Σ_{g}w (Lumley 2010 §7.2; Holt and Smith 1979). The cells are one
    /// variable (give a combination of variables as one code). With <see cref="CalibrationOptions.TrimLower"/> or
    /// <see cref="CalibrationOptions.TrimUpper"/> it alternates with trimming until both hold.
    /// Errors: a level with a population count and no respondents, a level without a count (≤ 0), and an already
    /// calibrated design. Replicate designs have each replicate post-stratified too.
    /// </summary>
    public static SurveyDesign PostStratify(SurveyDesign design, CalibrationMargin cells, CalibrationOptions? options = null) =>
        Calibrate(design, false, [cells], options);

    /// <summary>
    /// Raking (iterative proportional fitting) to several margins: in each cycle, the weights of each level of each
    /// margin in turn are multiplied by population / weighted sample count, until no weight changes by more than
    /// <see cref="CalibrationOptions.Tolerance"/> (relative) in a cycle; with trimming, weights outside the bounds
    /// (multiples of the mean weight) are held at them after each cycle and the next cycle shares out the
    /// difference. Not converging within <see cref="CalibrationOptions.MaxIterations"/> throws
    /// <see cref="RakingNotConvergedException"/> naming the margin furthest from its counts. The result's
    /// <see cref="SurveyDesign.Calibration"/> reports iterations, the last change and the design effects.
    /// Variances use R's raking residuals (ten sweeps of within-level centring of z/w, <c>svyrecvar</c>), so they
    /// match R's <c>rake</c> (which is iterated <c>postStratify</c>) when both have converged.
    /// Sources: Deming and Stephan (1940); Deville and Särndal (1992); Lumley (2010) §7.3.
    /// </summary>
    public static SurveyDesign Rake(SurveyDesign design, IReadOnlyList<CalibrationMargin> margins, CalibrationOptions? options = null) =>
        Calibrate(design, true, [.. margins], options);

    static SurveyDesign Calibrate(SurveyDesign design, bool raking, CalibrationMargin[] margins, CalibrationOptions? options)
    {
        if (design.Calibrator is not null) throw new SurveyDesignException("the design is already calibrated: rake or post-stratify the uncalibrated design once, with every margin");
        if (margins.Length == 0) throw new SurveyDesignException("give at least one margin");
        return new Calibrator(raking, margins, options ?? new CalibrationOptions(), design.Rows).Apply(design);
    }

    /// <summary>
    /// Kish's design effect of weighting, 1 + CV² = n·Σwᵢ² / (Σwᵢ)², with CV the coefficient of variation of the
    /// weights (population form): the factor by which unequal weights alone inflate the variance of a mean.
    /// n / (1 + CV²) is the effective sample size. NaN for no weights.
    /// Source: Kish, L. (1965) Survey Sampling, §11.7; Kish, L. (1992) J. Off. Stat. 8, 183–200.
    /// </summary>
    public static double KishDesignEffect(ReadOnlySpan<double> weights)
    {
        if (weights.Length == 0) return double.NaN;
        double s = 0, s2 = 0;
        foreach (var w in weights) { s += w; s2 += w * w; }
        return weights.Length * s2 / (s * s);
    }
}

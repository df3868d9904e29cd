namespace Cohesion.Analytics.Surveillance;

/// <summary>How the upper bound is made from the fitted model (R's <c>thresholdMethod</c>).</summary>
public enum ThresholdMethod
{
    /// <summary>Farrington (1996): a 2/3-power transformed normal bound with the delta-method variance.</summary>
    Delta,
    /// <summary>Noufaily (2013): the (1 − α) quantile of the negative binomial with mean exp(η̂) and the fitted dispersion.</summary>
    NbPlugin,
    /// <summary>Noufaily (2013): as NbPlugin with the mean taken at the upper (1 − α) point of η̂'s interval.</summary>
    Muan,
}

/// <summary>
/// Settings of the Farrington family with R <c>surveillance::farringtonFlexible</c>'s names, meanings and defaults.
/// <see cref="Farrington1996"/> and <see cref="Noufaily2013"/> give the two published algorithms.
/// </summary>
/// <param name="B">Years back to take reference values from.</param>
/// <param name="W">Half-width of the reference window around each year-ago time.</param>
/// <param name="Reweight">Down-weight past outbreaks by their Anscombe residuals.</param>
/// <param name="WeightsThreshold">Residuals above this are down-weighted (1 in Farrington 1996, 2.58 in Noufaily 2013).</param>
/// <param name="Alpha">One-sided level of the upper bound.</param>
/// <param name="Trend">Try a linear time trend (kept only when significant, b ≥ 3 and not extrapolating beyond the data).</param>
/// <param name="PThresholdTrend">Significance level for keeping the trend (1: always keep it when b ≥ 3 and no extrapolation).</param>
/// <param name="Limit54Cases">No alarm unless at least this many cases…</param>
/// <param name="Limit54Period">…were seen in this many weeks up to and including the current one.</param>
/// <param name="PowerTransform">Skewness correction of the delta bound: 2/3 (default), 1/2 or none (1).</param>
/// <param name="NoPeriods">Seasonal factor levels: 1 (only the windows) or more (the rest of each year split into noPeriods − 1 blocks).</param>
/// <param name="PastWeeksNotIncluded">Recent weeks left out of the fit (default <paramref name="W"/>).</param>
/// <param name="ThresholdMethod">How the bound is made from the model.</param>
/// <param name="Freq">Times per year (52 for weeks).</param>
public sealed record FarringtonOptions(
    int B = 5, int W = 3, bool Reweight = true, double WeightsThreshold = 2.58, double Alpha = 0.05, bool Trend = true,
    double PThresholdTrend = 0.05, int Limit54Cases = 5, int Limit54Period = 4, double PowerTransform = 2.0 / 3,
    int NoPeriods = 1, int? PastWeeksNotIncluded = null, ThresholdMethod ThresholdMethod = ThresholdMethod.Delta, int Freq = 52)
{
    /// <summary>Farrington, Andrews, Beale &amp; Catchpole (1996), J. R. Statist. Soc. A 159, 547–563: b 5, w 3, residual threshold 1, no seasonal blocks, delta bound.</summary>
    public static FarringtonOptions Farrington1996 => new(WeightsThreshold: 1, NoPeriods: 1, ThresholdMethod: ThresholdMethod.Delta);

    /// <summary>
    /// Noufaily, Enki, Farrington, Garthwaite, Andrews &amp; Charlett (2013), Stat. Med. 32, 1206–1222: b 5, w 3, 10
    /// seasonal levels, 26 recent weeks left out, residual threshold 2.58, the trend kept whenever b ≥ 3 and it does not
    /// extrapolate, and the negative binomial quantile bound the paper recommends (R's farringtonFlexible defaults to
    /// the delta bound; give <see cref="ThresholdMethod.Delta"/> to have it).
    /// </summary>
    public static FarringtonOptions Noufaily2013 => new(WeightsThreshold: 2.58, NoPeriods: 10, PastWeeksNotIncluded: 26, PThresholdTrend: 1, ThresholdMethod: ThresholdMethod.NbPlugin);

    /// <summary>The recent weeks left out: the value given, else w.</summary>
    public int PastWeeksLeftOut => PastWeeksNotIncluded ?? W;

    /// <summary>The earliest time that can be monitored: b years and w weeks of history before it.</summary>
    public int FirstTime => Freq * B + W + 1;

    /// <summary>Checks the values R checks, and a few R would fail on later; the message names the parameter and value.</summary>
    public void Validate()
    {
        if (B < 1) throw new DetectionException($"b {B}: at least one year back is needed");
        if (W < 0) throw new DetectionException($"w {W}: the window half-width cannot be negative");
        if (Freq < 2 * W + 2) throw new DetectionException($"w {W}: windows of 2w + 1 = {2 * W + 1} do not fit in a year of {Freq}");
        if (!(Alpha > 0 && Alpha < 1)) throw new DetectionException($"alpha {Alpha}: it must be between 0 and 1");
        if (!(WeightsThreshold > 0)) throw new DetectionException($"weightsThreshold {WeightsThreshold}: it must be positive");
        if (!(PThresholdTrend >= 0 && PThresholdTrend <= 1)) throw new DetectionException($"pThresholdTrend {PThresholdTrend}: it must be between 0 and 1");
        if (Limit54Cases < 0 || Limit54Period <= 0) throw new DetectionException($"limit54 {Limit54Cases},{Limit54Period}: the limit54 arguments are out of bounds: cases >= 0 and period > 0");
        if (PowerTransform is not (1 or 0.5) && Math.Abs(PowerTransform - 2.0 / 3) > 1e-12) throw new DetectionException($"powertrans {PowerTransform}: it must be 2/3, 1/2 or none");
        if (NoPeriods < 1) throw new DetectionException($"noPeriods {NoPeriods}: it must be at least 1");
        if (NoPeriods > 1 && Freq - 2 * W - 1 < NoPeriods - 1) throw new DetectionException($"noPeriods {NoPeriods}: number of factors too big for w {W}");
        if (PastWeeksLeftOut < 0) throw new DetectionException($"pastWeeksNotIncluded {PastWeeksLeftOut}: it cannot be negative");
    }
}

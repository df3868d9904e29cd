using Cohesion.Analytics.Surveys;

namespace Cohesion.Analytics.Surveillance;

/// <summary>
/// The Farrington family of outbreak detection algorithms: Farrington et al. (1996) and the improved method of
/// Noufaily et al. (2013), computed as R <c>surveillance::farringtonFlexible</c> 1.20.3 computes them (integer time,
/// no population offset) so bounds and alarms match it.
/// <para>For each monitored time t: reference values are taken from b years back, within w weeks of t − 52i
/// (i = 1…b), and — with noPeriods &gt; 1 — from the rest of each year split into noPeriods − 1 seasonal blocks; the
/// last pastWeeksNotIncluded weeks are left out. A quasi-Poisson log-linear model log μ = α + βt (+ block effect) is
/// fitted by IRLS; φ = max(1, Pearson χ²/(n − p)). Past outbreaks are down-weighted: with Anscombe residuals
/// sᵢ = 1.5(yᵢ^⅔μᵢ^−⅙ − μᵢ^½)/√(φ(1 − hᵢ)), weights γ·sᵢ⁻² where sᵢ exceeds the threshold and γ elsewhere
/// (γ making them average 1), and the model is refitted. The trend is kept only if b ≥ 3, its p-value is below
/// pThresholdTrend and the prediction does not exceed the largest reference count. The bound is either the 2/3-power
/// delta-method bound U = (μ₀^⅔ + z₁₋α·√(4/9·μ₀^⅓·(φ + Var(μ₀)/μ₀)))^{3/2} (Farrington 1996) or a negative binomial
/// quantile with mean exp(η₀) and size μ/(φ − 1) (Noufaily 2013). An alarm needs the score (y − μ₀)/(U − μ₀) above 1,
/// a non-zero count and, by limit54, enough cases in the recent weeks.</para>
/// <para>Sources: Farrington, Andrews, Beale &amp; Catchpole (1996) J. R. Statist. Soc. A 159, 547–563; Noufaily et al.
/// (2013) Stat. Med. 32, 1206–1222; Salmon, Schumacher &amp; Höhle (2016) "Monitoring count time series in R:
/// aberration detection in public health surveillance", J. Stat. Softw. 70(10).</para>
/// </summary>
public static class Farrington
{
    /// <summary>Runs the method over the 1-based times in <paramref name="range"/> of <paramref name="observed"/> (NaN: missing count).</summary>
    public static IReadOnlyList<DetectionPoint> Detect(ReadOnlySpan<double> observed, IReadOnlyList<int> range, FarringtonOptions options)
    {
        options.Validate();
        var result = new List<DetectionPoint>(range.Count);
        var work = new Workspace(options);
        foreach (var k in range)
        {
            if (k < options.FirstTime)
                throw new DetectionException($"time {k}: with b {options.B} and w {options.W} the first time that can be monitored is {options.FirstTime}; decrease b or start the range later");
            if (k > observed.Length) throw new DetectionException($"time {k}: the series has {observed.Length} times");
            result.Add(At(observed, k, options, work));
        }
        return result;
    }

    /// <summary>Buffers reused from one time to the next, so a long run allocates little.</summary>
    sealed class Workspace(FarringtonOptions o)
    {
        public readonly int[] Block = new int[o.Freq * o.B + o.W + 1];
        public readonly double[] Y = new double[o.Freq * o.B + o.W + 1];
        public readonly double[] Time = new double[o.Freq * o.B + o.W + 1];
        public readonly int[] Level = new int[o.Freq * o.B + o.W + 1];
        public readonly int[] LevelIndex = new int[o.NoPeriods + 1];
        public int Rows;
    }

    static DetectionPoint At(ReadOnlySpan<double> observed, int k, FarringtonOptions o, Workspace work)
    {
        var y = observed[k - 1];
        double recent = 0;
        // A missing count in the window makes R's sum NA, which withholds the bound as too few cases do.
        for (var t = k - o.Limit54Period + 1; t <= k; t++) recent += t >= 1 ? observed[t - 1] : 0;
        // R fits the model even then, only to withhold the bound: skipping the fit gives the same bound, alarm and
        // expected count (none) at a fraction of the cost on sparse series, where most weeks are like this.
        if (!(recent >= o.Limit54Cases))
            return new DetectionPoint(k, y, double.NaN, double.NaN, false, double.NaN,
                $"fewer than {o.Limit54Cases} cases in the last {o.Limit54Period} weeks (limit54): no bound, no alarm");
        BuildData(observed, k, o, work);
        var ys = work.Y.AsSpan(0, work.Rows);
        var ts = work.Time.AsSpan(0, work.Rows);
        var gs = work.Level.AsSpan(0, work.Rows);
        var levels = o.NoPeriods == 1 ? 1 : LevelsPresent(work);
        var model = FitFlexible(ys, ts, gs, levels, o.Trend, o);
        if (model is null) return new DetectionPoint(k, y, double.NaN, double.NaN, false, double.NaN, "the model did not converge with or without a time trend");
        // The prediction is for the current window, whose level is noPeriods (R's factor(noPeriods)).
        var predictLevel = o.NoPeriods == 1 ? 0 : work.LevelIndex[o.NoPeriods];
        if (model.Fit.HasTrend)
        {
            var (etaTrend, _) = model.Fit.Predict(k, predictLevel);
            var significant = model.Fit.TrendPValue(model.SummaryDispersion) < o.PThresholdTrend;
            var noExtrapolation = Math.Exp(etaTrend) <= Max(ys);
            if (!(o.B >= 3 && significant && noExtrapolation))
            {
                model = FitFlexible(ys, ts, gs, levels, false, o);
                if (model is null) return new DetectionPoint(k, y, double.NaN, double.NaN, false, double.NaN, "the model without trend did not converge");
            }
        }
        var phi = model.Phi;
        var (eta, variance) = model.Fit.Predict(k, predictLevel, model.SummaryDispersion);
        var seEta = Math.Sqrt(variance);
        var (upper, score) = o.ThresholdMethod == ThresholdMethod.Delta ? DeltaBound(Math.Exp(eta), seEta * Math.Exp(eta), phi, o, y) : NoufailyBound(eta, seEta, phi, o, y);
        if (double.IsNaN(upper)) return new DetectionPoint(k, y, double.NaN, double.NaN, false, score, "the bound could not be computed (the expected count is not finite)");
        return new DetectionPoint(k, y, Math.Exp(eta), upper, score > 1 && y != 0, score);
    }

    static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values) if (v > max) max = v;
        return max;
    }

    /// <summary>
    /// The reference rows for time k: R's <c>blocks()</c> (windows of ±w around each year-ago time and the current
    /// window at level noPeriods; with noPeriods &gt; 1 the weeks between windows split into noPeriods − 1 blocks, the
    /// first blocks one week longer when they do not divide evenly), the last pastWeeksNotIncluded weeks left out.
    /// Rows go to the workspace with their raw level (1…noPeriods).
    /// </summary>
    static void BuildData(ReadOnlySpan<double> observed, int k, FarringtonOptions o, Workspace work)
    {
        var p = o.NoPeriods;
        var start = k - o.Freq * o.B - o.W; // the earliest time any block reaches
        var block = work.Block;
        Array.Clear(block); // 0: not a reference time
        void Set(int from, int to, int value)
        {
            for (var t = from; t <= to; t++) block[t - start] = value;
        }
        Set(k - o.W, k, p);
        for (var i = 1; i <= o.B; i++)
        {
            var refWeek = k - o.Freq * i;
            Set(refWeek - o.W, refWeek + o.W, p);
            if (p == 1) continue;
            var period = o.Freq - 2 * o.W - 1;
            int length = period / (p - 1), rest = period % (p - 1), from = refWeek + o.W + 1;
            for (var j = 1; j <= p - 1; j++)
            {
                var len = length + (j <= rest ? 1 : 0);
                Set(from, from + len - 1, j);
                from += len;
            }
        }
        Set(Math.Max(start, k - o.PastWeeksLeftOut), k, 0);
        var rows = 0;
        for (var t = start; t <= k; t++)
        {
            var level = block[t - start];
            if (level == 0 || double.IsNaN(observed[t - 1])) continue;
            work.Y[rows] = observed[t - 1];
            work.Time[rows] = t;
            work.Level[rows] = o.NoPeriods == 1 ? 0 : level;
            rows++;
        }
        work.Rows = rows;
    }

    /// <summary>
    /// Recodes the rows' raw levels to 0-based factor codes over the levels present, in order (R's
    /// <c>as.factor</c>: the first present is the reference level), and returns how many there are.
    /// </summary>
    static int LevelsPresent(Workspace work)
    {
        var index = work.LevelIndex;
        Array.Fill(index, -1);
        for (var r = 0; r < work.Rows; r++) index[work.Level[r]] = 0;
        var count = 0;
        for (var v = 0; v < index.Length; v++) if (index[v] == 0) index[v] = count++;
        for (var r = 0; r < work.Rows; r++) work.Level[r] = index[work.Level[r]];
        return count;
    }

    /// <summary>
    /// R's <c>algo.farrington.fitGLM.flexible</c>: fit (dropping the trend if it does not converge), φ = max(1, dispersion),
    /// then down-weight by Anscombe residuals and refit. Null when no model converges.
    /// </summary>
    static Model? FitFlexible(ReadOnlySpan<double> y, ReadOnlySpan<double> t, ReadOnlySpan<int> g, int levels, bool trend, FarringtonOptions o)
    {
        var fit = PoissonGlm.Fit(y, t, g, levels, default, trend);
        if (!fit.Converged && trend)
        {
            trend = false;
            fit = PoissonGlm.Fit(y, t, g, levels, default, trend);
        }
        if (!fit.Converged) return null;
        var phi = Math.Max(fit.Dispersion, 1);
        if (!o.Reweight) return new Model(fit, phi, fit.Dispersion);
        var omega = DownWeights(y, fit, phi, o.WeightsThreshold);
        // As R: the refit's convergence is not checked; its dispersion sets φ.
        fit = PoissonGlm.Fit(y, t, g, levels, omega, trend);
        return new Model(fit, Math.Max(fit.Dispersion, 1), WeightsAsWorkingDispersion(y, fit, omega));
    }

    /// <summary>
    /// The fitted model, φ, and the dispersion R's later <c>summary.glm</c> and <c>predict.glm</c> calls see. R's
    /// <c>algo.farrington.fitGLM.flexible</c> stores the down-weights over the model's working weights, so that
    /// dispersion is Σ ωᵢ((yᵢ − μᵢ)/μᵢ)²/(n − p) rather than the Pearson Σ ωᵢ(yᵢ − μᵢ)²/μᵢ/(n − p) that gave φ. The
    /// trend's p-value and the prediction's standard error use it; matching R means using it too.
    /// </summary>
    sealed record Model(PoissonFit Fit, double Phi, double SummaryDispersion);

    static double WeightsAsWorkingDispersion(ReadOnlySpan<double> y, PoissonFit fit, ReadOnlySpan<double> omega)
    {
        double sum = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var r = (y[i] - fit.Fitted[i]) / fit.Fitted[i];
            sum += omega[i] * r * r;
        }
        return fit.ResidualDf > 0 ? sum / fit.ResidualDf : double.NaN;
    }

    /// <summary>
    /// Farrington's weights: Anscombe residuals sᵢ = 1.5(yᵢ^⅔μᵢ^−⅙ − μᵢ^½)/√(φ(1 − hᵢ)); ωᵢ = γsᵢ⁻² where sᵢ &gt; threshold,
    /// γ elsewhere, with γ = n / Σ(sᵢ⁻² or 1) so the weights average to one.
    /// </summary>
    internal static double[] DownWeights(ReadOnlySpan<double> y, PoissonFit fit, double phi, double threshold)
    {
        var n = y.Length;
        var s = new double[n];
        double denominator = 0;
        for (var i = 0; i < n; i++)
        {
            var mu = fit.Fitted[i];
            var cy = Math.Cbrt(y[i]);
            s[i] = 1.5 * (cy * cy / Math.Sqrt(Math.Cbrt(mu)) - Math.Sqrt(mu)) / Math.Sqrt(phi * (1 - fit.Hat[i]));
            denominator += s[i] > threshold ? 1 / (s[i] * s[i]) : 1;
        }
        var gamma = n / denominator;
        var omega = new double[n];
        for (var i = 0; i < n; i++) omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
        return omega;
    }

    /// <summary>
    /// Farrington (1996)'s bound: with τ = φ + Var(μ̂₀)/μ̂₀ and power transformation c (2/3 by default),
    /// U = (μ̂₀^c + z₁₋α·se)^{1/c}, se = √(c²·μ̂₀^{2c−1}·τ) (se = √(μ̂₀τ) without transformation). Score (y − μ̂₀)/(U − μ̂₀).
    /// </summary>
    static (double Upper, double Score) DeltaBound(double mu0, double seMu0, double phi, FarringtonOptions o, double y)
    {
        var tau = phi + seMu0 * seMu0 / mu0;
        var c = o.PowerTransform;
        var se = c == 1 ? Math.Sqrt(mu0 * tau) : c == 0.5 ? Math.Sqrt(0.25 * tau) : Math.Sqrt(4.0 / 9 * Math.Pow(mu0, 1.0 / 3) * tau);
        var upper = Math.Pow(Math.Pow(mu0, c) + Distributions.NormalQuantile(1 - o.Alpha) * se, 1 / c);
        return (upper, double.IsNaN(upper) ? double.NaN : (y - mu0) / (upper - mu0));
    }

    /// <summary>
    /// Noufaily (2013)'s bound: the (1 − α) quantile of NB(size μq/(φ − 1), prob 1/φ) — Poisson(μq) when φ = 1 — where
    /// μq = exp(η̂₀) (nbPlugin) or exp(η̂₀ + z₁₋α·se(η̂₀)) (muan). Score as R gives it: (y − η̂₀)/(U − η̂₀), on the link scale.
    /// </summary>
    static (double Upper, double Score) NoufailyBound(double eta0, double seEta0, double phi, FarringtonOptions o, double y)
    {
        var mu = o.ThresholdMethod == ThresholdMethod.NbPlugin ? Math.Exp(eta0) : Math.Exp(eta0 + Distributions.NormalQuantile(1 - o.Alpha) * seEta0);
        if (double.IsInfinity(mu) || double.IsNaN(mu)) return (double.NaN, double.NaN);
        var upper = phi > 1 ? CountQuantiles.NegativeBinomialQuantile(1 - o.Alpha, mu / (phi - 1), 1 / phi) : CountQuantiles.PoissonQuantile(1 - o.Alpha, mu);
        return (upper, (y - eta0) / (upper - eta0));
    }
}

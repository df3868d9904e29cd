namespace Cohesion.Analytics.Surveillance;

/// <summary>The three EARS methods of the CDC's Early Aberration Reporting System.</summary>
public enum EarsMethod
{
    /// <summary>The 7 weeks just before.</summary>
    C1,
    /// <summary>The 7 weeks before a 2-week guard band.</summary>
    C2,
    /// <summary>C2 with the two previous weeks' excesses added.</summary>
    C3,
}

/// <summary>EARS settings with R <c>surveillance::earsC</c>'s names and defaults.</summary>
/// <param name="Method">C1, C2 or C3.</param>
/// <param name="Baseline">Weeks in the reference window (≥ 3; default 7).</param>
/// <param name="Alpha">One-sided level: 0.001 for C1 and C2, 0.025 for C3 when not given.</param>
/// <param name="MinSigma">A floor on the reference standard deviation, so a flat baseline does not alarm on every case.</param>
public sealed record EarsOptions(EarsMethod Method = EarsMethod.C1, int Baseline = 7, double? Alpha = null, double MinSigma = 0)
{
    /// <summary>The level used: the one given, else R's default for the method.</summary>
    public double AlphaOrDefault => Alpha ?? (Method == EarsMethod.C3 ? 0.025 : 0.001);

    /// <summary>How many earlier times a monitored time needs: the baseline, plus the 2-week guard band of C2, plus C3's two earlier C2 values.</summary>
    public int MaxLag => Method switch { EarsMethod.C1 => Baseline, EarsMethod.C2 => Baseline + 2, _ => Baseline + 4 };
}

/// <summary>
/// EARS C1, C2 and C3 (Hutwagner et al. 2003, "The bioterrorism preparedness and response Early Aberration Reporting
/// System (EARS)", J. Urban Health 80, i89–i96; Fricker et al. 2008, Stat. Med. 27, 3407–3429), computed exactly as R
/// <c>surveillance::earsC</c> 1.20.3 does so the bounds match it.
/// <para>C1: the reference values are the <c>baseline</c> weeks before t; upper = ȳ + z₁₋α·max(s, minSigma) with s the
/// sample standard deviation. C2: the same with a two-week guard band (weeks t−baseline−2 … t−3). C3: with
/// Cₖ = (yₖ − ȳₖ)/σₖ the C2 statistic, upper(t) = y(t) + σₜ·(z₁₋α − max(0, C(t−2) − 1) − max(0, C(t−1) − 1)), floored at
/// 0. (As in R, C3's bound is built on the observed count, so its alarm turns on the two previous weeks' C2 values:
/// y &gt; upper exactly when their excesses over 1 sum past z₁₋α.)</para>
/// </summary>
public static class Ears
{
    /// <summary>Runs the method over the 1-based times in <paramref name="range"/> of <paramref name="observed"/>.</summary>
    public static IReadOnlyList<DetectionPoint> Detect(ReadOnlySpan<double> observed, IReadOnlyList<int> range, EarsOptions options)
    {
        if (options.Baseline < 3) throw new DetectionException($"baseline {options.Baseline}: the minimum baseline is 3");
        if (options.MinSigma < 0) throw new DetectionException($"minSigma {options.MinSigma}: it must not be negative");
        var alpha = options.AlphaOrDefault;
        if (!(alpha > 0 && alpha < 1)) throw new DetectionException($"alpha {alpha}: it must be between 0 and 1");
        var z = Surveys.Distributions.NormalQuantile(1 - alpha);
        var result = new List<DetectionPoint>(range.Count);
        foreach (var t in range)
        {
            if (t - options.MaxLag < 1) throw new DetectionException($"time {t}: EARS {options.Method} with baseline {options.Baseline} needs {options.MaxLag} earlier times");
            if (t > observed.Length) throw new DetectionException($"time {t}: the series has {observed.Length} times");
            var y = observed[t - 1];
            double upper, score;
            if (options.Method == EarsMethod.C3)
            {
                var (mu, sigma) = Reference(observed, t, options.Baseline, 2, options.MinSigma);
                var c1 = C2(observed, t - 1, options);
                var c2 = C2(observed, t - 2, options);
                var parts = Math.Max(0, c2 - 1) + Math.Max(0, c1 - 1);
                upper = Math.Max(0, y + sigma * (z - parts));
                score = (y - mu) / sigma + parts;
            }
            else
            {
                var (mu, sigma) = Reference(observed, t, options.Baseline, options.Method == EarsMethod.C2 ? 2 : 0, options.MinSigma);
                upper = mu + z * sigma;
                score = (y - mu) / sigma;
            }
            result.Add(new DetectionPoint(t, y, double.NaN, upper, y > upper, score));
        }
        return result;
    }

    static double C2(ReadOnlySpan<double> observed, int t, EarsOptions options)
    {
        var (mu, sigma) = Reference(observed, t, options.Baseline, 2, options.MinSigma);
        return (observed[t - 1] - mu) / sigma;
    }

    /// <summary>Mean and standard deviation (n − 1) of the <paramref name="baseline"/> times ending <paramref name="lag"/> + 1 before t.</summary>
    static (double Mean, double Sigma) Reference(ReadOnlySpan<double> observed, int t, int baseline, int lag, double minSigma)
    {
        var window = observed.Slice(t - 1 - lag - baseline, baseline);
        double mean = 0;
        foreach (var v in window) mean += v;
        mean /= baseline;
        double ss = 0;
        foreach (var v in window) ss += (v - mean) * (v - mean);
        return (mean, Math.Max(Math.Sqrt(ss / (baseline - 1)), minSigma));
    }
}

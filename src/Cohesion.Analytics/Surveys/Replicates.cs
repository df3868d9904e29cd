namespace Cohesion.Analytics.Surveys;

/// <summary>Replicate-weight variance methods, as R's <c>as.svrepdesign(design, type = …)</c>.</summary>
public enum ReplicateMethod
{
    /// <summary>Delete-one-PSU jackknife of an unstratified design, R's <c>type = "JK1"</c>.</summary>
    Jackknife,
    /// <summary>R's <c>type = "bootstrap"</c> (Canty and Davison 1999): n_h PSUs drawn with replacement in each stratum.</summary>
    Bootstrap,
    /// <summary>R's <c>type = "subbootstrap"</c>: the Rao–Wu rescaled bootstrap, n_h − 1 PSUs drawn with replacement.</summary>
    SubBootstrap,
}

/// <summary>Designs whose variance is estimated from replicate weights instead of by linearisation.</summary>
public static class Replicates
{
    /// <summary>
    /// The design with replicate weights. Every replicate is reweighted from the sampling weights and, when the
    /// design is calibrated (before or after this call), calibrated again on its own, as R does for
    /// <c>postStratify</c>/<c>rake</c> of a replicate design; an estimate's variance is then
    /// v = scale · Σ_r (θ̂_r − θ̄)², θ̄ the mean of the replicates (R's default <c>mse = FALSE</c>); replicates that
    /// cannot be computed (a weighting level emptied by the replicate) are left out, as R's <c>svrVar</c> does.
    /// <para><see cref="ReplicateMethod.Jackknife"/> (JK1): replicate r drops PSU r and multiplies the others' weights by
    /// n/(n−1); scale = (1 − n/N)·(n−1)/n with the design's fpc (R's <c>jk1weights</c> with the fpc that
    /// <c>as.svrepdesign</c> passes on), (n−1)/n without; needs an unstratified design, as R does. Matches R exactly.</para>
    /// <para><see cref="ReplicateMethod.Bootstrap"/>: in each stratum n_h PSUs are drawn with replacement (with fpc,
    /// without replacement from a pseudo-population of N_h copies), each PSU's multiplier its count;
    /// scale = n̄/((n̄−1)(R−1)), n̄ the harmonic mean of n_h (R's <c>bootweights</c>). <see cref="ReplicateMethod.SubBootstrap"/>:
    /// n_h − 1 draws, multiplier count·n_h/(n_h−1), scale 1/(R−1) (Rao and Wu 1988; R's <c>subbootweights</c>).
    /// Deterministic for a seed, but R's random numbers differ, so bootstrap figures cannot equal R's; with many
    /// replicates they come close to the linearised standard errors.</para>
    /// Sources: Wolter, K. M. (2007) Introduction to Variance Estimation, 2nd ed., ch. 4–5; Rao, J. N. K. and Wu,
    /// C. F. J. (1988) JASA 83, 231–241; Canty, A. J. and Davison, A. C. (1999) Survey Methodology 25, 13–27.
    /// </summary>
    public static SurveyDesign Create(SurveyDesign design, ReplicateMethod method, int replicates = 500, ulong seed = 1)
    {
        if (method == ReplicateMethod.Jackknife)
        {
            if (design.StratumCount > 1) throw new SurveyDesignException("the JK1 jackknife needs an unstratified design (R's as.svrepdesign refuses it too): use the bootstrap, or linearisation");
            if (design.PsuCount < 2) throw new SurveyDesignException("the jackknife needs at least two PSUs");
            var n = design.PsuCount;
            return design.With(new Replication(method, n, design.Fraction(0) * (n - 1) / n, seed, design));
        }
        if (replicates < 2) throw new SurveyDesignException("the bootstrap needs at least two replicates");
        if (method == ReplicateMethod.SubBootstrap)
        {
            for (var h = 0; h < design.StratumCount; h++)
                if (design.StratumPsus[h] < 2) throw new SurveyDesignException($"the Rao–Wu bootstrap needs two or more PSUs in every stratum; stratum '{design.StratumNames[h]}' has one");
            return design.With(new Replication(method, replicates, 1.0 / (replicates - 1), seed, design));
        }
        var inverse = 0.0;
        for (var h = 0; h < design.StratumCount; h++) inverse += 1.0 / design.StratumPsus[h];
        var harmonic = design.StratumCount / inverse;
        return design.With(new Replication(method, replicates, harmonic / ((harmonic - 1) * (replicates - 1)), seed, design));
    }
}

/// <summary>The replicate weights of a design, made one replicate at a time so they need no R × n matrix.</summary>
internal sealed class Replication(ReplicateMethod method, int count, double scale, ulong seed, SurveyDesign design)
{
    public ReplicateMethod Method { get; } = method;
    public int Count { get; } = count;
    public double Scale { get; } = scale;
    readonly int[][] _psusByStratum = PsusByStratum(design);

    /// <summary>Each PSU's weight multiplier in replicate r.</summary>
    public void Multipliers(int r, Span<double> psu)
    {
        if (Method == ReplicateMethod.Jackknife)
        {
            psu.Fill((double)psu.Length / (psu.Length - 1));
            psu[r] = 0;
            return;
        }
        psu.Clear();
        var rng = new SplitMix(seed, (ulong)r);
        for (var h = 0; h < _psusByStratum.Length; h++)
        {
            var units = _psusByStratum[h];
            var n = units.Length;
            if (Method == ReplicateMethod.SubBootstrap)
            {
                for (var k = 0; k < n - 1; k++) psu[units[rng.Next(n)]] += (double)n / (n - 1);
            }
            else if (double.IsPositiveInfinity(design.StratumPopulation[h]))
            {
                for (var k = 0; k < n; k++) psu[units[rng.Next(n)]] += 1;
            }
            else
            {
                // Without replacement from N_h copies of the n_h PSUs (copy j is PSU j mod n_h), as R's bootstratum.
                var population = Math.Max(n, (long)Math.Floor(design.StratumPopulation[h]));
                var drawn = new HashSet<long>();
                while (drawn.Count < n)
                {
                    var j = rng.NextLong(population);
                    if (drawn.Add(j)) psu[units[(int)(j % n)]] += 1;
                }
            }
        }
    }

    static int[][] PsusByStratum(SurveyDesign d)
    {
        var lists = new List<int>[d.StratumCount];
        for (var h = 0; h < lists.Length; h++) lists[h] = [];
        for (var c = 0; c < d.PsuCount; c++) lists[d.PsuStratum[c]].Add(c);
        return [.. lists.Select(l => l.ToArray())];
    }

    /// <summary>v = scale · Σ_r (θ_r − θ̄)² over the replicates that could be computed; NaN when none could.</summary>
    public double Variance(ReadOnlySpan<double> thetas)
    {
        double sum = 0; var m = 0;
        foreach (var t in thetas) if (double.IsFinite(t)) { sum += t; m++; }
        if (m == 0) return double.NaN;
        var mean = sum / m;
        var v = 0.0;
        foreach (var t in thetas) if (double.IsFinite(t)) v += (t - mean) * (t - mean);
        return Scale * v;
    }
}

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): one independent, reproducible stream per (seed, replicate), so
/// replicates can be made in any order. <see cref="Random"/> is not used: its algorithm may change between runtimes.
/// </summary>
internal struct SplitMix(ulong seed, ulong stream)
{
    ulong _state = Mix(seed ^ Mix(stream + 0x9E3779B97F4A7C15UL));

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform on 0 … n−1 without modulo bias (rejection of the short last block).</summary>
    public long NextLong(long n)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;
        ulong x;
        do x = NextULong(); while (x >= limit);
        return (long)(x % (ulong)n);
    }

    public int Next(int n) => (int)NextLong(n);
}

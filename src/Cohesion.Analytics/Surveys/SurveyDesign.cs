namespace Cohesion.Analytics.Surveys;

/// <summary>
/// A one-stage survey design: strata, primary sampling units (PSUs) within strata, weights, and a finite
/// population correction, with the variance conventions of R <c>survey</c> 4.1-1 (<c>svydesign</c>,
/// <c>svyrecvar</c>); optionally calibrated (<see cref="Weighting"/>) and with replicate weights
/// (<see cref="Replicates"/>). Immutable: weighting and replication return new designs.
/// Sources: Lumley, T. (2010) Complex Surveys: a guide to analysis using R, ch. 2–3; Särndal, C.-E., Swensson, B.
/// and Wretman, J. (1992) Model Assisted Survey Sampling, §2.8 and §4.
/// </summary>
public sealed class SurveyDesign
{
    /// <summary>Number of respondents.</summary>
    public int Rows { get; }
    /// <summary>Number of strata (1 when the design has none).</summary>
    public int StratumCount { get; }
    /// <summary>Number of PSUs (each row when the design has no clusters).</summary>
    public int PsuCount { get; }
    /// <summary>Stratum names, by stratum index.</summary>
    public IReadOnlyList<string> StratumNames { get; }
    /// <summary>The lonely-PSU option in force.</summary>
    public LonelyPsu LonelyPsu { get; }
    /// <summary>Whether strata, clusters and a finite population correction were given.</summary>
    public bool HasStrata { get; }
    /// <inheritdoc cref="HasStrata"/>
    public bool HasClusters { get; }
    /// <inheritdoc cref="HasStrata"/>
    public bool HasFpc { get; }
    /// <summary>Names of strata with a single PSU (handled by <see cref="LonelyPsu"/>).</summary>
    public IReadOnlyList<string> LonelyStrata { get; }
    /// <summary>Design degrees of freedom: #PSUs − #strata (R's <c>degf</c>).</summary>
    public int DegreesOfFreedom => PsuCount - StratumCount;
    /// <summary>How the weights were calibrated, when they were.</summary>
    public CalibrationReport? Calibration => Calibrator?.Report;
    /// <summary>The replicate weights' method, when variance is by replication.</summary>
    public ReplicateMethod? ReplicateMethod => Replication?.Method;
    /// <summary>Number of replicates, when variance is by replication.</summary>
    public int ReplicateCount => Replication?.Count ?? 0;

    // Rows are described by index arrays shared between the designs derived from one another.
    internal readonly double[] SamplingWeights;   // 1/π before any calibration
    internal readonly double[] AnalysisWeights;   // after calibration
    internal readonly int[] RowStratum;
    internal readonly int[] RowPsu;
    internal readonly int[] PsuStratum;
    internal readonly int[] StratumPsus;          // n_h
    internal readonly double[] StratumPopulation; // N_h (PSUs), +∞ without fpc
    internal readonly Calibrator? Calibrator;
    internal readonly Replication? Replication;

    SurveyDesign(SurveyDesign from, double[] weights, Calibrator? calibrator, Replication? replication)
    {
        Rows = from.Rows; StratumCount = from.StratumCount; PsuCount = from.PsuCount; StratumNames = from.StratumNames;
        LonelyPsu = from.LonelyPsu; HasStrata = from.HasStrata; HasClusters = from.HasClusters; HasFpc = from.HasFpc;
        LonelyStrata = from.LonelyStrata; SamplingWeights = from.SamplingWeights; RowStratum = from.RowStratum; RowPsu = from.RowPsu;
        PsuStratum = from.PsuStratum; StratumPsus = from.StratumPsus; StratumPopulation = from.StratumPopulation;
        AnalysisWeights = weights; Calibrator = calibrator; Replication = replication;
    }

    SurveyDesign(DesignColumns c)
    {
        var n = c.Rows;
        if (n <= 0) throw new SurveyDesignException("the sample has no rows");
        Check(c.Weights, n, "weights"); Check(c.Strata, n, "strata"); Check(c.Clusters, n, "clusters"); Check(c.Fpc, n, "fpc");
        Rows = n; LonelyPsu = c.LonelyPsu; HasStrata = c.Strata is not null; HasClusters = c.Clusters is not null; HasFpc = c.Fpc is not null;

        // Strata and PSUs become dense indices; a PSU is a (stratum, cluster) pair, as R's nest = TRUE.
        RowStratum = new int[n];
        var names = new List<string>();
        if (c.Strata is { } strata)
        {
            var index = new Dictionary<int, int>();
            for (var i = 0; i < n; i++)
            {
                if (!index.TryGetValue(strata[i], out var h))
                {
                    index[strata[i]] = h = index.Count;
                    names.Add(c.StratumNames is { } sn && strata[i] >= 0 && strata[i] < sn.Count ? sn[strata[i]] : strata[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                RowStratum[i] = h;
            }
        }
        else names.Add("all");
        StratumNames = names;
        StratumCount = names.Count;

        RowPsu = new int[n];
        var psuStratum = new List<int>();
        if (c.Clusters is { } clusters)
        {
            var index = new Dictionary<long, int>();
            for (var i = 0; i < n; i++)
            {
                var key = ((long)RowStratum[i] << 32) | (uint)clusters[i];
                if (!index.TryGetValue(key, out var p)) { index[key] = p = index.Count; psuStratum.Add(RowStratum[i]); }
                RowPsu[i] = p;
            }
        }
        else
        {
            for (var i = 0; i < n; i++) { RowPsu[i] = i; psuStratum.Add(RowStratum[i]); }
        }
        PsuStratum = [.. psuStratum];
        PsuCount = PsuStratum.Length;
        StratumPsus = new int[StratumCount];
        foreach (var h in PsuStratum) StratumPsus[h]++;

        StratumPopulation = new double[StratumCount];
        Array.Fill(StratumPopulation, double.PositiveInfinity);
        if (c.Fpc is { } fpc) SetPopulation(fpc);

        SamplingWeights = c.Weights ?? DefaultWeights();
        for (var i = 0; i < n; i++)
            if (!(SamplingWeights[i] > 0) || double.IsInfinity(SamplingWeights[i]))
                throw new SurveyDesignException($"weight of row {i + 1} is {SamplingWeights[i]}: weights must be finite and greater than 0");
        AnalysisWeights = SamplingWeights;

        var lonely = new List<string>();
        for (var h = 0; h < StratumCount; h++)
        {
            if (StratumPsus[h] != 1 || SelfRepresenting(h)) continue;
            if (LonelyPsu == LonelyPsu.Fail) throw new LonelyPsuException(StratumNames[h]);
            lonely.Add(StratumNames[h]);
        }
        LonelyStrata = lonely;
    }

    /// <summary>
    /// The design of <paramref name="columns"/>. Errors (as <see cref="SurveyDesignException"/>): weights not
    /// finite and &gt; 0; fpc mixing fractions and population sizes, varying within a stratum, or smaller than the
    /// number of PSUs sampled; a stratum with one PSU under <see cref="LonelyPsu.Fail"/> (<see cref="LonelyPsuException"/>).
    /// </summary>
    public static SurveyDesign Create(DesignColumns columns) => new(columns);

    /// <summary>The analysis weights (after calibration, when calibrated).</summary>
    public ReadOnlySpan<double> Weights => AnalysisWeights;

    internal SurveyDesign With(double[] weights, Calibrator? calibrator) => new(this, weights, calibrator, Replication);

    internal SurveyDesign With(Replication replication) => new(this, AnalysisWeights, Calibrator, replication);

    /// <summary>The finite population correction 1 − n_h/N_h of stratum h (1 without fpc).</summary>
    internal double Fraction(int h) => double.IsPositiveInfinity(StratumPopulation[h]) ? 1 : (StratumPopulation[h] - StratumPsus[h]) / StratumPopulation[h];

    /// <summary>R skips strata whose correction is below 1e-7 (sampled completely) before it looks for lonely PSUs.</summary>
    internal bool SelfRepresenting(int h) => Fraction(h) < 1e-7;

    /// <summary>A one-line description, e.g. "stratified (3 strata), clustered (15 PSUs), with fpc".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.Add(HasStrata ? $"stratified ({StratumCount} strata)" : "unstratified");
        parts.Add(HasClusters ? $"one-stage clustered ({PsuCount} PSUs)" : $"{Rows} respondents as PSUs");
        parts.Add(HasFpc ? "with finite population correction" : "without finite population correction");
        if (LonelyStrata.Count > 0) parts.Add($"{LonelyStrata.Count} strat{(LonelyStrata.Count == 1 ? "um" : "a")} with one PSU treated by lonely PSU option '{LonelyPsu.ToString().ToLowerInvariant()}' ({string.Join(", ", LonelyStrata.Take(5))}{(LonelyStrata.Count > 5 ? ", …" : "")})");
        parts.Add($"{DegreesOfFreedom} design degrees of freedom");
        return string.Join("; ", parts);
    }

    void SetPopulation(double[] fpc)
    {
        // R's as.fpc: all ≤ 1 are sampling fractions (N_h = n_h / f), all ≥ 1 population sizes.
        bool anyAbove = false, anyBelow = false;
        foreach (var f in fpc)
        {
            if (!(f >= 0) || double.IsInfinity(f)) throw new SurveyDesignException($"fpc value {f} is not a number ≥ 0");
            anyAbove |= f > 1; anyBelow |= f < 1;
        }
        if (anyAbove && anyBelow) throw new SurveyDesignException("fpc must be all sampling fractions (≤ 1) or all population sizes (≥ 1), not a mixture");
        var seen = new bool[StratumCount];
        var value = new double[StratumCount];
        for (var i = 0; i < fpc.Length; i++)
        {
            var h = RowStratum[i];
            if (!seen[h]) { seen[h] = true; value[h] = fpc[i]; }
            else if (value[h] != fpc[i]) throw new SurveyDesignException($"fpc varies within stratum '{StratumNames[h]}' ({value[h]} and {fpc[i]})");
        }
        for (var h = 0; h < StratumCount; h++)
        {
            StratumPopulation[h] = anyAbove ? value[h] : value[h] == 0 ? double.PositiveInfinity : StratumPsus[h] / value[h];
            if (StratumPopulation[h] < StratumPsus[h])
                throw new SurveyDesignException($"fpc implies more than 100% sampling in stratum '{StratumNames[h]}': population {StratumPopulation[h]:G6} PSUs, {StratumPsus[h]} sampled");
        }
    }

    double[] DefaultWeights()
    {
        var w = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var h = RowStratum[i];
            w[i] = double.IsPositiveInfinity(StratumPopulation[h]) ? 1 : StratumPopulation[h] / StratumPsus[h];
        }
        return w;
    }

    static void Check<T>(T[]? a, int n, string name)
    {
        if (a is not null && a.Length != n) throw new SurveyDesignException($"{name} has {a.Length} values for {n} rows");
    }
}

namespace Cohesion.Analytics.Surveys;

/// <summary>
/// Weighting to population margins and the residuals that its variance needs. Kept with the design so each
/// replicate's weights can be calibrated the same way (as R's <c>postStratify</c>/<c>rake</c> on a
/// <c>svyrep.design</c> do).
/// </summary>
internal sealed class Calibrator
{
    public readonly bool Raking;
    public readonly CalibrationMargin[] Margins;
    public readonly CalibrationOptions Options;
    public readonly int[] Offset;         // flat level j = Offset[k] + level in margin k
    public readonly int Levels;           // J
    public CalibrationReport Report { get; private set; } = null!;

    // Residual operator: per PSU, the weight of each level in it (CSR), and per level its weight, count and overlaps.
    public int[] PsuStart = [];
    public int[] PsuLevel = [];
    public double[] PsuWeight = [];
    double[] _levelWeight = [];
    int[] _levelCount = [];
    int[] _crossStart = [];
    int[] _crossLevel = [];
    int[] _crossCount = [];
    readonly double _total;

    public Calibrator(bool raking, CalibrationMargin[] margins, CalibrationOptions options, int rows)
    {
        Raking = raking; Margins = margins; Options = options;
        Offset = new int[margins.Length];
        for (var k = 0; k < margins.Length; k++)
        {
            var m = margins[k];
            if (m.RowLevels.Length != rows) throw new SurveyDesignException($"margin '{m.Name}' has {m.RowLevels.Length} values for {rows} rows");
            Offset[k] = Levels;
            Levels += m.Population.Length;
            var seen = new bool[m.Population.Length];
            for (var i = 0; i < rows; i++)
            {
                var l = m.RowLevels[i];
                if (l < 0 || l >= m.Population.Length) throw new SurveyDesignException($"margin '{m.Name}': row {i + 1} has no level among the {m.Population.Length} with population counts");
                seen[l] = true;
            }
            for (var l = 0; l < seen.Length; l++)
            {
                var p = m.Population[l];
                if (!(p > 0) || double.IsInfinity(p)) throw new SurveyDesignException($"margin '{m.Name}': the population count of level '{m.Level(l)}' is {p}; it must be a number greater than 0");
                if (!seen[l]) throw new SurveyDesignException($"margin '{m.Name}': level '{m.Level(l)}' has a population count but no respondents");
            }
        }
        _total = margins[0].Population.Sum();
        foreach (var m in margins)
        {
            var t = m.Population.Sum();
            if (Math.Abs(t - _total) > 1e-9 * _total)
                throw new SurveyDesignException($"margins add up to different totals: '{margins[0].Name}' {_total:G10}, '{m.Name}' {t:G10}; raking cannot meet both");
        }
        if (options.TrimLower is { } lo && options.TrimUpper is { } hi && !(lo < hi)) throw new SurveyDesignException($"trimming bounds {lo} and {hi}: the lower must be below the upper");
        if (options.TrimLower is < 0 || options.TrimUpper is <= 1 && options.TrimUpper is not null || options.TrimLower is >= 1)
            throw new SurveyDesignException("trimming bounds are multiples of the mean weight: the lower must be in [0, 1), the upper greater than 1");
    }

    bool Trims => Options.TrimLower is not null || Options.TrimUpper is not null;

    /// <summary>
    /// Weights from <paramref name="start"/> that meet every margin: iterative proportional fitting (raking; one
    /// cycle for post-stratification without trimming), each cycle multiplying the weights of each level of each
    /// margin in turn by population / weighted sample count, then, when trimming, holding weights to the bounds
    /// (the next cycle's margin steps share out what was cut). Converged when a cycle changes no weight by more than
    /// the tolerance (relative). Returns the iterations, the last change and the margin furthest from its counts.
    /// Sources: Deming, W. E. and Stephan, F. F. (1940) Ann. Math. Statist. 11, 427–444; Deville, J.-C. and
    /// Särndal, C.-E. (1992) JASA 87, 376–382 (raking as calibration); Holt, D. and Smith, T. M. F. (1979)
    /// JRSS A 142, 33–46 (post-stratification).
    /// </summary>
    public (int Iterations, double MaxChange, int Trimmed, int WorstMargin, double WorstError) Fit(ReadOnlySpan<double> start, Span<double> w)
    {
        start.CopyTo(w);
        var n = w.Length;
        var totals = new double[Levels];
        var previous = new double[n];
        double lo = Options.TrimLower is { } a ? a * _total / n : 0, hi = Options.TrimUpper is { } b ? b * _total / n : double.PositiveInfinity;
        var oneCycle = !Raking && !Trims;
        var change = double.PositiveInfinity;
        var iterations = 0;
        var trimmed = 0;
        while (iterations < Options.MaxIterations)
        {
            iterations++;
            w.CopyTo(previous);
            for (var k = 0; k < Margins.Length; k++)
            {
                var levels = Margins[k].RowLevels;
                var pop = Margins[k].Population;
                var t = totals.AsSpan(0, pop.Length);
                t.Clear();
                for (var i = 0; i < n; i++) t[levels[i]] += w[i];
                for (var l = 0; l < t.Length; l++) t[l] = t[l] > 0 ? pop[l] / t[l] : double.NaN;
                for (var i = 0; i < n; i++) w[i] *= t[levels[i]];
            }
            if (Trims)
            {
                trimmed = 0;
                for (var i = 0; i < n; i++)
                {
                    if (w[i] < lo) { w[i] = lo; trimmed++; }
                    else if (w[i] > hi) { w[i] = hi; trimmed++; }
                }
            }
            change = 0;
            for (var i = 0; i < n; i++)
            {
                var r = Math.Abs(w[i] - previous[i]) / previous[i];
                if (!(r <= change)) change = r; // NaN (a level lost all its weight) propagates
            }
            if (oneCycle || change < Options.Tolerance) break;
        }
        var (worst, error) = MarginError(w, totals);
        return (iterations, change, trimmed, worst, error);
    }

    (int Margin, double Error) MarginError(ReadOnlySpan<double> w, double[] totals)
    {
        int worst = 0; var error = 0.0;
        for (var k = 0; k < Margins.Length; k++)
        {
            var pop = Margins[k].Population;
            var t = totals.AsSpan(0, pop.Length);
            t.Clear();
            for (var i = 0; i < w.Length; i++) t[Margins[k].RowLevels[i]] += w[i];
            for (var l = 0; l < t.Length; l++)
            {
                var e = Math.Abs(t[l] - pop[l]) / pop[l];
                if (!(e <= error)) { error = e; worst = k; }
            }
        }
        return (worst, error);
    }

    /// <summary>Calibrates the design's weights (throwing when not converged) and builds the residual operator.</summary>
    public SurveyDesign Apply(SurveyDesign design)
    {
        var w = new double[design.Rows];
        var (iterations, change, trimmed, worst, error) = Fit(design.AnalysisWeights, w);
        // With trimming, a cycle can stop changing the weights while a margin is still unmet (bounds that the
        // margins cannot live with): that is not convergence either.
        var converged = !Raking && !Trims ? !double.IsNaN(change) : change < Options.Tolerance && (!Trims || error < 1e-6);
        if (!converged) throw new RakingNotConvergedException(iterations, change, Margins[worst].Name, error);
        Report = new CalibrationReport(Raking ? "raking" : "post-stratification", [.. Margins.Select(m => m.Name)], iterations, change, trimmed,
            Weighting.KishDesignEffect(design.AnalysisWeights), Weighting.KishDesignEffect(w));
        BuildResiduals(design, w);
        return design.With(w, this);
    }

    void BuildResiduals(SurveyDesign d, double[] w)
    {
        var n = d.Rows;
        _weights = w;
        _levelWeight = new double[Levels];
        _levelCount = new int[Levels];
        for (var k = 0; k < Margins.Length; k++)
            for (var i = 0; i < n; i++)
            {
                var j = Offset[k] + Margins[k].RowLevels[i];
                _levelWeight[j] += w[i];
                _levelCount[j]++;
            }

        // Weight of each level in each PSU, in compressed rows: rows are grouped by PSU first.
        var order = RowsByPsu(d);
        var start = new List<int>(d.PsuCount + 1) { 0 };
        var level = new List<int>();
        var weight = new List<double>();
        var scratch = new double[Levels];
        var used = new List<int>();
        var r = 0;
        for (var c = 0; c < d.PsuCount; c++)
        {
            for (; r < n && d.RowPsu[order[r]] == c; r++)
            {
                var i = order[r];
                for (var k = 0; k < Margins.Length; k++)
                {
                    var j = Offset[k] + Margins[k].RowLevels[i];
                    if (scratch[j] == 0) used.Add(j);
                    scratch[j] += w[i];
                }
            }
            foreach (var j in used) { level.Add(j); weight.Add(scratch[j]); scratch[j] = 0; }
            used.Clear();
            start.Add(level.Count);
        }
        PsuStart = [.. start]; PsuLevel = [.. level]; PsuWeight = [.. weight];

        if (!Raking) return;
        // Unweighted overlaps between levels of different margins, for R's raking residual sweeps: counted in a
        // dense J×J table when it is small (the usual case: a few margins of a few levels), else in a dictionary.
        var cross = new Dictionary<long, int>();
        var dense = Levels <= 1024 ? new int[Levels * Levels] : null;
        for (var i = 0; i < n; i++)
            for (var k = 0; k < Margins.Length; k++)
                for (var k2 = 0; k2 < Margins.Length; k2++)
                {
                    if (k2 == k) continue;
                    int j = Offset[k] + Margins[k].RowLevels[i], j2 = Offset[k2] + Margins[k2].RowLevels[i];
                    if (dense is not null) dense[j * Levels + j2]++;
                    else cross[((long)j << 32) | (uint)j2] = cross.GetValueOrDefault(((long)j << 32) | (uint)j2) + 1;
                }
        if (dense is not null)
            for (var e = 0; e < dense.Length; e++)
                if (dense[e] > 0) cross[((long)(e / Levels) << 32) | (uint)(e % Levels)] = dense[e];
        var sorted = cross.OrderBy(p => p.Key).ToArray();
        _crossStart = new int[Levels + 1];
        _crossLevel = new int[sorted.Length];
        _crossCount = new int[sorted.Length];
        for (var e = 0; e < sorted.Length; e++)
        {
            _crossStart[(int)(sorted[e].Key >> 32) + 1]++;
            _crossLevel[e] = (int)(sorted[e].Key & 0xFFFFFFFF);
            _crossCount[e] = sorted[e].Value;
        }
        for (var j = 0; j < Levels; j++) _crossStart[j + 1] += _crossStart[j];
    }

    static int[] RowsByPsu(SurveyDesign d)
    {
        var count = new int[d.PsuCount + 1];
        foreach (var c in d.RowPsu) count[c + 1]++;
        for (var c = 0; c < d.PsuCount; c++) count[c + 1] += count[c];
        var order = new int[d.Rows];
        for (var i = 0; i < d.Rows; i++) order[count[d.RowPsu[i]]++] = i;
        return order;
    }

    /// <summary>
    /// Coefficients a_j of the calibration residual z − Σ_j a_j·wᵢ·1[i in level j], as R's <c>svyrecvar</c> takes
    /// residuals before the PSU totals. Post-stratification: a_g = Σ_{i∈g} zᵢ / Σ_{i∈g} wᵢ (the weighted cell mean
    /// of z/w). Raking: ten sweeps over the margins, each subtracting within every level the unweighted mean of z/w
    /// (R's <c>x − psw·ave(x/psw, margin)</c>), so the result matches R's numbers, not only its limit.
    /// Source: Lumley (2010) §7.4; survey 4.1-1 <c>svyrecvar</c>.
    /// </summary>
    public void ResidualCoefficients(ReadOnlySpan<int> rows, ReadOnlySpan<double> z, Span<double> a)
    {
        a.Clear();
        if (!Raking)
        {
            var cells = Margins[0].RowLevels;
            for (var k = 0; k < rows.Length; k++) a[cells[rows[k]]] += z[k];
            for (var j = 0; j < Levels; j++) a[j] /= _levelWeight[j];
            return;
        }
        Span<double> sums = Levels <= 256 ? stackalloc double[Levels] : new double[Levels];
        sums.Clear();
        var w = _weights!;
        for (var k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var v = z[k] / w[i];
            for (var m = 0; m < Margins.Length; m++) sums[Offset[m] + Margins[m].RowLevels[i]] += v;
        }
        for (var sweep = 0; sweep < 10; sweep++)
            for (var m = 0; m < Margins.Length; m++)
                for (var j = Offset[m]; j < Offset[m] + Margins[m].Population.Length; j++)
                {
                    var s = sums[j] - a[j] * _levelCount[j];
                    for (var e = _crossStart[j]; e < _crossStart[j + 1]; e++) s -= a[_crossLevel[e]] * _crossCount[e];
                    a[j] += s / _levelCount[j];
                }
    }

    double[]? _weights;
}

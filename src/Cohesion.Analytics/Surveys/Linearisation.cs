namespace Cohesion.Analytics.Surveys;

/// <summary>
/// The Taylor-linearisation variance of an estimator from its influence function zᵢ (non-zero only on the rows
/// the estimate uses), with R survey's one-stage conventions (<c>svyrecvar</c>, <c>onestage</c>, <c>onestrat</c>):
/// calibration residuals first, then PSU totals t_hc = Σ_{i∈c} zᵢ and
/// V = Σ_h f_h · n_h/(n_h − 1) · Σ_c (t_hc − t̄_h)², f_h = 1 − n_h/N_h, t̄_h the mean over all n_h PSUs of the
/// stratum (PSUs without a row of the estimate count as zero: domains are subpopulations of the whole design).
/// A workspace is reused across estimates so that each costs time in proportion to its own rows (plus the PSUs,
/// when the design is calibrated); it is not thread-safe.
/// Sources: Lumley (2010) §2.2, §3.2; Särndal, Swensson and Wretman (1992) result 4.3.1 and §5.5 (domains).
/// </summary>
internal sealed class Linearisation
{
    readonly SurveyDesign _d;
    readonly double[] _psuTotal;
    readonly bool[] _psuTouched;
    readonly int[] _touched;
    int _touchedCount;
    readonly double[] _stratumSum;
    readonly double[] _squares;
    readonly int[] _stratumSeen;
    readonly bool[] _stratumPresent;
    readonly int[] _present;
    readonly double[] _coefficients;

    public Linearisation(SurveyDesign design)
    {
        _d = design;
        _psuTotal = new double[design.PsuCount];
        _psuTouched = new bool[design.PsuCount];
        _touched = new int[design.PsuCount];
        _stratumSum = new double[design.StratumCount];
        _squares = new double[design.StratumCount];
        _stratumSeen = new int[design.StratumCount];
        _stratumPresent = new bool[design.StratumCount];
        _present = new int[design.StratumCount];
        _coefficients = new double[design.Calibrator?.Levels ?? 0];
    }

    /// <summary>
    /// Variance of an estimator whose influence on row <c>rows[k]</c> is <c>z[k]</c> (zero elsewhere).
    /// </summary>
    public double Variance(ReadOnlySpan<int> rows, ReadOnlySpan<double> z)
    {
        var d = _d;
        var presentCount = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var c = d.RowPsu[rows[k]];
            if (!_psuTouched[c]) { _psuTouched[c] = true; _touched[_touchedCount++] = c; }
            _psuTotal[c] += z[k];
        }

        if (d.Calibrator is { } cal)
        {
            // Calibration residuals are a combination of per-level columns wᵢ·1[i in level j] (R's postStrata
            // handling): subtract Σ_j a_j · (weight of level j in PSU c) from each PSU total; all PSUs take part.
            var a = _coefficients.AsSpan();
            cal.ResidualCoefficients(rows, z, a);
            for (var c = 0; c < d.PsuCount; c++)
            {
                var correction = 0.0;
                for (var e = cal.PsuStart[c]; e < cal.PsuStart[c + 1]; e++) correction += a[cal.PsuLevel[e]] * cal.PsuWeight[e];
                if (correction == 0) continue;
                if (!_psuTouched[c]) { _psuTouched[c] = true; _touched[_touchedCount++] = c; }
                _psuTotal[c] -= correction;
            }
            // Calibrated subsets keep every row (with weight 0) in R, so every stratum takes part.
            for (var h = 0; h < d.StratumCount; h++) { _stratumPresent[h] = true; _present[presentCount++] = h; }
        }
        else
        {
            for (var t = 0; t < _touchedCount; t++)
            {
                var h = d.PsuStratum[_touched[t]];
                if (!_stratumPresent[h]) { _stratumPresent[h] = true; _present[presentCount++] = h; }
            }
        }

        for (var t = 0; t < _touchedCount; t++)
        {
            var c = _touched[t];
            _stratumSum[d.PsuStratum[c]] += _psuTotal[c];
            _stratumSeen[d.PsuStratum[c]]++;
        }
        var lonely = d.LonelyPsu;
        // Squared deviations of the touched PSUs from their stratum mean (R centres each PSU total, then squares:
        // more accurate than Σt² − (Σt)²/n); the untouched PSUs of the stratum deviate by −mean each.
        for (var t = 0; t < _touchedCount; t++)
        {
            var c = _touched[t];
            var h = d.PsuStratum[c];
            var n = d.StratumPsus[h];
            var centre = n == 1 && lonely == LonelyPsu.Adjust ? 0 : _stratumSum[h] / n;
            var x = _psuTotal[c] - centre;
            _squares[h] += x * x;
        }
        var variance = 0.0;
        var ok = 0;
        for (var p = 0; p < presentCount; p++)
        {
            var h = _present[p];
            var n = d.StratumPsus[h];
            if (d.SelfRepresenting(h)) { ok++; continue; }
            if (n == 1 && lonely == LonelyPsu.Average) continue;
            ok++;
            var centre = n == 1 && lonely == LonelyPsu.Adjust ? 0 : _stratumSum[h] / n;
            var squares = _squares[h] + (n - _stratumSeen[h]) * centre * centre;
            var f = d.Fraction(h);
            variance += (n > 1 ? f * n / (n - 1) : f) * squares;
        }
        if (lonely == LonelyPsu.Average && ok < presentCount && ok > 0) variance *= (double)presentCount / ok;

        // Leave the workspace clean for the next estimate.
        for (var t = 0; t < _touchedCount; t++) { var c = _touched[t]; _psuTotal[c] = 0; _psuTouched[c] = false; }
        _touchedCount = 0;
        for (var p = 0; p < presentCount; p++) { var h = _present[p]; _stratumSum[h] = 0; _stratumSeen[h] = 0; _squares[h] = 0; _stratumPresent[h] = false; }
        return variance;
    }
}

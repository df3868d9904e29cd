using System.Numerics.Tensors;

namespace Cohesion.Analytics.Surveillance;

/// <summary>
/// A fitted log-linear Poisson (quasi-Poisson) model of the Farrington design: intercept, optionally a linear time
/// trend, optionally a seasonal factor whose first level is the reference.
/// </summary>
/// <param name="Coefficients">Intercept, then trend (when fitted), then one per factor level after the first.</param>
/// <param name="Unscaled">(XᵀWX)⁻¹ at the final iteration (R's <c>summary.glm()$cov.unscaled</c>).</param>
/// <param name="Fitted">μ̂ for each row.</param>
/// <param name="Hat">The hat values hᵢ = wᵢ xᵢᵀ(XᵀWX)⁻¹xᵢ (R's <c>hatvalues</c>).</param>
/// <param name="Dispersion">Pearson's estimate Σ wᵢ(yᵢ − μ̂ᵢ)²/μ̂ᵢ / (n − p), R's quasi-Poisson dispersion (may be below 1).</param>
/// <param name="ResidualDf">n − p.</param>
/// <param name="Converged">Whether the deviance settled within 25 iterations.</param>
/// <param name="Iterations">IRLS iterations used.</param>
/// <param name="HasTrend">Whether the trend was in the model.</param>
/// <param name="Levels">Factor levels (1: no factor).</param>
public sealed record PoissonFit(double[] Coefficients, double[,] Unscaled, double[] Fitted, double[] Hat, double Dispersion, int ResidualDf,
    bool Converged, int Iterations, bool HasTrend, int Levels)
{
    /// <summary>The linear predictor at a time and factor level (0-based) and its variance xᵀ(XᵀWX)⁻¹x·φ (φ: <paramref name="dispersion"/>, else the fit's).</summary>
    public (double Eta, double Variance) Predict(double time, int level, double? dispersion = null)
    {
        Span<double> x = stackalloc double[Coefficients.Length];
        x[0] = 1;
        var p = 1;
        if (HasTrend) x[p++] = time;
        if (level > 0) x[p + level - 1] = 1;
        double eta = 0, v = 0;
        for (var i = 0; i < x.Length; i++)
        {
            eta += x[i] * Coefficients[i];
            for (var j = 0; j < x.Length; j++) v += x[i] * Unscaled[i, j] * x[j];
        }
        return (eta, v * (dispersion ?? Dispersion));
    }

    /// <summary>The trend's two-sided p-value from its t statistic on the residual degrees of freedom, as <c>summary.glm</c> gives for quasi families.</summary>
    public double TrendPValue(double? dispersion = null)
    {
        if (!HasTrend) return double.NaN;
        var t = Coefficients[1] / Math.Sqrt((dispersion ?? Dispersion) * Unscaled[1, 1]);
        return 2 * Surveys.Distributions.StudentTCdf(-Math.Abs(t), ResidualDf);
    }
}

/// <summary>
/// Iteratively reweighted least squares for the Poisson log-linear model with prior weights, following R's
/// <c>glm.fit</c> step for step (start μ = y + 0.1; working response z = η + (y − μ)/μ and weights w·μ; stop when
/// |D − D_old|/(|D| + 0.1) &lt; 1e-8, at most 25 iterations) so fitted values, dispersion, hat values and standard
/// errors agree with R's. Source: McCullagh &amp; Nelder (1989) Generalized Linear Models, §2.5; R Core, glm.fit.
/// <para>The design is the Farrington one (intercept, trend, seasonal factor), so XᵀWX is assembled from sums per factor
/// level in one pass over the rows rather than from a dense matrix: O(n + p³) per iteration.</para>
/// </summary>
public static class PoissonGlm
{
    const double Epsilon = 1e-8;
    const int MaxIterations = 25;

    /// <param name="y">Counts.</param>
    /// <param name="time">Each row's time (the trend covariate).</param>
    /// <param name="level">Each row's factor level, 0-based (all 0 when there is no factor).</param>
    /// <param name="levels">Number of factor levels (1: no factor).</param>
    /// <param name="priorWeights">Prior weights (null: all 1).</param>
    /// <param name="trend">Whether to fit the time trend.</param>
    public static PoissonFit Fit(ReadOnlySpan<double> y, ReadOnlySpan<double> time, ReadOnlySpan<int> level, int levels, ReadOnlySpan<double> priorWeights, bool trend)
    {
        var n = y.Length;
        var p = 1 + (trend ? 1 : 0) + (levels - 1);
        var mu = new double[n];
        var eta = new double[n];
        var w = new double[n];
        // y·log y once: the deviance 2Σ wᵢ[yᵢ log(yᵢ/μᵢ) − (yᵢ − μᵢ)] is then 2Σ wᵢ[yᵢ log yᵢ − yᵢηᵢ − yᵢ + μᵢ], with no log per iteration.
        Span<double> yLogY = n <= 1024 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < n; i++)
        {
            yLogY[i] = YLogY(y[i]);
            mu[i] = y[i] + 0.1;
        }
        TensorPrimitives.Log(mu, eta);
        var devOld = Deviance(y, yLogY, eta, mu, priorWeights);
        var beta = new double[p];
        var xtwx = new double[p, p];
        var xtwz = new double[p];
        var inverse = new double[p, p];
        var converged = false;
        var iterations = 0;
        Span<double> s0 = stackalloc double[levels], s1 = stackalloc double[levels], s2 = stackalloc double[levels];
        Span<double> z0 = stackalloc double[levels], z1 = stackalloc double[levels];
        for (var iter = 1; iter <= MaxIterations; iter++)
        {
            iterations = iter;
            s0.Clear(); s1.Clear(); s2.Clear(); z0.Clear(); z1.Clear();
            for (var i = 0; i < n; i++)
            {
                var wi = (priorWeights.IsEmpty ? 1 : priorWeights[i]) * mu[i];
                w[i] = wi;
                var z = eta[i] + (y[i] - mu[i]) / mu[i];
                var g = level[i];
                var t = time[i];
                s0[g] += wi; s1[g] += wi * t; s2[g] += wi * t * t;
                z0[g] += wi * z; z1[g] += wi * z * t;
            }
            Assemble(xtwx, xtwz, s0, s1, s2, z0, z1, trend, levels);
            if (!Cholesky.Solve(xtwx, xtwz, beta, inverse))
                return Failed(p, n, trend, levels, iterations);
            var b0 = beta[0];
            var b1 = trend ? beta[1] : 0;
            var d = trend ? 2 : 1;
            for (var i = 0; i < n; i++)
            {
                var g = level[i];
                eta[i] = b0 + b1 * time[i] + (g > 0 ? beta[d + g - 1] : 0);
            }
            TensorPrimitives.Exp(eta, mu);
            var dev = Deviance(y, yLogY, eta, mu, priorWeights);
            if (!double.IsFinite(dev)) return Failed(p, n, trend, levels, iterations);
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < Epsilon) { converged = true; break; }
            devOld = dev;
        }
        // As glm.fit: the weights and (XᵀWX)⁻¹ are those of the last iteration's start; residuals use the final μ.
        var hat = new double[n];
        double pearson = 0;
        for (var i = 0; i < n; i++)
        {
            hat[i] = w[i] * Quadratic(inverse, time[i], level[i], trend);
            var r = (y[i] - mu[i]) / mu[i];
            pearson += w[i] * r * r;
        }
        var df = n - p;
        return new PoissonFit(beta, inverse, mu, hat, df > 0 ? pearson / df : double.NaN, df, converged, iterations, trend, levels);
    }

    static readonly double[] LogOfSmallCounts = Enumerable.Range(0, 4096).Select(k => k == 0 ? 0 : Math.Log(k)).ToArray();

    /// <summary>y log y, 0 at y = 0; counts are small whole numbers, so their logs come from a table.</summary>
    static double YLogY(double y)
    {
        if (y <= 0) return 0;
        var k = (int)y;
        return k == y && k < LogOfSmallCounts.Length ? y * LogOfSmallCounts[k] : y * Math.Log(y);
    }

    static double Deviance(ReadOnlySpan<double> y, ReadOnlySpan<double> yLogY, ReadOnlySpan<double> eta, ReadOnlySpan<double> mu, ReadOnlySpan<double> prior)
    {
        double dev = 0;
        for (var i = 0; i < y.Length; i++)
            dev += (prior.IsEmpty ? 1 : prior[i]) * (yLogY[i] - y[i] * eta[i] - y[i] + mu[i]);
        return 2 * dev;
    }

    static PoissonFit Failed(int p, int n, bool trend, int levels, int iterations) =>
        new(new double[p], new double[p, p], new double[n], new double[n], double.NaN, n - p, false, iterations, trend, levels);

    /// <summary>xᵀAx for the row's sparse design vector (1, t, dummy of level g).</summary>
    static double Quadratic(double[,] a, double t, int g, bool trend)
    {
        var d = trend ? 2 : 1;
        double q = a[0, 0];
        if (trend) q += 2 * t * a[0, 1] + t * t * a[1, 1];
        if (g > 0)
        {
            var j = d + g - 1;
            q += a[j, j] + 2 * a[0, j] + (trend ? 2 * t * a[1, j] : 0);
        }
        return q;
    }

    static void Assemble(double[,] m, double[] r, ReadOnlySpan<double> s0, ReadOnlySpan<double> s1, ReadOnlySpan<double> s2,
        ReadOnlySpan<double> z0, ReadOnlySpan<double> z1, bool trend, int levels)
    {
        Array.Clear(m);
        Array.Clear(r);
        double S0 = 0, S1 = 0, S2 = 0, Z0 = 0, Z1 = 0;
        for (var g = 0; g < levels; g++) { S0 += s0[g]; S1 += s1[g]; S2 += s2[g]; Z0 += z0[g]; Z1 += z1[g]; }
        m[0, 0] = S0; r[0] = Z0;
        var d = 1;
        if (trend) { m[0, 1] = m[1, 0] = S1; m[1, 1] = S2; r[1] = Z1; d = 2; }
        for (var g = 1; g < levels; g++)
        {
            var j = d + g - 1;
            m[j, j] = s0[g];
            m[0, j] = m[j, 0] = s0[g];
            if (trend) m[1, j] = m[j, 1] = s1[g];
            r[j] = z0[g];
        }
    }
}

/// <summary>Cholesky factorisation of a small symmetric positive-definite system, giving the solution and the inverse.</summary>
static class Cholesky
{
    /// <summary>Solves Ax = b and writes A⁻¹; false when A is not positive definite (a rank-deficient design).</summary>
    public static bool Solve(double[,] a, double[] b, double[] x, double[,] inverse)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    // A pivot this small relative to the diagonal means a column is (numerically) a combination of others.
                    if (!(sum > 1e-12 * Math.Abs(a[i, i]))) return false;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        Span<double> y = stackalloc double[n];
        Span<double> e = stackalloc double[n];
        Span<double> col = stackalloc double[n];
        Span<double> tmp = stackalloc double[n];
        Forward(l, b, y);
        Backward(l, y, x);
        for (var c = 0; c < n; c++)
        {
            e.Clear();
            e[c] = 1;
            Forward(l, e, tmp);
            Backward(l, tmp, col);
            for (var r = 0; r < n; r++) inverse[r, c] = col[r];
        }
        return true;
    }

    static void Forward(double[,] l, ReadOnlySpan<double> b, Span<double> y)
    {
        for (var i = 0; i < b.Length; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
    }

    static void Backward(double[,] l, ReadOnlySpan<double> y, Span<double> x)
    {
        for (var i = y.Length - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < y.Length; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
    }
}

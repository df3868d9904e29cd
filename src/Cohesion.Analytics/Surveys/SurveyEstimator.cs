namespace Cohesion.Analytics.Surveys;

/// <summary>
/// Design-based estimates of means, totals and proportions, overall or by domain, with standard errors,
/// intervals and unweighted bases, matching R <c>survey</c> 4.1-1 (<c>svymean</c>, <c>svytotal</c>,
/// <c>svyciprop(method = "logit")</c>, <c>svyby</c>, each with <c>na.rm = TRUE</c>).
/// </summary>
public static class SurveyEstimator
{
    /// <summary>
    /// Estimates of <paramref name="statistic"/> of <paramref name="values"/> (NaN = missing) for each domain (or the
    /// whole sample, named "all"). A missing value leaves its row out of the estimate but not out of the design:
    /// its weight is zero, as R's <c>svymean(…, na.rm = TRUE)</c> (which subsets the design) does.
    /// <para>Mean ȳ = Σwᵢyᵢ/Σwᵢ with influence zᵢ = wᵢ(yᵢ − ȳ)/Σwᵢ; total Ŷ = Σwᵢyᵢ with zᵢ = wᵢyᵢ; proportion: the mean
    /// of a 0/1 indicator. Linearised variance from z (see the design), or the replicate variance. Interval:
    /// θ̂ ± q·SE with q the normal or t quantile; for a proportion p̂ the logit interval
    /// expit(logit p̂ ± q·SE/(p̂(1−p̂))), as R's <c>svyciprop(method = "logit")</c> (an intercept-only quasibinomial
    /// svyglm, whose linearised variance is exactly this delta method; with replicates, the replicates' logits'
    /// variance). p̂ of 0 or 1 gives the interval [p̂, p̂].</para>
    /// Sources: Lumley (2010) §2.2–2.3, §2.6 (Korn and Graubard's logit interval); Korn, E. L. and Graubard, B. I.
    /// (1998) Survey Methodology 24, 193–201; Särndal, Swensson and Wretman (1992) §5.3–5.8.
    /// </summary>
    public static DomainEstimate[] Estimate(SurveyDesign design, Statistic statistic, ReadOnlySpan<double> values, Domains? domains = null, EstimateOptions? options = null)
    {
        options ??= new EstimateOptions();
        var groups = DomainRows.Group(design, values, domains, statistic);
        var results = new DomainEstimate[groups.Count];
        var replicate = design.Replication is not null ? ReplicateThetas(design, statistic, values, groups) : null;
        var lin = replicate is null ? new Linearisation(design) : null;
        var z = new double[groups.MaxSize];
        for (var d = 0; d < groups.Count; d++)
        {
            var rows = groups.Rows(d);
            var (theta, population) = Point(design.AnalysisWeights, values, rows, statistic);
            double variance, logitVariance = double.NaN;
            var df = groups.DegreesOfFreedom(d);
            if (lin is not null)
            {
                Influence(design.AnalysisWeights, values, rows, statistic, theta, population, z);
                variance = lin.Variance(rows, z.AsSpan(0, rows.Length));
            }
            else
            {
                var thetas = replicate.AsSpan(d * design.ReplicateCount, design.ReplicateCount);
                variance = design.Replication!.Variance(thetas);
                if (statistic == Statistic.Proportion) logitVariance = design.Replication.Variance(Logits(thetas));
            }
            results[d] = Finish(groups.Name(d), statistic, theta, variance, logitVariance, rows.Length, population, df, options);
        }
        return results;
    }

    /// <summary>Means by domain; see <see cref="Estimate"/>.</summary>
    public static DomainEstimate[] Means(SurveyDesign design, ReadOnlySpan<double> values, Domains? domains = null, EstimateOptions? options = null) =>
        Estimate(design, Statistic.Mean, values, domains, options);

    /// <summary>Totals by domain; see <see cref="Estimate"/>.</summary>
    public static DomainEstimate[] Totals(SurveyDesign design, ReadOnlySpan<double> values, Domains? domains = null, EstimateOptions? options = null) =>
        Estimate(design, Statistic.Total, values, domains, options);

    /// <summary>Proportions (of rows whose indicator is 1 among those with 0 or 1; NaN = missing) with logit intervals; see <see cref="Estimate"/>.</summary>
    public static DomainEstimate[] Proportions(SurveyDesign design, ReadOnlySpan<double> indicator, Domains? domains = null, EstimateOptions? options = null) =>
        Estimate(design, Statistic.Proportion, indicator, domains, options);

    /// <summary>
    /// The difference θ̂_a − θ̂_b between two domains of one design, with the covariance between them: its influence
    /// function is z_a − z_b, linearised as one estimate (the svycontrast of the two), or the replicates' differences.
    /// Test statistic difference/SE against the normal (or t with the design df of the two domains' rows).
    /// Proportions are compared on the proportion scale.
    /// Source: Lumley (2010) §2.3.1, §5.2 (contrasts); Wolter (2007) §1.5.
    /// </summary>
    public static Difference DomainDifference(SurveyDesign design, Statistic statistic, ReadOnlySpan<double> values, Domains domains, int first, int second, EstimateOptions? options = null)
    {
        options ??= new EstimateOptions();
        if (first == second) throw new SurveyDesignException("compare two different domains");
        var groups = DomainRows.Group(design, values, domains, statistic);
        var a = groups.IndexOf(first);
        var b = groups.IndexOf(second);
        if (a < 0 || b < 0) throw new SurveyDesignException($"domain '{domains.Names[a < 0 ? first : second]}' has no respondents with a value");
        var ra = groups.Rows(a);
        var rb = groups.Rows(b);
        var w = design.AnalysisWeights;
        var (ta, pa) = Point(w, values, ra, statistic);
        var (tb, pb) = Point(w, values, rb, statistic);
        double variance;
        var rows = new int[ra.Length + rb.Length];
        ra.CopyTo(rows); rb.CopyTo(rows.AsSpan(ra.Length));
        var df = DomainRows.DegreesOfFreedom(design, domains, first, second);
        if (design.Replication is { } rep)
        {
            var thetas = ReplicateThetas(design, statistic, values, groups);
            var diff = new double[rep.Count];
            for (var r = 0; r < rep.Count; r++) diff[r] = thetas[a * rep.Count + r] - thetas[b * rep.Count + r];
            variance = rep.Variance(diff);
        }
        else
        {
            var z = new double[rows.Length];
            Influence(w, values, ra, statistic, ta, pa, z);
            var zb = z.AsSpan(ra.Length);
            Influence(w, values, rb, statistic, tb, pb, zb);
            foreach (ref var x in zb) x = -x;
            variance = new Linearisation(design).Variance(rows, z);
        }
        return Test(domains.Names[first], domains.Names[second], ta - tb, Math.Sqrt(variance), options.DesignDegreesOfFreedom ? df : double.PositiveInfinity, options.Level);
    }

    /// <summary>
    /// The difference between estimates from two independent samples (e.g. two years' surveys):
    /// SE = √(SE₁² + SE₂²), z = difference/SE, two-sided normal p-value.
    /// Source: Kish (1965) §14.1; Lumley (2010) §2.3.
    /// </summary>
    public static Difference IndependentDifference(DomainEstimate first, DomainEstimate second, double level = 0.95) =>
        Test(first.Domain, second.Domain, first.Estimate - second.Estimate,
            Math.Sqrt(first.StandardError * first.StandardError + second.StandardError * second.StandardError), double.PositiveInfinity, level);

    static Difference Test(string a, string b, double diff, double se, double df, double level)
    {
        var q = Distributions.StudentTQuantile(1 - (1 - level) / 2, df);
        var stat = diff / se;
        var p = 2 * (1 - Distributions.StudentTCdf(Math.Abs(stat), df));
        return new Difference(a, b, diff, se, diff - q * se, diff + q * se, stat, p);
    }

    static (double Theta, double Population) Point(ReadOnlySpan<double> w, ReadOnlySpan<double> y, ReadOnlySpan<int> rows, Statistic s)
    {
        double sw = 0, swy = 0;
        foreach (var i in rows) { sw += w[i]; swy += w[i] * y[i]; }
        return (s == Statistic.Total ? swy : swy / sw, sw);
    }

    static void Influence(ReadOnlySpan<double> w, ReadOnlySpan<double> y, ReadOnlySpan<int> rows, Statistic s, double theta, double population, Span<double> z)
    {
        if (s == Statistic.Total)
            for (var k = 0; k < rows.Length; k++) z[k] = w[rows[k]] * y[rows[k]];
        else
            for (var k = 0; k < rows.Length; k++) z[k] = w[rows[k]] * (y[rows[k]] - theta) / population;
    }

    static DomainEstimate Finish(string name, Statistic s, double theta, double variance, double logitVariance, int n, double population, int df, EstimateOptions o)
    {
        var dof = o.DesignDegreesOfFreedom ? df : double.PositiveInfinity;
        if (n < o.MinimumBase) return new DomainEstimate(name, double.NaN, double.NaN, double.NaN, double.NaN, n, population, dof, true);
        var se = Math.Sqrt(variance);
        // R's confint.svyglm gives NaN bounds for df ≤ 0; the t quantile does the same.
        var q = dof > 0 ? Distributions.StudentTQuantile(1 - (1 - o.Level) / 2, dof) : double.NaN;
        double lo, hi;
        if (s != Statistic.Proportion) { lo = theta - q * se; hi = theta + q * se; }
        else if (theta <= 0 || theta >= 1) { lo = hi = double.IsNaN(q) ? double.NaN : theta; }
        else
        {
            var logit = Math.Log(theta / (1 - theta));
            var seLogit = double.IsNaN(logitVariance) ? se / (theta * (1 - theta)) : Math.Sqrt(logitVariance);
            lo = 1 / (1 + Math.Exp(-(logit - q * seLogit)));
            hi = 1 / (1 + Math.Exp(-(logit + q * seLogit)));
        }
        return new DomainEstimate(name, theta, se, lo, hi, n, population, dof, false);
    }

    static double[] Logits(ReadOnlySpan<double> p)
    {
        var l = new double[p.Length];
        for (var r = 0; r < p.Length; r++) l[r] = p[r] > 0 && p[r] < 1 ? Math.Log(p[r] / (1 - p[r])) : double.NaN;
        return l;
    }

    /// <summary>θ̂ of every domain in every replicate (domain-major), one replicate's weights at a time.</summary>
    static double[] ReplicateThetas(SurveyDesign d, Statistic s, ReadOnlySpan<double> y, DomainRows groups)
    {
        var rep = d.Replication!;
        var thetas = new double[groups.Count * rep.Count];
        var multiplier = new double[d.PsuCount];
        var start = new double[d.Rows];
        var w = new double[d.Rows];
        for (var r = 0; r < rep.Count; r++)
        {
            rep.Multipliers(r, multiplier);
            for (var i = 0; i < d.Rows; i++) start[i] = d.SamplingWeights[i] * multiplier[d.RowPsu[i]];
            if (d.Calibrator is { } cal) cal.Fit(start, w);
            else start.CopyTo(w, 0);
            for (var g = 0; g < groups.Count; g++)
            {
                double sw = 0, swy = 0;
                foreach (var i in groups.Rows(g)) { sw += w[i]; swy += w[i] * y[i]; }
                thetas[g * rep.Count + r] = s == Statistic.Total ? swy : swy / sw;
            }
        }
        return thetas;
    }

}

/// <summary>The rows of each domain that have a value, grouped once (counting sort), in row order.</summary>
internal sealed class DomainRows
{
    readonly int[] _start;
    readonly int[] _rows;
    readonly int[] _domain;     // group → domain code
    readonly IReadOnlyList<string> _names;
    readonly int[] _psus, _strata; // per group, over all its rows, values or not
    public int Count => _domain.Length;
    public int MaxSize { get; }

    DomainRows(int[] start, int[] rows, int[] domain, IReadOnlyList<string> names, int[] psus, int[] strata)
    {
        _start = start; _rows = rows; _domain = domain; _names = names; _psus = psus; _strata = strata;
        for (var g = 0; g < domain.Length; g++) MaxSize = Math.Max(MaxSize, start[g + 1] - start[g]);
    }

    public ReadOnlySpan<int> Rows(int g) => _rows.AsSpan(_start[g], _start[g + 1] - _start[g]);
    public string Name(int g) => _names[_domain[g]];
    public int IndexOf(int domain) => Array.IndexOf(_domain, domain);

    /// <summary>
    /// #PSUs − #strata among all rows of the group (or of two groups), missing values included: R's <c>degf</c> of
    /// the subset design that <c>svyby</c> hands to <c>svyciprop</c>, whose default interval uses it.
    /// </summary>
    public int DegreesOfFreedom(int g) => _psus[g] - _strata[g];

    /// <summary>The same over all rows of two domains together.</summary>
    public static int DegreesOfFreedom(SurveyDesign design, Domains domains, int first, int second)
    {
        var psus = new HashSet<int>();
        var strata = new HashSet<int>();
        for (var i = 0; i < design.Rows; i++)
            if (domains.Codes[i] == first || domains.Codes[i] == second) { psus.Add(design.RowPsu[i]); strata.Add(design.RowStratum[i]); }
        return psus.Count - strata.Count;
    }

    /// <summary>Groups rows with a value by domain; domains without any such row are left out (R's svyby drops empty groups).</summary>
    public static DomainRows Group(SurveyDesign design, ReadOnlySpan<double> values, Domains? domains, Statistic statistic)
    {
        if (values.Length != design.Rows) throw new SurveyDesignException($"the variable has {values.Length} values for {design.Rows} rows");
        var codes = domains?.Codes;
        if (codes is not null && codes.Length != design.Rows) throw new SurveyDesignException($"the domains have {codes.Length} values for {design.Rows} rows");
        var names = domains?.Names ?? ["all"];
        var count = new int[names.Count + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v)) throw new SurveyDesignException($"row {i + 1} has an infinite value");
            if (statistic == Statistic.Proportion && v != 0 && v != 1) throw new SurveyDesignException($"row {i + 1}: a proportion needs 0/1 indicators, not {v}");
            var c = codes is null ? 0 : codes[i];
            if (c >= 0) count[c + 1]++;
        }
        var present = new List<int>();
        for (var c = 0; c < names.Count; c++) if (count[c + 1] > 0) present.Add(c);
        var start = new int[present.Count + 1];
        var slot = new int[names.Count];
        for (var g = 0; g < present.Count; g++) { slot[present[g]] = g; start[g + 1] = start[g] + count[present[g] + 1]; }
        var rows = new int[start[^1]];
        var next = start[..^1].ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var c = codes is null ? 0 : codes[i];
            if (c >= 0) rows[next[slot[c]]++] = i;
        }
        // Distinct PSUs and strata of each domain over all its rows, by stamping with the domain's index.
        var psus = new int[present.Count];
        var strata = new int[present.Count];
        var psuStamp = new int[design.PsuCount];
        var stratumStamp = new int[design.StratumCount];
        var byDomain = new List<int>[names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var c = codes is null ? 0 : codes[i];
            if (c >= 0 && count[c + 1] > 0) (byDomain[c] ??= []).Add(i);
        }
        for (var g = 0; g < present.Count; g++)
        {
            foreach (var i in byDomain[present[g]])
            {
                var p = design.RowPsu[i];
                var h = design.RowStratum[i];
                if (psuStamp[p] != g + 1) { psuStamp[p] = g + 1; psus[g]++; }
                if (stratumStamp[h] != g + 1) { stratumStamp[h] = g + 1; strata[g]++; }
            }
        }
        return new DomainRows(start, rows, [.. present], names, psus, strata);
    }
}

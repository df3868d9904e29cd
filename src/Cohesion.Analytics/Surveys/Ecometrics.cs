namespace Cohesion.Analytics.Surveys;

/// <summary>One neighbourhood's collective efficacy: its respondents, mean, reliability and shrunken mean.</summary>
/// <param name="Neighbourhood">Index of the neighbourhood.</param>
/// <param name="N">Respondents with a scale score.</param>
/// <param name="Mean">Mean scale score ȳ_j.</param>
/// <param name="Reliability">λ_j = τ / (τ + σ²/n_j): how far the mean can be told apart from other neighbourhoods'.</param>
/// <param name="Shrunken">Empirical Bayes mean ȳ + λ_j(ȳ_j − ȳ), pulled toward the grand mean where λ_j is low.</param>
public sealed record NeighbourhoodScore(int Neighbourhood, int N, double Mean, double Reliability, double Shrunken);

/// <summary>Variance components of respondents within neighbourhoods and the per-neighbourhood results.</summary>
/// <param name="GrandMean">Mean of all scale scores, ȳ.</param>
/// <param name="Tau">Between-neighbourhood variance τ (ANOVA estimator, truncated at 0).</param>
/// <param name="Sigma2">Within-neighbourhood variance σ² (the within mean square).</param>
/// <param name="IntraclassCorrelation">τ / (τ + σ²).</param>
/// <param name="Neighbourhoods">Results of the neighbourhoods with at least one score.</param>
public sealed record EcometricResult(double GrandMean, double Tau, double Sigma2, double IntraclassCorrelation, IReadOnlyList<NeighbourhoodScore> Neighbourhoods);

/// <summary>
/// Ecometrics of neighbourhood scales such as collective efficacy (social cohesion and trust + informal social
/// control): a score per respondent, neighbourhood means, and how reliably the means measure the neighbourhood.
/// Source: Raudenbush, S. W. and Sampson, R. J. (1999) "Ecometrics", Sociological Methodology 29, 1–41;
/// Sampson, R. J., Raudenbush, S. W. and Earls, F. (1997) Science 277, 918–924.
/// </summary>
public static class Ecometrics
{
    /// <summary>
    /// Each respondent's scale score: the mean of their answered items (NaN = not answered), with reverse-scored
    /// items turned round as (min + max) − x so that high always means more. NaN when fewer than
    /// <paramref name="minimumAnswered"/> items were answered (default: half of them, rounded up). Answers outside
    /// [min, max] are errors. Items are row-major: respondent r's item k is <c>items[r·itemCount + k]</c>.
    /// </summary>
    public static double[] ScaleScores(ReadOnlySpan<double> items, int itemCount, ReadOnlySpan<bool> reverse, double scaleMin, double scaleMax, int? minimumAnswered = null)
    {
        if (itemCount <= 0 || items.Length % itemCount != 0) throw new SurveyDesignException($"{items.Length} answers do not make whole respondents of {itemCount} items");
        if (reverse.Length != itemCount) throw new SurveyDesignException($"reverse scoring is given for {reverse.Length} items, not {itemCount}");
        var need = minimumAnswered ?? (itemCount + 1) / 2;
        var scores = new double[items.Length / itemCount];
        for (var r = 0; r < scores.Length; r++)
        {
            double sum = 0; var answered = 0;
            for (var k = 0; k < itemCount; k++)
            {
                var x = items[r * itemCount + k];
                if (double.IsNaN(x)) continue;
                if (x < scaleMin || x > scaleMax) throw new SurveyDesignException($"respondent {r + 1}, item {k + 1}: answer {x} is outside {scaleMin}–{scaleMax}");
                sum += reverse[k] ? scaleMin + scaleMax - x : x;
                answered++;
            }
            scores[r] = answered >= need && answered > 0 ? sum / answered : double.NaN;
        }
        return scores;
    }

    /// <summary>
    /// Neighbourhood means and reliabilities from a one-way random-effects model yᵢⱼ = μ + uⱼ + eᵢⱼ,
    /// var(u) = τ, var(e) = σ², by the ANOVA (method of moments) estimator for unbalanced groups:
    /// MSB = Σⱼ nⱼ(ȳⱼ − ȳ)²/(J − 1), MSW = ΣⱼΣᵢ(yᵢⱼ − ȳⱼ)²/(N − J), n₀ = (N − Σⱼnⱼ²/N)/(J − 1),
    /// σ² = MSW, τ = max(0, (MSB − MSW)/n₀); then λⱼ = τ/(τ + σ²/nⱼ) (Raudenbush and Sampson 1999, eq. 4, the
    /// reliability of a neighbourhood mean) and the shrunken mean ȳ + λⱼ(ȳⱼ − ȳ). NaN scores are left out.
    /// Needs two neighbourhoods and more respondents than neighbourhoods.
    /// Source: Searle, S. R., Casella, G. and McCulloch, C. E. (1992) Variance Components, §3.6.
    /// </summary>
    public static EcometricResult NeighbourhoodReliability(ReadOnlySpan<double> scores, ReadOnlySpan<int> neighbourhood, int neighbourhoodCount)
    {
        if (scores.Length != neighbourhood.Length) throw new SurveyDesignException($"{scores.Length} scores and {neighbourhood.Length} neighbourhoods");
        var n = new int[neighbourhoodCount];
        var sum = new double[neighbourhoodCount];
        int total = 0; double grand = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i])) continue;
            var j = neighbourhood[i];
            if (j < 0 || j >= neighbourhoodCount) throw new SurveyDesignException($"respondent {i + 1} has neighbourhood {j}, outside 0 … {neighbourhoodCount - 1}");
            n[j]++; sum[j] += scores[i]; total++; grand += scores[i];
        }
        var groups = n.Count(c => c > 0);
        if (groups < 2 || total <= groups) throw new SurveyDesignException($"variance components need two or more neighbourhoods and more respondents than neighbourhoods ({total} respondents in {groups})");
        grand /= total;
        var within = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i])) continue;
            var d = scores[i] - sum[neighbourhood[i]] / n[neighbourhood[i]];
            within += d * d;
        }
        double between = 0, squares = 0;
        for (var j = 0; j < neighbourhoodCount; j++)
        {
            if (n[j] == 0) continue;
            var d = sum[j] / n[j] - grand;
            between += n[j] * d * d;
            squares += (double)n[j] * n[j];
        }
        var msb = between / (groups - 1);
        var msw = within / (total - groups);
        var n0 = (total - squares / total) / (groups - 1);
        var tau = Math.Max(0, (msb - msw) / n0);
        var results = new List<NeighbourhoodScore>(groups);
        for (var j = 0; j < neighbourhoodCount; j++)
        {
            if (n[j] == 0) continue;
            var mean = sum[j] / n[j];
            var lambda = tau + msw == 0 ? 0 : tau / (tau + msw / n[j]);
            results.Add(new NeighbourhoodScore(j, n[j], mean, lambda, grand + lambda * (mean - grand)));
        }
        return new EcometricResult(grand, tau, msw, tau + msw == 0 ? 0 : tau / (tau + msw), results);
    }
}

namespace Cohesion.Analytics.PlaceStandard;

/// <summary>
/// What the answers to one Place Standard theme add up to: how many assessments answered it, how many people
/// they stand for, how those people's scores are spread over 1 to 7, and the mean and median score.
/// </summary>
/// <param name="Assessments">Assessments that gave the theme a score (not answered is left out).</param>
/// <param name="People">The weighted base: individuals count 1, a group assessment counts its participants.</param>
/// <param name="Distribution">People giving each score: index 0 is score 1, index 6 is score 7.</param>
/// <param name="Mean">Weighted mean score; null when nobody answered.</param>
/// <param name="Median">Weighted median score; null when nobody answered.</param>
public sealed record ThemeSummary(int Assessments, double People, double[] Distribution, double? Mean, double? Median)
{
    /// <summary>The share of people giving <paramref name="score"/> (1–7), in percent; null when nobody answered.</summary>
    public double? Percent(int score) => People > 0 ? 100 * Distribution[score - 1] / People : null;
}

/// <summary>
/// Per-theme figures of Place Standard assessments. A score runs from 1 (a lot of room for improvement) to
/// 7 (very little room for improvement); 0 stands for "not answered".
/// </summary>
/// <remarks>
/// <para><b>Weighting rule.</b> An individual assessment has weight 1. A group assessment records one score per
/// theme agreed by its participants, and has weight equal to its number of participants, as if each participant
/// had given the group's score. So a workshop of 12 people counts as much as 12 individual assessments towards the
/// mean, the median and the distribution, and as 12 people towards the base. The number of assessments is
/// reported beside it, so a reader can see when a few groups carry a figure.</para>
/// <para>Source of the scale and the 14 themes: the Place Standard tool (Scottish Government, NHS Health
/// Scotland and Architecture &amp; Design Scotland, 2015).</para>
/// </remarks>
public static class ThemeScores
{
    /// <summary>The lowest and highest scores of the Place Standard scale.</summary>
    public const int Lowest = 1, Highest = 7;

    /// <summary>
    /// Summarises one theme. Weighted mean x̄ = Σ wᵢ sᵢ / Σ wᵢ over the assessments i that answered; the
    /// distribution is Σ wᵢ over the assessments giving each score; the weighted median is the 0.5 quantile of
    /// that distribution: the smallest score at which the cumulative weight passes half of Σ wᵢ, or the midpoint
    /// of that score and the next one given when the cumulative weight is exactly half (so with unit weights it is
    /// the ordinary median of an even number of scores).
    /// </summary>
    /// <param name="scores">One score per assessment: 1–7, or 0 for not answered.</param>
    /// <param name="weights">One weight per assessment (1 for individuals, participants for groups); each &gt; 0.</param>
    public static ThemeSummary Summarise(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights)
    {
        if (scores.Length != weights.Length) throw new ArgumentException("one weight is needed for each score", nameof(weights));
        var distribution = new double[Highest];
        var assessments = 0;
        var people = 0.0;
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (s == 0) continue;
            if (s is < Lowest or > Highest) throw new ArgumentOutOfRangeException(nameof(scores), s, "a score is 1 to 7, or 0 for not answered");
            var w = weights[i];
            if (!(w > 0) || double.IsInfinity(w)) throw new ArgumentOutOfRangeException(nameof(weights), w, "a weight must be a positive number");
            distribution[s - 1] += w;
            assessments++;
            people += w;
            sum += w * s;
        }
        if (assessments == 0) return new ThemeSummary(0, 0, distribution, null, null);
        return new ThemeSummary(assessments, people, distribution, sum / people, Median(distribution, people));
    }

    /// <summary>The weighted median of a distribution over scores 1–7 with total weight <paramref name="total"/> (see <see cref="Summarise"/>).</summary>
    static double Median(double[] distribution, double total)
    {
        var half = total / 2;
        // Weights are whole numbers of people in practice; the tolerance keeps "exactly half" exact for sums of fractions too.
        var tolerance = 1e-9 * Math.Max(1, total);
        var cumulative = 0.0;
        for (var k = 0; k < distribution.Length; k++)
        {
            if (distribution[k] <= 0) continue;
            cumulative += distribution[k];
            if (cumulative > half + tolerance) return k + 1;
            if (Math.Abs(cumulative - half) <= tolerance)
            {
                for (var next = k + 1; next < distribution.Length; next++)
                    if (distribution[next] > 0) return (k + 1 + next + 1) / 2.0;
                return k + 1;
            }
        }
        return distribution.Length;
    }

    /// <summary>
    /// Summarises every theme of a set of assessments at once. <paramref name="scores"/> holds one row per
    /// assessment of <paramref name="themes"/> scores (row-major: assessment i, theme t at i × themes + t).
    /// </summary>
    public static ThemeSummary[] SummariseAll(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights, int themes)
    {
        if (themes <= 0 || scores.Length != weights.Length * themes) throw new ArgumentException("scores must hold one row of scores per weight", nameof(scores));
        var n = weights.Length;
        var column = new int[n];
        var result = new ThemeSummary[themes];
        for (var t = 0; t < themes; t++)
        {
            for (var i = 0; i < n; i++) column[i] = scores[i * themes + t];
            result[t] = Summarise(column, weights);
        }
        return result;
    }
}

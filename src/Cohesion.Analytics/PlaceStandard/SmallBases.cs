namespace Cohesion.Analytics.PlaceStandard;

/// <summary>
/// A theme's figures as they may be published: the counts always, the mean, median and distribution only when
/// enough people stand behind them. With a handful of answers a mean is too unreliable to read, and a distribution
/// can give away how each person scored, so both are withheld (shown as [c]) below the minimum base.
/// </summary>
/// <param name="Assessments">Assessments that answered the theme.</param>
/// <param name="People">The weighted base (a group counts its participants).</param>
/// <param name="Mean">Weighted mean score, or null.</param>
/// <param name="Median">Weighted median score, or null.</param>
/// <param name="Distribution">People giving each score 1–7 (index 0 is score 1), or nulls.</param>
/// <param name="Percent">The same as percentages of <paramref name="People"/>, or nulls.</param>
/// <param name="Withheld">True when the base is under the minimum: the mean, median and distribution are null.</param>
public sealed record PublishedTheme(int Assessments, double People, double? Mean, double? Median, double?[] Distribution, double?[] Percent, bool Withheld);

/// <summary>Applies the minimum base to theme summaries.</summary>
public static class SmallBases
{
    /// <summary>
    /// The summary with its mean, median and distribution withheld when <see cref="ThemeSummary.People"/> is under
    /// <paramref name="minimumBase"/> (the weighted base: a group counts its participants). A theme nobody answered
    /// is not withheld; it has no figures to withhold.
    /// </summary>
    public static PublishedTheme Publish(ThemeSummary s, double minimumBase)
    {
        var withheld = s.Assessments > 0 && s.People < minimumBase;
        if (withheld || s.Assessments == 0)
            return new PublishedTheme(s.Assessments, s.People, null, null, new double?[ThemeScores.Highest], new double?[ThemeScores.Highest], withheld);
        var percent = new double?[ThemeScores.Highest];
        var people = new double?[ThemeScores.Highest];
        for (var k = 0; k < ThemeScores.Highest; k++)
        {
            percent[k] = s.Percent(k + 1);
            people[k] = s.Distribution[k];
        }
        return new PublishedTheme(s.Assessments, s.People, s.Mean, s.Median, people, percent, false);
    }
}

using Cohesion.Analytics.Surveys;

namespace Cohesion.Analytics.Tests.Surveys;

public class EcometricsTests
{
    [Fact]
    public void ScaleScoresReverseItemsAndNeedHalfTheItemsAnswered()
    {
        // Three 1–5 items, the second reverse-scored; the third respondent answered one of three.
        double[] items = [5, 1, 4, 2, 4, double.NaN, double.NaN, double.NaN, 3];
        var s = Ecometrics.ScaleScores(items, 3, [false, true, false], 1, 5);
        Assert.Equal((5 + 5 + 4) / 3.0, s[0], 12);
        Assert.Equal((2 + 2) / 2.0, s[1], 12);
        Assert.True(double.IsNaN(s[2]));
        Assert.Throws<SurveyDesignException>(() => Ecometrics.ScaleScores([6, 1, 1], 3, [false, false, false], 1, 5));
    }

    [Fact]
    public void ReliabilityFollowsTheAnovaVarianceComponents()
    {
        // Two neighbourhoods: A = 1, 2, 3 (mean 2), B = 4, 5, 6, 7 (mean 5.5); grand mean 4.
        double[] y = [1, 2, 3, 4, 5, 6, 7];
        int[] hood = [0, 0, 0, 1, 1, 1, 1];
        var r = Ecometrics.NeighbourhoodReliability(y, hood, 2);
        // MSW = (2 + 5) / 5 = 1.4; MSB = (3·4 + 4·2.25) / 1 = 21; n0 = (7 − 25/7) / 1 = 24/7.
        var tau = (21 - 1.4) / (24.0 / 7);
        Assert.Equal(1.4, r.Sigma2, 12);
        Assert.Equal(tau, r.Tau, 12);
        Assert.Equal(tau / (tau + 1.4 / 3), r.Neighbourhoods[0].Reliability, 12);
        Assert.Equal(tau / (tau + 1.4 / 4), r.Neighbourhoods[1].Reliability, 12);
        Assert.Equal(4 + r.Neighbourhoods[0].Reliability * (2 - 4), r.Neighbourhoods[0].Shrunken, 12);
        Assert.Equal(tau / (tau + 1.4), r.IntraclassCorrelation, 12);
    }

    [Fact]
    public void NoBetweenVarianceGivesZeroReliability()
    {
        var r = Ecometrics.NeighbourhoodReliability([1, 3, 1, 3], [0, 0, 1, 1], 2);
        Assert.Equal(0, r.Tau);
        Assert.All(r.Neighbourhoods, n => Assert.Equal(0, n.Reliability));
    }
}

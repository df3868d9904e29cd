using Cohesion.Analytics.Surveys;

namespace Cohesion.Analytics.Tests.Surveys;

public class WeightingTests
{
    static SurveyDesign Sample(int n, int seed, out CalibrationMargin[] margins)
    {
        var rng = new Random(seed);
        var w = new double[n];
        int[] a = new int[n], b = new int[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = 10 * Math.Exp(0.6 * (rng.NextDouble() - 0.5));
            a[i] = rng.NextDouble() < 0.3 ? 0 : rng.Next(1, 3);
            b[i] = rng.NextDouble() < 0.6 ? 0 : 1;
        }
        margins = [new("a", a, [4000, 3000, 3000]), new("b", b, [5500, 4500])];
        return SurveyDesign.Create(new DesignColumns(n) { Weights = w });
    }

    static void MeetsMargins(SurveyDesign d, CalibrationMargin[] margins)
    {
        foreach (var m in margins)
        {
            var t = new double[m.Population.Length];
            for (var i = 0; i < d.Rows; i++) t[m.RowLevels[i]] += d.Weights[i];
            for (var l = 0; l < t.Length; l++) Assert.Equal(m.Population[l], t[l], 1e-6 * m.Population[l]);
        }
    }

    [Fact]
    public void RakingMeetsEveryMargin()
    {
        var raked = Weighting.Rake(Sample(500, 1, out var margins), margins);
        MeetsMargins(raked, margins);
    }

    [Fact]
    public void TrimmingHoldsWeightsWithinBoundsAndStillMeetsTheMargins()
    {
        var design = Sample(500, 2, out var margins);
        var untrimmed = Weighting.Rake(design, margins).Weights.ToArray();
        var mean = 10000.0 / 500;
        double lo = 1.05 * untrimmed.Min() / mean, hi = 0.9 * untrimmed.Max() / mean;
        var trimmed = Weighting.Rake(design, margins, new CalibrationOptions { TrimLower = lo, TrimUpper = hi });
        Assert.All(trimmed.Weights.ToArray(), w => Assert.InRange(w, lo * mean * (1 - 1e-9), hi * mean * (1 + 1e-9)));
        Assert.True(trimmed.Calibration!.Trimmed > 0);
        MeetsMargins(trimmed, margins);
    }

    [Fact]
    public void BoundsTheMarginsCannotMeetAreNotConvergence()
    {
        var design = Sample(500, 2, out var margins);
        Assert.Throws<RakingNotConvergedException>(() => Weighting.Rake(design, margins, new CalibrationOptions { TrimLower = 0.99, TrimUpper = 1.01 }));
    }

    [Fact]
    public void ContradictoryMarginsDoNotConvergeAndSaySo()
    {
        // Every respondent with a = 0 has b = 0, but the margins want more a = 0 than b = 0.
        var d = SurveyDesign.Create(new DesignColumns(4) { Weights = [1, 1, 1, 1] });
        CalibrationMargin[] margins = [new("a", [0, 1, 1, 1], [100, 100]), new("b", [0, 1, 0, 1], [20, 180])];
        var e = Assert.Throws<RakingNotConvergedException>(() => Weighting.Rake(d, margins, new CalibrationOptions { MaxIterations = 50 }));
        Assert.Equal(50, e.Iterations);
        Assert.Contains("did not converge in 50 iterations", e.Message);
    }

    [Fact]
    public void MarginLevelsMustHaveRespondentsAndTotalsMustAgree()
    {
        var d = SurveyDesign.Create(new DesignColumns(3) { Weights = [1, 1, 1] });
        Assert.Contains("level 'z' has a population count but no respondents",
            Assert.Throws<SurveyDesignException>(() => Weighting.PostStratify(d, new("a", [0, 1, 1], [5, 5, 5], ["x", "y", "z"]))).Message);
        Assert.Contains("different totals",
            Assert.Throws<SurveyDesignException>(() => Weighting.Rake(d, [new("a", [0, 1, 1], [5, 5]), new("b", [0, 0, 1], [5, 6])])).Message);
    }

    [Fact]
    public void KishDesignEffectIsOnePlusTheSquaredCoefficientOfVariation()
    {
        Assert.Equal(1, Weighting.KishDesignEffect([3, 3, 3]), 12);
        // Weights 1 and 3: mean 2, population variance 1, CV² = 1/4.
        Assert.Equal(1.25, Weighting.KishDesignEffect([1, 3]), 12);
    }

    [Fact]
    public void LonelyStratumFailsByNameUnlessAnOptionIsGiven()
    {
        var columns = new DesignColumns(4) { Strata = [0, 0, 0, 1], StratumNames = ["North", "South"], Weights = [1, 1, 1, 1] };
        Assert.Equal("South", Assert.Throws<LonelyPsuException>(() => SurveyDesign.Create(columns)).Stratum);
        var d = SurveyDesign.Create(columns with { LonelyPsu = LonelyPsu.Certainty });
        Assert.Equal(["South"], d.LonelyStrata);
        Assert.Contains("lonely PSU option 'certainty'", d.Describe());
    }

    [Fact]
    public void FpcMustNotMixFractionsAndSizesNorVaryWithinAStratum()
    {
        Assert.Throws<SurveyDesignException>(() => SurveyDesign.Create(new DesignColumns(2) { Fpc = [0.5, 40] }));
        Assert.Contains("varies within stratum", Assert.Throws<SurveyDesignException>(() => SurveyDesign.Create(new DesignColumns(2) { Fpc = [30, 40] })).Message);
        Assert.Contains("more than 100% sampling", Assert.Throws<SurveyDesignException>(() => SurveyDesign.Create(new DesignColumns(3) { Fpc = [2, 2, 2] })).Message);
    }

    [Fact]
    public void IndependentSurveysDifferWithTheVariancesAdded()
    {
        var now = new DomainEstimate("2025", 0.62, 0.03, 0, 0, 500, 1, double.PositiveInfinity, false);
        var then = new DomainEstimate("2024", 0.55, 0.04, 0, 0, 500, 1, double.PositiveInfinity, false);
        var d = SurveyEstimator.IndependentDifference(now, then);
        Assert.Equal(0.07, d.Estimate, 12);
        Assert.Equal(0.05, d.StandardError, 12);
        Assert.Equal(1.4, d.Statistic, 12);
        Assert.Equal(0.16151331846754, d.PValue, 9); // 2(1 − Φ(1.4))
        Assert.Equal(0.07 - 1.959963984540054 * 0.05, d.Low, 9);
    }
}

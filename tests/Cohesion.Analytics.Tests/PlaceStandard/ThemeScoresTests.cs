using Cohesion.Analytics.PlaceStandard;

namespace Cohesion.Analytics.Tests.PlaceStandard;

public class ThemeScoresTests
{
    static ThemeSummary Individuals(params int[] scores) => ThemeScores.Summarise(scores, Enumerable.Repeat(1.0, scores.Length).ToArray());

    [Fact]
    public void MeanMedianAndDistributionOfIndividualScores()
    {
        var s = Individuals(1, 2, 3, 4);
        Assert.Equal(4, s.Assessments);
        Assert.Equal(4, s.People);
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(2.5, s.Median); // an even number of scores: the midpoint of the middle two
        Assert.Equal([1, 1, 1, 1, 0, 0, 0], s.Distribution);
        Assert.Equal(25, s.Percent(1));
        Assert.Equal(0, s.Percent(7));

        var odd = Individuals(7, 1, 4);
        Assert.Equal(4, odd.Mean);
        Assert.Equal(4, odd.Median);
        Assert.Equal(2, Individuals(2, 2, 2, 7).Median);
        Assert.Equal(3.25, Individuals(2, 2, 2, 7).Mean);
    }

    [Fact]
    public void NotAnsweredIsLeftOutOfEveryFigure()
    {
        var s = Individuals(0, 5, 0, 3);
        Assert.Equal(2, s.Assessments);
        Assert.Equal(2, s.People);
        Assert.Equal(4, s.Mean);
        Assert.Equal(4, s.Median); // between 3 and 5, though no one gave 4
        Assert.Equal(2, s.Distribution.Sum());

        var nobody = Individuals(0, 0);
        Assert.Equal((0, 0.0, (double?)null, (double?)null), (nobody.Assessments, nobody.People, nobody.Mean, nobody.Median));
        Assert.Null(nobody.Percent(3));
        Assert.Null(Individuals().Mean);
    }

    [Fact]
    public void AGroupAssessmentCountsAsManyPeopleAsItsParticipants()
    {
        // One person scores 2; a workshop of 9 agrees on 6.
        var s = ThemeScores.Summarise([2, 6], [1, 9]);
        Assert.Equal(2, s.Assessments);
        Assert.Equal(10, s.People);
        Assert.Equal((2 + 9 * 6) / 10.0, s.Mean!.Value, 12);
        Assert.Equal(6, s.Median);
        Assert.Equal([0, 1, 0, 0, 0, 9, 0], s.Distribution);
        Assert.Equal(90, s.Percent(6));

        // Exactly half the weight on each side: the midpoint, as for an even number of individuals.
        Assert.Equal(4, ThemeScores.Summarise([3, 5], [2, 2]).Median);
        Assert.Equal(4, ThemeScores.Summarise([5, 3, 0], [6, 6, 1]).Median);
    }

    [Fact]
    public void WeightingAGroupIsTheSameAsRepeatingItsScoreForEachParticipant()
    {
        var rng = new Random(20260101);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = rng.Next(1, 30);
            var scores = Enumerable.Range(0, n).Select(_ => rng.Next(0, 8)).ToArray();
            var weights = Enumerable.Range(0, n).Select(_ => rng.Next(0, 4) == 0 ? (double)rng.Next(2, 15) : 1).ToArray();
            var expanded = scores.Zip(weights).SelectMany(x => Enumerable.Repeat(x.First, (int)x.Second)).ToArray();
            var weighted = ThemeScores.Summarise(scores, weights);
            var repeated = Individuals(expanded);
            Assert.Equal(repeated.People, weighted.People);
            Assert.Equal(repeated.Distribution, weighted.Distribution);
            Assert.Equal(repeated.Median, weighted.Median);
            if (repeated.Mean is null) Assert.Null(weighted.Mean);
            else Assert.Equal(repeated.Mean.Value, weighted.Mean!.Value, 10);
            // And the median is the one of the sorted list of answers.
            var answered = expanded.Where(x => x > 0).Order().ToArray();
            if (answered.Length > 0)
            {
                var m = answered.Length;
                var median = m % 2 == 1 ? answered[m / 2] : (answered[m / 2 - 1] + answered[m / 2]) / 2.0;
                Assert.Equal(median, weighted.Median);
            }
        }
    }

    [Fact]
    public void ScoresOutsideTheScaleAndBadWeightsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Individuals(3, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => Individuals(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeScores.Summarise([4], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeScores.Summarise([4], [double.NaN]));
        Assert.Throws<ArgumentException>(() => ThemeScores.Summarise([4, 5], [1]));
    }

    [Fact]
    public void SummariseAllReadsOneRowPerAssessment()
    {
        // Three assessments of two themes; the second is a group of 4 that left theme 2 unanswered.
        int[] scores = [1, 7, 5, 0, 3, 6];
        var all = ThemeScores.SummariseAll(scores, [1, 4, 1], themes: 2);
        Assert.Equal(2, all.Length);
        Assert.Equal((1 + 20 + 3) / 6.0, all[0].Mean!.Value, 12);
        Assert.Equal(6, all[0].People);
        Assert.Equal(2, all[1].Assessments);
        Assert.Equal(6.5, all[1].Mean);
        Assert.Throws<ArgumentException>(() => ThemeScores.SummariseAll(scores, [1, 1], themes: 2));
    }

    [Fact]
    public void MeansAndDistributionsUnderTheMinimumBaseAreWithheldButCountsStay()
    {
        var four = SmallBases.Publish(Individuals(3, 4, 5, 6), minimumBase: 5);
        Assert.True(four.Withheld);
        Assert.Equal((4, 4.0), (four.Assessments, four.People));
        Assert.Null(four.Mean);
        Assert.Null(four.Median);
        Assert.All(four.Percent, p => Assert.Null(p));
        Assert.All(four.Distribution, p => Assert.Null(p));

        var five = SmallBases.Publish(Individuals(3, 4, 5, 6, 7), minimumBase: 5);
        Assert.False(five.Withheld);
        Assert.Equal(5, five.Mean);
        Assert.Equal(100, five.Percent.Sum()!.Value, 9);

        // The base is people: one workshop of six is enough, and says so with one assessment.
        var group = SmallBases.Publish(ThemeScores.Summarise([5], [6]), minimumBase: 5);
        Assert.False(group.Withheld);
        Assert.Equal((1, 6.0, 5.0), (group.Assessments, group.People, group.Mean!.Value));

        var none = SmallBases.Publish(Individuals(0, 0), minimumBase: 5);
        Assert.False(none.Withheld); // nothing to withhold
        Assert.Null(none.Mean);
    }
}

using Cohesion.Analytics.Change;

namespace Cohesion.Analytics.Tests.Change;

public class ChangeComparisonTests
{
    [Fact]
    public void GivesTheDifferenceAndThePercentChange()
    {
        var (difference, percent) = ChangeComparison.Against(130, 100);
        Assert.Equal(30, difference);
        Assert.Equal(30, percent!.Value, 12);
        Assert.Equal(-25, ChangeComparison.Against(75, 100).PercentChange!.Value, 12);
    }

    [Fact]
    public void AMissingOrWithheldFigureGivesNoChangeAtAll()
    {
        Assert.Equal((null, null), ChangeComparison.Against(null, 100));
        Assert.Equal((null, null), ChangeComparison.Against(100, null));
        Assert.Equal((null, null), ChangeComparison.Against(double.NaN, 100));
    }

    [Fact]
    public void APercentChangeFromZeroIsNullButTheDifferenceStands()
    {
        Assert.Equal((12, null), ChangeComparison.Against(12, 0));
    }

    [Fact]
    public void ThePreviousPeriodOfJanuaryIsDecemberOfTheYearBefore()
    {
        var january = Periods.Key(PeriodKind.Month, 2024, 1);
        Assert.Equal("2023-12", Periods.Label(PeriodKind.Month, ChangeComparison.PreviousPeriod(january)));
        var q1 = Periods.Key(PeriodKind.Quarter, 2024, 2);
        Assert.Equal("2023-Q4", Periods.Label(PeriodKind.Quarter, ChangeComparison.PreviousPeriod(q1)));
    }

    [Theory]
    [InlineData(PeriodKind.Month, 2024, 3, "2023-03")]
    [InlineData(PeriodKind.Quarter, 2024, 8, "2023-Q3")]
    [InlineData(PeriodKind.Year, 2024, 6, "2023")]
    public void TheSamePeriodAYearEarlierHasTheSameLabelButTheYear(PeriodKind kind, int year, int month, string expected)
    {
        Assert.Equal(expected, Periods.Label(kind, ChangeComparison.YearEarlier(kind, Periods.Key(kind, year, month))));
    }

    [Fact]
    public void ASeriesLooksUpByKeyAndIsNullOutsideItOrWhereNaN()
    {
        double[] series = [10, double.NaN, 30];
        Assert.Equal(30, ChangeComparison.At(series, 100, 102));
        Assert.Null(ChangeComparison.At(series, 100, 101));
        Assert.Null(ChangeComparison.At(series, 100, 99));
        Assert.Null(ChangeComparison.At(series, 100, 103));
        var key = 102;
        Assert.Equal((20, 200), ChangeComparison.Against(ChangeComparison.At(series, 100, key), ChangeComparison.At(series, 100, key - 2)));
    }
}

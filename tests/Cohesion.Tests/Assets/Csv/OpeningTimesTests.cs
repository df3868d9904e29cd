using Cohesion.Assets.Csv;
using Cohesion.Assets.Model;

namespace Cohesion.Tests.Assets.Csv;

/// <summary>The CSV's opening-times mini-syntax: what people write becomes RFC 5545 schedules and is written back the same.</summary>
public class OpeningTimesTests
{
    [Fact]
    public void WeeklyMonthlyAndOneOffTimesParseToScheduleRulesAndFormatBack()
    {
        var s = OpeningTimes.Parse("Mon,wed 9:30-12:00; 1st Tue 18:00-20:00;last Fri 18:00-20:00 ; 2026-03-14 14:00-16:00", out var error)!;
        Assert.Null(error);
        Assert.Equal(4, s.Count);
        Assert.Equal((ScheduleFrequency.Weekly, "MO,WE", new TimeOnly(9, 30), new TimeOnly(12, 0)), (s[0].Freq!.Value, s[0].ByDay, s[0].OpensAt!.Value, s[0].ClosesAt!.Value));
        Assert.Equal((ScheduleFrequency.Monthly, "1TU"), (s[1].Freq!.Value, s[1].ByDay));
        Assert.Equal((ScheduleFrequency.Monthly, "-1FR"), (s[2].Freq!.Value, s[2].ByDay));
        Assert.Equal(((ScheduleFrequency?)null, new DateOnly(2026, 3, 14)), (s[3].Freq, s[3].DtStart!.Value));
        var text = OpeningTimes.Format(s);
        Assert.Equal("1st Tue 18:00-20:00; 2026-03-14 14:00-16:00; Mon,Wed 09:30-12:00; last Fri 18:00-20:00", text);
        Assert.Equal(text, OpeningTimes.Format(OpeningTimes.Parse(text, out _)!));
    }

    [Theory]
    [InlineData("Monday 10:00-12:00", "is not an opening time")]
    [InlineData("Mon 10:00", "is not an opening time")]
    [InlineData("Mon 12:00-10:00", "closes before it opens")]
    [InlineData("Mon 25:00-26:00", "a time that does not exist")]
    [InlineData("Xyz 10:00-12:00", "'Xyz' is not a day")]
    [InlineData("5th Mon 10:00-12:00", "is not an opening time")]
    [InlineData("2026-02-30 10:00-12:00", "a date that does not exist")]
    public void WhatIsNotUnderstoodIsSaidWithTheEntry(string text, string message)
    {
        Assert.Null(OpeningTimes.Parse(text, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(text.Split(' ')[0], error, StringComparison.Ordinal);
    }

    [Fact]
    public void SchedulesTheSyntaxCannotSayAreLeftOutOfTheText()
    {
        Schedule[] s =
        [
            new() { Freq = ScheduleFrequency.Weekly, Interval = 2, ByDay = "MO", OpensAt = new(10, 0), ClosesAt = new(12, 0) },
            new() { Freq = ScheduleFrequency.Monthly, ByMonthDay = "15", OpensAt = new(10, 0), ClosesAt = new(12, 0) },
            new() { Freq = ScheduleFrequency.Weekly, ByDay = "TU" },
            new() { Freq = ScheduleFrequency.Weekly, ByDay = "SA", OpensAt = new(10, 0), ClosesAt = new(11, 0) },
        ];
        Assert.Equal("Sat 10:00-11:00", OpeningTimes.Format(s));
    }
}

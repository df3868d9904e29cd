using Cohesion.Assets.Model;
using Cohesion.Assets.Schedules;

namespace Cohesion.Tests.Assets.Schedules;

/// <summary>Schedules as RFC 5545 recurrences, evaluated in UK time, and said in words.</summary>
public class OpeningTimesTests
{
    static Schedule Weekly(string days, int? interval = null, DateOnly? start = null, int from = 10, int to = 12) => new()
    {
        Freq = ScheduleFrequency.Weekly, ByDay = days, Interval = interval, DtStart = start, OpensAt = new TimeOnly(from, 0), ClosesAt = new TimeOnly(to, 0),
    };

    static Schedule Monthly(string? byDay = null, string? byMonthDay = null, int? interval = null, DateOnly? start = null) => new()
    {
        Freq = ScheduleFrequency.Monthly, ByDay = byDay, ByMonthDay = byMonthDay, Interval = interval, DtStart = start,
    };

    static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void WeeklyRunsOnItsDaysAndEveryOtherWeekCountsFromTheStartWeek()
    {
        var s = Weekly("MO,WE");
        Assert.True(OpeningTimes.RunsOn(s, D(2026, 3, 16))); // Monday
        Assert.True(OpeningTimes.RunsOn(s, D(2026, 3, 18))); // Wednesday
        Assert.False(OpeningTimes.RunsOn(s, D(2026, 3, 17)));
        var fortnightly = Weekly("TH", interval: 2, start: D(2026, 3, 5));
        Assert.True(OpeningTimes.RunsOn(fortnightly, D(2026, 3, 5)));
        Assert.False(OpeningTimes.RunsOn(fortnightly, D(2026, 3, 12)));
        Assert.True(OpeningTimes.RunsOn(fortnightly, D(2026, 3, 19)));
        Assert.False(OpeningTimes.RunsOn(fortnightly, D(2026, 2, 26))); // before it starts
        // No day given: the start date's weekday.
        Assert.True(OpeningTimes.RunsOn(new Schedule { Freq = ScheduleFrequency.Weekly, DtStart = D(2026, 3, 7) }, D(2026, 3, 14)));
        // Nothing to place it by: never taken to be open.
        Assert.False(OpeningTimes.RunsOn(new Schedule { Freq = ScheduleFrequency.Weekly }, D(2026, 3, 14)));
    }

    [Fact]
    public void MonthlyRunsOnTheNthOrLastWeekdayOrTheDayOfTheMonth()
    {
        Assert.True(OpeningTimes.RunsOn(Monthly("1TU"), D(2026, 3, 3)));
        Assert.False(OpeningTimes.RunsOn(Monthly("1TU"), D(2026, 3, 10)));
        Assert.True(OpeningTimes.RunsOn(Monthly("-1FR"), D(2026, 3, 27)));
        Assert.False(OpeningTimes.RunsOn(Monthly("-1FR"), D(2026, 3, 20)));
        Assert.True(OpeningTimes.RunsOn(Monthly("2MO,4MO"), D(2026, 3, 23)));
        Assert.True(OpeningTimes.RunsOn(Monthly(byMonthDay: "15"), D(2026, 4, 15)));
        Assert.True(OpeningTimes.RunsOn(Monthly(byMonthDay: "-1"), D(2026, 2, 28)));
        Assert.False(OpeningTimes.RunsOn(Monthly(byMonthDay: "-1"), D(2028, 2, 28))); // a leap year: the 29th is last
        // Every other month from January: March yes, April no.
        Assert.True(OpeningTimes.RunsOn(Monthly("1SA", interval: 2, start: D(2026, 1, 3)), D(2026, 3, 7)));
        Assert.False(OpeningTimes.RunsOn(Monthly("1SA", interval: 2, start: D(2026, 1, 3)), D(2026, 4, 4)));
    }

    [Fact]
    public void OneOffDatesAndValidityLimitsAreRespected()
    {
        var fair = new Schedule { DtStart = D(2026, 3, 14) };
        Assert.True(OpeningTimes.RunsOn(fair, D(2026, 3, 14)));
        Assert.False(OpeningTimes.RunsOn(fair, D(2026, 3, 21)));
        var term = Weekly("MO");
        term.ValidFrom = D(2026, 4, 20);
        term.ValidTo = D(2026, 7, 17);
        Assert.False(OpeningTimes.RunsOn(term, D(2026, 4, 13)));
        Assert.True(OpeningTimes.RunsOn(term, D(2026, 4, 20)));
        Assert.False(OpeningTimes.RunsOn(term, D(2026, 7, 20)));
        var ending = Weekly("MO");
        ending.Until = D(2026, 5, 4);
        Assert.True(OpeningTimes.RunsOn(ending, D(2026, 5, 4)));
        Assert.False(OpeningTimes.RunsOn(ending, D(2026, 5, 11)));
    }

    [Fact]
    public void OpenNowIsJudgedOnUkTimeAcrossTheClockChanges()
    {
        var morning = Weekly("SU", from: 1, to: 3);
        // Sunday 29 March 2026: clocks go forward at 01:00 GMT, so 00:30 UTC is 00:30 GMT (closed) and 01:30 UTC is 02:30 BST (open).
        Assert.False(OpeningTimes.IsOpen([morning], new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero)));
        Assert.True(OpeningTimes.IsOpen([morning], new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)));
        // Sunday 25 October 2026: clocks go back at 02:00 BST; 02:30 UTC is 02:30 GMT (open), 03:00 UTC is 03:00 GMT (closed).
        Assert.True(OpeningTimes.IsOpen([morning], new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.Zero)));
        Assert.False(OpeningTimes.IsOpen([morning], new DateTimeOffset(2026, 10, 25, 3, 0, 0, TimeSpan.Zero)));
        // In summer, 09:30 UTC is 10:30 in London: open 10 to 12; in winter 09:30 UTC is 09:30: not yet.
        var monday = Weekly("MO");
        Assert.True(OpeningTimes.IsOpen([monday], new DateTimeOffset(2026, 6, 15, 9, 30, 0, TimeSpan.Zero)));
        Assert.False(OpeningTimes.IsOpen([monday], new DateTimeOffset(2026, 1, 12, 9, 30, 0, TimeSpan.Zero)));
        // Late on Sunday in UTC is already Monday in London in summer.
        Assert.True(OpeningTimes.IsOpen([Weekly("MO", from: 0, to: 2)], new DateTimeOffset(2026, 6, 14, 23, 30, 0, TimeSpan.Zero)));
        // Closing is not open; without times, open all day.
        Assert.False(OpeningTimes.IsOpenAt(monday, new DateTime(2026, 6, 15, 12, 0, 0)));
        Assert.True(OpeningTimes.IsOpenAt(new Schedule { DtStart = D(2026, 6, 15) }, new DateTime(2026, 6, 15, 23, 59, 0)));
    }

    [Fact]
    public void PastMidnightTheSmallHoursBelongToTheDayBefore()
    {
        var friday = Weekly("FR", from: 22, to: 2);
        Assert.True(OpeningTimes.IsOpenAt(friday, new DateTime(2026, 3, 20, 23, 0, 0)));
        Assert.True(OpeningTimes.IsOpenAt(friday, new DateTime(2026, 3, 21, 1, 0, 0))); // Saturday 01:00
        Assert.False(OpeningTimes.IsOpenAt(friday, new DateTime(2026, 3, 20, 1, 0, 0))); // Friday 01:00: Thursday did not run
    }

    [Theory]
    [InlineData("W:MO:1", "Every Monday 10:00 to 12:00")]
    [InlineData("W:MO,WE:1", "Every Monday and Wednesday 10:00 to 12:00")]
    [InlineData("W:TU,TH,SA:2", "Every other Tuesday, Thursday and Saturday 10:00 to 12:00")]
    [InlineData("W:FR:3", "Every 3 weeks on Friday 10:00 to 12:00")]
    [InlineData("M:1TU:1", "First Tuesday of the month 10:00 to 12:00")]
    [InlineData("M:-1FR:1", "Last Friday of the month 10:00 to 12:00")]
    [InlineData("M:1TU,3TU:1", "First and third Tuesday of the month 10:00 to 12:00")]
    [InlineData("M:1SA:2", "First Saturday of every other month 10:00 to 12:00")]
    public void SchedulesAreSaidInWords(string spec, string expected)
    {
        var p = spec.Split(':');
        var s = p[0] == "W" ? Weekly(p[1], int.Parse(p[2])) : Monthly(p[1], interval: int.Parse(p[2]));
        s.OpensAt = new TimeOnly(10, 0);
        s.ClosesAt = new TimeOnly(12, 0);
        Assert.Equal(expected, ScheduleWords.Describe(s));
    }

    [Fact]
    public void OneOffsDaysOfTheMonthAndLimitsAreSaidInWords()
    {
        Assert.Equal("Saturday 14 March 2026", ScheduleWords.Describe(new Schedule { DtStart = D(2026, 3, 14) }));
        Assert.Equal("Saturday 14 March 2026 from 14:00", ScheduleWords.Describe(new Schedule { DtStart = D(2026, 3, 14), OpensAt = new TimeOnly(14, 0) }));
        Assert.Equal("The 1st and 15th of the month", ScheduleWords.Describe(Monthly(byMonthDay: "1,15")));
        Assert.Equal("The last day of the month", ScheduleWords.Describe(Monthly(byMonthDay: "-1")));
        var term = Weekly("MO");
        term.ValidFrom = D(2026, 4, 20);
        term.Until = D(2026, 7, 13);
        Assert.Equal("Every Monday 10:00 to 12:00 (from Monday 20 April 2026 until Monday 13 July 2026)", ScheduleWords.Describe(term));
    }
}

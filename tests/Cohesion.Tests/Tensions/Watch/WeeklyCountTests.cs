using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>Weekly counts from the one grouped query: local weeks, wards and district, strands expanded, rejected reports left out.</summary>
public class WeeklyCountTests
{
    [Theory]
    [BothProviders]
    public async Task CountsByLondonWeekWardAndDistrictWithStrandsExpandedAndRejectedLeftOut(DatabaseProvider provider)
    {
        await using var app = await WatchFixture.StartAsync(provider);
        var (ward, lsoa, other, otherLsoa, district) = await WatchFixture.AreasAsync(app);
        var org = await WatchFixture.OrganisationAsync(app);
        // Sunday 23:30 UTC in summer is Monday 00:30 in Oldham: the next week. In winter it is still Sunday.
        await WatchFixture.AddAsync(app, org, lsoa, new DateTime(2025, 6, 29, 23, 30, 0), type: ReportType.HateIncident, strands: Strands.RaceOrEthnicity | Strands.ReligionOrBelief);
        await WatchFixture.AddAsync(app, org, lsoa, new DateTime(2025, 1, 5, 23, 30, 0));
        await WatchFixture.AddAsync(app, org, ward, new DateTime(2025, 6, 25, 12, 0, 0), type: ReportType.HateCrime, strands: Strands.RaceOrEthnicity);
        await WatchFixture.AddAsync(app, org, otherLsoa, new DateTime(2025, 6, 25, 9, 0, 0));
        await WatchFixture.AddAsync(app, org, lsoa, new DateTime(2025, 6, 25, 10, 0, 0), triage: ReportTriage.Rejected);
        await WatchFixture.AddAsync(app, org, district, new DateTime(2025, 6, 26, 10, 0, 0), type: ReportType.Rumour);

        await using var db = app.Database.Context();
        var rows = await CountQuery.RunAsync(db, new DateOnly(2024, 12, 1), default);
        var rollup = new AreaRollup(await WatchFixture.PlacesAsync(app));
        var c = WeeklyCounts.Build(rows, rollup, Weeks.Index(new DateOnly(2024, 12, 2)), Weeks.Index(new DateOnly(2025, 7, 7)));
        int At(string area, string type, string strand, int y, int m, int d) => c.At(WeeklyCounts.Key(area, type, strand), Weeks.Index(new DateOnly(y, m, d)));

        Assert.Equal(1, At(ward.Code, "*", "*", 2025, 6, 23));
        Assert.Equal(1, At(ward.Code, "*", "*", 2025, 6, 30));
        Assert.Equal(0, At(ward.Code, "*", "*", 2025, 1, 6));
        Assert.Equal(1, At(ward.Code, "*", "*", 2024, 12, 30));
        Assert.Equal(1, At(ward.Code, "hate", "race-or-ethnicity", 2025, 6, 23));
        Assert.Equal(1, At(ward.Code, "hate", "race-or-ethnicity", 2025, 6, 30));
        Assert.Equal(1, At(ward.Code, "hate", "religion-or-belief", 2025, 6, 30));
        Assert.Equal(1, At(ward.Code, "hate-incident", "*", 2025, 6, 30));
        Assert.Equal(0, At(ward.Code, "hate-incident", "*", 2025, 6, 23));
        Assert.Equal(1, At(other.Code, "community-dispute", "*", 2025, 6, 23));
        // The district: the ward's hate crime, the other ward's dispute and the report placed only in the district; not the rejected one.
        Assert.Equal(3, At(district.Code, "*", "*", 2025, 6, 23));
        Assert.Equal(1, At(district.Code, "rumour", "*", 2025, 6, 23));
        Assert.Equal(2, At(district.Code, "*", "race-or-ethnicity", 2025, 6, 23) + At(district.Code, "*", "race-or-ethnicity", 2025, 6, 30));
        Assert.Equal(5, c.Series(WeeklyCounts.Key(district.Code, "*", "*")).Sum());
    }

    [Fact]
    public void WeeksAreMondayToSundayInLondonAndConsecutiveAcrossYears()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), Weeks.Monday(Weeks.Parse("2026-W47")!.Value));
        Assert.Equal("2026-W47", Weeks.Iso(Weeks.Index(new DateOnly(2026, 11, 22))));
        Assert.Equal(Weeks.Parse("2026-W01")!.Value + 1, Weeks.Parse("2026-W02"));
        Assert.Equal(Weeks.Parse("2026-W53") ?? -1, Weeks.Parse("2027-W01")!.Value - 1); // 2026 has 53 ISO weeks
        Assert.Null(Weeks.Parse("2025-W53"));
        Assert.Null(Weeks.Parse("2025-47"));
        Assert.Equal(new DateOnly(2025, 6, 30), Weeks.LocalDate(new DateTime(2025, 6, 29, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void DefaultSeriesAreWardsAllAndHateByStrandAndTheDistrictByTypeAndStrand()
    {
        var district = new Cohesion.Places.AreaInfo(1, "E08000004", "Oldham", Cohesion.Places.AreaLevel.LocalAuthority, null);
        var wards = Enumerable.Range(0, 20).Select(i => new Cohesion.Places.AreaInfo(10 + i, $"E050007{i:D2}", $"Ward {i}", Cohesion.Places.AreaLevel.Ward, 1)).ToList();
        var series = MonitoredSeries.For(district, wards, MonitoredSeries.Defaults);
        Assert.Equal(20 + 20 * 5 + 1 + 10 + 5, series.Count);
        Assert.Contains(series, s => s.Key == "E05000703|hate|race-or-ethnicity");
        Assert.Contains(series, s => s.Key == "E08000004|rumour|*");
        var e = Assert.Throws<ArgumentException>(() => MonitoredSeries.For(district, wards, ["ward|gossip|*"]));
        Assert.Contains("gossip", e.Message, StringComparison.Ordinal);
    }
}

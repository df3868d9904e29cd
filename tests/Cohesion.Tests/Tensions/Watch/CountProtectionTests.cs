using System.Globalization;
using System.Net;
using System.Text;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// Secondary suppression of the early-warning counts (issue 7): a ward count of 1 to 4 is withheld from non-leads, and
/// so is a further count, so the district's total less the other wards does not give it away; the same across the
/// wards' pages, the district's page and the downloads; partners who lead nothing do not get other organisations'
/// reports as a list either.
/// </summary>
public class CountProtectionTests
{
    static readonly string[] Defaults = MonitoredSeries.Defaults;

    /// <summary>A district of <paramref name="wards"/> wards in a directory of its own.</summary>
    static (PlaceDirectory Places, AreaInfo District, List<AreaInfo> Wards) District(int wards)
    {
        var district = new AreaInfo(1, "E08000999", "Testshire", AreaLevel.LocalAuthority, null);
        var list = Enumerable.Range(0, wards).Select(i => new AreaInfo(10 + i, $"E05999{i:000}", $"Ward {i}", AreaLevel.Ward, 1)).ToList();
        var all = list.Prepend(district).ToList();
        var places = new PlaceDirectory(all.ToDictionary(a => a.Id), all.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            list.ToLookup(a => a.ParentId!.Value, a => a.Id), Array.Empty<int>().ToLookup(x => x, x => x), Array.Empty<int>().ToLookup(x => x, x => x), new HashSet<int>());
        return (places, district, list);
    }

    static readonly DateOnly Monday = new(2026, 11, 16);

    static (WeeklyCounts Counts, CountProtection Protection) Protect(PlaceDirectory places, AreaInfo district, List<AreaInfo> wards, params CountRow[] rows)
    {
        var week = Weeks.Index(Monday);
        var counts = WeeklyCounts.Build(rows, new AreaRollup(places), week - 10, week);
        return (counts, new CountProtection(counts, district, wards, CountProtection.PublishedKeys(district, wards, Defaults)));
    }

    [Fact]
    public void ALoneSmallWardCountGetsAPartnerWardAndTheDistrictTotalStaysPublished()
    {
        var (places, district, wards) = District(4);
        var week = Weeks.Index(Monday);
        var (_, p) = Protect(places, district, wards,
            new CountRow(wards[0].Id, ReportType.CommunityDispute, Strands.None, Monday, 2),
            new CountRow(wards[1].Id, ReportType.CommunityDispute, Strands.None, Monday, 7),
            new CountRow(wards[2].Id, ReportType.Rumour, Strands.None, Monday, 9),
            new CountRow(wards[3].Id, ReportType.CommunityDispute, Strands.None, Monday, 6));
        string Ward(int i) => WeeklyCounts.Key(wards[i].Code, "*", "*");
        Assert.True(p.Withheld(Ward(0), week));
        // 2 = 22 − 7 − 9 − 6 unless another ward is withheld: the cheapest, 6.
        Assert.Equal([false, false, true], new[] { 1, 2, 3 }.Select(i => p.Withheld(Ward(i), week)));
        Assert.False(p.Withheld(WeeklyCounts.Key(district.Code, "*", "*"), week));
        Assert.False(p.Withheld(WeeklyCounts.Key(district.Code, "community-dispute", "*"), week));
        // Other weeks have nothing to withhold.
        Assert.False(p.Withheld(Ward(0), week - 1));
    }

    [Fact]
    public void DecisionsAreRememberedPerStructureSoDifferentPublishedSetsNeverMix()
    {
        var (places, district, wards) = District(4);
        var week = Weeks.Index(Monday);
        CountRow[] rows =
        [
            new(wards[0].Id, ReportType.CommunityDispute, Strands.None, Monday, 2), new(wards[1].Id, ReportType.CommunityDispute, Strands.None, Monday, 7),
            new(wards[2].Id, ReportType.Rumour, Strands.None, Monday, 9), new(wards[3].Id, ReportType.CommunityDispute, Strands.None, Monday, 6),
        ];
        var (counts, everything) = Protect(places, district, wards, rows);
        string Ward(int i) => WeeklyCounts.Key(wards[i].Code, "*", "*");
        Assert.True(everything.Withheld(Ward(3), week));
        // The same counts with only the wards' totals published: nothing to subtract from, so no partner is needed.
        var wardsOnly = new CountProtection(counts, district, wards, wards.Select(w => WeeklyCounts.Key(w.Code, "*", "*")));
        Assert.True(wardsOnly.Withheld(Ward(0), week));
        Assert.False(wardsOnly.Withheld(Ward(3), week));
        // A second instance of the first structure answers as the first did.
        var (_, again) = Protect(places, district, wards, rows);
        Assert.True(again.Withheld(Ward(3), week));
    }

    [Fact]
    public void AZeroWardIsTheCheapestPartnerAndStrandSeriesAreProtectedToo()
    {
        var (places, district, wards) = District(3);
        var week = Weeks.Index(Monday);
        var (_, p) = Protect(places, district, wards,
            new CountRow(wards[0].Id, ReportType.HateIncident, Strands.RaceOrEthnicity | Strands.ReligionOrBelief, Monday, 3),
            new CountRow(wards[1].Id, ReportType.HateCrime, Strands.RaceOrEthnicity, Monday, 12));
        string Key(int i, string type, string strand) => WeeklyCounts.Key(wards[i].Code, type, strand);
        Assert.True(p.Withheld(Key(0, "*", "*"), week));
        Assert.True(p.Withheld(Key(2, "*", "*"), week)); // 0 costs less than 12
        Assert.False(p.Withheld(Key(1, "*", "*"), week));
        // Hate by strand in the wards (monitored) against the district's strand series (the weekly report).
        Assert.True(p.Withheld(Key(0, "hate", "race-or-ethnicity"), week));
        Assert.True(p.Withheld(Key(0, "hate", "religion-or-belief"), week));
        Assert.False(p.Withheld(Key(1, "hate", "race-or-ethnicity"), week));
        Assert.False(p.Withheld(WeeklyCounts.Key(district.Code, "*", "race-or-ethnicity"), week));
    }

    [Fact]
    public void ADistrictOfOneWardWithholdsItsOwnTotalAsTheLastResort()
    {
        var (places, district, wards) = District(1);
        var week = Weeks.Index(Monday);
        var (_, p) = Protect(places, district, wards, new CountRow(wards[0].Id, ReportType.Rumour, Strands.None, Monday, 2));
        Assert.True(p.Withheld(WeeklyCounts.Key(wards[0].Code, "*", "*"), week));
        Assert.True(p.Withheld(WeeklyCounts.Key(district.Code, "*", "*"), week));
        // The types add up to the ward too, so one of them goes as well.
        Assert.Contains(Enum.GetValues<ReportType>(), t => p.Withheld(WeeklyCounts.Key(district.Code, t.Code(), "*"), week));
        Assert.True(p.WithheldAny(WeeklyCounts.Key(district.Code, "*", "*"), Enumerable.Range(week - 11, 12)));
    }

    [Theory]
    [BothProviders]
    public async Task NonLeadsCannotWorkOutAWithheldWardCountFromTheOtherWardsAndTheDistrict(DatabaseProvider provider)
    {
        await using var app = await WatchFixture.StartAsync(provider);
        var (ward, lsoa, other, otherLsoa, district) = await WatchFixture.AreasAsync(app);
        var org = await WatchFixture.OrganisationAsync(app);
        var week = Weeks.Current(DateTime.UtcNow) - 1;
        var at = WatchFixture.Midweek(Weeks.Monday(week), 0);
        await WatchFixture.AddAsync(app, org, lsoa, at, 2);
        await WatchFixture.AddAsync(app, org, otherLsoa, at, 6);
        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "partner@example.org", Role.Contributor, "Another partner");
        var iso = Weeks.Iso(week);

        async Task<string> ReportsIn(string code)
        {
            var csv = CsvText.Parse(Encoding.UTF8.GetString(await partner.GetByteArrayAsync($"/tensions/areas/{code}?handler=export&format=csv")));
            return csv.Single(r => r[0] == iso)[3];
        }
        var wards = new AreaRollup(await WatchFixture.PlacesAsync(app)).Wards(district);
        var cells = new Dictionary<string, string>();
        foreach (var w in wards) cells[w.Code] = await ReportsIn(w.Code);
        Assert.Equal("", cells[ward.Code]);
        Assert.Equal("6", cells[other.Code]);
        Assert.Equal("8", await ReportsIn(district.Code));
        // The district less every published ward leaves more than one unknown ward: 2 cannot be worked out.
        var unknown = cells.Where(c => c.Value == "").Select(c => c.Key).ToList();
        Assert.True(unknown.Count >= 2, $"only {string.Join(", ", unknown)} withheld");
        Assert.Equal(8 - 2, cells.Values.Where(v => v != "").Sum(v => int.Parse(v, CultureInfo.InvariantCulture)));

        // The partner ward's page shows [c] and says why.
        var page = WebUtility.HtmlDecode(await partner.GetStringAsync($"/tensions/areas/{unknown.First(c => c != ward.Code)}"));
        Assert.Contains("[c]<span class=\"govuk-visually-hidden\"> (withheld)</span>", page, StringComparison.Ordinal); // not "c" to a screen reader
        Assert.Contains("a count from which one could be worked out", page, StringComparison.Ordinal);

        // Not as a list either: another organisation's reports are listed only to monitoring leads.
        var list = CsvText.Parse(Encoding.UTF8.GetString(await partner.GetByteArrayAsync("/tensions/reports?handler=export&format=csv")));
        Assert.Single(list);
        Assert.Contains("listed only to monitoring leads", WebUtility.HtmlDecode(await partner.GetStringAsync("/tensions/reports")), StringComparison.Ordinal);
    }
}

using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Assets.Search;

/// <summary>The directory's search on real SQLite (FTS5) and PostgreSQL (tsvector): ranking, typos, and every filter.</summary>
public class AssetSearchTests
{
    [Theory]
    [BothProviders]
    public async Task ANameMatchOutranksADescriptionMatch(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("Friendly drop-in", "Tea, chat and a conversation club for anyone who wants to practise English.");
        await w.AddAsync("Conversation club", "Practise speaking with volunteers.");
        await w.AddAsync("Allotment society", "Growing food together.");
        Assert.Equal(["Conversation club", "Friendly drop-in"], await w.NamesAsync("q=conversation"));
        // Stemmed: "clubs" finds "club".
        Assert.Equal(["Conversation club", "Friendly drop-in"], await w.NamesAsync("q=conversation+clubs"));
    }

    [Theory]
    [BothProviders]
    public async Task AMisspeltWordIsCorrectedAndSaidSoButAnExactSearchIsNot(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("Community garden", "Grow vegetables with neighbours.");
        await w.AddAsync("Women's ESOL", "English classes for women.");
        var r = await w.RunAsync("q=comunity+gardn");
        Assert.Equal(["Community garden"], r.Hits.Items.Select(h => h.Name));
        Assert.True(r.Plan.Corrected);
        Assert.Equal("community garden", r.Plan.AsSearched);
        var exact = await w.RunAsync("q=comunity+gardn&exact=1");
        Assert.Empty(exact.Hits.Items);
        Assert.False(exact.Plan.Corrected);
        // A swap of two letters in a short word, and accents typed or not.
        Assert.Equal(["Women's ESOL"], await w.NamesAsync("q=eosl"));
        Assert.Equal(["Women's ESOL"], await w.NamesAsync("q=ESOL+wómen"));
    }

    [Theory]
    [BothProviders]
    public async Task TheLastWordTypedMatchesTheWordsItBegins(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("Knitting circle", "Bring your needles.");
        await w.AddAsync("Knife crime awareness", "Talks for parents.");
        await w.AddAsync("Walking football", "Gentle football for over-50s.");
        Assert.Equal(["Knitting circle"], await w.NamesAsync("q=knitt"));
        Assert.Equal(["Knife crime awareness", "Knitting circle"], await w.NamesAsync("q=kni&sort=name"));
        var r = await w.RunAsync("q=walking+foot");
        Assert.Equal(["Walking football"], r.Hits.Items.Select(h => h.Name));
        Assert.False(r.Plan.Corrected); // completing is not correcting: no "showing results for"
    }

    [Theory]
    [BothProviders]
    public async Task ATaxonomyTermFindsItsNarrowerTermsToo(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("ESOL entry level", terms: ["esol"]);
        await w.AddAsync("Language café", terms: ["language-cafe"]);
        await w.AddAsync("Five-a-side", terms: ["sport"]);
        Assert.Equal(["ESOL entry level", "Language café"], await w.NamesAsync($"term={SearchWorld.Term("language-learning")}"));
        Assert.Equal(["Language café"], await w.NamesAsync($"term={SearchWorld.Term("language-cafe")}"));
        // Words and a term together.
        Assert.Equal(["Language café"], await w.NamesAsync($"q=cafe&term={SearchWorld.Term("language-learning")}"));
    }

    [Theory]
    [BothProviders]
    public async Task EachFilterKeepsOnlyWhatMatchesIt(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("Urdu storytelling", change: s => s.Languages = [new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = s.Id, Name = "Urdu", Code = "ur" }]);
        await w.AddAsync("Polish Saturday school", change: s =>
        {
            s.Languages = [new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = s.Id, Name = "Polish", Code = "pl" }];
            s.MinimumAge = 5;
            s.MaximumAge = 16;
        });
        await w.AddAsync("Seniors lunch club", terms: ["audience:older-people"], change: s => { s.MinimumAge = 60; s.IsFree = true; });
        await w.AddAsync("Skills swap", change: s => { s.Kind = AssetKind.Offer; s.ConsentRecordedOn = new DateOnly(2026, 1, 5); s.IsFree = true; });
        await w.AddAsync("St Mary's hall", change: s => s.Kind = AssetKind.Space);
        await w.AddAsync("Closed for repairs", change: s => s.Status = ServiceStatus.TemporarilyClosed);

        Assert.Equal(["Urdu storytelling"], await w.NamesAsync("language=ur"));
        Assert.Equal(["Urdu storytelling"], await w.NamesAsync("language=URDU"));
        Assert.Equal(["Polish Saturday school", "Skills swap", "St Mary's hall", "Urdu storytelling"], await w.NamesAsync("age=10"));
        Assert.Equal(["Seniors lunch club", "Skills swap", "St Mary's hall", "Urdu storytelling"], await w.NamesAsync("age=70"));
        Assert.Equal(["Seniors lunch club"], await w.NamesAsync($"audience={SearchWorld.Audience("older-people")}"));
        Assert.Equal(["Seniors lunch club", "Skills swap"], await w.NamesAsync("free=1"));
        Assert.Equal(["Skills swap"], await w.NamesAsync("kind=offer"));
        Assert.Equal(["St Mary's hall"], await w.NamesAsync("kind=space"));
        // Active only unless asked.
        Assert.DoesNotContain("Closed for repairs", await w.NamesAsync(""));
        Assert.Equal(["Closed for repairs"], await w.NamesAsync("status=temporarily-closed"));
        Assert.Equal(7 - 1, (await w.RunAsync("status=any")).Hits.Total);
    }

    [Theory]
    [BothProviders]
    public async Task OnlyWhatThePublicMaySeeIsEverFound(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("Zither lessons draft", change: s => s.Publication = Publication.Draft);
        await w.AddAsync("Zither lessons archived", change: s => s.Publication = Publication.Archived);
        await w.AddAsync("Zither offer without consent", change: s => s.Kind = AssetKind.Offer);
        await w.AddAsync("Yodelling group");
        Assert.Empty(await w.NamesAsync("q=zither"));
        Assert.Equal(["Yodelling group"], await w.NamesAsync("status=any"));
        // Words only unpublished records hold are not offered as corrections either.
        var r = await w.RunAsync("q=zithers");
        Assert.False(r.Plan.Corrected);
        Assert.Empty(r.Hits.Items);
    }

    [Theory]
    [BothProviders]
    public async Task AnAreaFindsServicesLocatedInItOrServingIt(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        await w.AddAsync("West hub", lsoa: 1);
        await w.AddAsync("East hub", lsoa: 4);
        await w.AddAsync("Outreach to the west", lsoa: 4,
            change: s => s.ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = s.Id, AreaId = w.Areas["W1"], Name = "Westward" }]);
        await w.AddAsync("Whole district helpline", lsoa: 3,
            change: s => s.ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = s.Id, AreaId = w.Areas["D"], Name = "Testdale" }]);
        // The ward holds L1 and L2 (by the best-fit grouping); a service for the whole district serves it too.
        Assert.Equal(["Outreach to the west", "West hub", "Whole district helpline"], await w.NamesAsync("area=E05999991"));
        Assert.Equal(["East hub", "Outreach to the west", "Whole district helpline"], await w.NamesAsync("area=E01999994"));
        Assert.Equal(4, (await w.RunAsync("area=E08999999")).Hits.Total);
        var (_, errors) = await w.TryAsync("area=E01000000");
        Assert.Equal("Area: there is no area with code 'E01000000'", Assert.Single(errors).Message);
    }

    [Theory]
    [BothProviders]
    public async Task NearAnAreaKeepsThoseWithinTheDistanceNearestFirst(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var (lat, lon) = SearchWorld.Centre(2);
        await w.AddAsync("Right here", lsoa: 2);
        await w.AddAsync("Next door", lsoa: 3); // about 1.1 km east
        await w.AddAsync("Two along", lsoa: 4); // about 2.2 km east
        await w.AddAsync("A little north", lsoa: 2, at: (lat + 0.004, lon)); // about 0.45 km
        var r = await w.RunAsync("near=E01999992&within=2");
        Assert.Equal(["Right here", "A little north", "Next door"], r.Hits.Items.Select(h => h.Name));
        Assert.Equal(0, r.Hits.Items[0].DistanceKm!.Value, 2);
        Assert.InRange(r.Hits.Items[1].DistanceKm!.Value, 0.43, 0.47);
        Assert.InRange(r.Hits.Items[2].DistanceKm!.Value, 1.05, 1.20);
        Assert.Equal(["Right here", "A little north"], await w.NamesAsync("near=E01999992&within=0.5"));
        // Sorted by name instead when asked, still within the distance; words and distance together.
        Assert.Equal(["A little north", "Next door", "Right here"], await w.NamesAsync("near=E01999992&within=2&sort=name"));
        Assert.Equal(["Next door"], await w.NamesAsync("q=door&near=E01999992&within=5"));
    }

    [Theory]
    [BothProviders]
    public async Task OpenNowAndOpenOnADayFollowTheSchedules(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        Schedule Weekly(Guid id, string days, int from, int to) => new()
        {
            Id = Guid.NewGuid(), ServiceId = id, Freq = ScheduleFrequency.Weekly, ByDay = days, OpensAt = new TimeOnly(from, 0), ClosesAt = new TimeOnly(to, 0),
        };
        await w.AddAsync("Monday morning", change: s => s.Schedules = [Weekly(s.Id, "MO", 10, 12)]);
        await w.AddAsync("Monday evening", change: s => s.Schedules = [Weekly(s.Id, "MO", 18, 20)]);
        await w.AddAsync("First Tuesday", change: s => s.Schedules = [new Schedule { Id = Guid.NewGuid(), ServiceId = s.Id, Freq = ScheduleFrequency.Monthly, ByDay = "1TU" }]);
        await w.AddAsync("Summer fair", change: s => s.Schedules = [new Schedule { Id = Guid.NewGuid(), ServiceId = s.Id, DtStart = new DateOnly(2026, 6, 20) }]);
        await w.AddAsync("No times given");
        // 11:00 BST on Monday 15 June 2026 (10:00 UTC).
        var r = await w.RunAsync("open=now");
        Assert.Equal(["Monday morning"], r.Hits.Items.Select(h => h.Name));
        Assert.True(r.Hits.Items[0].OpenNow);
        Assert.Equal(["Monday evening", "Monday morning"], await w.NamesAsync("open=day&on=2026-06-22"));
        Assert.Equal(["First Tuesday"], await w.NamesAsync("open=day&on=2026-07-07"));
        Assert.Empty(await w.NamesAsync("open=day&on=2026-07-14"));
        Assert.Equal(["Summer fair"], await w.NamesAsync("open=day&on=2026-06-20"));
        // The open-now badge shows on every result, filtered or not.
        Assert.Equal([true, false], (await w.RunAsync("q=monday&sort=name")).Hits.Items.Select(h => h.OpenNow).Reverse());
    }

    [Theory]
    [BothProviders]
    public async Task UnknownValuesAreErrorsNamingTheFieldAndTheValue(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var (_, errors) = await w.TryAsync("age=old&within=90&kind=castle&sort=random");
        Assert.Contains(errors, e => e.FieldId == "age" && e.Message.Contains("'old'"));
        Assert.Contains(errors, e => e.FieldId == "kind" && e.Message.Contains("'castle'"));
        Assert.Contains(errors, e => e.FieldId == "sort" && e.Message.Contains("'random'"));
        Assert.Contains(errors, e => e.FieldId == "within" && e.Message.Contains("'90'"));
        (_, errors) = await w.TryAsync("sort=distance");
        Assert.Equal("near", Assert.Single(errors).FieldId);
        var missing = Guid.NewGuid();
        (_, errors) = await w.TryAsync($"term={missing}");
        Assert.Equal($"Type of activity: there is no taxonomy term with id '{missing}'", Assert.Single(errors).Message);
    }
}

using Cohesion.Analytics.Geography;
using Cohesion.Assets.Demo;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets.Demo;

/// <summary>
/// The demo's synthetic Oldham directory: seeded once in the background, several hundred records across every activity
/// and audience term, each location inside its own LSOA, ESOL in the centre and none in the outer wards, every record
/// synthetic with one revision, and the same directory from the same seed and date.
/// </summary>
public class DemoAssetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [BothProviders]
    public async Task DemoDirectoryIsSeededOnceAcrossEveryTermWithPointsInsideTheirLsoa(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithAssetData);
        Assert.Contains("Seeded a synthetic community asset directory for Oldham (", app.StartupOutput, StringComparison.Ordinal);
        output.WriteLine(app.StartupOutput.Split('\n').Single(l => l.Contains("asset directory", StringComparison.Ordinal)));

        await using var db = app.Database.Context();
        var services = await db.AssetServices.AsNoTracking().WithParts().ToListAsync();
        var byKind = services.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(services.Count, 400, 600);
        Assert.Equal(40, byKind[AssetKind.Offer]);
        Assert.Equal(40, byKind[AssetKind.Space]);
        var organisations = await db.AssetOrganisations.AsNoTracking().ToListAsync();
        Assert.InRange(organisations.Count, 110, 200);
        Assert.All(services, s => Assert.True(s.IsSynthetic && s.Description.Contains("Synthetic demonstration record", StringComparison.Ordinal), s.Name));
        Assert.All(organisations, o => Assert.True(o.IsSynthetic, o.Name));
        Assert.Equal(organisations.Count, organisations.Select(o => o.Name).Distinct().Count());

        // Every activity and audience term has services.
        var counts = services.SelectMany(s => s.Terms).GroupBy(t => t.TermId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var t in CohesionTaxonomy.Activities)
            Assert.True(counts.GetValueOrDefault(CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, t.Code)) >= 4, $"activity {t.Code}");
        foreach (var t in CohesionTaxonomy.Audiences)
            Assert.True(counts.GetValueOrDefault(CohesionTaxonomy.TermId(CohesionTaxonomy.AudienceId, t.Code)) >= 1, $"audience {t.Code}");
        Assert.Equal(22, counts[CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "esol")]); // never a second term, so exactly the planned number

        // Every location is inside the boundary of the LSOA it names, and the LSOA is in Oldham.
        var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, default);
        var locations = await db.AssetLocations.AsNoTracking().ToListAsync();
        var lsoas = await db.Areas.Where(a => a.Level == AreaLevel.Lsoa).Select(a => a.Id).ToListAsync();
        Assert.All(locations, l =>
        {
            Assert.True(l.IsSynthetic);
            Assert.Contains(l.AreaId!.Value, lsoas);
            Assert.True(shapes[l.AreaId.Value].Contains(new GeoPoint(l.Latitude!.Value, l.Longitude!.Value)), $"{l.Name} outside area {l.AreaId}");
        });

        // ESOL is in the town centre and inner wards, never in the outer ones: the gap the analysis should find.
        var wardOf = await db.AreaGroupings.Join(db.Areas.Where(a => a.Level == AreaLevel.Ward), g => g.GroupId, a => a.Id, (g, a) => new { g.AreaId, a.Name })
            .ToDictionaryAsync(x => x.AreaId, x => x.Name);
        var esol = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "esol");
        var esolWards = services.Where(s => s.Terms.Any(t => t.TermId == esol)).Select(s => wardOf[s.Locations[0].Location!.AreaId!.Value]).ToList();
        Assert.DoesNotContain(esolWards, w => w.StartsWith("Saddleworth", StringComparison.Ordinal) || w is "Crompton" or "Shaw" or "Royton North");
        var language = new[] { "language-learning", "esol", "language-cafe", "conversation-club", "buddy-scheme" }.Select(c => CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, c)).ToHashSet();
        Assert.DoesNotContain(services.Where(s => s.Terms.Any(t => language.Contains(t.TermId))).Select(s => wardOf[s.Locations[0].Location!.AreaId!.Value]),
            w => w.StartsWith("Saddleworth", StringComparison.Ordinal) || w is "Crompton" or "Shaw" or "Royton North");
        Assert.True(esolWards.Count(w => w is "Coldhurst" or "St Mary's" or "Werneth" or "Alexandra" or "St James'") >= 11, string.Join(", ", esolWards));

        // Offers: first names only, consent decides publication; spaces have capacity and booking details.
        var offers = services.Where(s => s.Kind == AssetKind.Offer).ToList();
        Assert.All(offers, o => Assert.True(DemoWords.FirstNames.Contains(o.OfferedBy) || o.OfferedBy!.EndsWith(" Good Neighbours group", StringComparison.Ordinal), o.OfferedBy));
        Assert.Contains(offers, o => o.ConsentRecordedOn is null);
        Assert.Contains(offers, o => o.ContactConsent);
        Assert.Contains(offers, o => o.ConsentRecordedOn is not null && !o.ContactConsent);
        Assert.All(services.Where(s => s.Kind == AssetKind.Space), s => Assert.True(s.Capacity > 0 && s.BookingDetails is { Length: > 0 }));
        var published = await db.AssetServices.Published().Select(s => s.Id).ToListAsync();
        Assert.DoesNotContain(offers.Where(o => o.ConsentRecordedOn is null).Select(o => o.Id), published.Contains);

        // Schedules: weekly, monthly and one-off events ahead of the seeding date; stewardship spread, some needing a check.
        var schedules = services.SelectMany(s => s.Schedules).ToList();
        Assert.True(schedules.Count(s => s.Freq == ScheduleFrequency.Weekly) > 200);
        Assert.True(schedules.Count(s => s.Freq == ScheduleFrequency.Monthly) > 40);
        Assert.Contains(schedules, s => s.Freq is null && s.DtStart > DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Contains(services, s => s.Review == ReviewStatus.NeedsChecking);
        Assert.Contains(services, s => s.LastCheckedOn < DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-12));
        Assert.True(services.Count(s => s.IsFree) > services.Count / 2);
        Assert.Contains(services, s => s.Languages.Any(l => l.Code == "ur"));
        var maintainers = await db.Organisations.Where(o => o.Name.EndsWith("(demo)")).Select(o => o.Id).ToListAsync();
        Assert.True(services.Count(s => s.MaintainerOrganisationId is { } m && maintainers.Contains(m)) > services.Count * 3 / 4);

        // One revision per service, restorable.
        var revisions = await db.AssetRevisions.AsNoTracking().ToListAsync();
        Assert.Equal(services.Select(s => s.Id).Order(), revisions.Select(r => r.ServiceId).Order());
        Assert.All(revisions, r => Assert.Equal((1, DemoDirectory.Summary), (r.Version, r.Summary)));
        var one = services.First(s => s.Schedules.Count > 0 && s.Languages.Count > 1);
        var snapshot = Revisions.Deserialise(revisions.Single(r => r.ServiceId == one.Id).SnapshotJson);
        Assert.Equal((one.Name, one.Schedules[0].ByDay, one.Languages.Count), (snapshot.Name, snapshot.Schedules[0].ByDay, snapshot.Languages.Count));

        // A second run seeds nothing.
        Assert.Null(await DemoAssets.SeedAsync(db, app.App.Services.GetRequiredService<AreaShapes>(), DateTime.UtcNow));
        Assert.Equal(services.Count, await db.AssetServices.CountAsync());
    }

    [Fact]
    public async Task TheSameSeedAndDateMakeTheSameDirectory()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var db = app.Database.Context();
        var shapes = app.App.Services.GetRequiredService<AreaShapes>();
        var lsoas = await DemoAssets.LsoasAsync(db, shapes, default);
        var maintainers = DemoWords.Maintainers.Select((m, i) => (m.Name, i + 1)).ToDictionary(x => x.Name, x => x.Item2);
        var at = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);
        string Fingerprint(DemoBuilt b) => string.Join("\n", b.Services.Select(s => Revisions.Serialise(Revisions.Snapshot(s))))
            + string.Join("\n", b.Organisations.Select(o => $"{o.Id} {o.Name} {o.LastCheckedOn}"));
        var first = Fingerprint(DemoDirectory.Generate(DemoAssets.Seed, DateOnly.FromDateTime(at), at, lsoas, maintainers));
        var second = Fingerprint(DemoDirectory.Generate(DemoAssets.Seed, DateOnly.FromDateTime(at), at, lsoas, maintainers));
        Assert.Equal(first, second);
        Assert.NotEqual(first, Fingerprint(DemoDirectory.Generate(DemoAssets.Seed + 1, DateOnly.FromDateTime(at), at, lsoas, maintainers)));
    }
}

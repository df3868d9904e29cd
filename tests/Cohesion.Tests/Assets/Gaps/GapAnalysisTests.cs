using System.Globalization;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places.Import;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets.Gaps;

/// <summary>
/// The gap analysis over the demo directory: its counts and rates match the same counts made independently in SQL,
/// drafts are not counted, and the language-learning reach lists exactly the areas whose centroid is farther than the
/// distance from every language-learning location, with that distance, by need.
/// </summary>
public class GapAnalysisTests
{
    static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [BothProviders]
    public async Task WardFiguresMatchAnIndependentCountOfPublishedRecordsInTheDatabase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithAssetData);
        await using var db = app.Database.Context();
        // One language-learning service goes back to draft: it must drop out of the figures.
        var esol = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "esol");
        var draft = await db.AssetServices.Published().Where(s => s.Terms.Any(t => t.TermId == esol)).OrderBy(s => s.Name).FirstAsync();
        draft.Publication = Cohesion.Assets.Model.Publication.Draft;
        await db.SaveChangesAsync();

        // Independently: distinct published services (offers only with consent) under language learning, by the ward their location's LSOA is in.
        var assets = await db.QueryAsync(
            "SELECT w.code, COUNT(DISTINCT s.id) FROM as_services s JOIN as_service_locations sl ON sl.service_id = s.id " +
            "JOIN as_locations l ON l.id = sl.location_id JOIN area_groupings g ON g.area_id = l.area_id JOIN areas w ON w.id = g.group_id AND w.level = 'Ward' " +
            "JOIN as_service_terms st ON st.service_id = s.id JOIN as_taxonomy_terms t ON t.id = st.term_id " +
            "WHERE s.publication = 'Published' AND (s.kind <> 'Offer' OR s.consent_recorded_on IS NOT NULL) " +
            "AND (t.code = 'language-learning' OR t.parent_id IN (SELECT id FROM as_taxonomy_terms WHERE code = 'language-learning')) GROUP BY w.code",
            r => (Code: r.GetString(0), N: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), default);
        var residents = await db.QueryAsync(
            "SELECT w.code, SUM(c.value) FROM area_counts c JOIN datasets d ON d.id = c.dataset_id JOIN dataset_categories k ON k.id = c.category_id " +
            "JOIN area_groupings g ON g.area_id = c.area_id JOIN areas w ON w.id = g.group_id AND w.level = 'Ward' " +
            "WHERE d.name = @d AND k.code = @k AND c.period = '2011' GROUP BY w.code",
            r => (Code: r.GetString(0), N: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)), default, ("@d", Census2011.DatasetName), ("@k", Census2011.TotalCategory));
        var expected = assets.ToDictionary(a => a.Code, a => a.N);
        Assert.True(expected.Values.Sum() > 20, "the demo has language learning in several wards");

        using var http = app.Client();
        var csv = await CsvText.GetAsync(http, "/assets/gaps/provision.csv?level=WARD&term=language-learning");
        Assert.Equal(["area_code", "area_name", "level", "residents_2011", "assets", "per_1000_residents", "relative_to_district"], csv[0]);
        var district = csv[1];
        Assert.Equal(("E08000004", "LAD"), (district[0], district[2]));
        var wards = csv.Skip(2).ToList();
        Assert.Equal(20, wards.Count);
        var districtResidents = residents.Sum(r => r.N);
        Assert.Equal(districtResidents, Number(district[3]));
        var districtRate = 1000.0 * Number(district[4]) / districtResidents;
        Assert.Equal(districtRate, Number(district[5]), 9);
        foreach (var w in wards)
        {
            var n = expected.GetValueOrDefault(w[0]);
            var people = residents.Single(r => r.Code == w[0]).N;
            Assert.Equal((n, people), (int.Parse(w[4], CultureInfo.InvariantCulture), Number(w[3])));
            Assert.Equal(1000.0 * n / people, Number(w[5]), 9);
            Assert.Equal(1000.0 * n / people / districtRate, Number(w[6]), 9);
        }
        // The demo's pattern: none in the outer wards.
        Assert.All(wards.Where(w => w[1].StartsWith("Saddleworth", StringComparison.Ordinal)), w => Assert.Equal("0", w[4]));

        // The page says the same, labelled synthetic, and the map values agree with the table.
        var page = await http.GetStringAsync("/assets/gaps?level=WARD&term=language-learning");
        Assert.Contains("Synthetic data", page, StringComparison.Ordinal);
        Assert.Contains($"{Number(district[4]):N0} language learning records", page, StringComparison.Ordinal);
        var map = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/assets/gaps/map.json?level=WARD&term=language-learning")).RootElement;
        Assert.Equal(20, map.GetProperty("values").GetArrayLength());
        foreach (var v in map.GetProperty("values").EnumerateArray())
            Assert.Equal(Number(wards.Single(w => w[0] == v.GetProperty("code").GetString())[5]), v.GetProperty("value").GetDouble(), 3);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "export" && e.Target.StartsWith("asset-gaps-E08000004-WARD")));
    }

    [Fact]
    public async Task LanguageReachListsEveryAreaFartherThanTheDistanceFromAllProvisionWithTheNearestDistance()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithAssetData);
        await using var db = app.Database.Context();
        var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, default);
        var language = new[] { "language-learning", "esol", "language-cafe", "conversation-club", "buddy-scheme" }
            .Select(c => CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, c)).ToList();
        var points = await db.AssetServices.Published().Where(s => s.Terms.Any(t => language.Contains(t.TermId)))
            .SelectMany(s => s.Locations.Select(l => new { l.Location!.Latitude, l.Location.Longitude })).ToListAsync();
        var lsoas = await db.Areas.Where(a => a.Level == Cohesion.Places.AreaLevel.Lsoa).Select(a => new { a.Id, a.Code }).ToListAsync();
        // Brute force, independently of the app's code: every LSOA centroid against every point.
        var nearest = lsoas.ToDictionary(a => a.Code, a => points.Min(p => shapes[a.Id].Centroid.DistanceKm(new GeoPoint(p.Latitude!.Value, p.Longitude!.Value))));

        using var http = app.Client();
        foreach (var km in new[] { 0.5, 1, 3 })
        {
            var csv = await CsvText.GetAsync(http, $"/assets/gaps/reach.csv?level=LSOA&km={km.ToString(CultureInfo.InvariantCulture)}");
            var rows = csv.Skip(1).ToList();
            Assert.Equal(nearest.Where(n => n.Value > km).Select(n => n.Key).Order(), rows.Select(r => r[0]).Order());
            foreach (var r in rows) Assert.Equal(Math.Round(nearest[r[0]], 3), Number(r[9]), 3);
            // Need: without the change module's data, the census proxy, greatest first.
            var need = rows.Select(r => Number(r[4])).ToList();
            Assert.Equal(need.OrderDescending(), need);
        }
        Assert.Contains(nearest, n => n.Value > 3);

        var page = await http.GetStringAsync("/assets/gaps?level=WARD&km=2#reach");
        Assert.Contains("It is a proxy", page, StringComparison.Ordinal);
        Assert.Contains("Saddleworth North", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheChangeModulesLanguagesTheReachIsByMainLanguageNotAProxy()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, [.. TestApp.WithAssetData, .. TestApp.WithChangeData]);
        using var http = app.Client();
        var page = await http.GetStringAsync("/assets/gaps?level=LSOA&km=0.5");
        Assert.Contains("registered patients whose main language is not english", page, StringComparison.Ordinal);
        Assert.DoesNotContain("It is a proxy", page, StringComparison.Ordinal);
        var csv = await CsvText.GetAsync(http, "/assets/gaps/reach.csv?level=LSOA&km=0.5");
        Assert.True(csv.Count > 10);
        var known = csv.Skip(1).Where(r => r[4].Length > 0).Select(r => Number(r[4])).ToList();
        Assert.True(known.Count > csv.Count / 2, "most LSOAs have a published figure");
        Assert.All(known, p => Assert.InRange(p, 0, 100));
        Assert.Equal(known.OrderDescending(), known);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Change;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Change;

/// <summary>
/// Safe sharing, endpoint by endpoint: the owner's users get exact figures; anonymous users and users of other
/// organisations get exactly the published (disclosure-controlled) figures and never an exact one, from every
/// change endpoint, on both providers.
/// </summary>
public class ChangeSharingTests
{
    static readonly string[] GpCounts = ["stock", "inflow", "outflow", "arrivals"];
    static readonly string[] SchoolCounts = ["pupils", "newToArea", "eal"];
    const string District = "E08000004";

    sealed record Viewers(HttpClient Owner, HttpClient Partner, HttpClient Anonymous, ChangeCube GpExact, ChangeCube GpPublished, ChangeCube SchoolExact, ChangeCube SchoolPublished);

    static async Task<Viewers> ViewersAsync(TestApp app)
    {
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "lead@gp.example", Role.Viewer, DemoChange.GpOwner);
        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "analyst@council.example", Role.Analyst, "Oldham Council");
        await using var db = app.Database.Context();
        var gpOrg = await db.Organisations.Where(o => o.Name == DemoChange.GpOwner).Select(o => o.Id).SingleAsync();
        var schoolOrg = await db.Organisations.Where(o => o.Name == DemoChange.SchoolOwner).Select(o => o.Id).SingleAsync();
        var cache = new ChangeCache();
        return new Viewers(owner, partner, app.Client(),
            (await cache.GetAsync(db, DemoChange.GpDataset, new Viewer(gpOrg)))!, (await cache.GetAsync(db, DemoChange.GpDataset, Viewer.Public))!,
            (await cache.GetAsync(db, DemoChange.SchoolDataset, new Viewer(schoolOrg)))!, (await cache.GetAsync(db, DemoChange.SchoolDataset, Viewer.Public))!);
    }

    static StoredMeasure Measure(string field) => field switch
    {
        "stock" => StoredMeasure.Stock,
        "inflow" => StoredMeasure.Inflow,
        "outflow" => StoredMeasure.Outflow,
        "arrivals" => StoredMeasure.Arrivals,
        "pupils" => StoredMeasure.Pupils,
        "newToArea" => StoredMeasure.NewToArea,
        _ => StoredMeasure.Eal,
    };

    static long? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    [Theory]
    [BothProviders]
    public async Task EveryChangeEndpointGivesTheOwnerExactFiguresAndEveryoneElseOnlyPublishedOnes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithChangeData);
        var v = await ViewersAsync(app);
        int district;
        List<(int Id, string Code)> lsoas;
        await using (var db = app.Database.Context())
        {
            district = await db.Areas.Where(a => a.Code == District).Select(a => a.Id).SingleAsync();
            lsoas = (await db.Areas.Where(a => a.Level == Cohesion.Places.AreaLevel.Lsoa).OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync())
                .Where((_, i) => i % 23 == 0).Select(a => (a.Id, a.Code)).ToList();
        }
        // Not vacuous: the published view differs from the exact one in many places.
        Assert.True(Differences(v.GpExact, v.GpPublished) > 1000);
        Assert.True(Differences(v.SchoolExact, v.SchoolPublished) > 100);

        var checkedValues = 0;
        foreach (var (http, gpCube, schoolCube, exact) in new[]
                 { (v.Owner, v.GpExact, v.SchoolPublished, true), (v.Partner, v.GpPublished, v.SchoolPublished, false), (v.Anonymous, v.GpPublished, v.SchoolPublished, false) })
        {
            foreach (var (cube, counts) in new[] { (gpCube, GpCounts), (schoolCube, SchoolCounts) })
            {
                var ds = cube.Dataset.Name;
                var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/change/datasets");
                var about = list.EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == ds);
                Assert.Equal(cube.Exact, about.GetProperty("figures").GetString()!.StartsWith("exact"));

                // Series: the district and a sample of areas, for everyone and for a sample of categories.
                foreach (var (id, code) in lsoas.Prepend((district, District)))
                    foreach (var slot in Enumerable.Range(0, cube.Codes.Length).Where(s => s == 0 || s % 7 == 3))
                    {
                        var series = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{ds}/areas/{code}/series?category={Uri.EscapeDataString(cube.Codes[slot])}");
                        var points = series.GetProperty("points").EnumerateArray().ToList();
                        Assert.Equal(cube.Periods.Length, points.Count);
                        for (var p = 0; p < points.Count; p++)
                            foreach (var field in counts)
                            {
                                Assert.Equal(cube.Get(id, p, Measure(field), slot), Number(points[p].GetProperty(field)));
                                checkedValues++;
                            }
                    }

                // Rankings and maps for a sample of periods; every count in them is the viewer's.
                for (var p = 0; p < cube.Periods.Length; p += Math.Max(1, cube.Periods.Length / 6))
                {
                    var ranking = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{ds}/districts/{District}/areas?period={cube.Periods[p]}");
                    foreach (var row in ranking.GetProperty("areas").EnumerateArray())
                    {
                        var id = await IdAsync(app, row.GetProperty("code").GetString()!);
                        foreach (var field in counts)
                        {
                            Assert.Equal(cube.Get(id, p, Measure(field)), Number(row.GetProperty("figures").GetProperty(field)));
                            checkedValues++;
                        }
                    }
                    foreach (var m in ChangeMeasureNames.All.Where(m => m.School == (counts == SchoolCounts)))
                    {
                        var map = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{ds}/districts/{District}/map?measure={m.Name}&period={cube.Periods[p]}");
                        foreach (var value in map.GetProperty("values").EnumerateArray())
                        {
                            var expected = ChangeMeasureNames.Value(cube, m.Name, await IdAsync(app, value.GetProperty("code").GetString()!), p, 0);
                            var actual = value.GetProperty("value");
                            if (expected is null) Assert.Equal(JsonValueKind.Null, actual.ValueKind);
                            else Assert.Equal(expected.Value, actual.GetDouble(), 9);
                            checkedValues++;
                        }
                    }
                }

                // Area profiles: composition counts are the viewer's too.
                foreach (var (id, code) in lsoas)
                {
                    var profile = await http.GetFromJsonAsync<JsonElement>($"/api/v1/change/{ds}/areas/{code}");
                    var last = cube.Periods.Length - 1;
                    foreach (var (list2, ch) in new[] { ("languages", "main_language"), ("ethnicity", "ethnic_group"), ("sex", "sex") })
                        foreach (var item in profile.GetProperty(list2).EnumerateArray())
                        {
                            var slot = cube.Slot[$"{ch}:{item.GetProperty("code").GetString()}"];
                            Assert.Equal(cube.Get(id, last, ChangeViews.Headcount(cube), slot), Number(item.GetProperty("count")));
                            checkedValues++;
                        }
                }
                // Downloads of an area's tables and of the district's timeline: the viewer's figures, withheld as [c].
                var mid = cube.Periods.Length / 2;
                static string Cell(long? v) => v is { } x ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : "[c]";
                foreach (var (id, code) in lsoas.Take(3))
                {
                    foreach (var table in new[] { "structure", "languages" })
                        foreach (var r in (await CsvText.GetAsync(http, $"/change/{ds}/area/{code}/{table}.csv?period={cube.Periods[mid]}")).Skip(1))
                        {
                            Assert.Equal(cube.Periods[mid], r[1]);
                            Assert.Equal(Cell(cube.Get(id, mid, ChangeViews.Headcount(cube), cube.Slot[$"{r[2]}:{r[3]}"])), r[5]);
                            checkedValues++;
                        }
                    foreach (var r in (await CsvText.GetAsync(http, $"/change/{ds}/area/{code}/ethnicity.csv?period={cube.Periods[mid]}")).Skip(1))
                    {
                        Assert.Equal(Cell(cube.Get(id, mid, ChangeViews.Headcount(cube), cube.Slot[$"ethnic_group:{r[2]}"])), r[4]);
                        checkedValues++;
                    }
                }
                var timeline = await CsvText.GetAsync(http, $"/change/{ds}/{District}/timeline.csv");
                var headcountColumn = Array.IndexOf(timeline[0], counts == SchoolCounts ? "pupils" : "registered");
                Assert.True(headcountColumn > 0, string.Join(",", timeline[0]));
                Assert.Equal(cube.Periods.Length, timeline.Count - 1);
                for (var p = 0; p < cube.Periods.Length; p++)
                {
                    Assert.Equal(cube.Periods[p], timeline[p + 1][1]);
                    Assert.Equal(Cell(cube.Get(district, p, ChangeViews.Headcount(cube))), timeline[p + 1][headcountColumn]);
                    checkedValues++;
                }
                if (!exact) ChangeImportTests.AssertNoSmallCount(cube, 10);
            }
        }
        Assert.True(checkedValues > 10_000, $"only {checkedValues} values checked");
    }

    [Fact]
    public async Task DatasetsOutsideTheirSensitivityAre404ForOthersAndTheirExistenceIsNotShown()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithChangeData);
        await using (var db = app.Database.Context())
        {
            await db.Datasets.Where(d => d.Name == DemoChange.GpDataset).ExecuteUpdateAsync(s => s.SetProperty(d => d.Sensitivity, Sensitivity.Partners));
            await db.Datasets.Where(d => d.Name == DemoChange.SchoolDataset).ExecuteUpdateAsync(s => s.SetProperty(d => d.Sensitivity, Sensitivity.OwnerOnly));
            // The cache is versioned by imports; record one as an import would.
            db.Record("test", AuditActions.Import, "sensitivity change", "");
            await db.SaveChangesAsync();
        }
        var v = await ViewersAsync(app);
        async Task<HttpStatusCode> Status(HttpClient http, string url) => (await http.GetAsync(url)).StatusCode;
        var gp = $"/api/v1/change/{DemoChange.GpDataset}/areas/{District}/series";
        var school = $"/api/v1/change/{DemoChange.SchoolDataset}/areas/{District}/series";
        Assert.Equal(HttpStatusCode.NotFound, await Status(v.Anonymous, gp));      // partners only
        Assert.Equal(HttpStatusCode.OK, await Status(v.Partner, gp));
        Assert.Equal(HttpStatusCode.NotFound, await Status(v.Partner, school));    // owner only
        Assert.Equal(HttpStatusCode.NotFound, await Status(v.Owner, school));      // the GP owner is not the school owner
        var names = (await v.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/change/datasets")).EnumerateArray().Select(d => d.GetProperty("dataset").GetString()).ToList();
        Assert.Empty(names);
    }

    static readonly Dictionary<string, int> Ids = [];

    static async Task<int> IdAsync(TestApp app, string code)
    {
        lock (Ids) if (Ids.TryGetValue(app.Database.Settings.ConnectionString + code, out var known)) return known;
        await using var db = app.Database.Context();
        var id = await db.Areas.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
        lock (Ids) Ids[app.Database.Settings.ConnectionString + code] = id;
        return id;
    }

    static int Differences(ChangeCube exact, ChangeCube published)
    {
        var n = 0;
        foreach (var area in exact.AreaIds)
            for (var p = 0; p < exact.Periods.Length; p++)
                foreach (var m in exact.Measures)
                    for (var s = 0; s < exact.Codes.Length; s++)
                        if (exact.Get(area, p, m, s) != published.Get(area, p, m, s)) n++;
        return n;
    }
}

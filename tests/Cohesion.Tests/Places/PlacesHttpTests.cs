using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Places;

/// <summary>The demo place through HTTP, on each provider: what first start seeds, what the API and pages serve, and exports.</summary>
public class PlacesHttpTests
{
    [Theory]
    [BothProviders]
    public async Task FirstStartSeedsOldhamWithRealCensusCountsAndBoundaries(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Assert.Contains("Seeded the demo place: Oldham", app.StartupOutput);
        Assert.Matches("One-time password .*: [A-Za-z0-9]{20}", app.StartupOutput);
        using var http = app.Client();
        foreach (var (level, count) in new[] { ("LSOA", 141), ("MSOA", 33), ("WARD", 20), ("LAD", 1) })
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/areas?level={level}&pageSize=1");
            Assert.Equal(count, page.GetProperty("total").GetInt32());
        }
        var oldham = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas/E08000004");
        var figures = oldham.GetProperty("figures");
        Assert.Equal(224_897, figures.GetProperty("population").GetInt64()); // Census 2011 usual residents of Oldham
        var groups = figures.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("count").GetInt64());
        Assert.Equal(22_686, groups["Pakistani"]);
        Assert.Equal(224_897, groups.Values.Sum()); // the groups (with the residual) add up to the total
        Assert.Contains("Open Government Licence", figures.GetProperty("attribution").GetString());

        // Wards are summed from their best-fit LSOAs and add up to the district.
        var wards = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas?level=WARD&pageSize=100");
        long wardTotal = 0;
        foreach (var w in wards.GetProperty("items").EnumerateArray())
            wardTotal += (await http.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{w.GetProperty("code").GetString()}")).GetProperty("figures").GetProperty("population").GetInt64();
        Assert.Equal(224_897, wardTotal);

        await using var db = app.Database.Context();
        Assert.Equal(141 + 33 + 20, await db.AreaBoundaries.CountAsync());
    }

    [Fact]
    public async Task SecondStartDoesNotSeedAgainOrCreateAnotherAdmin()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, TestApp.WithChangeData);
        var again = Cohesion.Web.CohesionWebApp.Build(["--urls", "http://127.0.0.1:0", .. app.Database.Args]);
        var output = new StringWriter();
        await Cohesion.Web.CohesionWebApp.PrepareAsync(again, output);
        await again.DisposeAsync();
        Assert.Equal("", output.ToString());
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Theory]
    [BothProviders]
    public async Task ApiPaginatesFiltersAndAnswersErrorsAsProblemDetails(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var p1 = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas?level=LSOA&pageSize=50&page=3");
        Assert.Equal(41, p1.GetProperty("items").GetArrayLength());
        Assert.Equal(3, p1.GetProperty("pageNumber").GetInt32());
        var inWard = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas?parent=E05000719&level=LSOA");
        Assert.True(inWard.GetProperty("total").GetInt32() is > 3 and < 15);
        var search = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas?q=Chadderton");
        Assert.All(search.GetProperty("items").EnumerateArray(), i => Assert.Contains("Chadderton", i.GetProperty("name").GetString()));

        foreach (var (url, status, text) in new[]
        {
            ("/api/v1/areas?level=BOROUGH", 400, "unknown level"),
            ("/api/v1/areas?pageSize=5000", 400, "pageSize"),
            ("/api/v1/areas/E99999999", 404, "no area with code"),
            ("/api/v1/areas/E08000004/map?measure=nonsense", 400, "unknown measure"),
        })
        {
            var r = await http.GetAsync(url);
            Assert.Equal(status, (int)r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains(text, await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AreaDetailHasParentChildrenAndWard()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        var lsoa = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas/E01005320");
        Assert.Equal("Oldham 024A", lsoa.GetProperty("name").GetString());
        Assert.Equal("MSOA", lsoa.GetProperty("parent").GetProperty("level").GetString());
        Assert.Equal("E05000719", lsoa.GetProperty("alsoIn")[0].GetProperty("code").GetString()); // Alexandra ward
        Assert.True(lsoa.GetProperty("hasBoundary").GetBoolean());
        var msoa = await http.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{lsoa.GetProperty("parent").GetProperty("code").GetString()}");
        Assert.Contains(msoa.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "E01005320");
    }

    [Fact]
    public async Task BoundariesAndMapValuesCoverTheSameAreas()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        var geo = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas/E08000004/boundaries?level=MSOA");
        var features = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToList();
        Assert.Equal(33, features.Count);
        var values = await http.GetFromJsonAsync<JsonElement>("/api/v1/areas/E08000004/map?level=MSOA&measure=share:Pakistani");
        Assert.Equal("%", values.GetProperty("unit").GetString());
        var v = values.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(features.Order(), v.Select(x => x.GetProperty("code").GetString()).Order());
        Assert.All(v, x => Assert.InRange(x.GetProperty("value").GetDouble(), 0, 100));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/areas", paths);
        Assert.Contains("/api/v1/areas/{code}", paths);
        Assert.Contains("/api/v1/datasets", paths);
    }

    [Fact]
    public async Task OverviewPageFiltersSortsAndPaginatesTheAreaTable()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.Client();
        var html = await http.GetStringAsync("/places/E08000004?level=LSOA&sort=population&dir=desc&page=2");
        Assert.Contains("Showing 26 to 50 of 141 areas", html);
        Assert.Contains("aria-sort=\"descending\"", html);
        Assert.Contains("Contains 2011 Census data © Crown copyright", WebUtility.HtmlDecode(html));
        var search = WebUtility.HtmlDecode(await http.GetStringAsync("/places/E08000004?q=Chadderton"));
        Assert.Contains("Chadderton Central", search);
        Assert.DoesNotContain(">Alexandra<", search);
        var profile = WebUtility.HtmlDecode(await http.GetStringAsync("/areas/E01005320"));
        Assert.Contains("Oldham 024A", profile);
        Assert.Matches(@"\d+(st|nd|rd|th) of 141", profile);
        var missing = await http.GetAsync("/areas/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
        var unknown = await http.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task ExportsFollowTheFiltersAndAreAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();
        var csv = await http.GetAsync("/places/E08000004/export.csv?level=LSOA&sort=population&dir=desc");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(142, lines.Length);
        Assert.StartsWith("code,name,level,population,simpson_diversity,shannon_entropy,WhiteBrit_count", lines[0]);
        var populations = lines.Skip(1).Select(l => long.Parse(l.Split(',')[3])).ToList();
        Assert.Equal(populations.OrderDescending(), populations);
        var xlsx = await http.GetByteArrayAsync("/places/E08000004/export.xlsx?level=WARD");
        Assert.Equal((byte)'P', xlsx[0]);
        Assert.Equal((byte)'K', xlsx[1]);
        await using var db = app.Database.Context();
        var exports = await db.AuditEntries.Where(a => a.Action == "export").Select(a => a.Target + " " + a.Detail).ToListAsync();
        Assert.Contains(exports, e => e.StartsWith("E08000004-areas.csv 141 rows; level=LSOA"));
        Assert.Contains(exports, e => e.StartsWith("E08000004-areas.xlsx 20 rows; level=WARD"));
    }

    [Fact]
    public async Task CsvExportDefusesSpreadsheetFormulas()
    {
        var table = new Cohesion.Web.ExportTable("t", ["a", "b"], [["=HYPERLINK(\"x\")", 1L], ["plain, with comma", null]], []);
        var text = System.Text.Encoding.UTF8.GetString(Cohesion.Web.TableExport.Csv(table)).TrimStart('\uFEFF');
        Assert.Equal("a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",1\r\n\"plain, with comma\",\r\n", text);
        await Task.CompletedTask;
    }
}

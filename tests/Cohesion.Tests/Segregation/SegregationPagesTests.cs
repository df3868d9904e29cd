using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Segregation;

/// <summary>One app over SQLite with the demo place (Oldham) and Tower Hamlets loaded, with their output areas, shared by the read-only tests.</summary>
public sealed class TwoDistrictsApp : IAsyncLifetime
{
    TestApp? _app;
    public TestApp App => _app ?? throw new InvalidOperationException("the app did not start");

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var r = await CohesionExe.RunAsync(_app.Database, "import", "census2011", "--district", "Tower Hamlets", "Oldham", "--output-areas");
        Assert.True(r.ExitCode == 0, r.All);
    }

    public async Task DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }
}

/// <summary>
/// "Parallel lives" through HTTP: the API's indices equal the formulas worked by hand from the shipped census
/// file (so the path from database to index is right at every level), local contributions add up to the index,
/// the pages show the API's figures with intervals and ranks, and the downloads are the same figures, audited.
/// </summary>
public class SegregationPagesTests(TwoDistrictsApp fixture)
    : IClassFixture<TwoDistrictsApp>
{
    const string Oldham = "E08000004";
    static readonly string[] Groups = ["WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese", "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other", "GypsyTravellerResidual"];

    /// <summary>Oldham's LSOAs from the shipped file: code, MSOA, and the 15 group counts.</summary>
    static List<(string Lsoa, string Msoa, double[] Counts)> OldhamRows()
    {
        var rows = CsvText.Parse(File.ReadAllText(Path.Combine(DemoPlace.SeedDir, "ew2011_lsoa_ethnicity_mlid.csv")));
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        return rows.Skip(1).Where(r => r[Col("LAD")] == "Oldham")
            .Select(r => (r[Col("LSOA")], r[Col("MSOA")], Groups.Select(g => double.Parse(r[Col(g)], CultureInfo.InvariantCulture)).ToArray())).ToList();
    }

    /// <summary>D = ½ Σ |xᵢ/X − (tᵢ − xᵢ)/(T − X)| and xPx = Σ (xᵢ/X)(xᵢ/tᵢ), worked here without the product's code.</summary>
    static (double D, double Isolation) ByHand(IEnumerable<double[]> units, int g)
    {
        var list = units.ToList();
        var x = list.Sum(u => u[g]);
        var t = list.Sum(u => u.Sum());
        var d = 0.5 * list.Sum(u => Math.Abs(u[g] / x - (u.Sum() - u[g]) / (t - x)));
        var iso = list.Where(u => u.Sum() > 0).Sum(u => u[g] / x * (u[g] / u.Sum()));
        return (d, iso);
    }

    static double? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    [Theory]
    [InlineData("LSOA")]
    [InlineData("MSOA")]
    public async Task DistrictIndicesEqualTheFormulasWorkedFromTheCensusFile(string level)
    {
        using var http = fixture.App.Client();
        var api = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}?level={level}");
        Assert.Equal(level, api.GetProperty("about").GetProperty("level").GetString());
        var rows = OldhamRows();
        var units = level == "LSOA" ? rows.Select(r => r.Counts).ToList()
            : rows.GroupBy(r => r.Msoa).Select(m => Enumerable.Range(0, Groups.Length).Select(k => m.Sum(r => r.Counts[k])).ToArray()).ToList();
        Assert.Equal(units.Count, api.GetProperty("units").GetInt32());
        Assert.Equal(units.Sum(u => u.Sum()), api.GetProperty("population").GetDouble());
        Assert.Equal("White British", api.GetProperty("largestGroup").GetString());
        var groups = api.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(Groups, groups.Select(g => g.GetProperty("code").GetString()));
        for (var k = 0; k < Groups.Length; k++)
        {
            var (d, iso) = ByHand(units, k);
            var g = groups[k];
            Assert.Equal(d, Num(g.GetProperty("dissimilarity"), "value")!.Value, 12);
            Assert.Equal(iso, Num(g.GetProperty("isolation"), "value")!.Value, 12);
            // Against White British only: the same formula over the two groups.
            if (k > 0)
            {
                var (dPair, _) = ByHand(units.Select(u => new[] { u[k], u[0] }), 0);
                Assert.Equal(dPair, Num(g.GetProperty("dissimilarityAgainstLargest"), "value")!.Value, 12);
            }
        }
        // The big groups are far more uneven than chance; their intervals hold the value.
        foreach (var code in new[] { "Pakistani", "Bangladeshi", "WhiteBrit" })
        {
            var e = groups.Single(g => g.GetProperty("code").GetString() == code).GetProperty("dissimilarity");
            Assert.True(Num(e, "pValue") <= 0.001, code);
            Assert.True(Num(e, "chance") < Num(e, "value") / 5, code);
            Assert.InRange(Num(e, "value")!.Value, Num(e, "ciLow")!.Value, Num(e, "ciHigh")!.Value);
        }
        var multi = api.GetProperty("multigroup").EnumerateArray().ToDictionary(m => m.GetProperty("index").GetString()!);
        Assert.Equal(10, multi.Count);
        Assert.Equal(2, multi["multi_dissimilarity"].GetProperty("rank").GetProperty("of").GetInt32());
        Assert.Null(Num(multi["multi_diversity"].GetProperty("estimate"), "pValue"));
        Assert.Contains("would have to move", multi["multi_dissimilarity"].GetProperty("statement").GetString());

        // Simulations are seeded: the same request gives the same intervals.
        var again = await http.GetStringAsync($"/api/v1/segregation/districts/{Oldham}?level={level}");
        Assert.Equal(JsonSerializer.Serialize(api), JsonSerializer.Serialize(JsonDocument.Parse(again).RootElement));
    }

    [Fact]
    public async Task OutputAreasWorkLikeEveryOtherLevelAndAddUpToTheirLsoas()
    {
        var rows = CsvText.Parse(File.ReadAllText(Path.Combine(DemoPlace.SeedDir, "ew2011_oa_ethnicity_5LAs_mlid.csv")));
        int Col(string name) => Array.IndexOf(rows[0], name);
        var oas = rows.Skip(1).Where(r => r[Col("LAD")] == "Oldham").Select(r =>
        {
            var counts = Groups[..^1].Select(g => double.Parse(r[Col(g)], CultureInfo.InvariantCulture)).ToList();
            counts.Add(double.Parse(r[Col("Persons")], CultureInfo.InvariantCulture) - counts.Sum()); // Gypsy or Irish Traveller: the residual, as in the LSOA file
            return (Lsoa: r[Col("LSOA")], Counts: counts.ToArray());
        }).ToList();
        Assert.Equal(712, oas.Count);
        // The output areas add up to their LSOAs, group by group, so the two levels describe the same people.
        var lsoas = OldhamRows().ToDictionary(r => r.Lsoa, r => r.Counts);
        foreach (var g in oas.GroupBy(o => o.Lsoa))
            for (var k = 0; k < Groups.Length; k++) Assert.Equal(lsoas[g.Key][k], g.Sum(o => o.Counts[k]));

        using var http = fixture.App.Client();
        var api = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}?level=OA");
        Assert.Equal(["OA", "LSOA", "MSOA", "WARD"], api.GetProperty("about").GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(712, api.GetProperty("units").GetInt32());
        var groups = api.GetProperty("groups").EnumerateArray().ToList();
        for (var k = 0; k < Groups.Length; k++)
        {
            var (d, iso) = ByHand(oas.Select(o => o.Counts), k);
            Assert.Equal(d, Num(groups[k].GetProperty("dissimilarity"), "value")!.Value, 12);
            Assert.Equal(iso, Num(groups[k].GetProperty("isolation"), "value")!.Value, 12);
        }
        // Smaller areas show more separation: D at OA level is above D at LSOA level for the big minority groups.
        var lsoaApi = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}?level=LSOA");
        foreach (var k in new[] { 5, 6 })
            Assert.True(Num(groups[k].GetProperty("dissimilarity"), "value") > Num(lsoaApi.GetProperty("groups")[k].GetProperty("dissimilarity"), "value"));

        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/parallel-lives/{Oldham}?level=OA"));
        Assert.Contains("spread across the 712 output areas of Oldham", page);
        Assert.Contains("No boundaries are loaded for output areas", page);
        Assert.Contains("<option value=\"OA\" selected=\"selected\">", await http.GetStringAsync("/parallel-lives?level=OA"));
    }

    [Fact]
    public async Task LocalContributionsAddUpToTheDistrictIndexAndTheMapGivesEachAreasShare()
    {
        using var http = fixture.App.Client();
        var district = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}");
        var pakistaniD = Num(district.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "Pakistani").GetProperty("dissimilarity"), "value")!.Value;
        var h = Num(district.GetProperty("multigroup").EnumerateArray().Single(m => m.GetProperty("index").GetString() == "multi_information_theory").GetProperty("estimate"), "value")!.Value;
        var areas = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}/areas?group=Pakistani")).GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(141, areas.Count);
        Assert.Equal(pakistaniD, areas.Sum(a => Num(a, "localDissimilarity")!.Value), 10);
        Assert.Equal(h, areas.Sum(a => Num(a, "localInformationTheory")!.Value), 10);

        var map = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}/map?measure=share&group=Pakistani");
        var byCode = areas.ToDictionary(a => a.GetProperty("code").GetString()!);
        foreach (var v in map.GetProperty("values").EnumerateArray())
            Assert.Equal(Num(byCode[v.GetProperty("code").GetString()!], "groupShare")!.Value * 100, v.GetProperty("value").GetDouble(), 9);
        Assert.Equal("%", map.GetProperty("unit").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/map?measure=share")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}?level=DZ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/areas?group=Martians")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/segregation/districts/E01005320")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}?dataset=nope")).StatusCode);
    }

    [Fact]
    public async Task NationalTableRanksTheLoadedDistrictsAndTheDistrictPageShowsTheApisFigures()
    {
        using var http = fixture.App.Client();
        var national = await http.GetFromJsonAsync<JsonElement>("/api/v1/segregation/districts");
        var rows = national.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(["Oldham", "Tower Hamlets"], rows.Select(r => r.GetProperty("name").GetString()).Order());

        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/parallel-lives?sort=name&dir=asc"));
        Assert.Contains("Showing 1 to 2 of 2 districts", html);
        Assert.True(html.IndexOf(">Oldham</a>", StringComparison.Ordinal) < html.IndexOf(">Tower Hamlets</a>", StringComparison.Ordinal));
        var filtered = WebUtility.HtmlDecode(await http.GetStringAsync("/parallel-lives?q=tower"));
        Assert.Contains("Showing 1 to 1 of 1 districts (2 loaded)", filtered);

        var api = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}");
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/parallel-lives/{Oldham}"));
        Assert.Contains("Parallel lives in Oldham", page);
        var pakistani = api.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "Pakistani");
        var d = pakistani.GetProperty("dissimilarity");
        string F(double? v) => v!.Value.ToString("0.000", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Matches($@">Pakistani</th>\s*<td[^>]*>22,686</td>\s*<td[^>]*>10\.1%</td>\s*<td[^>]*>{F(Num(d, "value"))}</td>\s*<td[^>]*>{F(Num(d, "ciLow"))} to {F(Num(d, "ciHigh"))}</td>", page);
        Assert.Contains(pakistani.GetProperty("dissimilarityStatement").GetString()!, page);
        Assert.Contains("Rank of 2", page);
        Assert.Contains("Each group against White British", page);
        Assert.Contains("Contains 2011 Census data © Crown copyright", page);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/parallel-lives/E01005320")).StatusCode);
        // A level the district does not have falls back to the default on the page.
        Assert.Contains("<option value=\"LSOA\" selected=\"selected\">", await http.GetStringAsync($"/parallel-lives/{Oldham}?level=DZ"));
    }

    [Fact]
    public async Task TwoDistrictsComparedGiveEachOnesIndexTheDifferenceAndATestOnThePageApiAndDownload()
    {
        using var http = fixture.App.Client();
        var national = await http.GetFromJsonAsync<JsonElement>("/api/v1/segregation/districts");
        var th = national.GetProperty("districts").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Tower Hamlets").GetProperty("code").GetString()!;
        var oldham = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}");
        var tower = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Uri.EscapeDataString(th)}");
        var cmp = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}/compare/{Uri.EscapeDataString(th)}");
        Assert.Equal("Tower Hamlets", cmp.GetProperty("otherName").GetString());
        var diffs = cmp.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(15 + 6, diffs.Count);
        for (var k = 0; k < 15; k++)
        {
            var d = diffs[k];
            var here = Num(oldham.GetProperty("groups")[k].GetProperty("dissimilarity"), "value")!.Value;
            var there = Num(tower.GetProperty("groups")[k].GetProperty("dissimilarity"), "value")!.Value;
            Assert.Equal(here, Num(d, "here")!.Value, 12);
            Assert.Equal(there, Num(d, "there")!.Value, 12);
            Assert.Equal(here - there, Num(d, "difference")!.Value, 12);
            Assert.InRange(Num(d, "pValue")!.Value, 0.001, 1);
        }
        // Pakistani residents: D of 0.78 in Oldham against far lower in Tower Hamlets; the test says so.
        var pakistani = diffs.Single(d => d.GetProperty("group").GetString() == "Pakistani");
        Assert.True(Num(pakistani, "difference") > 0.2);
        Assert.True(Num(pakistani, "pValue") <= 0.01);
        Assert.True(Num(pakistani, "ciLow") > 0);
        Assert.StartsWith("Pakistani residents are more unevenly spread in Oldham than in Tower Hamlets", pakistani.GetProperty("statement").GetString());

        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/parallel-lives/{Oldham}?compare={Uri.EscapeDataString(th)}"));
        Assert.Contains("Dissimilarity of each group and the multigroup indices, Oldham against Tower Hamlets", page);
        Assert.Contains(pakistani.GetProperty("statement").GetString()!, page);
        var csv = await CsvText.GetAsync(http, $"/parallel-lives/{Oldham}/compare.csv?level=LSOA&with={Uri.EscapeDataString(th)}");
        Assert.Equal(["by", "period", "other", "other_period", "index", "group", "value", "other_value", "difference", "p_value", "ci_low", "ci_high"], csv[0]);
        Assert.Equal(Num(pakistani, "pValue")!.Value, double.Parse(csv.Single(r => r[5] == "Pakistani")[9], CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/compare/{Oldham}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/compare/{Oldham}?otherPeriod=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/compare/E01005320")).StatusCode);
    }

    [Fact]
    public async Task OneDistrictInTwoYearsOfADatasetIsComparedOverTime()
    {
        // A published dataset with two periods, imported as a user would: 2011 as in the census, and a made-up
        // "2021" where Pakistani residents have spread out (the same total moved towards the district's share).
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var rows = OldhamRows();
        var pak = Array.IndexOf(Groups, "Pakistani");
        var share = rows.Sum(r => r.Counts[pak]) / rows.Sum(r => r.Counts.Sum());
        List<double[]> later = rows.Select(r =>
        {
            var c = (double[])r.Counts.Clone();
            var even = Math.Round(share * c.Sum());
            var moved = Math.Round((even - c[pak]) / 2);      // halfway to an even spread
            moved = Math.Max(moved, -c[pak]);
            if (moved > 0) moved = Math.Min(moved, c[0]);
            c[pak] += moved;
            c[0] -= moved;                                     // from (or to) White British
            return c;
        }).ToList();
        using var files = new Files();
        string Write(string name, IEnumerable<double[]> counts) => files.Write(name,
            "area_code," + string.Join(",", Groups) + "\n" + string.Join("\n", rows.Zip(counts, (r, c) => r.Lsoa + "," + string.Join(",", c.Select(v => v.ToString(CultureInfo.InvariantCulture))))) + "\n");
        foreach (var (period, file) in new[] { ("2011", Write("y2011.csv", rows.Select(r => r.Counts))), ("2021", Write("y2021.csv", later)) })
        {
            var r = await CohesionExe.RunAsync(app.Database, "import", "counts", file, "--dataset", "ethnicity-trend", "--period", period, "--title", "Ethnic group (test series)", "--synthetic");
            Assert.True(r.ExitCode == 0, r.All);
        }
        {
            using var http = app.Client();
            var response = await http.GetAsync($"/api/v1/segregation/districts/{Oldham}/compare/{Oldham}?dataset=ethnicity-trend&period=2021&otherPeriod=2011");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var cmp = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(["2011", "2021"], cmp.GetProperty("about").GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal("2021", cmp.GetProperty("period").GetString());
            Assert.Equal("2011", cmp.GetProperty("otherPeriod").GetString());
            var d = cmp.GetProperty("differences").EnumerateArray().Single(x => x.GetProperty("group").GetString() == "Pakistani");
            Assert.Equal(ByHand(later, pak).D, Num(d, "here")!.Value, 12);
            Assert.Equal(ByHand(rows.Select(r => r.Counts), pak).D, Num(d, "there")!.Value, 12);
            Assert.True(Num(d, "difference") < -0.2);
            Assert.True(Num(d, "pValue") <= 0.01);
            Assert.StartsWith("Pakistani residents are less unevenly spread in Oldham in 2021 than in Oldham in 2011", d.GetProperty("statement").GetString());

            var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/parallel-lives/{Oldham}?dataset=ethnicity-trend&period=2021&compare={Oldham}&comparePeriod=2011"));
            Assert.Contains("<option value=\"2021\" selected=\"selected\">2021</option>", page);
            Assert.Contains("Oldham in 2021 against Oldham in 2011", page);
            Assert.Contains("Synthetic data", page);
            var same = WebUtility.HtmlDecode(await http.GetStringAsync($"/parallel-lives/{Oldham}?dataset=ethnicity-trend&period=2021&compare={Oldham}&comparePeriod=2021"));
            Assert.Contains("Choose another district, or another period than 2021", same);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/parallel-lives/{Oldham}?dataset=ethnicity-trend&period=1999")).StatusCode);
        }
    }

    [Fact]
    public async Task DownloadsAreThePagesFiguresInTheCliFormatAndAreAudited()
    {
        using var http = fixture.App.Client();
        var api = await http.GetFromJsonAsync<JsonElement>($"/api/v1/segregation/districts/{Oldham}?level=WARD");
        var csv = await CsvText.GetAsync(http, $"/parallel-lives/{Oldham}/indices.csv?level=WARD");
        Assert.Equal(["by", "index", "group", "reference", "value", "p_value", "ci_low", "ci_high", "chance", "units", "population"], csv[0]);
        var row = csv.Single(r => r[1] == "dissimilarity" && r[2] == "Bangladeshi" && r[3] == "");
        var d = api.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "Bangladeshi").GetProperty("dissimilarity");
        Assert.Equal(Num(d, "value")!.Value, double.Parse(row[4], CultureInfo.InvariantCulture));
        Assert.Equal(Num(d, "ciLow")!.Value, double.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.Equal("20", row[9]);
        Assert.Contains(csv, r => r[1] == "dissimilarity" && r[2] == "Bangladeshi" && r[3] == "WhiteBrit");
        Assert.Contains(csv, r => r[1] == "multi_gini" && r[5] == "0.001");

        var areas = await CsvText.GetAsync(http, $"/parallel-lives/{Oldham}/areas.csv?level=MSOA&group=Indian");
        Assert.Equal(34, areas.Count);
        Assert.All(areas.Skip(1), r => Assert.Equal(["MSOA", "Indian"], new[] { r[2], r[4] }));
        var national = await CsvText.GetAsync(http, "/parallel-lives/export.csv?group=Bangladeshi&sort=dissimilarity&dir=desc");
        Assert.Equal(3, national.Count);
        Assert.All(national.Skip(1), r => Assert.Equal("Bangladeshi", r[16]));
        var values = national.Skip(1).Select(r => double.Parse(r[18], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/parallel-lives/{Oldham}/secrets.csv")).StatusCode);

        await using var db = fixture.App.Database.Context();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.Export && e.Target.StartsWith("segregation-")).ToListAsync();
        Assert.Contains(audit, e => e.Target == $"segregation-{Oldham}-WARD-indices.csv" && e.Actor == "anonymous" && e.Detail.EndsWith("policy: published"));
        Assert.Contains(audit, e => e.Target == "segregation-census2011-ethnicity-LSOA.csv" && e.Detail.Contains("group=Bangladeshi"));
    }
}

using System.Text;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests;

/// <summary>The import verbs through the real executable: good files load, bad files are rejected whole with a precise message.</summary>
public class ImportCliTests
{
    const string Areas = """
        code,name,level,parent_code,also_in
        X01,Testshire,LAD,,
        W01,North ward,WARD,X01,
        W02,South ward,WARD,X01,
        M01,Testshire 001,MSOA,X01,
        M02,Testshire 002,MSOA,X01,
        L01,Testshire 001A,LSOA,M01,W01
        L02,Testshire 001B,LSOA,M01,W01
        L03,Testshire 002A,LSOA,M02,W02
        """;

    static async Task<TestDatabase> WithAreasAsync(DatabaseProvider provider, Files files)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var r = await CohesionExe.RunAsync(db, "import", "areas", files.Write("areas.csv", Areas));
        Assert.True(r.ExitCode == 0, r.All);
        return db;
    }

    static async Task<int> CountRowsAsync(TestDatabase db)
    {
        await using var ctx = db.Context();
        return await ctx.Areas.CountAsync() + await ctx.AreaCounts.CountAsync() + await ctx.Datasets.CountAsync() + await ctx.AreaBoundaries.CountAsync();
    }

    [Theory]
    [BothProviders]
    public async Task ImportAreasBuildsTheHierarchyWithWardGroupings(DatabaseProvider provider)
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(provider, files);
        await using var ctx = db.Context();
        var areas = await ctx.Areas.Include(a => a.Parent).ToDictionaryAsync(a => a.Code);
        Assert.Equal(8, areas.Count);
        Assert.Equal("M01", areas["L01"].Parent!.Code);
        Assert.Equal(AreaLevel.Lsoa, areas["L01"].Level);
        var groupings = await ctx.AreaGroupings.CountAsync();
        Assert.Equal(3, groupings);
    }

    [Theory]
    [BothProviders]
    public async Task ImportCountsStoresCountsAndSumsEachLargerAreaOnce(DatabaseProvider provider)
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(provider, files);
        var counts = files.Write("counts.csv", "area,Total,A,B\nL01,10,6,4\nL02,20,5,15\nL03,30,30,0\n");
        var r = await CohesionExe.RunAsync(db, "import", "counts", counts, "--dataset", "test-counts", "--period", "2024", "--total-column", "Total");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Imported 3 rows", r.Out);
        await using var ctx = db.Context();
        var totals = await (from c in ctx.AreaCounts
                            join a in ctx.Areas on c.AreaId equals a.Id
                            join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                            where k.Code == "Total"
                            select new { a.Code, c.Value, c.IsDerived }).ToDictionaryAsync(x => x.Code);
        Assert.Equal(30, totals["M01"].Value);
        Assert.True(totals["M01"].IsDerived);
        Assert.Equal(30, totals["W01"].Value);   // wards from best-fit groupings
        Assert.Equal(30, totals["W02"].Value);
        Assert.Equal(60, totals["X01"].Value);   // the district once, from MSOAs, not MSOAs plus wards
        await using var audit = db.Context();
        Assert.Contains(await audit.AuditEntries.Select(a => a.Action + " " + a.Target).ToListAsync(), s => s.StartsWith("import counts test-counts 2024"));
    }

    [Theory]
    [BothProviders]
    public async Task ImportCountsAcceptsTheLongFormat(DatabaseProvider provider)
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(provider, files);
        var counts = files.Write("long.csv", "area_code,category,value\nL01,A,1\nL01,B,2\nL02,A,3\nL02,B,4\nL03,A,5\nL03,B,6\n");
        var r = await CohesionExe.RunAsync(db, "import", "counts", counts, "--dataset", "long", "--period", "2024-Q1");
        Assert.True(r.ExitCode == 0, r.All);
        await using var ctx = db.Context();
        Assert.Equal(6, await ctx.AreaCounts.CountAsync(c => !c.IsDerived));
    }

    public static TheoryData<string, byte[], string> BadCountFiles() => new()
    {
        { "unknown area", Utf8("area,A\nL01,1\nNOPE,2\n"), "line 3, column 'area', value 'NOPE': unknown area code" },
        { "negative", Utf8("area,A\nL01,-4\n"), "line 2, column 'A', value '-4': a count cannot be negative" },
        { "non-integer", Utf8("area,A\nL01,2.5\n"), "line 2, column 'A', value '2.5': a count must be a whole number" },
        { "duplicate row", Utf8("area,A\nL01,1\nL02,1\nL01,3\n"), "line 4, column 'area', value 'L01': duplicate row: the same area is on line 2" },
        { "wrong header", Utf8("area,A,A\nL01,1,2\n"), "line 1, column 'A': wrong header: the column name appears twice" },
        { "empty file", [], "the file is empty" },
        { "header only", Utf8("area,A\n"), "the file has a header but no rows" },
        { "not UTF-8", [.. Encoding.UTF8.GetBytes("area,A\nL01,1\n"), .. Encoding.Latin1.GetBytes("L0\u00e9,1\n")], "line 3, value 'byte offset 15': the file is not valid UTF-8" },
        { "over-long field", Utf8("area,A\nL01," + new string('9', 5000) + "\n"), "line 2: a field is longer than the limit of 1,000 characters" },
        { "missing field", Utf8("area,A,B\nL01,1\n"), "line 2: expected 3 fields, found 2" },
    };

    static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [MemberData(nameof(BadCountFiles))]
    public async Task BadCountFilesAreRejectedWithTheirOwnMessageAndChangeNothing(string why, byte[] content, string message)
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(DatabaseProvider.Sqlite, files);
        var before = await CountRowsAsync(db);
        var r = await CohesionExe.RunAsync(db, "import", "counts", files.WriteBytes("bad.csv", content), "--dataset", "bad", "--period", "2024");
        Assert.True(r.ExitCode == 2, $"{why}: exit {r.ExitCode}\n{r.All}");
        Assert.Contains("nothing was changed", r.Err);
        Assert.Contains($"bad.csv: {message}", r.Err);
        Assert.Equal(before, await CountRowsAsync(db));
    }

    public static TheoryData<string, string> BadAreaFiles() => new()
    {
        { "code,name,level\nA,B,LSOA\n", "line 1, value 'code,name,level': wrong header: expected code,name,level,parent_code[,also_in]" },
        { "code,name,level,parent_code\nA1,Alpha,LSOA,ZZZ\n", "line 2, column 'parent_code', value 'ZZZ': unknown area code" },
        { "code,name,level,parent_code\nA1,Alpha,BOROUGH,\n", "line 2, column 'level', value 'BOROUGH': unknown level" },
        { "code,name,level,parent_code\nA1,Alpha,LAD,\nA1,Again,LAD,\n", "line 3, column 'code', value 'A1': duplicate area: the same code is on line 2" },
        { "code,name,level,parent_code\nA1,Alpha,LAD,B1\nB1,Beta,LSOA,\n", "line 2, column 'parent_code', value 'B1': the parent is a LSOA, which is not larger than a Local authority" },
        { "code,name,level,parent_code\nA 1,Alpha,LAD,\n", "line 2, column 'code', value 'A 1': an area code may contain only letters" },
    };

    [Theory]
    [MemberData(nameof(BadAreaFiles))]
    public async Task BadAreaFilesAreRejectedAndChangeNothing(string content, string message)
    {
        using var files = new Files();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var r = await CohesionExe.RunAsync(db, "import", "areas", files.Write("areas.csv", content));
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains($"areas.csv: {message}", r.Err);
        Assert.Equal(0, await CountRowsAsync(db));
    }

    [Theory]
    [BothProviders]
    public async Task ImportBoundariesRejectsUnknownCodesAndBadGeometry(DatabaseProvider provider)
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(provider, files);
        const string square = "[[[-2.1,53.5],[-2.0,53.5],[-2.0,53.6],[-2.1,53.6],[-2.1,53.5]]]";
        var good = files.Write("good.geojson", $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"L01"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}""");
        var ok = await CohesionExe.RunAsync(db, "import", "boundaries", good);
        Assert.True(ok.ExitCode == 0, ok.All);
        var unknown = files.Write("unknown.geojson", $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"L02"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}},{"type":"Feature","properties":{"code":"ZZ9"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}""");
        var r = await CohesionExe.RunAsync(db, "import", "boundaries", unknown);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown.geojson: line 2, column 'properties.code', value 'ZZ9': unknown area code in feature 2", r.Err);
        var bad = files.Write("bad.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"L02"},"geometry":{"type":"Polygon","coordinates":[[[500,53.5],[1,2],[3,4],[500,53.5]]]}}]}""");
        r = await CohesionExe.RunAsync(db, "import", "boundaries", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not WGS84", r.Err);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.AreaBoundaries.CountAsync());
    }

    [Fact]
    public async Task AKilledImportLeavesTheDatabaseAsItWas()
    {
        using var files = new Files();
        await using var db = await WithAreasAsync(DatabaseProvider.Sqlite, files);
        var before = await CountRowsAsync(db);
        // The national census load writes 42,000 areas and 556,000 counts for several seconds: kill it part way.
        using var p = CohesionExe.Start(db, "import", "census2011", "--all");
        string? line;
        var sawWriting = false;
        while ((line = await p.StandardError.ReadLineAsync()) is not null)
            if (line.Contains("writing areas and counts")) { sawWriting = true; break; }
        Assert.True(sawWriting, "the import never reached its writing phase");
        await Task.Delay(1500);
        Assert.False(p.HasExited, "the import finished before it could be killed; the test proves nothing");
        p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();
        Assert.Equal(before, await CountRowsAsync(db));
        // And the database is still usable for the next import.
        var r = await CohesionExe.RunAsync(db, "import", "counts", files.Write("small.csv", "area,A\nL01,1\n"), "--dataset", "small", "--period", "2024");
        Assert.True(r.ExitCode == 0, r.All);
    }
}

using System.Text;
using Cohesion.Change;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Change;

/// <summary><c>cohesion import registrations</c> through the real executable, on SQLite and PostgreSQL.</summary>
public class ChangeImportTests
{
    const string Header = "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code";
    const string Owner = "Oldham GP Federation";

    static async Task<TestDatabase> OldhamAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var r = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Oldham");
        Assert.True(r.ExitCode == 0, r.All);
        r = await CohesionExe.RunAsync(db, "users", "add", "--email", "gp@example.org", "--organisation", Owner, "--kind", "Nhs");
        Assert.True(r.ExitCode == 0, r.All);
        return db;
    }

    /// <summary>
    /// 12 registrations in E01005320 in January 2023 (7 Pakistani, 5 White British; 3 from abroad), one
    /// spell in E01005321 that ends in May, 20 long-registered people in E01005322.
    /// </summary>
    static string Extract()
    {
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 12; i++)
            sb.Append($"a{i},E01005320,2023-01-{10 + i},,1990,{(i % 2 == 0 ? "F" : "M")},{(i < 7 ? "Pakistani" : "WhiteBrit")},{(i < 7 ? "urd" : "eng")},{(i < 3 ? "abroad" : "UK")},P81001\n");
        sb.Append("b0,E01005321,2022-12-01,2023-05-01,1950,F,Irish,eng,UK,P81002\n");
        for (var i = 0; i < 20; i++) sb.Append($"c{i},E01005322,2022-06-01,,1970,M,WhiteBrit,eng,UK,P81003\n");
        return sb.ToString();
    }

    static string[] Import(string file, params string[] more) =>
        ["import", "registrations", file, "--source", "gp", "--dataset", "gp-test", "--owner", Owner, "--period", "quarter",
         "--from", "2023-01-01", "--to", "2023-06-30", "--extract-date", "2023-07-01", .. more];

    static async Task<(ChangeCube Exact, ChangeCube Published, int OwnerOrg)> CubesAsync(TestDatabase db)
    {
        await using var ctx = db.Context();
        var org = await ctx.Organisations.SingleAsync(o => o.Name == Owner);
        var cache = new ChangeCache();
        return ((await cache.GetAsync(ctx, "gp-test", new Viewer(org.Id)))!, (await cache.GetAsync(ctx, "gp-test", new Viewer(org.Id + 1000)))!, org.Id);
    }

    static async Task<int> AreaIdAsync(TestDatabase db, string code)
    {
        await using var ctx = db.Context();
        return await ctx.Areas.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    [Theory]
    [BothProviders]
    public async Task ImportStoresAggregatesWithProvenanceExactForTheOwnerAndControlledForOthers(DatabaseProvider provider)
    {
        await using var db = await OldhamAsync(provider);
        using var files = new Files();
        var r = await CohesionExe.RunAsync(db, Import(files.Write("gp.csv", Extract()), "--sensitivity", "partners", "--agreement", "Oldham ISA 2023"));
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("33 rows read", r.Out);

        var (exact, published, _) = await CubesAsync(db);
        Assert.True(exact.Exact);
        Assert.False(published.Exact);
        Assert.Equal(["2023-Q1", "2023-Q2"], exact.Periods);
        var a = await AreaIdAsync(db, "E01005320");
        var b = await AreaIdAsync(db, "E01005321");
        var c = await AreaIdAsync(db, "E01005322");
        int oldham;
        await using (var areas = db.Context())
            oldham = await areas.Areas.Where(x => x.Level == Cohesion.Places.AreaLevel.LocalAuthority).Select(x => x.Id).SingleAsync();
        Assert.Equal(12, exact.Get(a, 0, StoredMeasure.Stock));
        Assert.Equal(12, exact.Get(a, 0, StoredMeasure.Inflow));
        Assert.Equal(3, exact.Get(a, 0, StoredMeasure.Arrivals));
        Assert.Equal(7, exact.Get(a, 0, StoredMeasure.Stock, exact.Slot["ethnic_group:Pakistani"]));
        Assert.Equal(1, exact.Get(b, 0, StoredMeasure.Stock));
        Assert.Equal(1, exact.Get(b, 1, StoredMeasure.Outflow));
        Assert.Equal(33, exact.Get(oldham, 0, StoredMeasure.Stock));    // the district is the sum of its areas
        Assert.Equal(32, exact.Get(oldham, 1, StoredMeasure.Stock));

        // Everyone else: small counts withheld (null, never 0), headcounts rounded to 5, flows ≥ 10 exact.
        Assert.Null(published.Get(a, 0, StoredMeasure.Arrivals));
        Assert.Null(published.Get(b, 0, StoredMeasure.Stock));
        Assert.Null(published.Get(a, 0, StoredMeasure.Stock, published.Slot["ethnic_group:Pakistani"]));
        Assert.Null(published.Get(a, 0, StoredMeasure.Stock));   // withheld with E01005321's 1, or the district's total would give it away
        Assert.Equal(35, published.Get(oldham, 0, StoredMeasure.Stock));
        Assert.Equal(20, published.Get(c, 0, StoredMeasure.Stock));
        Assert.Equal(12, published.Get(a, 0, StoredMeasure.Inflow));
        AssertNoSmallCount(published, 10);

        await using var ctx = db.Context();
        var ds = await ctx.Datasets.SingleAsync(d => d.Name == "gp-test");
        Assert.Equal(Cohesion.Places.DatasetKind.GpRegistrations, ds.Kind);
        Assert.Equal(Sensitivity.Partners, ds.Sensitivity);
        Assert.Equal("suppress:10", ds.DisclosurePolicy);
        Assert.Equal("Oldham ISA 2023", ds.SharingAgreement);
        var imp = await ctx.DatasetImports.SingleAsync(i => i.DatasetId == ds.Id);
        Assert.Equal((new DateOnly(2023, 7, 1), 33L, 0L, "gp.csv"), (imp.ExtractDate!.Value, imp.RowsRead, imp.RowsRejected, imp.FileName));
        Assert.Contains(await ctx.AuditEntries.Select(e => e.Target).ToListAsync(), t => t == "registrations gp-test from gp.csv");
        // Only aggregates are stored: no patient identifier anywhere in the database.
        Assert.DoesNotContain("a11", await DumpAsync(db));
    }

    internal static void AssertNoSmallCount(ChangeCube published, int k)
    {
        foreach (var area in published.AreaIds)
            for (var p = 0; p < published.Periods.Length; p++)
                foreach (var m in published.Measures)
                    for (var s = 0; s < published.Codes.Length; s++)
                        if (published.Get(area, p, m, s) is { } v)
                        {
                            Assert.False(v is >= 1 && v < k, $"published {m} {published.Codes[s]} = {v} in area {area}, {published.Periods[p]}");
                            if (Publication.IsHeadcount(m)) Assert.Equal(0, v % Publication.HeadcountBase);
                        }
    }

    /// <summary>Every text and blob value in the database, for checking that no record-level value was stored.</summary>
    static async Task<string> DumpAsync(TestDatabase db)
    {
        await using var ctx = db.Context();
        var sb = new StringBuilder();
        foreach (var table in new[] { "datasets", "dataset_categories", "dataset_imports", "audit_entries" })
            foreach (var row in await ctx.QueryAsync($"SELECT * FROM {table}", r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i))).ToArray(), default))
                sb.AppendJoin('|', row).Append('\n');
        foreach (var blob in await ctx.QueryAsync("SELECT exact FROM change_figures", r => (byte[])r.GetValue(0), default))
            sb.Append(Encoding.Latin1.GetString(blob));
        return sb.ToString();
    }

    [Theory]
    [BothProviders]
    public async Task ABadRowRejectsTheWholeFileWithLineAndFieldAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await OldhamAsync(provider);
        using var files = new Files();
        var bad = Extract() + "z1,E01005320,2023-02-30,,1990,F,,eng,UK,P81001\nz2,NOWHERE,2023-02-01,,1990,F,,eng,UK,P81001\n";
        var r = await CohesionExe.RunAsync(db, Import(files.Write("gp.csv", bad)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Import rejected: nothing was changed. 2 problems found:", r.Err);
        Assert.Contains("gp.csv: line 35, column 'registered_on', value '2023-02-30': registered_on must be a date", r.Err);
        Assert.Contains("gp.csv: line 36, column 'area_code', value 'NOWHERE': unknown area code", r.Err);
        await using var ctx = db.Context();
        Assert.False(await ctx.Datasets.AnyAsync(d => d.Name == "gp-test"));
        Assert.False(await ctx.ChangeFigures.AnyAsync());
        Assert.DoesNotContain(await ctx.AuditEntries.Select(e => e.Target).ToListAsync(), t => t.StartsWith("registrations"));
    }

    [Theory]
    [BothProviders]
    public async Task SkipBadRowsImportsTheGoodRowsRecordsRejectsByReasonAndWritesThemOut(DatabaseProvider provider)
    {
        await using var db = await OldhamAsync(provider);
        using var files = new Files();
        var bad = Extract() + "z1,E01005320,2023-02-30,,1990,F,,eng,UK,P81001\na0,E01005320,2023-01-10,,1990,F,,eng,UK,P81001\n";
        var rejects = Path.Combine(files.Dir, "rejects.csv");
        var r = await CohesionExe.RunAsync(db, Import(files.Write("gp.csv", bad), "--skip-bad-rows", "--rejects", rejects));
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("2 rejected", r.Out);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("line,reason,field,value,row", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("35,registered_on must be a date"));
        Assert.Contains(lines, l => l.Contains("duplicate spell") && (l.StartsWith("36,") && l.Contains("(line 2)") || l.StartsWith("2,") && l.Contains("(line 36)")));
        var (exact, _, _) = await CubesAsync(db);
        Assert.Equal(12, exact.Get(await AreaIdAsync(db, "E01005320"), 0, StoredMeasure.Stock));   // the duplicate was not counted
        await using var ctx = db.Context();
        var imp = await ctx.DatasetImports.SingleAsync(i => i.FileName == "gp.csv");
        Assert.Equal((35L, 2L), (imp.RowsRead, imp.RowsRejected));
        Assert.Contains("registered_on must be a date YYYY-MM-DD: 1", imp.RejectedByReason);
    }

    [Theory]
    [BothProviders]
    public async Task ANewExtractReplacesTheFiguresAndKeepsTheHistoryOfImports(DatabaseProvider provider)
    {
        await using var db = await OldhamAsync(provider);
        using var files = new Files();
        Assert.Equal(0, (await CohesionExe.RunAsync(db, Import(files.Write("gp.csv", Extract())))).ExitCode);
        var second = Extract().Replace(",E01005322,", ",E01005323,");
        var r = await CohesionExe.RunAsync(db, Import(files.Write("gp2.csv", second), "--round", "5"));
        Assert.True(r.ExitCode == 0, r.All);
        var (exact, published, _) = await CubesAsync(db);
        Assert.Equal(0, exact.Get(await AreaIdAsync(db, "E01005322"), 0, StoredMeasure.Stock));
        Assert.Equal(20, exact.Get(await AreaIdAsync(db, "E01005323"), 0, StoredMeasure.Stock));
        Assert.Equal(5, published.Get(await AreaIdAsync(db, "E01005320"), 0, StoredMeasure.Arrivals));   // 3 rounded to base 5
        await using var ctx = db.Context();
        var ds = await ctx.Datasets.SingleAsync(d => d.Name == "gp-test");
        Assert.Equal(["gp.csv", "gp2.csv"], await ctx.DatasetImports.Where(i => i.DatasetId == ds.Id).OrderBy(i => i.Id).Select(i => i.FileName).ToListAsync());
        Assert.Equal("round:5", ds.DisclosurePolicy);
    }

    [Fact]
    public async Task AnUnknownOwnerIsAClearErrorThatNamesTheKnownOrganisations()
    {
        await using var db = await OldhamAsync(DatabaseProvider.Sqlite);
        using var files = new Files();
        var r = await CohesionExe.RunAsync(db, ["import", "registrations", files.Write("gp.csv", Extract()), "--source", "gp", "--dataset", "gp-test",
            "--owner", "Nobody", "--extract-date", "2023-07-01"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--owner: no organisation is called 'Nobody'. Known: ", r.Err);
        Assert.Contains(Owner, r.Err);
    }

    [Fact]
    public async Task AKilledImportLeavesTheDatabaseAsItWas()
    {
        await using var db = await OldhamAsync(DatabaseProvider.Sqlite);
        using var files = new Files();
        var big = Path.Combine(files.Dir, "big.csv");
        var g = await CohesionExe.RunAsync(db, "generate", "registrations", "--place", "Oldham", "--rows", "3000000", "--seed", "5", "--output", big);
        Assert.True(g.ExitCode == 0, g.All);
        using (var p = CohesionExe.Start(db, ["import", "registrations", big, "--source", "gp", "--dataset", "gp-big", "--owner", Owner, "--extract-date", "2025-12-31"]))
        {
            // Killed while it reads: three million rows take seconds, the commit is the last step.
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
            Assert.False(p.HasExited, "the import finished before it could be killed: use a bigger file");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        await using var ctx = db.Context();
        Assert.False(await ctx.Datasets.AnyAsync(d => d.Name == "gp-big"));
        Assert.False(await ctx.ChangeFigures.AnyAsync());
        Assert.False(await ctx.DatasetImports.AnyAsync(i => i.FileName == "big.csv"));
    }
}

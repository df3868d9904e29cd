using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Places;

public class CensusCliTests
{
    [Theory]
    [BothProviders]
    public async Task LoadingDistrictsFromTheCensusFileBuildsTheirTreeAndCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var r = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Tower Hamlets", "--district", "Leicester");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Office for National Statistics", r.Out);
        await using var ctx = db.Context();
        var lads = await ctx.Areas.Where(a => a.Level == AreaLevel.LocalAuthority).Select(a => a.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Leicester", "Tower Hamlets"], lads);
        // Tower Hamlets had 254,096 usual residents in 2011: the district sum must equal it.
        var total = await (from c in ctx.AreaCounts
                           join a in ctx.Areas on c.AreaId equals a.Id
                           join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                           where a.Name == "Tower Hamlets" && k.IsTotal
                           select c.Value).SingleAsync();
        Assert.Equal(254_096, total);
    }

    [Fact]
    public async Task LoadingAllOfEnglandAndWalesOverALoadedDistrictReplacesItsCounts()
    {
        // Regression: the national load over a seeded database once sent 34,753 codes in one query, past
        // SQLite's limit on parameters, and failed.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var first = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Oldham");
        Assert.True(first.ExitCode == 0, first.All);
        var all = await CohesionExe.RunAsync(db, "import", "census2011", "--all");
        Assert.True(all.ExitCode == 0, all.All);
        await using var ctx = db.Context();
        Assert.Equal(34_753, await ctx.Areas.CountAsync(a => a.Level == AreaLevel.Lsoa));
        var england = await (from c in ctx.AreaCounts
                             join a in ctx.Areas on c.AreaId equals a.Id
                             join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                             where a.Code == "E92000001" && k.IsTotal
                             select c.Value).SingleAsync();
        var wales = await (from c in ctx.AreaCounts
                           join a in ctx.Areas on c.AreaId equals a.Id
                           join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                           where a.Code == "W92000004" && k.IsTotal
                           select c.Value).SingleAsync();
        Assert.Equal(56_075_912, england + wales); // the usual residents of England and Wales, 2011
    }

    [Theory]
    [BothProviders]
    public async Task OutputAreasLoadBelowTheirLsoasAndTwiceIsTheSameAsOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        for (var run = 0; run < 2; run++)
        {
            var r = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Leicester", "--output-areas");
            Assert.True(r.ExitCode == 0, r.All);
        }
        await using var ctx = db.Context();
        Assert.Equal(969, await ctx.Areas.CountAsync(a => a.Level == AreaLevel.OutputArea));
        // Every output area sits in a loaded LSOA, and the LSOA totals are still the file's, not doubled by the OAs below them.
        var orphans = await ctx.Areas.CountAsync(a => a.Level == AreaLevel.OutputArea && !ctx.Areas.Any(p => p.Id == a.ParentId && p.Level == AreaLevel.Lsoa));
        Assert.Equal(0, orphans);
        var total = await (from c in ctx.AreaCounts
                           join a in ctx.Areas on c.AreaId equals a.Id
                           join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                           where a.Name == "Leicester" && a.Level == AreaLevel.LocalAuthority && k.IsTotal
                           select c.Value).SingleAsync();
        Assert.Equal(329_839, total); // Leicester's usual residents, 2011
        var oaTotal = await (from c in ctx.AreaCounts
                             join a in ctx.Areas on c.AreaId equals a.Id
                             join k in ctx.DatasetCategories on c.CategoryId equals k.Id
                             where a.Level == AreaLevel.OutputArea && k.IsTotal
                             select c.Value).SumAsync();
        Assert.Equal(329_839, oaTotal);
    }

    [Fact]
    public async Task OutputAreasForADistrictTheFileDoesNotCoverAreAClearErrorAndChangeNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var r = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Manchester", "--output-areas");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no output areas for the chosen district(s): the file covers Blackburn with Darwen, Bradford, Leicester, Oldham and Tower Hamlets", r.Err);
        await using var ctx = db.Context();
        Assert.Equal(0, await ctx.Areas.CountAsync());
    }

    [Fact]
    public async Task UnknownDistrictNameIsAClearError()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var r = await CohesionExe.RunAsync(db, "import", "census2011", "--district", "Atlantis");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no rows for the chosen district(s)", r.Err);
    }

    [Fact]
    public async Task HelpIsAvailableOnEveryVerb()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        foreach (var verb in new[] { new[] { "import", "counts" }, ["import", "areas"], ["import", "boundaries"], ["import", "census2011"], ["users", "add"], ["db", "migrate"] })
        {
            var r = await CohesionExe.RunAsync(db, [.. verb, "--help"]);
            Assert.True(r.ExitCode == 0, r.All);
            Assert.Contains("Usage:", r.Out);
        }
    }
}

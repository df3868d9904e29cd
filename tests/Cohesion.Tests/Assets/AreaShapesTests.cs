using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets;

/// <summary>The demo place's real boundaries as shapes: centroids fall in their own area, and no point is in two.</summary>
public class AreaShapesTests
{
    [Fact]
    public async Task OldhamLsoaCentroidsLieInTheirOwnLsoaAndNoOther()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
        var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, CancellationToken.None);
        var lsoas = await db.Areas.Where(a => a.Level == AreaLevel.Lsoa && shapes.Keys.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        Assert.True(lsoas.Count > 100, $"{lsoas.Count} LSOAs with boundaries");
        var own = 0;
        foreach (var id in lsoas)
        {
            var holders = AreaShapes.Containing(shapes, shapes[id].Centroid, lsoas).Select(s => s.AreaId).ToList();
            Assert.True(holders.Count <= 1, $"centroid of area {id} is in {holders.Count} LSOAs");
            if (holders.SequenceEqual([id])) own++;
        }
        // A centroid can fall outside a crescent-shaped area; nearly all Oldham's do not.
        Assert.True(own >= lsoas.Count * 0.9, $"{own} of {lsoas.Count} centroids in their own LSOA");
    }
}

using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Change.Pages;

/// <summary>A change dataset the viewer may see, with its districts.</summary>
public sealed record ChangeDatasetCard(AboutFigures About, IReadOnlyList<AreaInfo> Districts);

/// <summary>/change: the change datasets this viewer may see, each with the terms that apply to them.</summary>
public sealed class ChangeIndexModel(CohesionDb db, ChangeCache cache, AreaStatsCache places, DemoChangeSeeder demo) : PageModel
{
    public List<ChangeDatasetCard> Datasets { get; } = [];

    /// <summary>The demo's change data as the background seeder last reported it.</summary>
    public SeedStatus Demo => demo.Status;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.Of(User);
        var dir = await places.DirectoryAsync(db, ct);
        foreach (var c in await cache.VisibleCubesAsync(db, viewer, ct))
        {
            var districts = c.AreaIds.Select(id => dir.ById.GetValueOrDefault(id)).OfType<AreaInfo>()
                .Where(a => a.Level == AreaLevel.LocalAuthority).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
            Datasets.Add(new ChangeDatasetCard(AboutFigures.Of(c), districts));
        }
    }
}

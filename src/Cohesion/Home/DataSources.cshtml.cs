using Cohesion.Change.Pages;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Home;

/// <summary>/data-sources: every dataset behind the figures this viewer can see, with its source, licence or agreement.</summary>
public sealed class DataSourcesModel(CohesionDb db, ChangeCache changes) : PageModel
{
    public List<DatasetSummary> Datasets { get; private set; } = [];
    /// <summary>Change datasets this viewer may see (others are not mentioned, as everywhere else).</summary>
    public List<AboutFigures> ChangeDatasets { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Datasets = await PlacesApi.PublishedDatasetsAsync(db, ct);
        ChangeDatasets.AddRange((await changes.VisibleCubesAsync(db, Viewer.Of(User), ct)).Select(AboutFigures.Of));
    }
}

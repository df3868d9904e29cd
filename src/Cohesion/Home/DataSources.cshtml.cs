using Cohesion.Data;
using Cohesion.Places;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Home;

public sealed class DataSourcesModel(CohesionDb db) : PageModel
{
    public List<DatasetSummary> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Datasets = await PlacesApi.PublishedDatasetsAsync(db, ct);
}

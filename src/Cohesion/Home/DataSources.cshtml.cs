using Cohesion.Data;
using Cohesion.Places;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Home;

public sealed class DataSourcesModel(CohesionDb db) : PageModel
{
    public List<DatasetSummary> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var sets = await db.Datasets.AsNoTracking().Include(d => d.Categories).Where(d => d.OwnerOrganisationId == null).OrderBy(d => d.Title).ToListAsync(ct);
        var periods = (await db.DatasetImports.AsNoTracking().Select(i => new { i.DatasetId, i.Period }).Distinct().ToListAsync(ct)).ToLookup(i => i.DatasetId, i => i.Period);
        Datasets = sets.Select(d => new DatasetSummary(d.Name, d.Title, d.Source, d.Licence, d.Attribution, d.IsSynthetic, periods[d.Id].Order().ToList(),
            d.Categories.OrderBy(c => c.SortOrder).Select(c => new CategorySummary(c.Code, c.Label, c.IsTotal)).ToList())).ToList();
    }
}

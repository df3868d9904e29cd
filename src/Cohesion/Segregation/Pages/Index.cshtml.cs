using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Segregation.Read;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Segregation.Pages;

/// <summary>/parallel-lives: every district loaded, with the indices that compare them; sortable, searchable, exportable.</summary>
public sealed class SegregationIndexModel(CohesionDb db, SegregationCache cache) : PageModel
{
    public SegregationScope Scope { get; private set; } = null!;
    public NationalSegregation Table { get; private set; } = null!;
    public NationalQuery Query { get; private set; } = null!;
    public Paged<DistrictRow> Rows { get; private set; } = null!;
    public Attribution Attribution { get; private set; } = null!;
    public IReadOnlyList<DatasetSummary> Datasets { get; private set; } = [];
    public bool Empty { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? dataset, string? level, string? period, CancellationToken ct)
    {
        Scope = await SegregationScope.ResolveAsync(db, cache, dataset, level, null, ct, period);
        if (Scope.Problem is not null && !Scope.NotFound) Scope = await SegregationScope.ResolveAsync(db, cache, dataset, null, null, ct, period);
        if (Scope.Problem is not null)
        {
            if (dataset is not null || period is not null) return NotFound();
            Empty = true;
            return Page();
        }
        Table = cache.National(Scope.Source, Scope.Level);
        Query = NationalQuery.From(Request.Query, Table);
        Rows = Paged<DistrictRow>.Of(Query.Apply(Table), Query.Page, Query.PageSize);
        Attribution = Sources.Census(Scope.Source.Data);
        Datasets = await cache.GroupingsAsync(db, ct);
        return Page();
    }

    public string Link(params (string, string?)[] changes) => QueryLinks.With(Request.Path, Request.Query, changes);

    public string DistrictLink(AreaInfo d) => $"/parallel-lives/{Uri.EscapeDataString(d.Code)}?level={Scope.Level.Token()}"
        + (Scope.Source.Data.Name == PlacesApi.DefaultDataset ? "" : $"&dataset={Uri.EscapeDataString(Scope.Source.Data.Name)}")
        + (Scope.Source.Data.Period == Scope.Source.Periods.LastOrDefault() ? "" : $"&period={Uri.EscapeDataString(Scope.Source.Data.Period)}");

    public string ExportLink(string format) => QueryLinks.With($"/parallel-lives/export.{format}", Request.Query, ("page", null), ("pageSize", null));

    public IEnumerable<(string Name, string Value)> Keep(params string[] names) =>
        names.Where(n => !string.IsNullOrEmpty(Request.Query[n])).Select(n => (n, Request.Query[n].ToString()));
}

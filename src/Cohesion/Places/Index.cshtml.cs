using Cohesion.Data;
using Cohesion.Home;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Places;

public sealed class PlacesIndexModel(CohesionDb db, AreaStatsCache cache) : PageModel
{
    public Paged<DistrictSummary> Districts { get; private set; } = null!;
    public TableQuery Query { get; private set; } = null!;
    public Attribution Attribution { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = TableQuery.From(Request.Query, 50);
        var dir = await cache.DirectoryAsync(db, ct);
        var data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        Attribution = Sources.Census(data);
        Districts = Paged<DistrictSummary>.Of(DistrictList.Rows(dir, data, Query), Query.Page, Query.PageSize);
    }

    public string Link(params (string, string?)[] changes) => QueryLinks.With(Request.Path, Request.Query, changes);
}

/// <summary>All districts with headline figures; shared by the page and its export.</summary>
public static class DistrictList
{
    public static List<DistrictSummary> Rows(PlaceDirectory dir, DatasetView? data, TableQuery q)
    {
        var rows = dir.Districts
            .Where(d => q.Search is null || d.Name.Contains(q.Search, StringComparison.OrdinalIgnoreCase) || d.Code.Contains(q.Search, StringComparison.OrdinalIgnoreCase))
            .Select(d =>
            {
                var st = data is not null && data.Stats.TryGetValue(d.Id, out var s) ? s : null;
                return new DistrictSummary(d.Code, d.Name, st?.Total, dir.ChildrenOf[d.Id].Sum(m => dir.ChildrenOf[m].Count(l => dir.ById[l].Level == AreaLevel.Lsoa)),
                    st is not null && double.IsFinite(st.Simpson) ? st.Simpson : null);
            });
        rows = q.Sort switch
        {
            "population" => q.Descending ? rows.OrderByDescending(r => r.Population) : rows.OrderBy(r => r.Population),
            "diversity" => q.Descending ? rows.OrderByDescending(r => r.Simpson) : rows.OrderBy(r => r.Simpson),
            "code" => q.Descending ? rows.OrderByDescending(r => r.Code, StringComparer.Ordinal) : rows.OrderBy(r => r.Code, StringComparer.Ordinal),
            _ => q.Descending ? rows.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        return rows.ToList();
    }
}

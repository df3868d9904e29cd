using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Places;

public sealed record CompositionRow(string Code, string Label, long Count, double Share);

public sealed class OverviewModel(CohesionDb db, AreaStatsCache cache) : PageModel
{
    public const int PageSize = 25;
    public AreaInfo Area { get; private set; } = null!;
    public IReadOnlyList<AreaInfo> Ancestors { get; private set; } = [];
    public DatasetView? Data { get; private set; }
    public AreaStats? Stats { get; private set; }
    public TableQuery Query { get; private set; } = null!;
    public Paged<AreaRowView> Rows { get; private set; } = null!;
    public Dictionary<AreaLevel, int> LevelCounts { get; private set; } = [];
    public List<CompositionRow> Composition { get; private set; } = [];
    public (string Key, string Label, string Unit) Measure { get; private set; }
    public AreaLevel MapLevel { get; private set; }
    public List<AreaLevel> MapLevels { get; private set; } = [];
    public List<(AreaInfo Area, double? Value)> MapRows { get; private set; } = [];
    public Attribution Attribution { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, string? measure, string? mapLevel, CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area) return NotFound();
        Area = area;
        Ancestors = dir.Ancestors(area).Reverse().ToList();
        Data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        Stats = Data is not null && Data.Stats.TryGetValue(area.Id, out var st) ? st : null;
        Attribution = Sources.WithBoundaries(Sources.Census(Data));
        Query = TableQuery.From(Request.Query, PageSize);
        var all = DistrictTable.Rows(dir, area, Data, Query);
        Rows = Paged<AreaRowView>.Of(all, Query.Page, Query.PageSize);
        var descendants = dir.Descendants(area);
        LevelCounts = descendants.GroupBy(a => a.Level).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        if (Stats is not null)
            Composition = Data!.Groups.Select((g, k) => new CompositionRow(g.Code, g.Label, Stats.Counts[k], Stats.Share(k))).OrderByDescending(r => r.Count).ToList();

        // The map: a measure over the areas of one level that have boundaries.
        MapLevels = descendants.Where(a => dir.WithBoundary.Contains(a.Id)).Select(a => a.Level).Distinct().Order().ToList();
        var measures = DistrictTable.Measures(Data).ToList();
        Measure = measures.FirstOrDefault(m => m.Key == measure) is { Key: not null } m ? m : measures[0];
        MapLevel = mapLevel is not null && AreaLevels.TryParse(mapLevel, out var ml) && MapLevels.Contains(ml) ? ml : MapLevels.FirstOrDefault();
        if (MapLevels.Count > 0)
            MapRows = descendants.Where(a => a.Level == MapLevel).OrderBy(a => a.Code, StringComparer.Ordinal)
                .Select(a => (a, DistrictTable.MeasureValue(Measure.Key, a, Data))).ToList();
        return Page();
    }

    public IReadOnlyList<(string Key, string Label, string Unit)> Measures => DistrictTable.Measures(Data).ToList();

    public string Link(params (string, string?)[] changes) => QueryLinks.With(Request.Path, Request.Query, changes);

    public string ExportLink(string format) =>
        QueryLinks.With($"/places/{Uri.EscapeDataString(Area.Code)}/export.{format}", Request.Query, ("page", null), ("measure", null), ("mapLevel", null));

    public static string Format(double? value, string unit) => value switch
    {
        null => "No data",
        { } v when unit == "%" => v.ToString("0.0") + "%",
        { } v when unit == "people" => v.ToString("N0"),
        { } v => v.ToString("0.000"),
    };
}

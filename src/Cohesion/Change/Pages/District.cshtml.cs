using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Change.Pages;

/// <summary>One period of a timeline: its label and the figures under <see cref="ChangeTable.Columns"/>.</summary>
public sealed record TimelineRow(string Period, Figure[] Figures);

/// <summary>A timeline to draw and tabulate: an area's or district's figures in every period.</summary>
/// <param name="Headline">The columns shown large for the latest period.</param>
public sealed record Timeline(string Id, string Place, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<TimelineChart> Charts, IReadOnlyList<TimelineRow> Rows,
    string Unit, IReadOnlyList<string> Headline, string Note)
{
    public static Timeline Of(ChangeCube c, string id, AreaInfo area) => new(id, area.Name, ChangeTable.Columns(c), ChangeTable.Charts(c),
        Enumerable.Range(0, c.Periods.Length).Select(p => new TimelineRow(c.Periods[p], ChangeTable.Row(c, area.Id, p))).ToList(), PeriodText.Unit(c),
        ChangeTable.Headline(c), ChangeTable.Note(c));

    public int IndexOf(string key) => Columns.ToList().FindIndex(c => c.Key == key);
}

/// <summary>/change/{dataset}/{district}: the district over time, its small areas in a period (map and ranking).</summary>
public sealed class ChangeDistrictModel(CohesionDb db, ChangeCache cache, AreaStatsCache places) : PageModel
{
    public ChangeCube Cube { get; private set; } = null!;
    public AreaInfo District { get; private set; } = null!;
    public AboutFigures About { get; private set; } = null!;
    public Timeline Timeline { get; private set; } = null!;
    public int Period { get; private set; }
    public RankingQuery Query { get; private set; } = null!;
    public Paged<RankingRow> Rows { get; private set; } = null!;
    public int AreaCount { get; private set; }
    public int FlaggedCount { get; private set; }
    public MapMeasure Measure { get; private set; } = null!;
    public IReadOnlyList<MapMeasure> Measures { get; private set; } = [];
    public string Category { get; private set; } = "all";
    public List<(AreaInfo Area, Figure Value)> MapRows { get; private set; } = [];

    public string PeriodLabel => Cube.Periods[Period];

    public async Task<IActionResult> OnGetAsync(string dataset, string district, string? period, string? measure, string? category, CancellationToken ct)
    {
        if (await ChangeDistrict.FindAsync(db, cache, places, dataset, district, Viewer.Of(User), ct) is not { } d || d.Cube.Periods.Length == 0) return NotFound();
        (Cube, District) = (d.Cube, d.District);
        About = AboutFigures.Of(Cube);
        Timeline = Timeline.Of(Cube, "district", District);
        Period = d.Period(period);

        Query = RankingQuery.From(Request.Query, Cube);
        var all = d.Ranking(Period, Query with { Search = null, FlaggedOnly = false });
        AreaCount = all.Count;
        FlaggedCount = all.Count(r => r.Area.Flags.Count > 0);
        Rows = Paged<RankingRow>.Of(d.Ranking(Period, Query), Query.Page, Query.PageSize);

        var school = ChangeTable.IsSchool(Cube);
        Measures = ChangeMeasureNames.All.Where(m => m.School == school).ToList();
        Measure = ChangeMeasureNames.Find(measure, school) ?? Measures.First(m => m.Name == (school ? "new_to_area_percent" : "churn_per_1000"));
        Category = category is not null && Cube.Slot.ContainsKey(category) ? category : "all";
        var slot = Cube.Slot[Category];
        MapRows = ChangeRanking.SmallAreas(Cube, d.Directory, District)
            .Select(a => (a, ChangeTable.Measure(Cube, Measure.Name, a.Id, Period, slot))).ToList();
        return Page();
    }

    public string Base => $"/change/{Uri.EscapeDataString(Cube.Dataset.Name)}";
    public string AreaLink(string code) => $"{Base}/area/{Uri.EscapeDataString(code)}";
    public string Link(params (string, string?)[] changes) => QueryLinks.With(Request.Path, Request.Query, changes);

    public string ExportLink(string format) =>
        QueryLinks.With($"{Base}/{Uri.EscapeDataString(District.Code)}/export.{format}", Request.Query, ("page", null), ("measure", null), ("category", null), ("period", PeriodLabel));

    public string MapExportLink(string format) => QueryLinks.With($"{Base}/{Uri.EscapeDataString(District.Code)}/map.{format}",
        new QueryCollection(), ("measure", Measure.Name), ("category", Category), ("period", PeriodLabel));

    /// <summary>Decimal places of the map's legend and tooltips: rates to one, counts whole.</summary>
    public int MapDecimals => Measure.IsRate ? 1 : 0;

    public string MapValuesUrl => QueryLinks.With($"/api/v1/change/{Uri.EscapeDataString(Cube.Dataset.Name)}/districts/{Uri.EscapeDataString(District.Code)}/map",
        new QueryCollection(), ("measure", Measure.Name), ("category", Category), ("period", PeriodLabel));

    /// <summary>Hidden inputs that carry the other forms' choices, so one form does not reset another.</summary>
    public IEnumerable<(string Name, string Value)> Keep(params string[] names) =>
        names.Where(n => !string.IsNullOrEmpty(Request.Query[n])).Select(n => (n, Request.Query[n].ToString()));
}

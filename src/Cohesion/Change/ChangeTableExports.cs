using Cohesion.Accounts;
using Cohesion.Change.Pages;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Web;

namespace Cohesion.Change;

/// <summary>
/// Downloads of the other tables on the change pages: a district's or area's timeline, the map's figures, and an
/// area's structure, languages, ethnicity and diversity. Each is the page's own table for the same viewer (exact
/// only for the owner), with withheld figures as "[c]" and unavailable ones as "[x]", and is audited with the
/// disclosure policy it was released under, like the ranking (<see cref="ChangeExports"/>).
/// </summary>
public static class ChangeTableExports
{
    public static readonly string[] AreaTables = ["timeline", "structure", "languages", "ethnicity", "diversity"];

    public static RouteGroupBuilder MapChangeTableExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/change").ExcludeFromDescription();
        group.MapGet("/{dataset}/area/{code}/{table}.{format}", AreaTable).WithName("ExportChangeAreaTable");
        group.MapGet("/{dataset}/{district}/timeline.{format}", DistrictTimeline).WithName("ExportChangeDistrictTimeline");
        group.MapGet("/{dataset}/{district}/map.{format}", DistrictMap).WithName("ExportChangeDistrictMap");
        return group;
    }

    static async Task<IResult> DistrictTimeline(string dataset, string district, string format, HttpContext http,
        CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var viewer = Viewer.Of(http.User);
        if (await ChangeDistrict.FindAsync(db, cache, places, dataset, district, viewer, ct) is not { } d || d.Cube.Periods.Length == 0) return Results.NotFound();
        var t = Timeline.Of(d.Cube, "district", d.District);
        return await SendAsync(http, db, d.Cube, viewer, TimelineTable(t, d.District, d.Cube), $"{d.Cube.Dataset.Name}-{d.District.Code}-timeline", format,
            $"district={d.District.Code}; table=timeline", ct);
    }

    static async Task<IResult> DistrictMap(string dataset, string district, string format, string? measure, string? category, string? period, HttpContext http,
        CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Results.NotFound();
        var viewer = Viewer.Of(http.User);
        if (await ChangeDistrict.FindAsync(db, cache, places, dataset, district, viewer, ct) is not { } d || d.Cube.Periods.Length == 0) return Results.NotFound();
        var c = d.Cube;
        var school = ChangeTable.IsSchool(c);
        // Unknown choices fall back to the page's defaults, as the page itself does, so a link can never 500.
        var m = ChangeMeasureNames.Find(measure, school) ?? ChangeMeasureNames.All.First(x => x.School == school && x.Name == (school ? "new_to_area_percent" : "churn_per_1000"));
        var cat = category is not null && c.Slot.ContainsKey(category) ? category : "all";
        var p = d.Period(period);
        var rows = ChangeRanking.SmallAreas(c, d.Directory, d.District)
            .Select(a => (object?[])[a.Code, a.Name, c.Periods[p], m.Name, cat, ChangeTable.Measure(c, m.Name, a.Id, p, c.Slot[cat]).Cell(ChangeTable.FormatOf(m))]).ToList();
        var table = new ExportTable($"{m.Label}, {CategoryText.Label(c, cat)}, small areas of {d.District.Name}, {PeriodText.Long(c.Periods[p])}: {c.Dataset.Title}",
            ["code", "name", "period", "measure", "category", "value"], rows,
            [("District", $"{d.District.Name} ({d.District.Code})"), ("Period", $"{PeriodText.Long(c.Periods[p])} ({c.Periods[p]})"),
             ("Measure", $"{m.Name}: {m.Label}{(m.Unit.Length > 0 ? $" ({m.Unit})" : "")}"), ("Category", $"{cat}: {CategoryText.Label(c, cat)}")]);
        return await SendAsync(http, db, c, viewer, table, $"{c.Dataset.Name}-{d.District.Code}-map-{m.Name}-{cat}-{c.Periods[p]}", format,
            $"district={d.District.Code}; table=map; measure={m.Name}; category={cat}; period={c.Periods[p]}", ct);
    }

    static async Task<IResult> AreaTable(string dataset, string code, string table, string format, string? period, HttpContext http,
        CohesionDb db, ChangeCache cache, AreaStatsCache places, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx") || !AreaTables.Contains(table)) return Results.NotFound();
        var viewer = Viewer.Of(http.User);
        if (await ChangeAreaFigures.FindAsync(db, cache, places, dataset, code, period, viewer, ct) is not { } f) return Results.NotFound();
        var c = f.Cube;
        var export = table switch
        {
            "timeline" => TimelineTable(f.Timeline, f.Area, c),
            "structure" => Structure(f),
            "languages" => Shares(f, $"Main languages, {f.Area.Name}, {PeriodText.Long(f.PeriodLabel)}", "main_language", f.Profile.Languages),
            "ethnicity" => Ethnicity(f),
            _ => Diversity(f),
        };
        var periodPart = table is "timeline" or "diversity" ? "" : $"-{f.PeriodLabel}";
        return await SendAsync(http, db, c, viewer, export, $"{c.Dataset.Name}-{f.Area.Code}-{table}{periodPart}", format,
            $"area={f.Area.Code}; table={table}{(periodPart.Length > 0 ? $"; period={f.PeriodLabel}" : "")}", ct);
    }

    static ExportTable TimelineTable(Timeline t, AreaInfo place, ChangeCube c)
    {
        var rows = t.Rows.Select(r => (object?[])[place.Code, r.Period, .. r.Figures.Select((x, i) => x.Cell(t.Columns[i].Format))]).ToList();
        return new ExportTable($"{place.Name} over time: {c.Dataset.Title}", ["code", "period", .. t.Columns.Select(x => x.Export)], rows,
            [("Area", $"{place.Name} ({place.Code})"), ("Periods", $"every {t.Unit}, {c.Periods[0]} to {c.Periods[^1]}")]);
    }

    static ExportTable Structure(ChangeAreaFigures f)
    {
        var ageCharacteristic = f.IsSchool ? "year_group" : "age_band";
        var rows = f.Profile.Sex.Select(s => Share(f, "sex", s)).Concat(f.Ages.Select(s => Share(f, ageCharacteristic, s))).ToList();
        return new ExportTable($"{f.People} by sex and {(f.IsSchool ? "year group" : "age band")}, {f.Area.Name}, {PeriodText.Long(f.PeriodLabel)}",
            ShareColumns, rows, AreaAbout(f));
    }

    static ExportTable Shares(ChangeAreaFigures f, string title, string characteristic, IReadOnlyList<CategoryShare> shares) =>
        new(title, ShareColumns, shares.Select(s => Share(f, characteristic, s)).ToList(), AreaAbout(f));

    static readonly string[] ShareColumns = ["code", "period", "characteristic", "category", "label", "count", "percent"];

    static object?[] Share(ChangeAreaFigures f, string characteristic, CategoryShare s) =>
        [f.Area.Code, f.PeriodLabel, characteristic, s.Code, s.Label, ChangeAreaFigures.Count(s).Cell(FigureFormat.Count), ChangeAreaFigures.Share(s).Cell(FigureFormat.Percent)];

    static ExportTable Ethnicity(ChangeAreaFigures f)
    {
        var rows = f.Profile.Ethnicity.Select(e =>
        {
            var (now, then, diff) = ChangeAreaFigures.Compare(e);
            return (object?[])[f.Area.Code, f.PeriodLabel, e.Code, e.Label, Figure.Count(e.Count).Cell(FigureFormat.Count), now.Cell(FigureFormat.Percent),
                then.Cell(FigureFormat.Percent), diff.Cell(FigureFormat.SignedRate)];
        }).ToList();
        return new ExportTable($"Ethnic group of {f.People.ToLowerInvariant()} in {PeriodText.Long(f.PeriodLabel)} and of usual residents in the 2011 Census, {f.Area.Name}",
            ["code", "period", "ethnic_group", "label", "count", "percent", "census2011_percent", "difference_percentage_points"], rows,
            [.. AreaAbout(f), ("Census 2011", "Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains 2011 Census data © Crown copyright.")]);
    }

    static ExportTable Diversity(ChangeAreaFigures f)
    {
        var rows = f.Diversity.Select(r => (object?[])[f.Area.Code, r.Period, r.EthnicSimpson.Cell(FigureFormat.Index), r.EthnicShannon.Cell(FigureFormat.Index),
            r.LanguageSimpson.Cell(FigureFormat.Index), r.LanguageShannon.Cell(FigureFormat.Index)]).ToList();
        return new ExportTable($"Diversity of {f.People.ToLowerInvariant()} in {f.Area.Name} by ethnic group and main language",
            ["code", "period", "ethnic_group_simpson", "ethnic_group_shannon", "main_language_simpson", "main_language_shannon"], rows,
            [("Area", $"{f.Area.Name} ({f.Area.Code})"),
             ("Indices", "Simpson = 1 − Σp² (the chance two people picked at random are in different groups); Shannon = −Σ p ln p; withheld groups pooled as one, not stated left out")]);
    }

    static List<(string, string)> AreaAbout(ChangeAreaFigures f) =>
        [("Area", $"{f.Area.Name} ({f.Area.Code})"), ("Period", $"{PeriodText.Long(f.PeriodLabel)} ({f.PeriodLabel})"),
         ("Percent", $"of all {f.People.ToLowerInvariant()}, including those whose answer is not stated")];

    /// <summary>Adds the dataset's terms (owner, source, policy, synthetic label) to the table's own notes and sends it audited.</summary>
    static Task<IResult> SendAsync(HttpContext http, CohesionDb db, ChangeCube c, Viewer viewer, ExportTable table, string name, string format, string detail, CancellationToken ct)
    {
        var policy = Access.PolicyFor(c.Dataset.AsDataset(), viewer);
        var export = table with
        {
            About = [.. ChangeExports.DatasetAbout(AboutFigures.Of(c)), .. table.About,
                ("Rows", table.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ChangeExports.Exported(http.Actor())],
        };
        return ExportFiles.AuditedAsync(http, db, export, name, format, $"{table.Rows.Count} rows; dataset={c.Dataset.Name}; {detail}; policy: {policy}", ct);
    }
}

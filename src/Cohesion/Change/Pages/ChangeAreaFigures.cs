using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;

namespace Cohesion.Change.Pages;

/// <summary>Diversity of ethnic group and of main language in one period.</summary>
public sealed record DiversityRow(string Period, Figure EthnicSimpson, Figure EthnicShannon, Figure LanguageSimpson, Figure LanguageShannon);

/// <summary>
/// Everything the area page shows, for one viewer and one chosen period, so the page and its downloads are the
/// same figures by construction.
/// </summary>
public sealed class ChangeAreaFigures
{
    public required ChangeCube Cube { get; init; }
    public required AreaInfo Area { get; init; }
    /// <summary>The area's district when it has figures of its own in the dataset (for the breadcrumb and links).</summary>
    public AreaInfo? District { get; init; }
    /// <summary>The period of the structure, languages and ethnicity: the one asked for, or the latest.</summary>
    public required int Period { get; init; }
    public required Timeline Timeline { get; init; }
    public required ChangeAreaProfile Profile { get; init; }
    /// <summary>Age bands (GP) or year groups (school census), youngest first.</summary>
    public required IReadOnlyList<CategoryShare> Ages { get; init; }
    public required List<DiversityRow> Diversity { get; init; }

    public string PeriodLabel => Cube.Periods[Period];
    public bool IsSchool => ChangeTable.IsSchool(Cube);
    public string People => IsSchool ? "Pupils" : "Registered";

    /// <summary>Null (a 404) when the viewer may not see the dataset or it has no figures for the area.</summary>
    public static async Task<ChangeAreaFigures?> FindAsync(CohesionDb db, ChangeCache cache, AreaStatsCache places, string dataset, string code, string? period, Viewer viewer,
        CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, viewer, ct) is not { } c || c.Periods.Length == 0) return null;
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area || !c.HasArea(area.Id)) return null;
        var p = period is not null && c.PeriodIndex(period) is >= 0 and var i ? i : c.Periods.Length - 1;
        var census = await places.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        var profile = ChangeRanking.Profile(c, dir, area, census, ChangeApi.About(c), p);
        var ages = ChangeTable.IsSchool(c)
            ? ChangeViews.Composition(c, area.Id, p, "year_group").OrderBy(x => x.Code == "R" ? -1 : int.TryParse(x.Code, out var y) ? y : 99).ToList()
            : profile.AgeBands;
        return new ChangeAreaFigures
        {
            Cube = c, Area = area, Period = p, Profile = profile, Ages = ages,
            District = dir.District(area) is { } d && d.Id != area.Id && c.HasArea(d.Id) ? d : null,
            Timeline = Timeline.Of(c, "area", area),
            Diversity = DiversityRows(c, area, profile),
        };
    }

    static List<DiversityRow> DiversityRows(ChangeCube c, AreaInfo area, ChangeAreaProfile profile)
    {
        var headcount = ChangeViews.Headcount(c);
        return Enumerable.Range(0, c.Periods.Length).Select(p =>
        {
            // A diversity figure from a withheld headcount is withheld; from no-one at all it is not available.
            var withheld = c.Get(area.Id, p, headcount) is null;
            Figure F(double? v) => Figure.Derived(v is { } x && double.IsFinite(x) ? x : null, withheld);
            var (e, l) = (profile.EthnicDiversity[p], profile.LanguageDiversity[p]);
            return new DiversityRow(c.Periods[p], F(e.Simpson), F(e.Shannon), F(l.Simpson), F(l.Shannon));
        }).ToList();
    }

    /// <summary>A category's count as a figure (null = withheld).</summary>
    public static Figure Count(CategoryShare s) => Figure.Count(s.Count);

    /// <summary>A category's share: withheld when its count or the total is.</summary>
    public static Figure Share(CategoryShare s) => Figure.Derived(s.Percent, true);

    /// <summary>An ethnic group's share now, in 2011, and the difference in percentage points.</summary>
    public static (Figure Now, Figure Then, Figure Difference) Compare(EthnicComparison e) => (
        Figure.Derived(e.Percent, true),
        Figure.Derived(e.Census2011Percent, false),
        e.Percent is { } pn && e.Census2011Percent is { } pc ? new Figure(pn - pc, false) : Figure.Derived(null, e.Percent is null));
}

using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Change.Pages;

/// <summary>Diversity of ethnic group and of main language in one period.</summary>
public sealed record DiversityRow(string Period, Figure EthnicSimpson, Figure EthnicShannon, Figure LanguageSimpson, Figure LanguageShannon);

/// <summary>/change/{dataset}/area/{code}: one area's timeline, structure, languages, ethnicity against 2011, and diversity.</summary>
public sealed class ChangeAreaModel(CohesionDb db, ChangeCache cache, AreaStatsCache places) : PageModel
{
    public const int TopLanguages = 10;

    public ChangeCube Cube { get; private set; } = null!;
    public AreaInfo Area { get; private set; } = null!;
    public AreaInfo? District { get; private set; }
    public AboutFigures About { get; private set; } = null!;
    public Timeline Timeline { get; private set; } = null!;
    public ChangeAreaProfile Profile { get; private set; } = null!;
    /// <summary>Age bands (GP) or year groups (school census), youngest first.</summary>
    public IReadOnlyList<CategoryShare> Ages { get; private set; } = [];
    public List<CategoryShare> Languages { get; private set; } = [];
    public CategoryShare? LanguageNotStated { get; private set; }
    public int OtherLanguages { get; private set; }
    public int WithheldLanguages { get; private set; }
    public List<DiversityRow> Diversity { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string dataset, string code, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, Viewer.Of(User), ct) is not { } c || c.Periods.Length == 0) return NotFound();
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area || !c.HasArea(area.Id)) return NotFound();
        (Cube, Area) = (c, area);
        District = dir.District(area) is { } d && d.Id != area.Id && c.HasArea(d.Id) ? d : null;
        About = AboutFigures.Of(c);
        Timeline = Timeline.Of(c, "area", area);
        var census = await places.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        Profile = ChangeRanking.Profile(c, dir, area, census, ChangeApi.About(c));
        Ages = ChangeTable.IsSchool(c)
            ? ChangeViews.Composition(c, area.Id, c.Periods.Length - 1, "year_group").OrderBy(x => x.Code == "R" ? -1 : int.TryParse(x.Code, out var y) ? y : 99).ToList()
            : Profile.AgeBands;

        var languages = Profile.Languages.Where(l => l.Code != "not_stated").ToList();
        LanguageNotStated = Profile.Languages.FirstOrDefault(l => l.Code == "not_stated");
        Languages = languages.Where(l => l.Count is not null).Take(TopLanguages).ToList();
        WithheldLanguages = languages.Count(l => l.Count is null);
        OtherLanguages = languages.Count(l => l.Count is not null) - Languages.Count;

        var headcount = ChangeViews.Headcount(c);
        Diversity = Enumerable.Range(0, c.Periods.Length).Select(p =>
        {
            var withheld = c.Get(area.Id, p, headcount) is null;
            Figure F(double? v) => Figure.Derived(v is { } x && double.IsFinite(x) ? x : null, withheld);
            var (e, l) = (Profile.EthnicDiversity[p], Profile.LanguageDiversity[p]);
            return new DiversityRow(c.Periods[p], F(e.Simpson), F(e.Shannon), F(l.Simpson), F(l.Shannon));
        }).ToList();
        return Page();
    }

    public string Base => $"/change/{Uri.EscapeDataString(Cube.Dataset.Name)}";

    /// <summary>A category's count as a figure (null = withheld).</summary>
    public static Figure Count(CategoryShare s) => Figure.Count(s.Count);

    /// <summary>A category's share: withheld when its count or the total is.</summary>
    public static Figure Share(CategoryShare s) => Figure.Derived(s.Percent, true);
}

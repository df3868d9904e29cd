using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Change.Pages;

/// <summary>/change/{dataset}/area/{code}: one area's timeline, structure, languages, ethnicity against 2011, and diversity.</summary>
public sealed class ChangeAreaModel(CohesionDb db, ChangeCache cache, AreaStatsCache places) : PageModel
{
    public const int TopLanguages = 10;

    public ChangeAreaFigures Figures { get; private set; } = null!;
    public ChangeCube Cube => Figures.Cube;
    public AreaInfo Area => Figures.Area;
    public AboutFigures About { get; private set; } = null!;
    public List<CategoryShare> Languages { get; private set; } = [];
    public CategoryShare? LanguageNotStated { get; private set; }
    public int OtherLanguages { get; private set; }
    public int WithheldLanguages { get; private set; }

    public async Task<IActionResult> OnGetAsync(string dataset, string code, string? period, CancellationToken ct)
    {
        if (await ChangeAreaFigures.FindAsync(db, cache, places, dataset, code, period, Viewer.Of(User), ct) is not { } f) return NotFound();
        Figures = f;
        About = AboutFigures.Of(f.Cube);
        var languages = f.Profile.Languages.Where(l => l.Code != "not_stated").ToList();
        LanguageNotStated = f.Profile.Languages.FirstOrDefault(l => l.Code == "not_stated");
        Languages = languages.Where(l => l.Count is not null).Take(TopLanguages).ToList();
        WithheldLanguages = languages.Count(l => l.Count is null);
        OtherLanguages = languages.Count(l => l.Count is not null) - Languages.Count;
        return Page();
    }

    public string Base => $"/change/{Uri.EscapeDataString(Cube.Dataset.Name)}";

    /// <summary>A download of one of the page's tables, for the period on show.</summary>
    public string Export(string table, string format) =>
        $"{Base}/area/{Uri.EscapeDataString(Area.Code)}/{table}.{format}" + (table is "timeline" or "diversity" ? "" : $"?period={Uri.EscapeDataString(Figures.PeriodLabel)}");
}

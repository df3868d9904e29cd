using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Bank;

/// <summary>A published survey that asks an item.</summary>
public sealed record AskedIn(string Name, string Title, string Period, string AreaName, string AreaCode, bool Synthetic, bool Open);

/// <summary>/surveys/items/{code}: one standard item in full, the indicators derived from it, and the published surveys that ask it.</summary>
public sealed class ItemModel(CohesionDb db) : PageModel
{
    public Item Item { get; private set; } = null!;
    public IReadOnlyList<Indicator> Derived { get; private set; } = [];
    public IReadOnlyList<AskedIn> Surveys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (StandardItems.Find(code) is not { } item) return NotFound();
        Item = item;
        Derived = ItemText.IndicatorsOf(item);
        // Published surveys only: an unpublished one's existence is its owner's business.
        var asked = await db.Surveys.AsNoTracking().Where(s => s.IsPublished && s.Questions.Any(q => q.ItemCode == item.Code))
            .Select(s => new AskedIn(s.Name, s.Title, s.Period, s.Area!.Name, s.Area.Code, s.IsSynthetic, s.IsOpen)).ToListAsync(ct);
        Surveys = asked.OrderByDescending(s => s.Period, StringComparer.Ordinal).ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase).ToList();
        return Page();
    }

    public static string SurveyLink(AskedIn s) => $"/surveys/{Uri.EscapeDataString(s.Name)}";
}

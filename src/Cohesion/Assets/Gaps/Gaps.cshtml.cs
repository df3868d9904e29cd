using System.Globalization;
using Cohesion.Assets.Geo;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Gaps;

/// <summary>/assets/gaps: assets per 1,000 residents by area and activity, and the areas out of reach of language learning.</summary>
public sealed class GapsModel(CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes) : PageModel
{
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public GapView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await GapAnalysis.RunAsync(db, places, change, shapes, Viewer.Of(User), Request.Query, ct);
        return Page();
    }

    public string TermLabel => View?.Term?.Name ?? "All assets";

    public string Link(string path) => $"{path}?{View!.Query.QueryString}";

    public string BoundariesUrl => $"/api/v1/areas/{Uri.EscapeDataString(View!.District.Code)}/boundaries?level={View.Query.Level.Token()}";

    public static string Count(double? n) => n is { } x ? x.ToString("N0", Uk) : "[x]";
    public static string Rate(double? r) => r is { } x ? x.ToString("N2", Uk) : "[x]";
    public static string Km(double? km) => km is { } x ? x.ToString("N1", Uk) + " km" : "none";
    public static string Need(NeedFigure? n) => n is null ? "[x]" : n.Percent is { } p ? p.ToString("N1", Uk) + "%" : "[c]";

    /// <summary>The district figure compared in words, for the table's last column.</summary>
    public static string Compared(double? relative) => relative switch
    {
        null => "[x]",
        0 => "None",
        < 0.995 => $"{relative.Value.ToString("P0", Uk)} of the district rate",
        < 1.005 => "Same as the district",
        _ => $"{relative.Value.ToString("0.0", Uk)} times the district rate",
    };
}

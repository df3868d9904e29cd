using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard/compare?e=a&amp;e=b: up to six engagements (places, or one place in several years) on one compass.</summary>
public sealed class PlaceStandardCompareModel(CohesionDb db, IOptions<PlaceStandardOptions> options) : PageModel
{
    public IReadOnlyList<EngagementRow> Choices { get; private set; } = [];
    public IReadOnlyList<EngagementView> Views { get; private set; } = [];
    public bool TooMany { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.Of(User);
        Choices = (await EngagementList.LoadAsync(db, viewer, ct))
            .OrderBy(r => r.Summary.AreaName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Summary.Period, StringComparer.Ordinal).ToList();
        var picked = Request.Query["e"].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct().ToList();
        TooMany = picked.Count > Comparison.Max;
        var loaded = await Comparison.LoadAsync(db, picked.Take(Comparison.Max), viewer, options.Value.MinimumBase, ct);
        // Earliest first, so the difference column reads as change over time when one place is compared with itself.
        Views = loaded.Where(v => v.View is not null).Select(v => v.View!)
            .OrderBy(v => v.Summary.Period, StringComparer.Ordinal).ThenBy(v => v.Summary.AreaName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public bool Picked(string name) => Views.Any(v => v.Summary.Name == name);

    public Compass Compass => new("compare", "Place Standard compass: " + string.Join(", ", Views.Select(v => v.Summary.Title)),
        Views.Select(v => new CompassSeries(PlaceStandardEngagementModel.Label(v.Summary), v.Results)).ToList(), Views.Count == 2 ? (1, 0) : null);

    public string Download(string format) => $"/place-standard/compare.{format}?" + string.Join("&amp;", Views.Select(v => "e=" + Uri.EscapeDataString(v.Summary.Name)));
}

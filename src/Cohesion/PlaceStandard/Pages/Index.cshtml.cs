using System.Globalization;
using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Cohesion.Sharing;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard: the engagements the viewer may see, searchable, filterable, sortable, paged and downloadable.</summary>
public sealed class PlaceStandardIndexModel(CohesionDb db) : PageModel
{
    public EngagementQuery Query { get; private set; } = null!;
    public Paged<EngagementRow> Rows { get; private set; } = null!;
    public IReadOnlyList<string> Periods { get; private set; } = [];
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsStaff { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = EngagementQuery.From(Request.Query);
        var all = await EngagementList.LoadAsync(db, Viewer.Of(User), ct);
        Total = all.Count;
        Periods = all.Select(r => r.Summary.Period).Distinct().OrderDescending(StringComparer.Ordinal).ToList();
        Levels = all.Select(r => r.Summary.AreaLevel).Distinct().Order(StringComparer.Ordinal).ToList();
        Rows = Paged<EngagementRow>.Of(Query.Apply(all), Query.Page, EngagementQuery.PageSize);
        IsStaff = PlaceStandardAccess.IsStaff(User);
        SignedIn = Viewer.Of(User).SignedIn;
    }

    public const string Path = "/place-standard";
    public string Link(params (string, string?)[] changes) => QueryLinks.With(Path, Request.Query, changes);
    public string PageLink(int page) => Link(("page", page.ToString(CultureInfo.InvariantCulture)));
    public string ExportLink(string format) => QueryLinks.With($"{Path}/export.{format}", Request.Query, ("page", null));
    public static string EngagementLink(EngagementSummary s) => $"{Path}/{Uri.EscapeDataString(s.Name)}";
}

using System.Globalization;
using Cohesion.Assets.Search;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Pages;

/// <summary>/assets: search the published directory by words and filters (GET, so every search is a link); results as a list and on a map of the district.</summary>
public sealed class AssetsIndexModel(CohesionDb db, AssetSearch search, AreaStatsCache places) : PageModel
{
    public const string Path = "/assets";

    public AssetQuery Query { get; private set; } = new();
    public AssetResults? Results { get; private set; }
    public List<FieldError> Errors { get; private set; } = [];
    public SearchChoices Choices { get; private set; } = null!;
    /// <summary>The district drawn under the results: the one searched in or near, else the directory's.</summary>
    public AreaInfo? MapDistrict { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var directory = await places.DirectoryAsync(db, ct);
        Choices = await SearchChoices.LoadAsync(db, directory, ct);
        var now = DateTimeOffset.UtcNow;
        Today = DateOnly.FromDateTime(Schedules.OpeningTimes.InLondon(now));
        (Query, Results, Errors) = await search.RunAsync(db, Request.Query, now, ct);
        if (Errors.Count > 0) ViewData["HasErrors"] = true;
        var chosen = (Query.AreaCode ?? Query.NearCode) is { } code ? directory.Find(code) : null;
        MapDistrict = (chosen is null ? null : directory.District(chosen)) ?? Choices.District;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    public string PageLink(int page) => QueryLinks.With(Path, Request.Query, ("page", page.ToString(CultureInfo.InvariantCulture)));
    public string ExportLink(string format) => QueryLinks.With($"{Path}/results.{format}", Request.Query, ("page", null));
    public string ExactLink => QueryLinks.With(Path, Request.Query, ("exact", "1"), ("page", null));

    /// <summary>The same search from the API, which the map reads (points of this page's results).</summary>
    public string MapPointsLink => QueryLinks.With(AssetApi.Path, Request.Query);

    public static string FormatKm(double km) => km < 0.05 ? "under 50 m" : km < 0.95 ? $"{Math.Round(km * 1000 / 50) * 50:0} m" : km.ToString("0.0", CultureInfo.InvariantCulture) + " km";
}

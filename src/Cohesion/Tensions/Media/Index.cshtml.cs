using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Media;

public sealed record MediaRow(int Id, int OwnerOrganisationId, string Organisation, string Source, DateOnly PublishedOn, string Headline, string? Url, MediaTone Tone,
    string? GroupsMentioned, int? AreaId, bool IsSynthetic);

/// <summary>The media list's filters, parsed leniently from the query string.</summary>
public sealed record MediaFilter(ListQuery List, MediaTone? Tone, string? Area, DateOnly? From, DateOnly? To)
{
    public static readonly string[] Sorts = ["published", "source", "tone"];

    public static MediaFilter Parse(IQueryCollection q) => new(ListQuery.From(q, Sorts, "published", defaultDescending: true),
        TensionWords.Parse<MediaTone>(q["tone"]), ListQuery.Text(q["area"], 20), Day(q["from"]), Day(q["to"]));

    static DateOnly? Day(string? s) => DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public string Describe() => $"tone={Tone?.ToString().ToLowerInvariant() ?? "all"}; area={Area ?? "all"}; from={From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}; to={To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}; {List.Describe()}";

    public IQueryable<MediaRow> Apply(CohesionDb db, PlaceDirectory places)
    {
        var q = db.MediaItems.AsNoTracking();
        if (List.Search is { } s)
        {
            var lower = s.ToLowerInvariant();
            q = q.Where(m => m.Headline.ToLower().Contains(lower) || m.Source.ToLower().Contains(lower) || (m.GroupsMentioned != null && m.GroupsMentioned.ToLower().Contains(lower)));
        }
        if (Tone is { } t) q = q.Where(m => m.Tone == t);
        if (Area is { } code && places.Find(code) is { } a)
        {
            var ids = ReportPlaces.Within(places, a).ToList();
            q = q.Where(m => m.AreaId != null && ids.Contains(m.AreaId.Value));
        }
        if (From is { } from) q = q.Where(m => m.PublishedOn >= from);
        if (To is { } to) q = q.Where(m => m.PublishedOn <= to);
        var d = List.Descending;
        var sorted = List.Sort switch
        {
            "source" => q.SortBy(m => m.Source, d),
            "tone" => q.SortBy(m => m.Tone == MediaTone.Negative ? 0 : m.Tone == MediaTone.Neutral ? 1 : 2, d),
            _ => q.SortBy(m => m.PublishedOn, d),
        };
        return sorted.ThenByDescending(m => m.Id).Select(m => new MediaRow(m.Id, m.OwnerOrganisationId, db.Organisations.Where(o => o.Id == m.OwnerOrganisationId).Select(o => o.Name).First(),
            m.Source, m.PublishedOn, m.Headline, m.Url, m.Tone, m.GroupsMentioned, m.AreaId, m.IsSynthetic));
    }
}

/// <summary>/tensions/media: news and social media items partners logged, for every signed-in partner, with filters and downloads.</summary>
public sealed class MediaIndexModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    public const int PageSize = 50;
    public MediaFilter Filter { get; private set; } = null!;
    public Paged<MediaRow> Items { get; private set; } = null!;
    public PlaceDirectory Places { get; private set; } = null!;
    public int? Organisation => Viewer.Of(User).OrganisationId;

    public IReadOnlyList<Choice> AreaChoices =>
        ReportPlaces.WardChoices(Places, "All areas");

    public string AreaName(int? id) => id is { } i && Places.ById.GetValueOrDefault(i) is { } a ? a.Name : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = await places.DirectoryAsync(db, ct);
        Filter = MediaFilter.Parse(Request.Query);
        Items = await Filter.Apply(db, Places).ToPagedAsync(Filter.List.Page, PageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        Places = await places.DirectoryAsync(db, ct);
        var filter = MediaFilter.Parse(Request.Query);
        var (rows, truncated) = await AdminExport.RowsAsync(filter.Apply(db, Places), ct);
        var filters = filter.Describe();
        var about = AdminExport.About(filters, rows.Count, truncated);
        about.Add(("Synthetic", rows.Any(r => r.IsSynthetic) ? "Rows marked synthetic=yes are made up for the demonstration." : "None of these rows is synthetic."));
        var table = new ExportTable("Media items", ["published_on", "source", "headline", "url", "tone", "groups_mentioned", "area_code", "area_name", "organisation", "synthetic"],
            rows.Select(r => new object?[] { r.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Source, r.Headline, r.Url, r.Tone.ToString().ToLowerInvariant(), r.GroupsMentioned,
                r.AreaId is { } a ? Places.ById.GetValueOrDefault(a)?.Code : null, AreaName(r.AreaId), r.Organisation, r.IsSynthetic ? "yes" : "no" }).ToList(), about);
        return await AdminExport.FileAsync(HttpContext, db, table, "media-items", format!, filters, ct);
    }
}

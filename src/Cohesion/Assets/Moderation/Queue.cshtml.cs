using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Assets.Moderation;

/// <summary>/assets/moderation: residents' proposals and problem reports waiting for a moderator, filtered by kind, age and area, with counts and downloads.</summary>
public sealed class AssetModerationQueueModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    public const int PageSize = 50;
    public QueueFilter Filter { get; private set; } = null!;
    public Paged<QueueItem> Items { get; private set; } = null!;
    public int Proposals { get; private set; }
    public int Reports { get; private set; }
    public List<Choice> Areas { get; private set; } = [];
    public PlaceDirectory Places { get; private set; } = null!;

    async Task<List<QueueItem>> ReadAsync(CancellationToken ct)
    {
        Filter = QueueFilter.From(Request.Query);
        Places = await places.DirectoryAsync(db, ct);
        Areas = [new("", "All areas"), .. Places.Districts.SelectMany(d => new[] { new Choice(d.Code, d.Name) }
            .Concat(Places.Descendants(d).Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new Choice(a.Code, $"{a.Name} ({d.Name})"))))];
        var all = await ModerationQueue.PendingAsync(db, ct);
        Proposals = all.Count(i => i.Type == "proposal");
        Reports = all.Count - Proposals;
        return ModerationQueue.Apply(all, Filter, Places, DateTime.UtcNow).ToList();
    }

    public async Task OnGetAsync(int? page, CancellationToken ct) => Items = Paged<QueueItem>.Of(await ReadAsync(ct), page ?? 1, PageSize);

    public string AreaNames(QueueItem i) => string.Join(", ", i.AreaIds.Select(a => Places.ById.TryGetValue(a, out var info) ? info.Name : null).OfType<string>().Distinct());

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var items = await ReadAsync(ct);
        var table = new ExportTable("Moderation queue", ["type", "id", "submitted_at", "what", "asset", "asset_id", "areas", "details"],
            items.Select(i => new object?[] { i.Type, i.Id, UkTime.Iso(i.SubmittedAt), i.What, i.Asset, i.ServiceId?.ToString("D"), AreaNames(i), i.Details }).ToList(),
            [.. AdminExport.About(Filter.Describe(), items.Count, false), ("Contact details", "Not included: proposers' contact details are for the moderator's eyes only")]);
        return await AdminExport.FileAsync(HttpContext, db, table, "asset-moderation-queue", format!, Filter.Describe(), ct);
    }
}

using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>One waiting item: a proposal or a problem report, with the areas it concerns.</summary>
public sealed record QueueItem(string Type, int Id, DateTime SubmittedAt, string What, string Asset, Guid? ServiceId, IReadOnlyList<int> AreaIds, string Details)
{
    public string Link => $"/assets/moderation/{(Type == "proposal" ? "proposals" : "reports")}/{Id}";
}

/// <summary>The queue's filters, read leniently from the query string (links make them; unknown values mean "all").</summary>
public sealed record QueueFilter(string Kind, int? OlderThanDays, string? AreaCode)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
        [("all", "Everything waiting"), ("proposal", "Proposals of new assets"), ("report", "Problem reports"),
         .. Enum.GetValues<ProblemKind>().Select(k => (k.ToString(), "Reports: " + k.Label().ToLowerInvariant()))];

    public static readonly IReadOnlyList<(string Value, string Label)> Ages = [("", "Any time"), ("7", "More than 7 days"), ("30", "More than 30 days")];

    public static QueueFilter From(IQueryCollection q) => new(
        Kinds.Any(k => k.Value == q["kind"]) ? q["kind"].ToString() : "all",
        int.TryParse(q["age"], out var d) && d is 7 or 30 ? d : null,
        q["area"].ToString() is { Length: > 0 and <= 16 } a ? a : null);

    public string Describe() => $"kind={Kind}; waiting more than {OlderThanDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"} days; area={AreaCode ?? "all"}";
}

/// <summary>
/// The moderation queue: every proposal and problem report waiting, oldest first. Few enough to filter in memory
/// (residents' submissions are rate-limited and each is dealt with), which lets "in this area" include the areas
/// inside it, by the place hierarchy, for reports through the record's locations and the areas it serves.
/// </summary>
public static class ModerationQueue
{
    public static async Task<List<QueueItem>> PendingAsync(CohesionDb db, CancellationToken ct)
    {
        var proposals = await db.AssetProposals.AsNoTracking().Where(p => p.State == ModerationState.Pending)
            .Select(p => new { p.Id, p.SubmittedAt, p.Kind, p.Name, p.AreaId, p.Description, p.Where }).ToListAsync(ct);
        var reports = await db.AssetProblemReports.AsNoTracking().Where(r => r.State == ModerationState.Pending)
            .Select(r => new { r.Id, r.SubmittedAt, r.Kind, r.ServiceId, r.Details, Name = db.AssetServices.Where(s => s.Id == r.ServiceId).Select(s => s.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = reports.Select(r => r.ServiceId).Distinct().ToList();
        var located = await db.AssetServiceLocations.AsNoTracking().Where(x => ids.Contains(x.ServiceId) && x.Location!.AreaId != null)
            .Select(x => new { x.ServiceId, AreaId = x.Location!.AreaId!.Value }).ToListAsync(ct);
        var served = await db.AssetServiceAreas.AsNoTracking().Where(x => ids.Contains(x.ServiceId) && x.AreaId != null)
            .Select(x => new { x.ServiceId, AreaId = x.AreaId!.Value }).ToListAsync(ct);
        var areas = located.Concat(served).ToLookup(x => x.ServiceId, x => x.AreaId);
        return proposals.Select(p => new QueueItem("proposal", p.Id, p.SubmittedAt, "Proposal: " + p.Kind.Label().ToLowerInvariant(), p.Name, null,
                p.AreaId is { } a ? [a] : [], Editing.AssetText.Join(p.Description, p.Where is null ? null : "Where: " + p.Where)))
            .Concat(reports.Select(r => new QueueItem("report", r.Id, r.SubmittedAt, r.Kind.Label(), r.Name ?? "(record deleted)", r.ServiceId,
                areas[r.ServiceId].Distinct().ToList(), r.Details)))
            .OrderBy(i => i.SubmittedAt).ThenBy(i => i.Type).ThenBy(i => i.Id).ToList();
    }

    public static IEnumerable<QueueItem> Apply(IEnumerable<QueueItem> items, QueueFilter f, PlaceDirectory places, DateTime now)
    {
        if (f.Kind == "proposal" || f.Kind == "report") items = items.Where(i => i.Type == f.Kind);
        else if (f.Kind != "all") items = items.Where(i => i.Type == "report" && i.What == Enum.Parse<ProblemKind>(f.Kind).Label());
        if (f.OlderThanDays is { } d) items = items.Where(i => i.SubmittedAt < now.AddDays(-d));
        if (f.AreaCode is { } code)
        {
            var within = places.Find(code) is { } area ? places.Descendants(area).Select(a => a.Id).Append(area.Id).ToHashSet() : [];
            items = items.Where(i => i.AreaIds.Any(within.Contains));
        }
        return items;
    }
}

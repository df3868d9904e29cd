using Cohesion.Accounts;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>
/// What a moderator does with a proposal or a report, each written to the audit log (who, which item, what was
/// decided; never the resident's text). A proposer's contact details are deleted as soon as their proposal is dealt
/// with: they were given for that and nothing else.
/// </summary>
public static class ModerationActions
{
    static void Resolve(AssetProposal p, ModerationState state, string actor, string resolution)
    {
        p.State = state;
        p.ResolvedAt = DateTime.UtcNow;
        p.ResolvedBy = actor;
        p.Resolution = resolution;
        p.ProposerContact = null;
    }

    /// <summary>Makes a draft record from the proposal, kept by the directory's staff, and links the two; the caller saves.</summary>
    public static async Task<Service> AcceptAsync(CohesionDb db, AssetProposal p, PlaceDirectory places, string actor, string ip, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var id = Guid.NewGuid();
        var organisation = await AssetWriter.OrganisationAsync(db, p.Name, null, null, now, ct);
        var area = p.AreaId is { } a ? places.ById.GetValueOrDefault(a) : null;
        // The resident's "where" goes in the first address line (clipped) and whole into the place's description, for the editor to turn into an address.
        var where = p.Where is { } w
            ? new LocationSnapshot(Guid.NewGuid(), null, LocationKind.Physical, null, w, w.Length > AssetLimits.NameLength ? w[..AssetLimits.NameLength] : w,
                null, null, null, null, null, area?.Level == AreaLevel.Lsoa ? area.Id : null, null, [])
            : null;
        var draft = Revisions.Snapshot(new Service { Id = id, Name = p.Name, Publication = Publication.Draft }) with
        {
            OrganisationId = organisation, Kind = p.Kind, Description = p.Description, Url = p.Website, Status = ServiceStatus.Active, Review = ReviewStatus.Unchecked,
            MaintainerOrganisationId = null,
            Locations = where is null ? [] : [where],
            ServiceAreas = area is null ? [] : [new ServiceArea { Id = Guid.NewGuid(), ServiceId = id, AreaId = area.Id, Name = area.Name }],
            TermIds = p.TermId is { } t ? [t] : [],
        };
        var service = await AssetWriter.CreateAsync(db, draft, actor, ip, $"Added from a resident's proposal (number {p.Id})", now, ct);
        Resolve(p, ModerationState.Accepted, actor, "Accepted: a draft record was made from it");
        p.ServiceId = service.Id;
        db.Record(actor, AuditActions.Moderation, $"asset proposal {p.Id}", $"accepted; draft record {service.Id:D} made; proposer's contact deleted", ip);
        return service;
    }

    public static void Reject(CohesionDb db, AssetProposal p, string reason, string actor, string ip)
    {
        Resolve(p, ModerationState.Rejected, actor, reason);
        db.Record(actor, AuditActions.Moderation, $"asset proposal {p.Id}", $"rejected: {reason}; proposer's contact deleted", ip);
    }

    /// <summary>
    /// Marks the record as needing checking (and, when the moderator chose, changes whether it is running) as a new
    /// version, so its maintainer sees it among their records needing attention; the caller saves.
    /// </summary>
    public static async Task AcceptAsync(CohesionDb db, ProblemReport r, Service s, ServiceStatus? status, string? note, string actor, string ip, CancellationToken ct)
    {
        var current = Revisions.Deserialise(Revisions.Serialise(Revisions.Snapshot(s)));
        var change = status is { } st && st != s.Status ? $"; marked {st.Label().ToLowerInvariant()}" : "";
        await AssetWriter.SaveVersionAsync(db, s, current with { Review = ReviewStatus.NeedsChecking, Status = status ?? s.Status }, s.Version, actor, ip,
            $"A resident's report accepted ({r.Kind.Label().ToLowerInvariant()}): needs checking{change}", DateTime.UtcNow, ct);
        r.State = ModerationState.Accepted;
        r.ResolvedAt = DateTime.UtcNow;
        r.ResolvedBy = actor;
        r.Resolution = note;
        db.Record(actor, AuditActions.Moderation, $"asset problem report {r.Id}", $"accepted; asset {s.Id:D} needs checking{change}", ip);
    }

    public static void Dismiss(CohesionDb db, ProblemReport r, string reason, string actor, string ip)
    {
        r.State = ModerationState.Rejected;
        r.ResolvedAt = DateTime.UtcNow;
        r.ResolvedBy = actor;
        r.Resolution = reason;
        db.Record(actor, AuditActions.Moderation, $"asset problem report {r.Id}", $"dismissed: {reason}", ip);
    }
}

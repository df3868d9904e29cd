using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary>Who is looking at reports: their user, organisation and role, and whether they lead monitoring anywhere.</summary>
public sealed record ReportViewer(int? UserId, int? OrganisationId, Role? Role, bool IsLead)
{
    public static readonly ReportViewer Nobody = new(null, null, null, false);

    public static async Task<ReportViewer> OfAsync(CohesionDb db, ClaimsPrincipal user, CancellationToken ct) =>
        user.UserId() is { } id ? Of(user, await db.MonitoringLeads.AnyAsync(l => l.UserId == id, ct)) : Nobody;

    /// <summary>For a page that already knows whether the user leads monitoring anywhere (the early-warning pages' <c>TensionViewer</c>).</summary>
    public static ReportViewer Of(ClaimsPrincipal user, bool isLead)
    {
        if (user.UserId() is not { } id || Viewer.Of(user).OrganisationId is not { } org) return Nobody;
        var role = Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : Accounts.Role.Viewer;
        return new ReportViewer(id, org, role, isLead);
    }

    /// <summary>The owner organisation's users see a report whole (except who reported it).</summary>
    public bool Owns(int ownerOrganisationId) => OrganisationId == ownerOrganisationId;

    /// <summary>Only the owner organisation's monitoring leads see who reported it (every read audited).</summary>
    public bool SeesReporter(int ownerOrganisationId) => Owns(ownerOrganisationId) && IsLead;

    /// <summary>Counts are exact for monitoring leads; everyone else gets them disclosure-controlled.</summary>
    public bool SeesExactCounts => IsLead;

    public bool MayEdit(int ownerOrganisationId) => Owns(ownerOrganisationId) && Role >= Accounts.Role.Contributor;
    public bool MayDelete(int ownerOrganisationId) => Owns(ownerOrganisationId) && Role == Accounts.Role.Admin;
    public bool MayTriage(int ownerOrganisationId) => Owns(ownerOrganisationId) && IsLead;
}

/// <summary>
/// A report as one viewer may see it. Whole for the owner organisation's users; otherwise blurred: the ward (never the
/// small area, place or coordinates), the ISO week (never the day or time), type, strands and source — no description,
/// people affected, factors, links or reporter. Fields a viewer may not see are null, so a page or export cannot show
/// them by mistake.
/// </summary>
public sealed record ReportView(
    Guid Id, bool Whole, string OwnerOrganisation, DateOnly WeekStart, DateTime? OccurredAt,
    AreaInfo Area, AreaInfo Ward, ReportType Type, Strands Strands, ReportSource Source, ReportTriage Triage, bool IsSynthetic,
    TensionFactors? Factors, string? Description, int? PeopleAffected, string? ExactLocation, double? Latitude, double? Longitude,
    string? ClientId, ReportChannel? Channel, DateTime? CreatedAt, DateTime? UpdatedAt, int? Version)
{
    public string Reference => ReportAccess.Reference(Id);
    public string Week => ReportPlaces.IsoWeek(WeekStart);
}

/// <summary>
/// The one place that decides what of a report each viewer sees (the rules of issue 7): pages, exports and the API
/// all build what they show through <see cref="View"/>, and read a reporter only through <see cref="ReadReporterAsync"/>.
/// </summary>
public static class ReportAccess
{
    public static ReportView View(TensionReport r, ReportViewer v, PlaceDirectory places, string ownerName)
    {
        var area = places.ById.GetValueOrDefault(r.AreaId) ?? new AreaInfo(r.AreaId, "?", "Unknown area", AreaLevel.Lsoa, null);
        var ward = ReportPlaces.Ward(places, area);
        var week = ReportPlaces.WeekStart(r.OccurredAt);
        if (!v.Owns(r.OwnerOrganisationId))
            return new ReportView(r.Id, false, ownerName, week, null, ward, ward, r.Type, r.Strands, r.Source, r.Triage, r.IsSynthetic,
                null, null, null, null, null, null, null, null, null, null, null);
        return new ReportView(r.Id, true, ownerName, week, r.OccurredAt, area, ward, r.Type, r.Strands, r.Source, r.Triage, r.IsSynthetic,
            r.Factors, r.Description, r.PeopleAffected, r.ExactLocation, r.Latitude, r.Longitude, r.ClientId, r.Channel, r.CreatedAt, r.UpdatedAt, r.Version);
    }

    /// <summary>
    /// Which reports a viewer may list or open: their own organisation's; and, for monitoring leads, other
    /// organisations' accepted ones (blurred; a public report waiting for triage is the owner's business). Partners who
    /// lead nothing see other organisations' reports only as disclosure-controlled counts: a list of them, however
    /// blurred, would show a ward's count of 1 to 4 — what the counts withhold.
    /// </summary>
    public static IQueryable<TensionReport> Visible(this IQueryable<TensionReport> q, ReportViewer v) =>
        v.OrganisationId is not { } org ? q.Where(r => false)
        : v.IsLead ? q.Where(r => r.OwnerOrganisationId == org || r.Triage == ReportTriage.Accepted)
        : q.Where(r => r.OwnerOrganisationId == org);

    /// <summary>The short reference people quote: the first eight hex digits of the id, upper case.</summary>
    public static string Reference(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>Records that the viewer opened a report's detail (who, which, whether they saw it whole), with the caller's save.</summary>
    public static void RecordView(CohesionDb db, ReportView view, string actor, string ip) =>
        db.Record(actor, AuditActions.TensionReportViewed, $"tension report {view.Id:D}", view.Whole ? "exact (owner)" : "blurred (partner)", ip);

    /// <summary>The reporter, for the owner's leads only; each read is audited before it is returned.</summary>
    public static async Task<ReportReporter?> ReadReporterAsync(CohesionDb db, TensionReport r, ReportViewer v, string actor, string ip, CancellationToken ct)
    {
        if (!v.SeesReporter(r.OwnerOrganisationId)) return null;
        var reporter = await db.TensionReporters.AsNoTracking().FirstOrDefaultAsync(x => x.ReportId == r.Id, ct);
        db.Record(actor, AuditActions.TensionReporterRead, $"tension report {r.Id:D}", reporter is null ? "no reporter (anonymous)" : "reporter shown", ip);
        await db.SaveChangesAsync(ct);
        return reporter;
    }
}

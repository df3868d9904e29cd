using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Alerts;

/// <summary>A report behind a count, as much of it as the viewer may see.</summary>
public sealed record ReportLine(Guid Id, bool Exact, string When, string Where, string Type, string Strands, string Source, string? Description, bool Synthetic);

/// <summary>
/// The reports counted in a series over some weeks. The owner organisation's users see when and where exactly and
/// the description; everyone else sees them blurred to the ward and the ISO week, with type, strands and source
/// kind only. (Stands in for the reports module's <c>ReportAccess</c> until it is on main: swap the
/// <see cref="Blur"/> call for it then.)
/// </summary>
public static class ReportsBehind
{
    public static async Task<List<ReportLine>> ForAsync(CohesionDb db, AreaRollup rollup, string seriesKey, DateOnly firstWeek, DateOnly lastWeek, TensionViewer viewer, CancellationToken ct)
    {
        var (areaCode, type, strand) = WeeklyCounts.Split(seriesKey);
        if (rollup.Places.Find(areaCode) is not { } area) return [];
        var within = rollup.Within(area);
        var from = firstWeek.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = lastWeek.AddDays(8).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var reports = await db.TensionReports.AsNoTracking()
            .Where(r => within.Contains(r.AreaId) && r.OccurredAt >= from && r.OccurredAt < to && r.Triage != ReportTriage.Rejected)
            .OrderBy(r => r.OccurredAt).ToListAsync(ct);
        int first = Weeks.Index(firstWeek), last = Weeks.Index(lastWeek);
        return [.. reports.Where(r => Weeks.Index(r.OccurredAt) is var w && w >= first && w <= last && Matches(r, type, strand)).Select(r => Blur(r, rollup, viewer))];
    }

    static bool Matches(TensionReport r, string type, string strand) =>
        (type == WeeklyCounts.All || (type == WeeklyCounts.Hate ? r.Type is ReportType.HateIncident or ReportType.HateCrime : r.Type.Code() == type))
        && (strand == WeeklyCounts.All || TensionWords.Each(r.Strands).Any(s => TensionWords.Code(s) == strand));

    public static ReportLine Blur(TensionReport r, AreaRollup rollup, TensionViewer viewer)
    {
        var strands = r.Strands == Strands.None ? "None recorded" : TensionWords.Label(r.Strands);
        var source = r.Source switch { ReportSource.Partner => "Partner organisation", ReportSource.PublicForm => "Public form", _ => "Media monitoring" };
        if (viewer.OrganisationId == r.OwnerOrganisationId)
            return new ReportLine(r.Id, true, Cohesion.Admin.UkTime.Format(r.OccurredAt), rollup.Places.ById.GetValueOrDefault(r.AreaId)?.Name ?? "Unknown area",
                r.Type.Label(), strands, source, r.Description, r.IsSynthetic);
        var (ward, district) = rollup.Of(r.AreaId);
        return new ReportLine(r.Id, false, "Week " + Weeks.Iso(Weeks.Index(r.OccurredAt)), (ward ?? district)?.Name ?? "Unknown area", r.Type.Label(), strands, source, null, r.IsSynthetic);
    }
}

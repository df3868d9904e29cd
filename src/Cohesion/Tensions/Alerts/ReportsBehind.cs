using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Alerts;

/// <summary>A report behind a count, as much of it as the viewer may see.</summary>
public sealed record ReportLine(Guid Id, bool Exact, string When, string Where, string Type, string Strands, string Source, string? Description, bool Synthetic);

/// <summary>
/// The reports counted in a series over some weeks, as <see cref="ReportAccess"/> lets the viewer see them: the owner
/// organisation's users when and where exactly and the description; everyone else blurred to the ward and the ISO
/// week, with type, strands and source kind only, and no other organisation's public report still awaiting triage.
/// </summary>
public static class ReportsBehind
{
    public static async Task<List<ReportLine>> ForAsync(CohesionDb db, AreaRollup rollup, string seriesKey, DateOnly firstWeek, DateOnly lastWeek, ReportViewer viewer, CancellationToken ct)
    {
        var (areaCode, type, strand) = WeeklyCounts.Split(seriesKey);
        if (rollup.Places.Find(areaCode) is not { } area) return [];
        var within = rollup.Within(area);
        var from = firstWeek.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = lastWeek.AddDays(8).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var reports = await db.TensionReports.AsNoTracking().Visible(viewer)
            .Where(r => within.Contains(r.AreaId) && r.OccurredAt >= from && r.OccurredAt < to && r.Triage != ReportTriage.Rejected)
            .OrderBy(r => r.OccurredAt).ToListAsync(ct);
        int first = Weeks.Index(firstWeek), last = Weeks.Index(lastWeek);
        var shown = reports.Where(r => Weeks.Index(r.OccurredAt) is var w && w >= first && w <= last && Matches(r, type, strand)).ToList();
        var owners = shown.Select(r => r.OwnerOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. shown.Select(r => Line(ReportAccess.View(r, viewer, rollup.Places, names.GetValueOrDefault(r.OwnerOrganisationId, ""))))];
    }

    static bool Matches(TensionReport r, string type, string strand) =>
        (type == WeeklyCounts.All || (type == WeeklyCounts.Hate ? r.Type is ReportType.HateIncident or ReportType.HateCrime : r.Type.Code() == type))
        && (strand == WeeklyCounts.All || TensionWords.Each(r.Strands).Any(s => TensionWords.Code(s) == strand));

    static ReportLine Line(ReportView v)
    {
        var strands = v.Strands == Strands.None ? "None recorded" : TensionWords.Label(v.Strands);
        var source = ReportWords.Source(v.Source);
        return v.Whole && v.OccurredAt is { } at
            ? new ReportLine(v.Id, true, Cohesion.Admin.UkTime.Format(at), v.Area.Name, v.Type.Label(), strands, source, v.Description, v.IsSynthetic)
            : new ReportLine(v.Id, false, "Week " + v.Week, v.Ward.Name, v.Type.Label(), strands, source, null, v.IsSynthetic);
    }
}

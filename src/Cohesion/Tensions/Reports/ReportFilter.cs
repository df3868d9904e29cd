using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// The report list's filters, parsed leniently from the query string (they come from links). Filters never reveal more
/// than a viewer sees: the area filter works at ward level, dates narrow other organisations' reports only to whole
/// weeks, and the text search reads only the viewer's own organisation's descriptions.
/// </summary>
public sealed record ReportFilter(ListQuery List, string? Area, ReportType? Type, Strands? Strand, ReportSource? Source, ReportTriage? Triage, DateOnly? From, DateOnly? To, bool Mine)
{
    public static readonly string[] Sorts = ["occurred", "area", "type", "source", "organisation"];

    public static ReportFilter Parse(IQueryCollection q) => new(
        ListQuery.From(q, Sorts, "occurred", defaultDescending: true),
        ListQuery.Text(q["area"], 20),
        TensionWords.Parse<ReportType>(q["type"]),
        TensionWords.Parse<Strands>(q["strand"]) is { } s && s != Strands.None ? s : null,
        TensionWords.Parse<ReportSource>(q["source"]),
        TensionWords.Parse<ReportTriage>(q["triage"]),
        Day(q["from"]), Day(q["to"]), q["mine"] == "yes");

    static DateOnly? Day(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public string Describe() =>
        $"area={Area ?? "all"}; type={Type?.Code() ?? "all"}; strand={(Strand is { } s ? TensionWords.Code(s) : "all")}; source={(Source is { } src ? ReportWords.SourceCode(src) : "all")}; " +
        $"triage={Triage?.ToString() ?? "all"}; from={From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}; to={To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}; " +
        $"mine only={(Mine || List.Search is not null ? "yes" : "no")}; {List.Describe()}";

    /// <summary>The matching reports as the viewer sees them, sorted; filtered in the database, then to the viewer's grain.</summary>
    public async Task<List<ReportView>> ApplyAsync(CohesionDb db, ReportViewer v, PlaceDirectory places, CancellationToken ct)
    {
        var q = db.TensionReports.AsNoTracking().Visible(v);
        var org = v.OrganisationId ?? 0;
        if (Mine || List.Search is not null) q = q.Where(r => r.OwnerOrganisationId == org);
        if (List.Search is { } text)
        {
            var lower = text.ToLowerInvariant();
            q = q.Where(r => r.Description.ToLower().Contains(lower) || (r.ExactLocation != null && r.ExactLocation.ToLower().Contains(lower)));
        }
        if (Area is { } code && places.Find(code) is { } area)
        {
            // A ward's reports are its own and its small areas'; a small area is widened to its ward for the same reason.
            var ids = ReportPlaces.Within(places, ReportPlaces.Ward(places, area)).ToList();
            q = q.Where(r => ids.Contains(r.AreaId));
        }
        if (Type is { } t) q = q.Where(r => r.Type == t);
        if (Strand is { } s) q = q.Where(r => (r.Strands & s) == s);
        if (Source is { } src) q = q.Where(r => r.Source == src);
        if (Triage is { } tr) q = q.Where(r => r.Triage == tr);
        // Whole weeks first (what anyone may filter by), in the database; own reports to the day afterwards.
        if (From is { } from) { var start = UkTime.StartOfDay(Monday(from)); q = q.Where(r => r.OccurredAt >= start); }
        if (To is { } to) { var end = UkTime.StartOfDay(Monday(to).AddDays(7)); q = q.Where(r => r.OccurredAt < end); }
        var owners = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = (await q.ToListAsync(ct)).Select(r => ReportAccess.View(r, v, places, owners.GetValueOrDefault(r.OwnerOrganisationId, "?"))).ToList();
        if (From is { } f) rows.RemoveAll(r => r.OccurredAt is { } at && at < UkTime.StartOfDay(f));
        if (To is { } e) rows.RemoveAll(r => r.OccurredAt is { } at && at >= UkTime.StartOfDay(e.AddDays(1)));
        return Sort(rows);
    }

    static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>By the grain each row is seen at: others' reports by week, never by a time the viewer may not see.</summary>
    List<ReportView> Sort(List<ReportView> rows)
    {
        IOrderedEnumerable<ReportView> sorted = List.Sort switch
        {
            "area" => By(rows, r => r.Ward.Name),
            "type" => By(rows, r => r.Type.Label()),
            "source" => By(rows, r => ReportWords.Source(r.Source)),
            "organisation" => By(rows, r => r.OwnerOrganisation),
            _ => List.Descending ? rows.OrderByDescending(r => r.WeekStart) : rows.OrderBy(r => r.WeekStart),
        };
        sorted = List.Descending ? sorted.ThenByDescending(r => r.WeekStart).ThenByDescending(r => r.OccurredAt ?? DateTime.MinValue)
            : sorted.ThenBy(r => r.WeekStart).ThenBy(r => r.OccurredAt ?? DateTime.MinValue);
        return [.. sorted.ThenBy(r => r.Id)];
    }

    IOrderedEnumerable<ReportView> By(List<ReportView> rows, Func<ReportView, string> key) =>
        List.Descending ? rows.OrderByDescending(key, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(key, StringComparer.OrdinalIgnoreCase);
}

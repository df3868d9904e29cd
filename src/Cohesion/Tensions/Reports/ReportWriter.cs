using Cohesion.Data;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// Writes reports the same way from every channel: the report, its links and (apart) its reporter. Callers save and
/// then call <c>DetectionSignal.ReportsChanged()</c>; the audit entry goes in with their save.
/// </summary>
public static class ReportWriter
{
    public static TensionReport Create(CohesionDb db, ReportInput i, int owner, ReportChannel channel, ReportTriage triage, int? userId, DateTime now, bool synthetic = false)
    {
        var (r, reporter) = New(i, owner, channel, triage, userId, now, synthetic);
        db.TensionReports.Add(r);
        if (reporter is not null) db.TensionReporters.Add(reporter);
        return r;
    }

    /// <summary>A new report and its reporter (when given), not yet added to any context (the API's writer stores them in batches).</summary>
    public static (TensionReport Report, ReportReporter? Reporter) New(ReportInput i, int owner, ReportChannel channel, ReportTriage triage, int? userId, DateTime now,
        bool synthetic = false)
    {
        var r = new TensionReport
        {
            Id = Guid.NewGuid(), ClientId = i.ClientId, OwnerOrganisationId = owner, Channel = channel, Triage = triage, CreatedByUserId = userId,
            IsSynthetic = synthetic, CreatedAt = now, Version = 1,
        };
        Set(r, i, now);
        return (r, i.Reporter is { } who ? Reporter(r.Id, who) : null);
    }

    /// <summary>Changes the report to the input (and its reporter, when <paramref name="reporter"/> is loaded); whether anything differed.</summary>
    public static bool Update(CohesionDb db, TensionReport r, ReportInput i, ReportReporter? reporter, bool touchReporter, DateTime now)
    {
        var same = Same(r, i) && (!touchReporter || SameReporter(reporter, i.Reporter));
        if (same) return false;
        Set(r, i, now);
        if (touchReporter)
        {
            if (i.Reporter is not { } who) { if (reporter is not null) db.TensionReporters.Remove(reporter); }
            else if (reporter is null) db.TensionReporters.Add(Reporter(r.Id, who));
            else (reporter.Name, reporter.Email, reporter.Phone, reporter.MayContact) = (who.Name, who.Email, who.Phone, who.MayContact);
        }
        r.Version++;
        return true;
    }

    static ReportReporter Reporter(Guid id, ReporterInput who) => new() { ReportId = id, Name = who.Name, Email = who.Email, Phone = who.Phone, MayContact = who.MayContact };

    static void Set(TensionReport r, ReportInput i, DateTime now)
    {
        r.OccurredAt = i.OccurredAt;
        r.AreaId = i.AreaId;
        r.ExactLocation = i.ExactLocation;
        r.Latitude = i.Latitude;
        r.Longitude = i.Longitude;
        r.Type = i.Type;
        r.Strands = i.Strands;
        r.Factors = i.Factors;
        r.Source = i.Source;
        r.Description = i.Description;
        r.PeopleAffected = i.PeopleAffected;
        r.UpdatedAt = now;
        var want = i.Links.Where(l => l != r.Id).Distinct().ToHashSet();
        r.Links.RemoveAll(l => !want.Contains(l.LinkedReportId));
        foreach (var l in want.Where(l => r.Links.All(x => x.LinkedReportId != l))) r.Links.Add(new ReportLink { ReportId = r.Id, LinkedReportId = l });
    }

    /// <summary>Whether the stored report already says what the input says (a retried submission, an unchanged CSV row).</summary>
    public static bool Same(TensionReport r, ReportInput i) =>
        Math.Abs((r.OccurredAt - i.OccurredAt).TotalSeconds) < 1 && r.AreaId == i.AreaId && r.ExactLocation == i.ExactLocation
        && Near(r.Latitude, i.Latitude) && Near(r.Longitude, i.Longitude) && r.Type == i.Type && r.Strands == i.Strands && r.Factors == i.Factors
        && r.Source == i.Source && r.Description == i.Description && r.PeopleAffected == i.PeopleAffected
        && r.Links.Select(l => l.LinkedReportId).ToHashSet().SetEquals(i.Links.Where(l => l != r.Id));

    public static bool SameReporter(ReportReporter? stored, ReporterInput? given) =>
        stored is null ? given is null : given is not null && stored.Name == given.Name && stored.Email == given.Email && stored.Phone == given.Phone && stored.MayContact == given.MayContact;

    static bool Near(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-9;

    /// <summary>Whether a failed save broke the unique (organisation, client id) index: a concurrent retry got there first.</summary>
    public static bool IsDuplicateClientId(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.Message.Contains("client_id", StringComparison.OrdinalIgnoreCase),
        Npgsql.PostgresException p => p.SqlState == "23505" && p.ConstraintName?.Contains("client_id", StringComparison.Ordinal) == true,
        _ => false,
    };
}

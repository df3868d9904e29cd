using System.Globalization;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// The one grouped query behind every count: reports that are not rejected, by area, type, strands (the bit set as
/// stored; expanded in memory) and local date. PostgreSQL converts to Europe/London itself; SQLite has no time zones,
/// so it groups by the UTC date and whether the time is 23:00 or later, which is the only hour whose local date can
/// differ (British Summer Time is UTC+1 and changes at 01:00 UTC).
/// </summary>
public static class CountQuery
{
    public static async Task<List<CountRow>> RunAsync(CohesionDb db, DateOnly fromLocal, CancellationToken ct)
    {
        // A day early in UTC, so a report just after local midnight is not lost; rows before fromLocal are dropped by the caller's range.
        var fromUtc = fromLocal.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rejected = nameof(ReportTriage.Rejected);
        if (db.Database.IsNpgsql())
        {
            return await db.QueryAsync("""
                SELECT area_id, type, strands, (occurred_at AT TIME ZONE 'Europe/London')::date AS d, COUNT(*)
                FROM tn_reports WHERE triage <> @rejected AND occurred_at >= @from
                GROUP BY area_id, type, strands, d
                """, r => new CountRow(r.GetInt32(0), Enum.Parse<ReportType>(r.GetString(1)), (Strands)r.GetInt32(2),
                    DateOnly.FromDateTime(r.GetDateTime(3)), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)), ct,
                ("@rejected", rejected), ("@from", fromUtc));
        }
        return await db.QueryAsync("""
            SELECT area_id, type, strands, substr(occurred_at, 1, 10) AS d, CASE WHEN substr(occurred_at, 12, 2) >= '23' THEN 1 ELSE 0 END AS late, COUNT(*)
            FROM tn_reports WHERE triage <> @rejected AND occurred_at >= @from
            GROUP BY area_id, type, strands, d, late
            """, r =>
            {
                var utcDate = DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var local = r.GetInt64(4) == 1 ? Weeks.LocalDate(utcDate.ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc)) : utcDate;
                return new CountRow(r.GetInt32(0), Enum.Parse<ReportType>(r.GetString(1)), (Strands)r.GetInt32(2), local, r.GetInt32(5));
            }, ct, ("@rejected", rejected), ("@from", fromUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
    }
}

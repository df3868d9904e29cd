using System.Diagnostics;
using System.Globalization;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// One detection run over every district's monitored series: counts from the database, the configured method per
/// series, alert episodes kept in <c>tn_alerts</c>, inbox messages to the leads of each new alert's area and the areas
/// above it, and e-mail copies. One run at a time: a lock in the process and, on PostgreSQL, an advisory lock, so that
/// several app nodes never raise the same alert twice.
/// </summary>
public sealed class DetectionRunner(IServiceScopeFactory scopes, AreaStatsCache placesCache, IOptions<WatchOptions> options, AlertMailer mailer,
    DetectionStatus status, ILogger<DetectionRunner> log)
{
    /// <summary>The advisory lock's key: any constant the app's other locks do not use ("TENSIONS" in ASCII).</summary>
    const long AdvisoryKey = 0x54454E53494F4E53;
    /// <summary>History read for the models: 5 years (Farrington's b at most 5) plus windows, left-out weeks and slack.</summary>
    const int HistoryWeeks = 52 * 5 + 40;

    readonly SemaphoreSlim _one = new(1, 1);

    public async Task<RunSummary> RunAsync(DateTime utcNow, CancellationToken ct, int? weeksBack = null)
    {
        var started = Stopwatch.StartNew();
        await _one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
            var summary = await RunLockedAsync(db, utcNow, weeksBack ?? options.Value.WeeksBack, started, ct);
            log.LogInformation("Tension detection: {Series} series, weeks {From} to {To}, {Alarms} alarm weeks, {Raised} alerts raised, {Extended} extended, {Messages} inbox messages, {Emailed} e-mailed, in {Ms} ms",
                summary.Series, Weeks.Iso(summary.FirstWeek), Weeks.Iso(summary.LastWeek), summary.Alarms, summary.Raised, summary.Extended, summary.Messages, summary.Emailed, summary.Took.TotalMilliseconds);
            status.Finished(summary);
            return summary;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var current = Weeks.Current(utcNow);
            var failed = new RunSummary(utcNow, started.Elapsed, 0, current, current, 0, 0, 0, 0, 0, e.Message);
            status.Finished(failed);
            throw;
        }
        finally { _one.Release(); }
    }

    async Task<RunSummary> RunLockedAsync(CohesionDb db, DateTime utcNow, int weeksBack, Stopwatch started, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // Held on this context's connection for the whole run; released when it closes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [AdvisoryKey], ct);
        }
        try
        {
            return await DetectAsync(db, utcNow, weeksBack, started, ct);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [AdvisoryKey], CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    async Task<RunSummary> DetectAsync(CohesionDb db, DateTime utcNow, int weeksBack, Stopwatch started, CancellationToken ct)
    {
        var o = options.Value;
        var places = await placesCache.DirectoryAsync(db, ct);
        var rollup = new AreaRollup(places);
        var current = Weeks.Current(utcNow);
        var from = current - weeksBack;
        var rows = await CountQuery.RunAsync(db, Weeks.Monday(current - HistoryWeeks), ct);
        int series = 0, alarms = 0, raised = 0, extended = 0;
        var newAlerts = new List<TensionAlert>();
        foreach (var district in places.Districts)
        {
            var inDistrict = rows.Where(r => rollup.Of(r.AreaId).District?.Id == district.Id).ToList();
            if (inDistrict.Count == 0) continue;
            // The series start at the district's first report: weeks before the log began are unknown, not zero.
            var first = Math.Max(current - HistoryWeeks, inDistrict.Min(r => Weeks.Index(r.Date)));
            var counts = WeeklyCounts.Build(inDistrict, rollup, first, current);
            var watched = MonitoredSeries.For(district, rollup.Wards(district), o.Series);
            var keys = watched.Select(w => w.Key).ToList();
            var latest = (await db.TensionAlerts.Where(a => keys.Contains(a.SeriesKey)).ToListAsync(ct))
                .GroupBy(a => a.SeriesKey).ToDictionary(g => g.Key, g => g.MaxBy(a => a.LastWeek)!);
            foreach (var w in watched)
            {
                series++;
                IReadOnlyList<WeekResult> results;
                string method;
                try { (results, method) = SeriesDetection.Run(counts.Series(w.Key), first, from, current, o.Method, o.Alpha); }
                catch (Cohesion.Analytics.Surveillance.DetectionException e)
                {
                    log.LogWarning("Tension detection skipped series {Series}: {Reason}", w.Key, e.Message);
                    continue;
                }
                foreach (var r in results.Where(r => r.Alarm))
                {
                    alarms++;
                    latest.TryGetValue(w.Key, out var a);
                    var monday = Weeks.Monday(r.Week);
                    switch (Episodes.Decide(a is null ? null : (Weeks.Index(a.FirstWeek), Weeks.Index(a.LastWeek)), r.Week, o.ClearWeeks))
                    {
                        case Episodes.Step.Extend:
                            a!.LastWeek = monday;
                            Fill(a, r, method, utcNow);
                            extended++;
                            break;
                        case Episodes.Step.Raise:
                            var alert = new TensionAlert { AreaId = w.Area.Id, SeriesKey = w.Key, FirstWeek = monday, LastWeek = monday, State = AlertState.Open, CreatedAt = utcNow };
                            Fill(alert, r, method, utcNow);
                            db.TensionAlerts.Add(alert);
                            newAlerts.Add(alert);
                            latest[w.Key] = alert;
                            raised++;
                            break;
                    }
                }
            }
        }
        foreach (var a in newAlerts) a.IsSynthetic = await SyntheticAsync(db, rollup, a, ct);
        await db.SaveChangesAsync(ct);
        var messages = 0;
        foreach (var a in newAlerts)
        {
            var what = MonitoredSeries.Describe(a.SeriesKey, places);
            foreach (var lead in await AlertRouting.LeadsForAsync(db, places, a.AreaId, ct))
            {
                db.InboxMessages.Add(new InboxMessage
                {
                    UserId = lead.UserId,
                    AlertId = a.Id,
                    Link = $"/tensions/alerts/{a.Id}",
                    CreatedAt = utcNow,
                    Subject = Clip($"Early warning: {what}", TensionLimits.SubjectLength),
                    Body = Clip(BodyOf(a, what), TensionLimits.BodyLength),
                });
                messages++;
            }
        }
        await db.SaveChangesAsync(ct);
        var emailed = await mailer.SendDueAsync(db, utcNow, ct);
        return new RunSummary(utcNow, started.Elapsed, series, from, current, alarms, raised, extended, messages, emailed);
    }

    static void Fill(TensionAlert a, WeekResult r, string method, DateTime utcNow)
    {
        a.Observed = r.Observed;
        a.Expected = r.Expected;
        a.Upper = r.Upper;
        a.Score = r.Score;
        a.Method = Clip(method, TensionLimits.MethodLength);
        a.UpdatedAt = utcNow;
    }

    /// <summary>An alert is synthetic when every report of its area in its first week is (the demo's).</summary>
    static async Task<bool> SyntheticAsync(CohesionDb db, AreaRollup rollup, TensionAlert a, CancellationToken ct)
    {
        var area = rollup.Places.ById[a.AreaId];
        var within = rollup.Within(area);
        var start = a.FirstWeek.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = a.FirstWeek.AddDays(8).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var flags = await db.TensionReports.Where(r => within.Contains(r.AreaId) && r.OccurredAt >= start && r.OccurredAt < end).Select(r => r.IsSynthetic).Distinct().ToListAsync(ct);
        return flags.Count > 0 && flags.All(f => f);
    }

    static string BodyOf(TensionAlert a, string what)
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        var expected = a.Expected is { } e ? e.ToString("0.0", uk) : "not modelled";
        var upper = a.Upper is { } u ? u.ToString("0.0", uk) : "none";
        return $"{what}: {a.Observed} reports in the week {Weeks.Describe(Weeks.Index(a.FirstWeek))}, above the upper bound of {upper} (expected {expected}). Method: {a.Method}. Open the alert to see the reports behind it, acknowledge it and record what is being done.";
    }

    static string Clip(string s, int n) => s.Length <= n ? s : s[..n];
}

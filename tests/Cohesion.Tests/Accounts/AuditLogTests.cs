using System.Net;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>The audit log page: newest first, filters, date inputs, pages of 50, and audited downloads.</summary>
public class AuditLogTests
{
    [Theory]
    [BothProviders]
    public async Task AuditPageListsSignInsFiltersThemAndExportsWithAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer);
        viewer.Dispose();
        using (var stranger = app.Client()) await SignIn.AttemptAsync(stranger, "intruder@example.org", "guessing at passwords");

        var all = AdminUsersTests.Text(await admin.GetStringAsync("/admin/audit"));
        Assert.Contains("sign-in-failed", all);
        var signIns = await admin.GetStringAsync("/admin/audit?action=sign-in");
        Assert.Contains("Showing 1 to 2 of 2 entries", signIns);
        var rows = signIns[signIns.IndexOf("govuk-table__body", StringComparison.Ordinal)..];
        Assert.True(rows.IndexOf("viewer@example.org", StringComparison.Ordinal) < rows.IndexOf(SignIn.AdminEmail, StringComparison.Ordinal), "newest first");
        Assert.Matches(@"app-nowrap"">\d\d/\d\d/\d{4} \d\d:\d\d<", signIns);
        Assert.DoesNotContain("intruder@example.org", signIns);

        var byActor = await admin.GetStringAsync("/admin/audit?actor=VIEWER@");
        Assert.Contains("Showing 1 to 2 of 2 entries", byActor); // signed in, changed the one-time password
        var byTarget = await admin.GetStringAsync("/admin/audit?target=intruder");
        Assert.Contains("Showing 1 to 1 of 1 entries", byTarget);
        Assert.Contains("unknown user", byTarget);

        var today = UkTime.Today;
        var todayOnly = $"from-day={today.Day}&from-month={today.Month}&from-year={today.Year}&to-day={today.Day}&to-month={today.Month}&to-year={today.Year}";
        Assert.Contains("Showing 1 to 2 of 2 entries", await admin.GetStringAsync($"/admin/audit?action=sign-in&{todayOnly}"));
        var tomorrow = today.AddDays(1);
        Assert.Contains("No entries match", await admin.GetStringAsync($"/admin/audit?from-day={tomorrow.Day}&from-month={tomorrow.Month}&from-year={tomorrow.Year}"));
        var yesterday = today.AddDays(-1);
        Assert.Contains("No entries match", await admin.GetStringAsync($"/admin/audit?to-day={yesterday.Day}&to-month={yesterday.Month}&to-year={yesterday.Year}"));

        var csv = await admin.GetAsync($"/admin/audit?handler=export&format=csv&action=sign-in&{todayOnly}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,actor,action,target,detail,ip_address", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,[^,]+,sign-in,", l));
        var xlsx = await admin.GetByteArrayAsync("/admin/audit?handler=export&format=xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);

        await using var db = app.Database.Context();
        var exports = await db.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["audit.csv", "audit.xlsx"], exports.Select(e => e.Target));
        Assert.All(exports, e => Assert.Equal(SignIn.AdminEmail, e.Actor));
        Assert.StartsWith("2 rows; action=sign-in; actor=any; target=any; from=", exports[0].Detail);
        // The export of the log is itself in the log, for the next reader.
        Assert.Contains("audit.csv", await admin.GetStringAsync("/admin/audit?action=export"));
    }

    [Theory]
    [BothProviders]
    public async Task AuditPageShowsFiftyAPageAndExplainsDatesItCannotRead(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        await using (var db = app.Database.Context())
        {
            var start = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 120; i++)
                db.AuditEntries.Add(new AuditEntry { At = start.AddHours(i), Actor = "cli:loader", Action = AuditActions.Import, Target = $"file-{i:000}.csv" });
            await db.SaveChangesAsync();
        }
        var page1 = await admin.GetStringAsync("/admin/audit?action=import&actor=loader");
        Assert.Contains("Showing 1 to 50 of 120 entries", page1);
        Assert.Contains("file-119.csv", page1);
        Assert.DoesNotContain("file-069.csv", page1);
        var page3 = await admin.GetStringAsync("/admin/audit?action=import&actor=loader&page=3");
        Assert.Contains("Showing 101 to 120 of 120 entries", page3);
        Assert.Contains("file-000.csv", page3);
        var oldestFirst = await admin.GetStringAsync("/admin/audit?action=import&actor=loader&sort=at&dir=asc");
        Assert.Contains("file-000.csv", oldestFirst);
        Assert.Contains("aria-sort=\"ascending\"", oldestFirst);

        // Entry i is at 1 March 2026 09:00 UTC + i hours (GMT then, so UK time too): 5 March holds entries 87 to 110.
        var march5 = await admin.GetStringAsync("/admin/audit?action=import&actor=loader&from-day=5&from-month=3&from-year=2026&to-day=5&to-month=3&to-year=2026");
        Assert.Contains("Showing 1 to 24 of 24 entries", march5);
        Assert.Contains("05/03/2026 09:00", march5);

        foreach (var (query, message) in new[]
        {
            ("from-day=31&from-month=2&from-year=2026", "Date from must be a real date"),
            ("from-day=1&from-month=&from-year=2026", "Date from must include a month"),
            ("to-day=x&to-month=3&to-year=2026", "Date to must be a real date"),
            ("from-day=5&from-month=3&from-year=2026&to-day=4&to-month=3&to-year=2026", "Date to must be the same as or after date from"),
        })
        {
            var r = await admin.GetAsync("/admin/audit?action=import&actor=loader&" + query);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", html);
            Assert.Contains(message, html);
            Assert.Contains("govuk-input--error", html);
        }
        // Overlong or unknown filter values are bounded or ignored, never an error page.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/audit?actor={new string('a', 3000)}&action=drop-table&from-year=99999&page=abc")).StatusCode);
    }
}

using System.Net;
using System.Text;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>Media items (checked, listed, exported, changed only by their organisation) and the leads page (administrators only), audited.</summary>
public class MediaAndLeadsTests
{
    [Theory]
    [BothProviders]
    public async Task MediaItemsAreCheckedListedExportedAndChangedOnlyByTheirOrganisation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (officer, _, _) = await SignIn.NewUserClientAsync(app, "press@council.example", Role.Contributor, FirstAdmin.OrganisationName);
        var day = DateTime.UtcNow.AddDays(-2);
        (string, string)[] Fields(params (string, string)[] changes) =>
        [
            .. new Dictionary<string, string>
            {
                ["source"] = "Oldham Chronicle", ["published-day"] = day.Day.ToString(), ["published-month"] = day.Month.ToString(), ["published-year"] = day.Year.ToString(),
                ["headline"] = "Row over mosque plans", ["url"] = "https://example.org/story", ["tone"] = "negative", ["groups"] = "Muslim residents", ["area"] = TensionReportSetup.Ward,
            }.Select(kv => changes.FirstOrDefault(c => c.Item1 == kv.Key) is { Item1: not null } c ? c : (kv.Key, kv.Value)),
        ];
        var bad = await SignIn.PostFormAsync(officer, "/tensions/media/new", Fields(("url", "javascript:alert(1)"), ("headline", ""), ("tone", "angry")), null);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Link must be a web address starting with http:// or https:// (you entered 'javascript:alert(1)')", html, StringComparison.Ordinal);
        Assert.Contains("Enter headline", html, StringComparison.Ordinal);
        Assert.Contains("Tone must be negative, neutral or positive (you sent 'angry')", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(officer, "/tensions/media/new", Fields(), null)).StatusCode);

        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "teacher@school.example", Role.Contributor, "Oldham school");
        var list = WebUtility.HtmlDecode(await partner.GetStringAsync("/tensions/media?tone=negative&area=" + TensionReportSetup.Ward));
        Assert.Contains("Row over mosque plans", list, StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 1 of 1 media items", list, StringComparison.Ordinal);
        Assert.Contains("No media items match", WebUtility.HtmlDecode(await partner.GetStringAsync("/tensions/media?tone=positive")), StringComparison.Ordinal);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(await partner.GetByteArrayAsync("/tensions/media?handler=export&format=csv")));
        Assert.Equal(["Oldham Chronicle", "Row over mosque plans", "negative", TensionReportSetup.Ward], [rows[1][1], rows[1][2], rows[1][4], rows[1][6]]);

        await using var db = app.Database.Context();
        var id = await db.MediaItems.Select(m => m.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/tensions/media/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(officer, $"/tensions/media/{id}/edit", Fields(("tone", "neutral")), null)).StatusCode);
        Assert.Equal(MediaTone.Neutral, (await db.MediaItems.SingleAsync()).Tone);
        Assert.Equal(["logged: negative, Oldham Chronicle", "changed: neutral, Oldham Chronicle"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.MediaItemChanged).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.Target == "media-items.csv"));
    }

    [Theory]
    [BothProviders]
    public async Task AdministratorsAssignAndRemoveLeadsAndLeadsThenTriage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var (analyst, user, _) = await SignIn.NewUserClientAsync(app, "lead@council.example", Role.Analyst, FirstAdmin.OrganisationName);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/tensions/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/tensions/reports/triage")).StatusCode);

        var bad = await SignIn.PostFormAsync(admin, "/tensions/leads", [("user", user.Id.ToString()), ("area", TensionReportSetup.Lsoa)], "/tensions/leads?handler=add");
        Assert.Contains("Area must be the district or one of its wards (you sent &#x27;E01005320&#x27;)", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var add = await SignIn.PostFormAsync(admin, "/tensions/leads", [("user", user.Id.ToString()), ("area", TensionReportSetup.District), ("emailAlerts", "true")], "/tensions/leads?handler=add");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var again = await SignIn.PostFormAsync(admin, "/tensions/leads", [("user", user.Id.ToString()), ("area", TensionReportSetup.District)], "/tensions/leads?handler=add");
        Assert.Contains("lead@council.example already leads Oldham", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/tensions/reports/triage")).StatusCode);
        // The list downloads (administrators only), and the download is audited.
        var csv = await admin.GetStringAsync("/tensions/leads?handler=export&format=csv");
        Assert.Contains("area_code,area_name,email,name,organisation,email_alerts,since", csv, StringComparison.Ordinal);
        Assert.Contains("E08000004,Oldham,lead@council.example,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/tensions/leads?handler=export&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/tensions/leads?handler=export&format=csv")).StatusCode);

        await using var db = app.Database.Context();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.Target.StartsWith("monitoring-leads.")));
        var lead = await db.MonitoringLeads.SingleAsync();
        Assert.True(lead.EmailAlerts);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(admin, "/tensions/leads", [("id", lead.Id.ToString())], "/tensions/leads?handler=remove")).StatusCode);
        Assert.False(await db.MonitoringLeads.AnyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/tensions/reports/triage")).StatusCode);
        Assert.Equal(["made lead of E08000004 Oldham; e-mail alerts on", "no longer lead of E08000004 Oldham"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.MonitoringLeadChanged).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
    }
}

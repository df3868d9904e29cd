using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>
/// The public's report form: no sign-in, antiforgery, named errors, anonymous or with contact details kept apart;
/// the confirmation shows a reference and nothing typed; the report belongs to the monitoring organisation and waits
/// for its leads' triage, which only they can do (audited), before partners see it.
/// </summary>
public class PublicReportTests
{
    static (string, string)[] Fields(params (string Name, string Value)[] changes)
    {
        var day = DateTime.UtcNow.AddDays(-1);
        var f = new Dictionary<string, string>
        {
            ["type"] = "hate-incident", ["description"] = "Shouted at on the bus because of my headscarf", ["when-day"] = day.Day.ToString(),
            ["when-month"] = day.Month.ToString(), ["when-year"] = day.Year.ToString(), ["area"] = TensionReportSetup.Ward, ["place"] = "Number 59 bus",
            ["contact"] = "contact", ["name"] = "Private Person", ["email"] = "private.person@example.org", ["consent"] = "yes",
        };
        foreach (var (n, v) in changes) f[n] = v;
        return [.. f.Select(x => (x.Key, x.Value)), ("strands", "religion-or-belief")];
    }

    [Theory]
    [BothProviders]
    public async Task APublicReportWaitsForTheMonitoringLeadsTriageAndKeepsTheReporterApart(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        Assert.Contains("/report-incident", await resident.GetStringAsync("/"), StringComparison.Ordinal);

        // No antiforgery token: refused.
        var forged = await resident.PostAsync("/report-incident", new FormUrlEncodedContent(Fields().Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var bad = await SignIn.PostFormAsync(resident, "/report-incident", Fields(("type", ""), ("description", ""), ("area", "E99999999"), ("email", ""), ("consent", "")), null);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        foreach (var message in new[] { "Choose what happened", "Enter what happened", "Area must be the code of a district, ward or small area (LSOA) Cohesion knows (you entered 'E99999999')",
            "Give an email address or a phone number, or choose to stay anonymous", "Tick the box to agree that the monitoring team may contact you" })
            Assert.Contains(message, html, StringComparison.Ordinal);

        var sent = await SignIn.PostFormAsync(resident, "/report-incident", Fields(), null);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmation = WebUtility.HtmlDecode(await resident.GetStringAsync(sent.Headers.Location!.OriginalString));
        foreach (var typed in new[] { "headscarf", "Private Person", "private.person@example.org", "Number 59 bus" })
            Assert.DoesNotContain(typed, confirmation, StringComparison.Ordinal);
        var anonymous = await SignIn.PostFormAsync(resident, "/report-incident", Fields(("contact", "anonymous"), ("name", ""), ("email", ""), ("consent", "")), null);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        Guid id;
        await using (var db = app.Database.Context())
        {
            var council = await db.Organisations.SingleAsync(o => o.Name == FirstAdmin.OrganisationName);
            var reports = await db.TensionReports.OrderBy(r => r.CreatedAt).ToListAsync();
            Assert.All(reports, r => Assert.Equal((council.Id, ReportSource.PublicForm, ReportChannel.PublicForm, ReportTriage.Pending, (int?)null),
                (r.OwnerOrganisationId, r.Source, r.Channel, r.Triage, r.CreatedByUserId)));
            Assert.Equal(2, reports.Count);
            id = reports[0].Id;
            Assert.Contains(id.ToString("N")[..8].ToUpperInvariant(), confirmation, StringComparison.Ordinal);
            var reporter = await db.TensionReporters.SingleAsync();
            Assert.Equal((id, "private.person@example.org", true), (reporter.ReportId, reporter.Email, reporter.MayContact));
            // The audit says what happened, never what was typed or who typed it.
            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.TensionReportCreated).Select(a => a.Detail).ToListAsync();
            Assert.DoesNotContain(audit, d => d.Contains("Private", StringComparison.Ordinal) || d.Contains("headscarf", StringComparison.Ordinal));
        }

        // A partner does not see it while it waits; a council user who is not a lead cannot triage it.
        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "worker@school.example", Role.Admin, "Oldham school");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/tensions/reports/{id:D}")).StatusCode);
        var (officer, _, _) = await SignIn.NewUserClientAsync(app, "officer@council.example", Role.Contributor, FirstAdmin.OrganisationName);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/tensions/reports/triage")).StatusCode);
        var (lead, leadUser, _) = await SignIn.NewUserClientAsync(app, "lead@council.example", Role.Analyst, FirstAdmin.OrganisationName);
        await TensionReportSetup.MakeLeadAsync(app, leadUser.Id);
        var queue = WebUtility.HtmlDecode(await lead.GetStringAsync("/tensions/reports/triage"));
        Assert.Contains("2 reports are waiting", queue, StringComparison.Ordinal);
        Assert.Contains("headscarf", queue, StringComparison.Ordinal);
        var accept = await SignIn.PostFormAsync(lead, "/tensions/reports/triage", [("id", id.ToString()), ("version", "1")], "/tensions/reports/triage?handler=accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        // The same decision again (a second tab) changes nothing.
        var twice = await SignIn.PostFormAsync(lead, "/tensions/reports/triage", [("id", id.ToString()), ("version", "1")], "/tensions/reports/triage?handler=reject");
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        // Accepted, other organisations see it only in counts (a partner who leads nothing) or blurred (a lead elsewhere).
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/tensions/reports/{id:D}")).StatusCode);
        var (elsewhere, elsewhereUser, _) = await SignIn.NewUserClientAsync(app, "lead@school.example", Role.Contributor, "Oldham school");
        await TensionReportSetup.MakeLeadAsync(app, elsewhereUser.Id);
        var blurred = WebUtility.HtmlDecode(await elsewhere.GetStringAsync($"/tensions/reports/{id:D}"));
        Assert.DoesNotContain("headscarf", blurred, StringComparison.Ordinal);
        Assert.Contains("Religion or belief", blurred, StringComparison.Ordinal);

        await using var check = app.Database.Context();
        Assert.Equal(ReportTriage.Accepted, (await check.TensionReports.SingleAsync(r => r.Id == id)).Triage);
        Assert.Equal(["triage: accepted"], await check.AuditEntries.Where(a => a.Action == AuditActions.TensionReportChanged).Select(a => a.Detail).ToListAsync());
    }

    [Fact]
    public async Task SendingIsRateLimitedPerAddressAndKeepsWhatWasTyped()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, "--Cohesion:Security:PublicFormPermitPerMinute", "1");
        using var resident = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(resident, "/report-incident", Fields(), null)).StatusCode);
        var second = await SignIn.PostFormAsync(resident, "/report-incident", Fields(("description", "A second thing that happened")), null);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Please wait a minute", html, StringComparison.Ordinal);
        Assert.Contains("A second thing that happened", html, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.TensionReports.CountAsync());
    }
}

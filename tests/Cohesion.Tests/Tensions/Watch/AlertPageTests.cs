using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// The alert page through HTTP: only leads of the area act (others get 403 and see no buttons), each act is audited,
/// bad input names the field and value, ward counts of 1 to 4 are [c] for non-leads and exact for leads, and the
/// inbox shows and counts the lead's message until the alert is opened.
/// </summary>
public class AlertPageTests
{
    static readonly DateOnly Start = new(2024, 1, 1);

    [Theory]
    [BothProviders]
    public async Task OnlyLeadsActOnAlertsAndOthersSeeSmallWardCountsWithheld(DatabaseProvider provider)
    {
        var (app, ward, lsoa, _, _, org) = await EpisodeTests.QuietWardAsync(provider);
        await using var _ = app;
        var lead = await WatchFixture.LeadAsync(app, "ward.lead@example.org", ward);
        await WatchFixture.AddAsync(app, org, lsoa, WatchFixture.Midweek(Start, 112), 8);
        await WatchFixture.Runner(app).RunAsync(WatchFixture.Midweek(Start, 112), default);
        int alertId;
        await using (var db = app.Database.Context())
            alertId = (await db.TensionAlerts.SingleAsync(a => a.SeriesKey == WeeklyCounts.Key(ward.Code, "*", "*"))).Id;
        var page = $"/tensions/alerts/{alertId}";

        // The lead: unread message in the header and the inbox; exact counts; the buttons.
        var leadHttp = app.Client();
        await SignIn.AsAsync(leadHttp, "ward.lead@example.org", await OneTimeAsync(app, lead));
        var inbox = await leadHttp.GetStringAsync("/inbox");
        Assert.Contains("Inbox (1 unread)", inbox, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tensions/alerts/{alertId}\"", inbox, StringComparison.Ordinal);
        var leadView = await leadHttp.GetStringAsync(page);
        Assert.Contains("Acknowledge alert", leadView, StringComparison.Ordinal);
        Assert.DoesNotContain("[c]", leadView, StringComparison.Ordinal);
        Assert.Contains("Test report", leadView, StringComparison.Ordinal); // its own organisation's report, whole
        Assert.DoesNotContain("Inbox (1 unread)", await leadHttp.GetStringAsync("/inbox")); // opening the alert read it
        // The dashboard lists the lead's own ward: its open alert (linked to the filtered list) and this week's assessment to write.
        var dashboard = WebUtility.HtmlDecode(await leadHttp.GetStringAsync("/tensions"));
        Assert.Contains("Your areas", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/tensions/alerts?area={ward.Code}\">1<span class=\"govuk-visually-hidden\"> open alerts in {ward.Name}", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/tensions/assessments/new?area={ward.Code}&week=", dashboard, StringComparison.Ordinal);

        // Someone from another organisation who leads nothing: [c] for the weeks with one report, no buttons, 403 on acting, no list of the reports.
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "partner@example.org", Role.Contributor, "Another partner");
        var otherView = await other.GetStringAsync(page);
        Assert.Contains("[c]", otherView, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledge alert", otherView, StringComparison.Ordinal);
        Assert.DoesNotContain("Your areas", await other.GetStringAsync("/tensions"), StringComparison.Ordinal);
        // Nor the ward's model figures: fitted to its exact past counts, they would let differences of counts be worked out.
        Assert.Contains("expected count and bound are shown to monitoring leads only", otherView, StringComparison.Ordinal);
        Assert.DoesNotContain("expected count and bound are shown to monitoring leads only", leadView, StringComparison.Ordinal);
        var otherCsv = CsvText.Parse(System.Text.Encoding.UTF8.GetString(await other.GetByteArrayAsync("/tensions/alerts?handler=export&format=csv&state=any")));
        var leadCsv = CsvText.Parse(System.Text.Encoding.UTF8.GetString(await leadHttp.GetByteArrayAsync("/tensions/alerts?handler=export&format=csv&state=any")));
        int Col(string name) => otherCsv[0].IndexOf(name);
        string[] Row(List<string[]> csv) => csv.Single(r => r[Col("id")] == alertId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["", "", ""], new[] { "expected", "upper", "score" }.Select(c => Row(otherCsv)[Col(c)]));
        Assert.NotEqual("", Row(leadCsv)[Col("upper")]);
        Assert.DoesNotContain("Test report", otherView, StringComparison.Ordinal);
        Assert.Contains("listed only to monitoring leads", otherView, StringComparison.Ordinal); // not even blurred: a list would give the count away
        var token = SignIn.Token(await other.GetStringAsync("/inbox")); // any page with a form carries the token
        var refused = await other.PostAsync(page + "?handler=acknowledge", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The lead acts: acknowledge, a bad action, a good action, closing without and with an outcome.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(leadHttp, page, [], page + "?handler=acknowledge")).StatusCode);
        var bad = await SignIn.PostFormAsync(leadHttp, page, [("Description", "Visit the shops"), ("Owner", "PCSO team"), ("Due", "31/02/2026")], page + "?handler=action");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("(&quot;31/02/2026&quot; is not one)", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(leadHttp, page, [("Description", "Visit the shops"), ("Owner", "PCSO team"), ("Due", "30/03/2026")], page + "?handler=action")).StatusCode);
        var noOutcome = await SignIn.PostFormAsync(leadHttp, page, [("Outcome", "  ")], page + "?handler=close");
        Assert.Contains("Enter the outcome", await noOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(leadHttp, page, [("Outcome", "A neighbour dispute, settled by mediation.")], page + "?handler=close")).StatusCode);

        await using (var db = app.Database.Context())
        {
            var alert = await db.TensionAlerts.SingleAsync(a => a.Id == alertId);
            Assert.Equal((AlertState.Closed, lead.Id, lead.Id, "A neighbour dispute, settled by mediation."), (alert.State, alert.AcknowledgedByUserId, alert.ClosedByUserId, alert.Outcome));
            var action = await db.TensionActions.SingleAsync(a => a.AlertId == alertId);
            Assert.Equal((new DateOnly(2026, 3, 30), "PCSO team"), (action.DueOn, action.Owner));
            var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.TensionAlertChanged).Select(e => e.Detail).ToListAsync();
            Assert.Equal(3, audit.Count);
            Assert.All(await db.AuditEntries.Where(e => e.Action == AuditActions.TensionAlertChanged).Select(e => e.Actor).ToListAsync(), a => Assert.Equal("ward.lead@example.org", a));
        }

        // The list and its download follow the same rule; the download is audited.
        var csv = await other.GetStringAsync("/tensions/alerts?state=any&handler=export&format=csv");
        Assert.Contains(ward.Code + "|*|*", csv, StringComparison.Ordinal);
        await using (var db = app.Database.Context())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Export && e.Target == "tension-alerts.csv" && e.Actor == "partner@example.org"));
    }

    /// <summary>The lead was made with a one-time password; give them a known one.</summary>
    static async Task<string> OneTimeAsync(TestApp app, User user)
    {
        await using var db = app.Database.Context();
        var u = await db.Users.SingleAsync(x => x.Id == user.Id);
        var password = "a long test password for leads";
        u.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<User>().HashPassword(u, password);
        u.MustChangePassword = false;
        await db.SaveChangesAsync();
        return password;
    }
}

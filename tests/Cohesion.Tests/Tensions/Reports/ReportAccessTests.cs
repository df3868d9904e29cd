using System.Net;
using System.Text;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>
/// Who sees what of a report (issue 7): the owner organisation's users see it whole but not the reporter; its monitoring
/// leads also see the reporter, each read audited; other organisations' monitoring leads see only ward, week, type,
/// strands and source, in pages and downloads alike; partners who lead nothing do not see it at all (only in counts);
/// the public sees nothing; every view of a detail page is audited.
/// </summary>
public class ReportAccessTests
{
    [Theory]
    [BothProviders]
    public async Task OwnersSeeReportsWholeLeadsSeeTheReporterAndPartnersSeeThemBlurred(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        var (lead, leadUser, _) = await SignIn.NewUserClientAsync(app, "lead@police.example", Role.Analyst, "Greater Manchester Police");
        await TensionReportSetup.MakeLeadAsync(app, leadUser.Id);
        var (partner, partnerUser, _) = await SignIn.NewUserClientAsync(app, "worker@school.example", Role.Admin, "Oldham school");
        await TensionReportSetup.MakeLeadAsync(app, partnerUser.Id);
        var (bystander, _, _) = await SignIn.NewUserClientAsync(app, "teacher@school.example", Role.Admin, "Oldham school");
        var id = await TensionReportSetup.LogAsync(owner);
        var page = $"/tensions/reports/{id:D}";
        var secrets = new[] { "Secret Street", "Graffiti naming a family", "53.5409", TensionReportSetup.Lsoa, "Rhiannon", "rhiannon@example.org", "18:30" };

        var whole = WebUtility.HtmlDecode(await owner.GetStringAsync(page));
        Assert.Contains("Outside 12 Secret Street", whole, StringComparison.Ordinal);
        Assert.Contains("Graffiti naming a family", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("Rhiannon", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("rhiannon@example.org", whole, StringComparison.Ordinal);

        var asLead = WebUtility.HtmlDecode(await lead.GetStringAsync(page));
        Assert.Contains("Rhiannon Witness", asLead, StringComparison.Ordinal);
        Assert.Contains("rhiannon@example.org", asLead, StringComparison.Ordinal);

        var blurred = WebUtility.HtmlDecode(await partner.GetStringAsync(page));
        Assert.Contains("Alexandra", blurred, StringComparison.Ordinal);
        Assert.Contains("Hate incident", blurred, StringComparison.Ordinal);
        Assert.Contains("Race or ethnicity", blurred, StringComparison.Ordinal);
        foreach (var s in secrets) Assert.DoesNotContain(s, blurred, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await partner.GetStringAsync("/tensions/reports"));
        Assert.Contains(id.ToString("N")[..8].ToUpperInvariant(), list, StringComparison.Ordinal);
        foreach (var s in secrets) Assert.DoesNotContain(s, list, StringComparison.Ordinal);
        // A partner's search reads only their own descriptions: nothing of the owner's turns up.
        Assert.Contains("No reports match", WebUtility.HtmlDecode(await partner.GetStringAsync("/tensions/reports?q=graffiti")), StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 1 of 1 reports", WebUtility.HtmlDecode(await owner.GetStringAsync("/tensions/reports?q=graffiti")), StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await partner.GetByteArrayAsync("/tensions/reports?handler=export&format=csv"));
        foreach (var s in secrets) Assert.DoesNotContain(s, csv, StringComparison.Ordinal);
        var rows = CsvText.Parse(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal([TensionReportSetup.Ward, "blurred", "hate-incident"], [rows[1][8], rows[1][2], rows[1][10]]);
        var ownCsv = Encoding.UTF8.GetString(await owner.GetByteArrayAsync("/tensions/reports?handler=export&format=xlsx"));
        Assert.NotEmpty(ownCsv);
        var ownRows = CsvText.Parse(Encoding.UTF8.GetString(await owner.GetByteArrayAsync("/tensions/reports?handler=export&format=csv")));
        Assert.Equal([TensionReportSetup.Lsoa, "exact", "Outside 12 Secret Street"], [ownRows[1][6], ownRows[1][2], ownRows[1][16]]);
        Assert.DoesNotContain("Rhiannon", string.Concat(ownRows.SelectMany(r => r)), StringComparison.Ordinal);

        // A partner who leads nothing: not the page, not a row of the list or the download.
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync(page)).StatusCode);
        Assert.Single(CsvText.Parse(Encoding.UTF8.GetString(await bystander.GetByteArrayAsync("/tensions/reports?handler=export&format=csv"))));

        using var anonymous = app.Client();
        var denied = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/sign-in", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var db = app.Database.Context();
        var target = $"tension report {id:D}";
        var views = await db.AuditEntries.Where(a => a.Action == AuditActions.TensionReportViewed && a.Target == target).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("officer@police.example", "exact (owner)"), ("lead@police.example", "exact (owner)"), ("worker@school.example", "blurred (partner)")],
            views.Select(v => (v.Actor, v.Detail)));
        Assert.Equal(["lead@police.example"], await db.AuditEntries.Where(a => a.Action == AuditActions.TensionReporterRead && a.Target == target).Select(a => a.Actor).ToListAsync());
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.Target.StartsWith("tension-reports.")));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TensionReportCreated && a.Target == target));
    }

    [Theory]
    [BothProviders]
    public async Task OnlyTheOwnersContributorsEditAndTheirAdministratorsDelete(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        var (partner, _, _) = await SignIn.NewUserClientAsync(app, "boss@school.example", Role.Admin, "Oldham school");
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "reader@police.example", Role.Viewer, "Greater Manchester Police");
        var id = await TensionReportSetup.LogAsync(owner);
        // Another organisation's partner who leads nothing cannot see the report at all, so it is not found for them.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/tensions/reports/{id:D}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/tensions/reports/{id:D}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/tensions/reports/{id:D}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/tensions/reports/{id:D}/delete")).StatusCode);

        // Two people open the form at version 1; the second to save is refused and shown the first one's version.
        var first = await SignIn.PostFormAsync(owner, $"/tensions/reports/{id:D}/edit", TensionReportSetup.Fields(("description", "Graffiti, cleaned the next day"), ("version", "1")), null);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await SignIn.PostFormAsync(owner, $"/tensions/reports/{id:D}/edit", TensionReportSetup.Fields(("description", "Graffiti (second editor)"), ("version", "1")), null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this report (version 2", html, StringComparison.Ordinal);
        Assert.Contains("Graffiti, cleaned the next day", html, StringComparison.Ordinal);

        var (admin, _, _) = await SignIn.NewUserClientAsync(app, "chief@police.example", Role.Admin, "Greater Manchester Police");
        var wrong = await SignIn.PostFormAsync(admin, $"/tensions/reports/{id:D}/delete", ("confirm", "NOTTHIS1"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That is not the report&#x27;s reference (you typed &#x27;NOTTHIS1&#x27;)", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var gone = await SignIn.PostFormAsync(admin, $"/tensions/reports/{id:D}/delete", ("confirm", id.ToString("N")[..8]));
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        await using var db = app.Database.Context();
        Assert.False(await db.TensionReports.AnyAsync());
        Assert.False(await db.TensionReporters.AnyAsync());
        Assert.Equal(["tension-report-created", "tension-report-changed", "tension-report-deleted"],
            await db.AuditEntries.Where(a => a.Target == $"tension report {id:D}" && a.Action != AuditActions.TensionReportViewed && a.Action != AuditActions.TensionReporterRead).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [BothProviders]
    public async Task TheFormRefusesBadFieldsNamingTheFieldAndValueAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        var tomorrow = DateTime.UtcNow.AddDays(2);
        var r = await SignIn.PostFormAsync(owner, "/tensions/reports/new", TensionReportSetup.Fields(
            ("occurred-day", tomorrow.Day.ToString()), ("occurred-month", tomorrow.Month.ToString()), ("occurred-year", tomorrow.Year.ToString()),
            ("area", "E99999999"), ("type", "fight"), ("description", new string('x', TensionLimits.DescriptionLength + 1)), ("people", "-3"),
            ("latitude", "91"), ("reporter-email", "not an address"), ("links", "ZZZZZZZZ")), null);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        foreach (var message in new[]
        {
            "When it happened cannot be in the future (you entered '",
            "Area must be the code of a district, ward or small area (LSOA) Cohesion knows (you entered 'E99999999')",
            "Type must be one of hate-incident, hate-crime, community-dispute",
            $"Description must be 4,000 characters or fewer (you entered 4,001)",
            "People affected must be a whole number from 0 to 100,000 (you entered '-3')",
            "Latitude must be a number of degrees from 49 to 61 (you entered '91')",
            "Reporter's email address must be an email address like name@example.org (you entered 'not an address')",
            "Linked reports must be references of reports you can see, like 3F2A9C1B (you entered 'ZZZZZZZZ')",
        })
            Assert.Contains(message, html, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.False(await db.TensionReports.AnyAsync());
    }
}

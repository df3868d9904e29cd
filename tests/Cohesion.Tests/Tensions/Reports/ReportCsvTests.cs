using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>
/// CSV import of reports: the documented example imports; importing it again changes nothing, a changed row updates its
/// report (by client_id) rather than adding one; a bad file is refused naming file, line, column and value and changes
/// nothing; a killed import leaves nothing; the upload page is for analysts and lists the problems.
/// </summary>
public class ReportCsvTests
{
    static string Example => File.ReadAllText(Files.Repo("docs", "examples", "tension-reports.csv"));

    [Theory]
    [BothProviders]
    public async Task TheExampleImportsAndImportingAgainUpdatesByClientIdInsteadOfDuplicating(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var files = new Files();
        await SignIn.CreateUserAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        var path = files.Write("reports.csv", Example);
        var first = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", path, "--organisation", "Greater Manchester Police");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("Imported reports.csv: 3 reports added, 0 updated, 0 unchanged.", first.Out, StringComparison.Ordinal);
        var again = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", path, "--organisation", "Greater Manchester Police");
        Assert.Contains("0 reports added, 0 updated, 3 unchanged", again.Out, StringComparison.Ordinal);
        var edited = files.Write("edited.csv", Example.Replace("it passed peacefully", "it ended with two arrests", StringComparison.Ordinal));
        var dry = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", edited, "--organisation", "Greater Manchester Police", "--dry-run");
        Assert.Contains("Dry run: edited.csv is valid: importing it would add 0 reports and update 1 (2 unchanged). Nothing was changed.", dry.Out, StringComparison.Ordinal);
        var update = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", edited, "--organisation", "Greater Manchester Police");
        Assert.Contains("0 reports added, 1 updated, 2 unchanged", update.Out, StringComparison.Ordinal);

        await using var db = app.Database.Context();
        var reports = await db.TensionReports.OrderBy(r => r.ClientId).ToListAsync();
        Assert.Equal(["GMP-2026-0001", "GMP-2026-0002", "GMP-2026-0003"], reports.Select(r => r.ClientId));
        Assert.All(reports, r => Assert.Equal((ReportChannel.CsvImport, ReportTriage.Accepted), (r.Channel, r.Triage)));
        Assert.Equal([1, 1, 2], reports.Select(r => r.Version));
        Assert.Contains("two arrests", reports[2].Description, StringComparison.Ordinal);
        // Without an offset the time is UK local time: 09:15 in January is 09:15 UTC.
        Assert.Equal(new DateTime(2026, 1, 6, 9, 15, 0), reports[1].OccurredAt);
        Assert.Equal(Strands.ReligionOrBelief | Strands.RaceOrEthnicity, reports[1].Strands);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TensionReportImport && !a.Detail.Contains("dry run")));
    }

    [Theory]
    [BothProviders]
    public async Task ABadFileIsRefusedNamingLineColumnAndValueAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var files = new Files();
        var header = string.Join(",", ReportCsv.Columns);
        var bad = files.Write("bad.csv", header + "\n" +
            "A1,2099-01-01T00:00:00Z,E01005320,hate-incident,,,partner,Future,,,,\n" +
            "A2,2026-01-01T10:00:00Z,E99999999,fight,purple,,public-form,,x,,53.5,\n" +
            "A1,2026-01-01T10:00:00Z,E01005320,rumour,,,partner,Twice,,,,\n");
        var r = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", bad);
        Assert.Equal(2, r.ExitCode);
        foreach (var message in new[]
        {
            "bad.csv: line 2, column 'occurred_at', value '2099-01-01T00:00:00Z': When it happened cannot be in the future",
            "bad.csv: line 3, column 'area', value 'E99999999': Area must be the code of a district, ward or small area (LSOA) Cohesion knows",
            "bad.csv: line 3, column 'type', value 'fight': Type must be one of",
            "bad.csv: line 3, column 'strands', value 'purple': Strand must be one of",
            "bad.csv: line 3, column 'source', value 'public-form': Source must be partner or media-monitoring",
            "bad.csv: line 3, column 'description', value '': Enter description",
            "bad.csv: line 3, column 'people_affected', value 'x': People affected must be a whole number",
            "bad.csv: line 3, column 'longitude': Give both latitude and longitude, or neither",
            "bad.csv: line 4, column 'client_id', value 'A1': the file already has this client_id on line 2",
        })
            Assert.Contains(message, r.Err, StringComparison.Ordinal);
        var wrongHeader = await CohesionExe.RunAsync(app.Database, "import", "tension-reports", files.Write("header.csv", "id,when\n1,2\n"));
        Assert.Contains("header.csv: line 1", wrongHeader.Err, StringComparison.Ordinal);
        Assert.Contains("wrong header: expected client_id,occurred_at,area", wrongHeader.Err, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.False(await db.TensionReports.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TensionReportImport));
    }

    [Fact]
    public async Task AKilledImportLeavesNothingBehind()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var files = new Files();
        var rows = new StringBuilder(string.Join(",", ReportCsv.Columns)).Append('\n');
        for (var i = 0; i < ReportCsv.MaxRows; i++)
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"K{i},2025-06-01T12:00:00Z,E01005320,rumour,race-or-ethnicity,housing,partner,Report number {i} of a big file,{i % 7},,,\n");
        var big = files.Write("big.csv", rows.ToString());
        await CohesionExe.KillWhileWritingAsync(app.Database, "writing 50,000 reports", "import", "tension-reports", big);
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.TensionReports.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TensionReportImport));
    }

    [Theory]
    [BothProviders]
    public async Task TheUploadPageIsForAnalystsListsProblemsAndImportsForTheirOrganisation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (contributor, _, _) = await SignIn.NewUserClientAsync(app, "officer@police.example", Role.Contributor, "Greater Manchester Police");
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/tensions/reports/import")).StatusCode);
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "analyst@police.example", Role.Analyst, "Greater Manchester Police");

        async Task<HttpResponseMessage> UploadAsync(string name, string content)
        {
            var html = await analyst.GetStringAsync("/tensions/reports/import");
            var body = new MultipartFormDataContent
            {
                { new StringContent(SignIn.Token(html)), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name },
            };
            return await analyst.PostAsync("/tensions/reports/import", body);
        }

        var bad = await UploadAsync("partner.csv", Example.Replace("E05000719", "NOWHERE", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("partner.csv: line 3, column &#x27;area&#x27;, value &#x27;NOWHERE&#x27;", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var good = await UploadAsync("partner.csv", Example);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using var db = app.Database.Context();
        var police = await db.Organisations.SingleAsync(o => o.Name == "Greater Manchester Police");
        Assert.Equal(3, await db.TensionReports.CountAsync(r => r.OwnerOrganisationId == police.Id));
    }
}

using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>/surveys: the surveys a viewer may see, searched, filtered, sorted, paged and downloaded (audited), with links for those who run them.</summary>
public class SurveyListTests
{
    [Theory]
    [BothProviders]
    public async Task ListShowsOnlyWhatTheViewerMaySeeWithFiltersSortAndAuditedDownloads(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var published = await SurveyAsync(app, "oldham-2024", ["cohesion", "residence"], open: false, published: true, owner: "Oldham Council", period: "2024");
        await SurveyAsync(app, "coldhurst-draft", ["cohesion"], open: false, published: false, owner: "Coldhurst Partnership", period: "2026");
        await SurveyAsync(app, "werneth-2025", ["belonging"], open: true, published: true, owner: "Coldhurst Partnership", period: "2025");
        await ResponsesAsync(app, published, new() { ["cohesion"] = "tend-to-agree", ["residence"] = "E05000723" }, new() { ["cohesion"] = "definitely-disagree" });

        using var anonymous = app.Client();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/surveys"));
        Assert.Contains("Showing 1 to 2 of 2 surveys.", page);
        Assert.Contains("Test oldham-2024", page);
        Assert.DoesNotContain("coldhurst-draft", page); // unpublished: not even its name
        Assert.DoesNotContain("Start a survey", page);
        Assert.DoesNotContain("/manage", page);
        Assert.Contains("href=\"/surveys/werneth-2025/respond\"", page); // open: the form is linked
        Assert.DoesNotContain("href=\"/surveys/oldham-2024/respond\"", page);

        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Coldhurst Partnership");
        page = WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys"));
        Assert.Contains("Showing 1 to 3 of 3 surveys.", page);
        Assert.Contains("href=\"/surveys/new\"", page);
        Assert.Contains("href=\"/surveys/coldhurst-draft/manage\"", page);
        Assert.Contains("href=\"/surveys/werneth-2025/manage\"", page);
        Assert.DoesNotContain("href=\"/surveys/oldham-2024/manage\"", page); // another organisation's

        // Filters, search and sort; a viewer in the same organisation sees the survey but is offered no way to run it.
        Assert.Contains("Showing 1 to 1 of 1 surveys.", await staff.GetStringAsync("/surveys?status=unpublished"));
        Assert.Contains("Test coldhurst-draft", await staff.GetStringAsync("/surveys?status=unpublished"));
        Assert.Contains("No surveys match.", await staff.GetStringAsync("/surveys?q=nothing-like-it"));
        Assert.Contains("Showing 1 to 1 of 1 surveys.", await staff.GetStringAsync("/surveys?period=2025&status=open"));
        var sorted = await staff.GetStringAsync("/surveys?sort=responses&dir=desc");
        Assert.True(sorted.IndexOf("Test oldham-2024", StringComparison.Ordinal) < sorted.IndexOf("Test werneth-2025", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"descending\"", sorted);
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, "Coldhurst Partnership");
        page = await viewer.GetStringAsync("/surveys");
        Assert.Contains("Test coldhurst-draft", page);
        Assert.DoesNotContain("/manage", page);

        var csv = await CsvText.GetAsync(staff, "/surveys/export.csv?sort=title&dir=asc");
        Assert.Equal(["name", "title", "area_code", "area", "period", "owner", "open", "published", "synthetic", "responses"], csv[0]);
        Assert.Equal(["coldhurst-draft", "Test coldhurst-draft", Oldham, "Oldham", "2026", "Coldhurst Partnership", "no", "no", "no", "0"], csv[1]);
        Assert.Equal(["oldham-2024", "Test oldham-2024", Oldham, "Oldham", "2024", "Oldham Council", "no", "yes", "no", "2"], csv[2]);
        Assert.Equal(3, csv.Count - 1);
        Assert.Equal(2, (await CsvText.GetAsync(anonymous, "/surveys/export.csv")).Count - 1);
        var xlsx = await staff.GetAsync("/surveys/export.xlsx?status=open");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/surveys/export.pdf")).StatusCode);

        await using var db = app.Database.Context();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.Export && a.Target.StartsWith("surveys.")).OrderBy(a => a.Id)
            .Select(a => $"{a.Actor} {a.Target}: {a.Detail}").ToListAsync();
        Assert.Equal(
        [
            "worker@example.org surveys.csv: 3 rows; search=none; period=all; status=all; sort=title ascending",
            "anonymous surveys.csv: 2 rows; search=none; period=all; status=all; sort=period descending",
            "worker@example.org surveys.xlsx: 1 rows; search=none; period=all; status=open; sort=period descending",
        ], audit);
    }

    [Theory]
    [BothProviders]
    public async Task ListPagesTwentyFiveAtATime(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        for (var i = 1; i <= 27; i++) await SurveyAsync(app, $"s-{i:00}", ["cohesion"], period: $"20{i:00}");
        using var http = app.Client();
        var first = await http.GetStringAsync("/surveys");
        Assert.Contains("Showing 1 to 25 of 27 surveys.", first);
        Assert.Contains("Test s-27", first); // latest period first
        var second = await http.GetStringAsync("/surveys?page=2");
        Assert.Contains("Showing 26 to 27 of 27 surveys.", second);
        Assert.Contains("Test s-01", second);
        Assert.Contains("Showing 26 to 27 of 27 surveys.", await http.GetStringAsync("/surveys?page=99")); // past the end: the last page
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.PlaceStandard;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.PlaceStandard.PlaceStandardSetup;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>Results through the pages, the API and the downloads: the same figures, small bases withheld as [c], groups weighted by participants, unpublished engagements for their owner only.</summary>
public class PlaceStandardResultsTests
{
    /// <summary>
    /// Five individuals and a workshop of six on theme 1 (11 people); three individuals on theme 2 (under the minimum of 5);
    /// nobody on the rest.
    /// </summary>
    static async Task<Engagement> SmallEngagementAsync(TestApp app, string name, bool published = true, string owner = "Test partner")
    {
        var e = await EngagementAsync(app, name, published: published, owner: owner);
        await AssessmentsAsync(app, e,
            (1, Scores(1, 2), null), (1, Scores(2, 3), "Buses"), (1, Scores(3, 4), null), (1, Scores(4), null), (1, Scores(5), null), (6, Scores(7), null));
        return e;
    }

    static double? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    [Theory]
    [BothProviders]
    public async Task PageApiAndDownloadsAgreeWeightGroupsAndWithholdSmallBases(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallEngagementAsync(app, "small");
        using var http = app.Client();

        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/engagements/small");
        var summary = api.GetProperty("summary");
        Assert.Equal((6, 5, 1, 6, 11.0), (summary.GetProperty("assessments").GetInt32(), summary.GetProperty("individuals").GetInt32(), summary.GetProperty("groups").GetInt32(),
            summary.GetProperty("groupParticipants").GetInt32(), summary.GetProperty("people").GetDouble()));
        var themes = api.GetProperty("themes");
        var t1 = themes[0];
        Assert.Equal((6, 11.0), (t1.GetProperty("assessments").GetInt32(), t1.GetProperty("people").GetDouble()));
        Assert.Equal(Math.Round((1 + 2 + 3 + 4 + 5 + 6 * 7) / 11.0, 3), Num(t1, "mean"));
        Assert.Equal(7, Num(t1, "median")); // six of eleven people scored 7
        Assert.Equal(6, t1.GetProperty("distribution")[6].GetProperty("people").GetDouble());
        var t2 = themes[1];
        Assert.True(t2.GetProperty("withheld").GetBoolean());
        Assert.Equal(3, t2.GetProperty("people").GetDouble()); // the count is always given
        Assert.Null(Num(t2, "mean"));
        Assert.Null(Num(t2, "median"));
        Assert.All(t2.GetProperty("distribution").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("percent").ValueKind));
        Assert.False(themes[2].GetProperty("withheld").GetBoolean()); // nobody answered: nothing withheld, nothing to show

        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/place-standard/small"));
        Assert.Contains("6 assessments: 5 individual and 1 group (6 people in the groups), 11 people in all", html);
        Assert.Contains($">{Num(t1, "mean")!.Value:0.0}<", html);
        Assert.Contains("[c]<span class=\"govuk-visually-hidden\"> (withheld: fewer people answered than the minimum)</span>", html);
        Assert.Contains("data-chart=\"radar\"", html);
        Assert.Contains("\"min\":1,\"max\":7", html);

        var csv = await CsvText.GetAsync(http, "/place-standard/small/results.csv");
        Assert.Equal(["theme_number", "theme_code", "theme", "question", "assessments", "people", "mean", "median"], csv[0]);
        Assert.Equal(["1", "moving_around", "Moving around", PlaceStandardThemes.Get(1).Question, "6", "11", Num(t1, "mean")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "7"], csv[1]);
        Assert.Equal(["2", "public_transport", "Public transport", PlaceStandardThemes.Get(2).Question, "3", "3", "[c]", "[c]"], csv[2]);
        Assert.Equal("[x]", csv[3][6]);
        var distribution = await CsvText.GetAsync(http, "/place-standard/small/distribution.csv");
        Assert.Equal(1 + 14 * 7, distribution.Count);
        Assert.Equal(["2", "public_transport", "Public transport", "1", "[c]", "[c]"], distribution[8]);

        // Breakdown by kind: the five individuals are a group of their own; the one workshop of six is published as six people.
        var breakdown = await http.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/engagements/small/breakdown?by=kind");
        var groups = breakdown.GetProperty("groups");
        Assert.Equal(["individual", "group"], groups.EnumerateArray().Select(g => g.GetProperty("code").GetString()));
        Assert.Equal(3, Num(groups[0].GetProperty("themes")[0], "mean"));
        Assert.Equal(7, Num(groups[1].GetProperty("themes")[0], "mean"));
        var byAge = await http.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/engagements/small/breakdown?by=age_band");
        Assert.Equal("25-34", byAge.GetProperty("groups")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/place-standard/engagements/small/breakdown?by=shoe_size")).StatusCode);
        Assert.Contains("25 to 34", WebUtility.HtmlDecode(await http.GetStringAsync("/place-standard/small?by=age_band")));

        var compare = await http.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/compare?engagements=small");
        Assert.Equal(Num(t1, "mean"), compare.GetProperty("themes")[0].GetProperty("means")[0].GetDouble());
    }

    [Theory]
    [BothProviders]
    public async Task UnpublishedEngagementIsSeenOnlyByTheOwnerOrganisation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallEngagementAsync(app, "draft", published: false, owner: "Owner partner");
        string[] urls = ["/place-standard/draft", "/api/v1/place-standard/engagements/draft", "/api/v1/place-standard/engagements/draft/comments",
            "/place-standard/draft/results.csv", "/place-standard/draft/comments.xlsx", "/api/v1/place-standard/compare?engagements=draft"];
        using var anonymous = app.Client();
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Analyst, "Another partner");
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "owner@example.org", Role.Viewer, "Owner partner");
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
        }
        Assert.DoesNotContain("draft", await anonymous.GetStringAsync("/api/v1/place-standard/engagements"));
        Assert.Contains("These results are not published", await owner.GetStringAsync("/place-standard/draft"));
        // The owner's viewers see it but do not run it.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/place-standard/draft/moderate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/place-standard/draft/manage")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task ModerationHidesCommentsUntilApprovedOrRedactedAndIsAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var e = await EngagementAsync(app, "moderated", owner: "Owner partner");
        await AssessmentsAsync(app, e, (1, Scores(3), "More bins please"), (1, Scores(2), "Ask Jo on 07700 900123"), (1, Scores(4), "Email jo@example.org"), (1, Scores(5), "Abuse"));
        using var anonymous = app.Client();
        async Task<List<string>> PublicAsync() => (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/place-standard/engagements/moderated/comments"))
            .GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        Assert.Empty(await PublicAsync()); // nothing is published unread
        Assert.DoesNotContain("More bins please", await anonymous.GetStringAsync("/place-standard/moderated"));

        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "mod@example.org", Role.Contributor, "Owner partner");
        var queue = WebUtility.HtmlDecode(await staff.GetStringAsync("/place-standard/moderated/moderate"));
        Assert.Contains("Waiting (4)", queue);
        Assert.Contains("Waiting, personal data found (2)", queue);
        Assert.Contains("The screen found a phone number.", queue);
        Assert.Contains("Ask Jo on [phone number removed]", queue); // the suggested redaction
        Assert.True(queue.IndexOf("Ask Jo", StringComparison.Ordinal) < queue.IndexOf("More bins please", StringComparison.Ordinal)); // flagged first

        var r = await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [], "/place-standard/moderated/moderate?handler=approveClean");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(["More bins please", "Abuse"], await PublicAsync()); // the flagged ones still wait

        await using var db = app.Database.Context();
        long Id(string start) => db.PsComments.AsNoTracking().Single(c => c.Text.StartsWith(start)).Id;
        var jo = Id("Ask Jo");
        var refused = await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [("text", "Ask Jo on 07700 900 123")], $"/place-standard/moderated/moderate?handler=redact&id={jo}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"<a href=\"#text-{jo}\">The comment still holds a phone number: remove it before publishing</a>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [("text", "Ask Jo on [phone number removed]")], $"/place-standard/moderated/moderate?handler=redact&id={jo}")).StatusCode);
        var email = Id("Email jo@");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [], $"/place-standard/moderated/moderate?handler=reject&id={email}")).StatusCode);
        var abuse = Id("Abuse");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [], $"/place-standard/moderated/moderate?handler=reject&id={abuse}")).StatusCode);

        Assert.Equal(["More bins please", "Ask Jo on [phone number removed]"], await PublicAsync());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/place-standard/moderated#comments"));
        Assert.Contains("Personal details removed before publication.", page);
        Assert.DoesNotContain("07700", page);
        Assert.DoesNotContain("jo@example.org", page);
        var rejected = await db.PsComments.AsNoTracking().SingleAsync(c => c.Id == email);
        Assert.Equal((ModerationState.Rejected, "", "mod@example.org"), (rejected.State, rejected.Text, rejected.ModeratedBy)); // the text is gone for good

        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.Moderation).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
        Assert.Equal(["approved 2 waiting comments in which the screen found nothing", "redacted (phone)", "rejected; text deleted", "rejected; text deleted"], audit);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Detail + a.Target).ToListAsync(), d => d.Contains("07700"));

        // A comment of another engagement cannot be moderated through this one.
        var other = await EngagementAsync(app, "other-one", owner: "Owner partner");
        await AssessmentsAsync(app, other, (1, Scores(3), "Elsewhere"));
        var elsewhere = Id("Elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(staff, "/place-standard/moderated/moderate", [], $"/place-standard/moderated/moderate?handler=approve&id={elsewhere}")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task EveryDownloadIsAuditedWithWhatWasExported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallEngagementAsync(app, "exported");
        await using (var db = app.Database.Context())
            await db.PsComments.ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ModerationState.Approved));
        var (http, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Analyst, "Another partner");
        string[] urls =
        [
            "/place-standard/exported/results.csv", "/place-standard/exported/distribution.xlsx", "/place-standard/exported/breakdown.csv?by=sex",
            "/place-standard/exported/comments.csv?theme=moving_around", "/place-standard/export.xlsx?status=closed", "/place-standard/compare.csv?e=exported",
        ];
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        var comments = await CsvText.GetAsync(http, "/place-standard/exported/comments.csv");
        Assert.Equal(["1", "moving_around", "Moving around", "could_be_better", "Buses", "no"], comments[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/place-standard/exported/secrets.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/place-standard/exported/results.pdf")).StatusCode);

        await using var ctx = app.Database.Context();
        var audit = await ctx.AuditEntries.Where(a => a.Action == AuditActions.Export).OrderBy(a => a.Id).Select(a => new { a.Actor, a.Target, a.Detail }).ToListAsync();
        Assert.Equal(urls.Length + 1, audit.Count);
        Assert.All(audit, a => Assert.Equal("analyst@example.org", a.Actor));
        Assert.Equal("place-standard-exported-results.csv", audit[0].Target);
        Assert.Contains("engagement=exported; table=results; minimum base 5", audit[0].Detail);
        Assert.Equal("place-standard-exported-breakdown-sex.csv", audit[2].Target);
        Assert.Contains("theme=moving_around", audit[3].Detail);
        Assert.Contains("status=closed", audit[4].Detail);
        Assert.Contains("engagements=exported", audit[5].Detail);
    }
}

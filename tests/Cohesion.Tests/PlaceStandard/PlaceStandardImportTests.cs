using System.Net;
using System.Net.Http.Headers;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.PlaceStandard;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.PlaceStandard.PlaceStandardSetup;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>Assessments from CSV, by the command line and the upload page: every row checked, errors that name file, line, column and value, all or nothing.</summary>
public class PlaceStandardImportTests
{
    static readonly string Example = Files.Repo("docs", "examples", "place-standard-assessments.csv");

    const string Header = "assessment,kind,participants,group_label,age_band,sex,ethnic_group,disability,theme,score,good_now,could_be_better\n";

    /// <summary>A file with one problem of each kind the importer must catch, on lines 3 to 9.</summary>
    const string Bad = Header
        + "A1,individual,,,25-34,female,,,moving_around,5,,\n"
        + "A1,individual,,,25-34,female,,,public_transport,8,,\n"            // line 3: out of range
        + "A1,individual,,,25-34,female,,,parks,4,,\n"                       // line 4: unknown theme
        + "A2,group,1,Youth club,,,,,moving_around,3,,\n"                    // line 5: a group of one
        + "A3,individual,,,16-24,,martian,,moving_around,3,,\n"              // line 6: unknown ethnic group
        + "A1,group,,,25-34,female,,,feeling_safe,4,,\n"                     // line 7: kind differs from line 2
        + "A1,individual,,,25-34,female,,,moving_around,6,,\n"               // line 8: theme twice
        + "A4,individual,,,,,,,natural_space,four,,\n";                      // line 9: not a number

    static async Task<(TestDatabase Db, Engagement E)> DatabaseWithEngagementAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Context();
        var org = ctx.Organisations.Add(new Organisation { Name = "Test partner", Kind = OrganisationKind.Voluntary, CreatedAt = DateTime.UtcNow }).Entity;
        var area = ctx.Areas.Add(new Area { Code = Coldhurst, Name = "Coldhurst", Level = AreaLevel.Ward }).Entity;
        await ctx.SaveChangesAsync();
        var e = ctx.PsEngagements.Add(new Engagement { Name = "import-test", Title = "Import test", AreaId = area.Id, Period = "2025", OwnerOrganisationId = org.Id, IsPublished = true, CreatedAt = DateTime.UtcNow }).Entity;
        await ctx.SaveChangesAsync();
        return (db, e);
    }

    [Theory]
    [BothProviders]
    public async Task CliImportsTheDocumentedExampleWeightingTheGroupByItsParticipants(DatabaseProvider provider)
    {
        var (db, _) = await DatabaseWithEngagementAsync(provider);
        await using var _db = db;
        var r = await CohesionExe.RunAsync(db, "import", "place-standard", Example, "--engagement", "import-test");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Imported 3 assessments (1 by a group) into import-test: 20 scores and 9 comments, 9 of them held until a moderator approves them.", r.Out);

        await using var ctx = db.Context();
        var assessments = await ctx.PsAssessments.Include(a => a.Scores).Include(a => a.Comments).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AssessmentKind.Individual, AssessmentKind.Individual, AssessmentKind.Group], assessments.Select(a => a.Kind));
        Assert.Equal(("Youth club", 12), (assessments[2].GroupLabel, assessments[2].Participants));
        Assert.Equal(13, assessments[0].Scores.Count); // influence_control was left blank: not answered
        Assert.All(assessments, a => Assert.Equal(AssessmentWriter.Import, a.Source));
        Assert.All(assessments.SelectMany(a => a.Comments), c => Assert.Equal(ModerationState.Pending, c.State));
        var audit = await ctx.AuditEntries.SingleAsync(a => a.Action == AuditActions.PlaceStandardImport);
        Assert.Equal(("place-standard import-test from place-standard-assessments.csv", "3 assessments (1 by a group), 20 scores, 9 comments (9 held for moderation)"), (audit.Target, audit.Detail));

        // --comments-approved publishes the comments in which nothing was found; a second import adds to the first.
        using var files = new Files();
        var file = files.Write("more.csv", Header + "B1,,,,,,,,1,4,,Ring 07700 900123\nB1,,,,,,,,2,5,Lovely,\n");
        r = await CohesionExe.RunAsync(db, "import", "place-standard", file, "--engagement", "import-test", "--comments-approved");
        Assert.True(r.ExitCode == 0, r.All);
        // One assessment is worded as one, not "1 assessments (0 group)".
        Assert.Contains("Imported 1 assessment (none by a group) into import-test: 2 scores and 2 comments, 1 of them held until a moderator approves them.", r.Out);
        var states = await ctx.PsComments.Where(c => c.Assessment!.Source == "import" && c.Assessment.Id > assessments[2].Id).Select(c => new { c.Text, c.State, c.Flags }).ToListAsync();
        Assert.Contains(states, c => c.Text == "Lovely" && c.State == ModerationState.Approved);
        Assert.Contains(states, c => c.Text == "Ring 07700 900123" && c.State == ModerationState.Pending && c.Flags == "phone");
    }

    [Theory]
    [BothProviders]
    public async Task ImportRejectsEveryBadRowNamingFileLineColumnAndValueAndChangesNothing(DatabaseProvider provider)
    {
        var (db, _) = await DatabaseWithEngagementAsync(provider);
        await using var _db = db;
        using var files = new Files();
        var r = await CohesionExe.RunAsync(db, "import", "place-standard", files.Write("bad.csv", Bad), "--engagement", "import-test");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Import rejected: nothing was changed. 8 problems found:", r.Err);
        Assert.Contains("bad.csv: line 3, column 'score', value '8': a score must be a whole number from 1 (a lot of room for improvement) to 7 (very little room for improvement), or blank for not answered", r.Err);
        Assert.Contains("bad.csv: line 4, column 'theme', value 'parks': unknown theme: use a code (moving_around, public_transport,", r.Err);
        Assert.Contains("bad.csv: line 5, column 'participants', value '1': a group assessment needs the number of people who took part, a whole number from 2 to 1,000", r.Err);
        Assert.Contains("bad.csv: line 6, column 'ethnic_group', value 'martian': unknown ethnic group: use one of white-british,", r.Err);
        Assert.Contains("bad.csv: line 7, column 'kind', value 'group': differs from line 2 of assessment 'A1' ('individual')", r.Err);
        Assert.Contains("bad.csv: line 8, column 'theme', value 'moving_around': assessment 'A1' already has Moving around on line 2: one row per theme", r.Err);
        Assert.Contains("bad.csv: line 9, column 'score', value 'four'", r.Err);

        foreach (var (name, content, message) in new[]
        {
            ("header.csv", "assessment,theme,rating\nA,1,4\n", "bad-header.csv: line 1, column 'rating', value 'rating': unknown column"),
            ("empty.csv", Header, "the file has a header but no assessments"),
            ("long.csv", Header + $"A,,,,,,,,1,4,{new string('x', 1001)},\n", "column 'good_now'"),
        })
        {
            var path = files.Write(name == "header.csv" ? "bad-header.csv" : name, content);
            var x = await CohesionExe.RunAsync(db, "import", "place-standard", path, "--engagement", "import-test");
            Assert.Equal(2, x.ExitCode);
            Assert.Contains(message, x.Err);
        }
        var unknown = await CohesionExe.RunAsync(db, "import", "place-standard", Example, "--engagement", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown engagement 'nope'", unknown.Err);

        await using var ctx = db.Context();
        Assert.Equal(0, await ctx.PsAssessments.CountAsync());
        Assert.Equal(0, await ctx.PsScores.CountAsync());
        Assert.Equal(0, await ctx.PsComments.CountAsync());
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlaceStandardImport));
    }

    [Theory]
    [BothProviders]
    public async Task UploadPageImportsForTheOwnersStaffAndListsErrorsWithoutChangingAnything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EngagementAsync(app, "upload-test", owner: "Coldhurst Partnership");
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Coldhurst Partnership");
        const string page = "/place-standard/upload-test/manage";

        async Task<HttpResponseMessage> UploadAsync(HttpClient http, string name, string content, bool approved = false)
        {
            var html = await http.GetStringAsync(page);
            var body = new MultipartFormDataContent
            {
                { new StringContent(SignIn.Token(html)), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name },
            };
            if (approved) body.Add(new StringContent("yes"), "approved");
            return await http.PostAsync(page + "?handler=import", body);
        }

        var bad = await UploadAsync(staff, "survey-returns.csv", Bad);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("The file was not imported: nothing was changed", html);
        Assert.Contains("8 problems found", html);
        Assert.Contains("survey-returns.csv: line 3, column 'score', value '8'", html); // the name the user chose, not a temporary one
        Assert.Contains("survey-returns.csv: line 5, column 'participants', value '1'", html);
        Assert.Equal(0, await CountAsync(app, "upload-test"));

        var good = await UploadAsync(staff, "returns.csv", await File.ReadAllTextAsync(Example), approved: true);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Imported 3 assessments from returns.csv: 20 scores and 9 comments, 0 waiting for moderation", WebUtility.HtmlDecode(await staff.GetStringAsync(page)));
        Assert.Equal(3, await CountAsync(app, "upload-test"));

        // Someone in another organisation, or a viewer, cannot import into it.
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Admin, "Another partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(page)).StatusCode);
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, "Coldhurst Partnership");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(page)).StatusCode); // signed out: to sign-in
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PlaceStandardImport && a.Actor == "worker@example.org"));
    }
}

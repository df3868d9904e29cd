using System.Net;
using System.Net.Http.Headers;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Surveys.Import;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>Responses from CSV, by the command line and the upload page: every cell read as the online form reads it, errors naming file, line, column and value, all or nothing.</summary>
public class SurveyImportTests
{
    const string Org = "Coldhurst Partnership";
    const string Header = "cohesion,belonging,local-years,residence,weight,stratum,cluster,submitted_on\n";

    const string Good = Header
        + "tend-to-agree,very-strongly,12,E05000723,1.5,north,c1,2025-05-01\n"
        + "definitely-disagree,,3,E05000719,2,south,c2,\n"
        + "dont-know,not-at-all-strongly,,,,,,2025-05-03\n";

    /// <summary>One problem of each kind a row can have, on lines 3 to 10.</summary>
    const string Bad = Header
        + "tend-to-agree,very-strongly,12,E05000723,1,north,c1,2025-05-01\n"
        + "agree,,,,,,,\n"                                          // line 3: not an option
        + "tend-to-agree,,150,,,,,\n"                               // line 4: out of range
        + "tend-to-agree,,,E01005320,,,,\n"                         // line 5: an LSOA, not one of the survey's wards
        + "tend-to-agree,,,,0,,,\n"                                 // line 6: weight not positive
        + "tend-to-agree,,,,,,,01/06/2025\n"                        // line 7: not yyyy-mm-dd
        + "tend-to-agree,,,,,,,2999-01-01\n"                        // line 8: in the future
        + ",,,,,,,\n"                                               // line 9: answers nothing
        + "tend-to-agree,,\n";                                      // line 10: too few fields

    /// <summary>A survey of Oldham by ward asking two bank items, a local number item (0 to 100) and where people live.</summary>
    static async Task<Survey> SurveyWithLocalItemAsync(TestApp app, string name = "import-test")
    {
        var s = await SurveyAsync(app, name, ["cohesion", "belonging", "residence"], owner: Org, published: false);
        await using var db = app.Database.Context();
        db.SurveyLocalItems.Add(new LocalItem { SurveyId = s.Id, Code = "local-years", Question = "How many years have you lived here?", Kind = ItemKind.Number, Min = 0, Max = 100 });
        db.SurveyQuestions.Add(new SurveyQuestion { SurveyId = s.Id, ItemCode = "local-years", Position = 3 });
        var residence = await db.SurveyQuestions.SingleAsync(q => q.SurveyId == s.Id && q.ItemCode == "residence");
        residence.Position = 4;
        await db.SaveChangesAsync();
        return s;
    }

    static async Task<int> CountAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        return await db.SurveyResponses.CountAsync() + await db.SurveyAnswers.CountAsync();
    }

    [Theory]
    [BothProviders]
    public async Task CliImportsEveryRowWithItsAnswersAreaDesignAndDateAndAnAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyWithLocalItemAsync(app);
        using var files = new Files();
        var file = files.Write("returns.csv", Good);

        var dry = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", file, "--survey", "import-test", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("Dry run: returns.csv is valid. It would add 3 responses to import-test; nothing was changed.", dry.Out);
        Assert.Equal(0, await CountAsync(app));

        var r = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", file, "--survey", "import-test");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Imported 3 responses into import-test from returns.csv: 9 answers, 2 with a design weight.", r.Out);

        await using var db = app.Database.Context();
        var responses = await db.SurveyResponses.Include(x => x.Answers).OrderBy(x => x.Id).ToListAsync();
        var wards = await db.Areas.Where(a => a.Code == "E05000723" || a.Code == "E05000719").ToDictionaryAsync(a => a.Id, a => a.Code);
        Assert.Equal(["E05000723", "E05000719", null], responses.Select(x => x.ResidenceAreaId is { } id ? wards[id] : null));
        Assert.Equal([1.5, 2.0, null], responses.Select(x => x.DesignWeight));
        Assert.Equal(["north", "south", null], responses.Select(x => x.Stratum));
        Assert.Equal(["c1", "c2", null], responses.Select(x => x.Cluster));
        Assert.Equal(new DateOnly(2025, 5, 1), responses[0].SubmittedOn);
        Assert.Equal(Cohesion.Admin.UkTime.Today, responses[1].SubmittedOn); // blank: the day of the import
        Assert.All(responses, x => Assert.Equal("import", x.Source));
        Assert.All(responses, x => Assert.Null(x.Receipt));
        string Answers(SurveyResponse x) => string.Join(";", x.Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => $"{a.ItemCode}={a.Choice ?? a.Value?.ToString()}"));
        Assert.Equal("belonging=very-strongly;cohesion=tend-to-agree;local-years=12", Answers(responses[0]));
        Assert.Equal("cohesion=definitely-disagree;local-years=3", Answers(responses[1]));
        Assert.Equal("belonging=not-at-all-strongly;cohesion=dont-know", Answers(responses[2]));
        Assert.Equal(4.0, responses[0].Answers.Single(a => a.ItemCode == "belonging").Value); // the option's score, as the form stores it
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SurveyImport);
        Assert.Equal(("cli:" + Environment.UserName, "survey import-test from returns.csv", "3 responses, 9 answers, 2 with a design weight"), (audit.Actor, audit.Target, audit.Detail));

        // One response is worded as one, not "1 responses".
        var one = files.Write("one.csv", Header + "tend-to-agree,,,,,,,\n");
        dry = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", one, "--survey", "import-test", "--dry-run");
        Assert.Contains("It would add 1 response to import-test; nothing was changed.", dry.Out);
        r = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", one, "--survey", "import-test");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Imported 1 response into import-test from one.csv: 1 answer, 0 with a design weight.", r.Out);
    }

    [Theory]
    [BothProviders]
    public async Task ImportRejectsEveryBadCellNamingFileLineColumnAndValueAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyWithLocalItemAsync(app);
        using var files = new Files();
        var r = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", files.Write("bad.csv", Bad), "--survey", "import-test");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Import rejected: nothing was changed. 8 problems found:", r.Err);
        Assert.Contains("bad.csv: line 3, column 'cohesion', value 'agree': \"agree\" is not an answer to this question: use one of definitely-agree, tend-to-agree, tend-to-disagree, definitely-disagree, too-few-people, all-same-background, dont-know, or leave it blank", r.Err);
        Assert.Contains("bad.csv: line 4, column 'local-years', value '150': 150 is out of range: give a whole number from 0 to 100", r.Err);
        Assert.Contains("bad.csv: line 5, column 'residence', value 'E01005320': \"E01005320\" is not one of the survey's areas: give the area code (e.g. E05000723)", r.Err);
        Assert.Contains("bad.csv: line 6, column 'weight', value '0': a weight must be a positive number, like 1 or 2.5 (blank counts as 1)", r.Err);
        Assert.Contains("bad.csv: line 7, column 'submitted_on', value '01/06/2025': a date must be written yyyy-mm-dd, like 2025-06-30 (blank is the day of the import)", r.Err);
        Assert.Contains("bad.csv: line 8, column 'submitted_on', value '2999-01-01': the date is in the future: a response cannot be given after today", r.Err);
        Assert.Contains("bad.csv: line 9: the row answers no question: leave it out, or give at least one answer", r.Err);
        Assert.Contains("bad.csv: line 10: the line has 3 fields; the header has 8", r.Err);

        var unknown = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", files.Write("ok.csv", Good), "--survey", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown survey 'nope': create it on the survey pages first (/surveys/new); nothing was changed.", unknown.Err);
        var missing = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", files.Write("ok2.csv", Good));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--survey", missing.All);
        var absent = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", Path.Combine(files.Dir, "absent.csv"), "--survey", "import-test");
        Assert.Equal(2, absent.ExitCode);
        Assert.Contains("absent.csv: file not found", absent.Err);

        Assert.Equal(0, await CountAsync(app));
        await using var db = app.Database.Context();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SurveyImport));
    }

    /// <summary>The import test survey's items and wards, for checks that need no database.</summary>
    static readonly IReadOnlyList<Item> Items =
    [
        StandardItems.Find("cohesion")!, StandardItems.Find("belonging")!,
        Cohesion.Surveys.SurveyItems.ToItem(new LocalItem { Code = "local-years", Question = "How many years have you lived here?", Kind = ItemKind.Number, Min = 0, Max = 100 }),
        StandardItems.Find("residence")!,
    ];
    static readonly Dictionary<string, int> Wards = new(StringComparer.OrdinalIgnoreCase) { ["E05000723"] = 1, ["E05000719"] = 2 };
    static readonly DateOnly Today = new(2025, 6, 30);

    [Fact]
    public void ReadRejectsUnknownRepeatedAndOverlongColumnsAndBadDesignCells()
    {
        using var files = new Files();
        foreach (var (name, content, message) in new[]
        {
            ("header.csv", "cohesion,happiness\ntend-to-agree,5\n", "header.csv: line 1, column 'happiness', value 'happiness': unknown column: it is not a question of this survey. The columns are the survey's item codes (cohesion, belonging, local-years, residence) and optionally weight, stratum, cluster, submitted_on"),
            ("bank.csv", "cohesion,influence\ntend-to-agree,tend-to-agree\n", "bank.csv: line 1, column 'influence', value 'influence': unknown column"), // in the bank, not in this survey
            ("twice.csv", "cohesion,Cohesion\ntend-to-agree,tend-to-agree\n", "twice.csv: line 1, column 'Cohesion', value 'Cohesion': the column appears twice"),
            ("design.csv", "weight,stratum\n1,a\n", "design.csv: line 1, value 'weight,stratum': no column is a question of this survey"),
            ("empty.csv", Header, "empty.csv: the file has a header but no responses"),
            ("negative.csv", "cohesion,weight\ntend-to-agree,-2\n", "negative.csv: line 2, column 'weight', value '-2': a weight must be a positive number"),
            ("words.csv", "cohesion,weight\ntend-to-agree,heavy\n", "words.csv: line 2, column 'weight', value 'heavy': a weight must be a positive number"),
            ("long.csv", "cohesion,stratum\ntend-to-agree," + new string('s', 65) + "\n", "long.csv: line 2, column 'stratum', value 'sssss"),
            ("huge.csv", "cohesion\n" + new string('x', 300) + "\n", "huge.csv: line 2: a field is longer than the limit of 256 characters"),
        })
        {
            var e = Assert.Throws<ImportFailedException>(() => ResponseImport.Read(files.Write(name, content), Items, Wards, Today));
            Assert.Contains(message, string.Join("\n", e.Errors));
        }

        // Many bad rows: every one counted, the first 50 kept to list.
        var many = Assert.Throws<ImportFailedException>(() => ResponseImport.Read(files.Write("many.csv", Header + string.Concat(Enumerable.Range(0, 60).Select(_ => "agree,,,,,,,\n"))), Items, Wards, Today));
        Assert.Equal((60, 50), (many.TotalErrors, many.Errors.Count));
        Assert.StartsWith("many.csv: line 51, column 'cohesion', value 'agree'", many.Errors[^1].ToString());

        Assert.Equal(3, ResponseImport.Read(files.Write("good.csv", Good), Items, Wards, Today).Count);
        // The documented example reads as it says.
        var example = ResponseImport.Read(Files.Repo("docs", "examples", "survey-responses-import.csv"), Items, Wards, Today);
        Assert.Equal(5, example.Count);
        Assert.Equal([1.2, 1.2, 0.8, 0.8, 1.0], example.Select(r => r.Response.DesignWeight));
    }

    [Fact]
    public async Task AKilledImportLeavesNothingBehind()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await SurveyWithLocalItemAsync(app);
        using var files = new Files();
        var rows = string.Concat(Enumerable.Range(0, Cohesion.Surveys.Import.ResponseImport.MaxRows).Select(i => i % 2 == 0
            ? "tend-to-agree,very-strongly,12,E05000723,1.5,north,c1,2025-05-01\n" : "definitely-disagree,fairly-strongly,40,E05000719,,,,\n"));
        var big = files.Write("big.csv", Header + rows);
        // A hundred thousand responses with four answers each take seconds to write.
        await CohesionExe.KillWhileWritingAsync(app.Database, "writing 100,000 responses", "import", "survey-responses", big, "--survey", "import-test");
        Assert.Equal(0, await CountAsync(app));
        await using var db = app.Database.Context();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SurveyImport));
        // One row more than the bound is refused before anything is written.
        var over = await CohesionExe.RunAsync(app.Database, "import", "survey-responses", files.Write("over.csv", Header + rows + "dont-know,,,,,,,\n"), "--survey", "import-test");
        Assert.Equal(2, over.ExitCode);
        Assert.Contains($"over.csv: line {Cohesion.Surveys.Import.ResponseImport.MaxRows + 2}: a file may hold at most 100,000 responses: split it", over.Err);
    }

    [Theory]
    [BothProviders]
    public async Task UploadPageImportsForTheOwnersStaffAndListsErrorsWithoutChangingAnything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveyWithLocalItemAsync(app, "upload-test");
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, Org);
        const string page = "/surveys/upload-test/import";

        var form = WebUtility.HtmlDecode(await staff.GetStringAsync(page));
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\"><code>local-years</code></th><td class=\"govuk-table__cell\">How many years have you lived here?</td><td class=\"govuk-table__cell\">A whole number from 0 to 100</td>", form);
        Assert.Contains("The code of the Ward the respondent lives in, one of the survey's 20, for example", form);
        Assert.Contains("One of: definitely-agree, tend-to-agree, tend-to-disagree", form);
        var template = await staff.GetAsync(page + "?handler=template");
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cohesion,belonging,local-years,residence,weight,stratum,cluster,submitted_on\r\n", await template.Content.ReadAsStringAsync());

        async Task<HttpResponseMessage> UploadAsync(HttpClient http, string name, string content)
        {
            var html = await http.GetStringAsync(page);
            var body = new MultipartFormDataContent
            {
                { new StringContent(SignIn.Token(html)), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name },
            };
            return await http.PostAsync(page, body);
        }

        var bad = await UploadAsync(staff, "paper-returns.csv", Bad);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var shown = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("The file was not imported: nothing was changed", shown);
        Assert.Contains("8 problems found", shown);
        Assert.Contains("<a href=\"#file\">paper-returns.csv: line 4, column 'local-years', value '150': 150 is out of range", shown); // the name the user chose
        Assert.Contains("id=\"file-error\"", shown);
        Assert.Contains("<a href=\"#file\">The file must be a CSV file (.csv)", WebUtility.HtmlDecode(await (await UploadAsync(staff, "returns.xlsx", Good)).Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(app));

        var good = await UploadAsync(staff, "returns.csv", Good);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/surveys/upload-test/manage", good.Headers.Location?.OriginalString);
        var manage = WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/upload-test/manage"));
        Assert.Contains("Imported 3 responses from returns.csv: 9 answers, 2 with a design weight", manage);
        Assert.Contains("id=\"responses-import\">3</td>", manage);

        // Someone in another organisation finds no such survey; a viewer may not import.
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Admin, "Another partner");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        var token = SignIn.Token(await other.GetStringAsync("/surveys/new"));
        var foreign = await other.PostAsync(page, new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Good)), "file", "returns.csv" },
        });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, Org);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(page)).StatusCode);

        await using var db = app.Database.Context();
        Assert.Equal(3, await db.SurveyResponses.CountAsync());
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SurveyImport);
        Assert.Equal(("worker@example.org", "survey upload-test from returns.csv", "3 responses, 9 answers, 2 with a design weight"), (audit.Actor, audit.Target, audit.Detail));

        // One response is worded as one, on the page and in the audit, not "1 responses".
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, "one.csv", Header + "tend-to-agree,,,,,,,\n")).StatusCode);
        Assert.Contains("Imported 1 response from one.csv: 1 answer, 0 with a design weight", WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/upload-test/manage")));
        Assert.Equal("1 response, 1 answer, 0 with a design weight",
            await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyImport && a.Target == "survey upload-test from one.csv").Select(a => a.Detail).SingleAsync());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cohesion.Accounts;
using Cohesion.Assets.OpenReferral;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.OpenReferral;

/// <summary>Bad HSDS files are refused whole with every problem located; the command line, the upload page and a killed import change nothing they should not.</summary>
public class OrukImportTests
{
    /// <summary>The sample's first service, then one with a problem of each kind, then one reusing the first's id.</summary>
    static string BadFile()
    {
        var services = OrukSample.Services();
        var good = services[0]!.DeepClone();
        var bad = services[1]!.DeepClone();
        bad["name"] = new string('n', 201);
        bad["status"] = "open";
        bad["email"] = "not an address";
        bad["url"] = "www.example.org";
        bad["minimum_age"] = 150;
        bad["service_at_locations"]![0]!["location"]!["latitude"] = 95;
        bad["schedules"]![0]!["byday"] = "XX";
        bad["schedules"]![0]!["opens_at"] = "25:00";
        bad["languages"]![1]!["id"] = "12345";
        bad["cost_options"]![0]!["amount"] = -2;
        var again = services[2]!.DeepClone();
        again["id"] = (string)good["id"]!;
        return new JsonArray(good, bad, again).ToJsonString();
    }

    static async Task<int> ServicesAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        return await db.AssetServices.CountAsync();
    }

    [Theory]
    [BothProviders]
    public async Task ABadFileIsRefusedWholeWithEveryProblemsPathValueAndRuleAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => OrukSample.ImportAsync(app, BadFile(), new HsdsImportOptions("bad.json", "test")));
        var lines = e.Errors.Select(x => x.ToString()).ToList();
        foreach (var expected in new[]
        {
            "bad.json, at $[1].name, value 'nnnn", "name must be at most 200 characters; it has 201",
            "bad.json, at $[1].status, value 'open': status must be one of: active, inactive, defunct, temporarily closed",
            "bad.json, at $[1].email, value 'not an address': email must be an email address",
            "bad.json, at $[1].url, value 'www.example.org': url must be a full web address",
            "bad.json, at $[1].minimum_age, value '150': minimum_age must be a whole number from 0 to 120",
            "bad.json, at $[1].service_at_locations[0].location.latitude, value '95': latitude must be from -90 to 90",
            "bad.json, at $[1].schedules[0].byday, value 'XX': byday must be days such as MO,WE",
            "bad.json, at $[1].schedules[0].opens_at, value '25:00': opens_at must be a time as HH:MM",
            "bad.json, at $[1].languages[1].id, value '12345': id must be a UUID",
            "bad.json, at $[1].cost_options[0].amount, value '-2': amount must be a sum from 0",
            $"bad.json, at $[2].id, value '{OrukSample.Services()[0]!["id"]}': this id is already used at $[0].id",
        })
            Assert.Contains(lines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(11, e.TotalErrors);

        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.Equal(0, await db.AssetOrganisations.CountAsync());
        Assert.Equal(2, await db.AssetTaxonomies.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AssetImport));

        var notJson = await Assert.ThrowsAsync<ImportFailedException>(() => OrukSample.ImportAsync(app, "[{\"id\": \"x\",\n \"name\": oops}]", new HsdsImportOptions("broken.json", "test")));
        Assert.StartsWith("broken.json: line 2, at $[0].name: not readable as HSDS JSON", notJson.Errors.Single().ToString());
        var empty = await Assert.ThrowsAsync<ImportFailedException>(() => OrukSample.ImportAsync(app, "[]", new HsdsImportOptions("empty.json", "test")));
        Assert.Contains("the file holds no services", empty.Errors.Single().Message);
        var csv = await Assert.ThrowsAsync<ImportFailedException>(() => OrukSample.ImportAsync(app, "id,name\n1,x\n", new HsdsImportOptions("x.json", "test")));
        Assert.Contains("the file must be JSON", csv.Errors.Single().Message);
        // A page of the API (the paginated shape) reads like an array.
        var page = new JsonObject { ["total_items"] = 5, ["contents"] = OrukSample.Services() };
        Assert.Equal(5, (await OrukSample.ImportAsync(app, page.ToJsonString())).Added);
    }

    [Theory]
    [BothProviders]
    public async Task TheCommandLineChecksImportsAndExportsAndADryRunChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var files = new Files();
        var sample = files.Write("oldham.json", OrukSample.Json());

        var dry = await CohesionExe.RunAsync(app.Database, "import", "oruk", sample, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("Dry run: oldham.json is valid. It would import 5 services (5 added, 0 updated)", dry.Out);
        Assert.Equal(0, await ServicesAsync(app));

        var unknown = await CohesionExe.RunAsync(app.Database, "import", "oruk", sample, "--maintainer", "Nobody Trust");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no partner organisation is called 'Nobody Trust'", unknown.Err);

        var bad = await CohesionExe.RunAsync(app.Database, "import", "oruk", files.Write("bad.json", BadFile()));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Import rejected: nothing was changed. 11 problems found:", bad.Err);
        Assert.Contains("bad.json, at $[1].schedules[0].byday, value 'XX': byday must be", bad.Err);
        Assert.Equal(0, await ServicesAsync(app));

        await using (var db = app.Database.Context())
        {
            db.Organisations.Add(new Organisation { Name = "Oldham Council", Kind = OrganisationKind.Council, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var ok = await CohesionExe.RunAsync(app.Database, "import", "oruk", sample, "--maintainer", "oldham council");
        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.Contains("Imported 5 services (5 added, 0 updated), 3 organisations, 3 locations, 1 new taxonomies, 3 new taxonomy terms", ok.Out);
        await using (var db = app.Database.Context())
        {
            var council = await db.Organisations.SingleAsync(o => o.Name == "Oldham Council");
            Assert.All(await db.AssetServices.ToListAsync(), s => Assert.Equal(council.Id, s.MaintainerOrganisationId));
        }

        var output = Path.Combine(files.Dir, "out", "directory.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var export = await CohesionExe.RunAsync(app.Database, "export", "oruk", "--output", output);
        Assert.True(export.ExitCode == 0, export.All);
        Assert.Contains("Exported 5 services to", export.Out);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsArray();
        Assert.Equal(5, exported.Count);
        foreach (var s in exported) OrukSchemas.AssertValid(OrukSchemas.Service, s, "exported service");
        Assert.False(File.Exists(output + ".part"));
        await using (var db = app.Database.Context())
            Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.Export && a.Target.StartsWith("assets HSDS JSON")).ToListAsync());
    }

    /// <summary>Many services made from the sample's first: new ids for the service and its parts, the same organisation and Cohesion term.</summary>
    static string Many(int n)
    {
        var template = OrukSample.Services()[0]!.DeepClone();
        template["attributes"] = new JsonArray(new JsonObject { ["taxonomy_term_id"] = Cohesion.Assets.Taxonomy.CohesionTaxonomy.TermId(Cohesion.Assets.Taxonomy.CohesionTaxonomy.ActivityId, "esol").ToString("D") });
        var organisation = (string)template["organization"]!["id"]!;
        var text = template.ToJsonString();
        var ids = System.Text.RegularExpressions.Regex.Matches(text, "\"id\":\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Distinct().Where(id => id != organisation).ToList();
        var sb = new StringBuilder("[");
        for (var i = 0; i < n; i++)
        {
            var s = text;
            foreach (var id in ids) s = s.Replace(id, Cohesion.Assets.StableId.For($"many:{i}:{id}").ToString("D"), StringComparison.Ordinal);
            sb.Append(i == 0 ? "" : ",").Append(s);
        }
        return sb.Append(']').ToString();
    }

    [Fact]
    public async Task AnImportOnPostgresRebuildsTheSearchIndexAndVacuumsAndAnalysesSoThePlannerHasStatisticsAtOnce()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
        // 10,000: enough for the commit to rebuild the search index's GIN indexes rather than insert into them (0011).
        await OrukSample.ImportAsync(app, Encoding.UTF8.GetBytes(Many(10_000)), new HsdsImportOptions("many.json", "test"));
        await using var db = app.Database.Context();
        var services = await db.AssetServices.CountAsync();
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'as_search_docs' ORDER BY 1").ToListAsync();
        Assert.Equal(["as_search_docs_pkey", "ix_as_search_docs_document", "ix_as_search_docs_facets"], indexes);
        var matched = await Cohesion.Assets.OpenReferral.OrukSearch.Matching(db, db.AssetServices, "ESOL").CountAsync();
        Assert.True(matched >= 10_000, $"{matched} services found by the rebuilt index");
        // Without VACUUM (ANALYZE) these stay at -1 and none until autovacuum comes round, and the planner took 50,000
        // services for a dozen: a bitmap heap scan and a sort of every id on each page. Whether the pages also come out
        // all-visible is PostgreSQL's call (any older snapshot in the database, an autovacuum ANALYZE included, holds
        // it back), so the test asks that the import vacuumed, not what the vacuum could mark.
        var t = await db.Database.SqlQueryRaw<TableStats>(
            "SELECT c.reltuples::float8 AS \"Tuples\", c.relpages AS \"Pages\", s.last_vacuum IS NOT NULL AS \"Vacuumed\", " +
            "s.last_analyze IS NOT NULL AS \"Analysed\" " +
            "FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'as_services'").SingleAsync();
        Assert.True(services >= 10_000, $"{services} services");
        Assert.Equal(services, t.Tuples);
        Assert.True(t.Pages > 0, $"{t.Pages} pages");
        Assert.True(t.Vacuumed, "as_services was not vacuumed by the import");
        Assert.True(t.Analysed, "as_services was not analysed by the import");
    }

    sealed record TableStats(double Tuples, int Pages, bool Vacuumed, bool Analysed);

    [Fact]
    public async Task AKilledImportLeavesNothingBehind()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var files = new Files();
        var big = files.Write("big.json", Many(40_000));
        using (var p = CohesionExe.Start(app.Database, "import", "oruk", big))
        {
            string? line;
            var writing = false;
            while ((line = await p.StandardError.ReadLineAsync()) is not null)
                if (line.Contains("written 2,000 services")) { writing = true; break; }
            Assert.True(writing, "the import never reached its writing phase");
            Assert.False(p.HasExited, "the import finished before it could be killed; the test proves nothing");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.Equal(0, await db.AssetLocations.CountAsync());
        Assert.Equal(0, await db.AssetRevisions.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AssetImport));
    }

    [Fact]
    public async Task StaffUploadOnThePageContributorsMayNotOverwriteAnotherPartnersRecordsAndTheDownloadIsAudited()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var (a, _, _) = await SignIn.NewUserClientAsync(app, "a@example.org", Role.Contributor, "Partner A");
        var (b, _, _) = await SignIn.NewUserClientAsync(app, "b@example.org", Role.Contributor, "Partner B");
        const string page = "/assets/import-oruk";

        async Task<HttpResponseMessage> Upload(HttpClient http, string name, string json)
        {
            var token = SignIn.Token(await http.GetStringAsync(page));
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(token), "__RequestVerificationToken");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "file", name);
            return await http.PostAsync(page, form);
        }

        var done = await Upload(a, "partner-a.json", OrukSample.Json());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Imported 5 services (5 added, 0 updated)", WebUtility.HtmlDecode(await a.GetStringAsync(page)));
        await using (var db = app.Database.Context())
        {
            var partnerA = await db.Organisations.SingleAsync(o => o.Name == "Partner A");
            Assert.All(await db.AssetServices.ToListAsync(), s => Assert.Equal(partnerA.Id, s.MaintainerOrganisationId));
            Assert.Single(await db.AuditEntries.Where(x => x.Action == AuditActions.AssetImport && x.Actor == "a@example.org").ToListAsync());
        }

        var refused = WebUtility.HtmlDecode(await (await Upload(b, "partner-b.json", OrukSample.Json())).Content.ReadAsStringAsync());
        Assert.Contains("The file was not imported: nothing was changed", refused);
        Assert.Contains("partner-b.json, at $[0].id, value '" + OrukSample.Services()[0]!["id"] + "': this service is in the directory already and is maintained by another partner organisation", refused);
        var badPage = WebUtility.HtmlDecode(await (await Upload(a, "bad.json", BadFile())).Content.ReadAsStringAsync());
        Assert.Contains("bad.json, at $[1].status, value 'open': status must be one of", badPage);
        Assert.Contains("11 problems found", badPage);
        var notJson = WebUtility.HtmlDecode(await (await Upload(a, "directory.csv", "id,name")).Content.ReadAsStringAsync());
        Assert.Contains("The file must be a JSON file (.json)", notJson);
        await using (var db = app.Database.Context())
            Assert.All(await db.AssetServices.ToListAsync(), s => Assert.Equal(1, s.Version));

        // Staff download the published directory; the download is audited. Anonymous visitors get neither page.
        var download = await a.GetAsync("/assets/export.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(5, JsonNode.Parse(await download.Content.ReadAsStringAsync())!.AsArray().Count);
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition!.ToString());
        await using (var db = app.Database.Context())
            Assert.Single(await db.AuditEntries.Where(x => x.Action == AuditActions.Export && x.Target == "assets.json" && x.Actor == "a@example.org").ToListAsync());
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/assets/export.json")).StatusCode);
    }
}

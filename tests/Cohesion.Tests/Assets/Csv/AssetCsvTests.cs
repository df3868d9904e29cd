using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cohesion.Accounts;
using Cohesion.Assets.Csv;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.Csv;

/// <summary>
/// The directory's CSV exchange: export, import and export again give the same file; a changed row updates its
/// record with a new version and revision; a bad file is refused with file, line, column and value and changes
/// nothing; a killed import leaves nothing; offers and their contacts stay with signed-in staff.
/// </summary>
public class AssetCsvTests
{
    static string Header => string.Join(",", AssetCsv.Columns);

    [Theory]
    [BothProviders]
    public async Task ExportImportExportGivesTheSameFileAndAChangedRowMakesANewVersion(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestApp.WithAssetData);
        using var files = new Files();
        using var anonymous = app.Client();
        var open = await anonymous.GetStringAsync("/assets/export.csv");
        using var staff = app.Client();
        await SignIn.AdminAsync(app, staff);
        var first = await staff.GetByteArrayAsync("/assets/export.csv");
        var text = Encoding.UTF8.GetString(first);
        // Offers only for signed-in staff, and never their contact details.
        Assert.DoesNotContain(",offer,", open, StringComparison.Ordinal);
        Assert.Contains(",offer,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", CsvText.Parse(text).Where(r => r[1] == "offer").SelectMany(r => r).Aggregate("", (a, b) => a + b), StringComparison.Ordinal);

        var path = files.WriteBytes("directory.csv", first);
        var import = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", path);
        Assert.True(import.ExitCode == 0, import.All);
        await using var db = app.Database.Context();
        var published = await db.AssetServices.CountAsync(s => s.Publication == Publication.Published && (s.Kind != AssetKind.Offer || s.ConsentRecordedOn != null));
        Assert.Contains($"0 records added, 0 updated, {published:N0} unchanged", import.Out, StringComparison.Ordinal);
        var again = files.Write("again.csv", "");
        var export = await CohesionExe.RunAsync(app.Database, "export", "assets-csv", "--output", again, "--with-offers");
        Assert.True(export.ExitCode == 0, export.All);
        Assert.Equal(first, await File.ReadAllBytesAsync(again));

        // Rename one record: only it gets a new version and revision, and the next export shows the change.
        var rows = CsvText.Parse(text);
        var target = rows.Skip(1).First(r => r[1] == "service");
        static string Quote(string v) => v.IndexOfAny([',', '"']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        var changed = text.Replace($"{target[0]},service,{Quote(target[2])},", $"{target[0]},service,Renamed by a spreadsheet,", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var edit = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", files.Write("edited.csv", changed));
        Assert.True(edit.ExitCode == 0, edit.All);
        Assert.Contains($"0 records added, 1 updated, {published - 1:N0} unchanged", edit.Out, StringComparison.Ordinal);
        var id = Guid.Parse(target[0]);
        var record = await db.AssetServices.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(("Renamed by a spreadsheet", 2), (record.Name, record.Version));
        var revisions = await db.AssetRevisions.Where(r => r.ServiceId == id).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.Equal(("Imported from CSV file edited.csv", Audit.CliActor), (revisions[1].Summary, revisions[1].ChangedBy));
        // The same lines (the renamed record sorts elsewhere by its new name).
        static string[] Lines(string csv) => [.. csv.Split("\r\n").Order(StringComparer.Ordinal)];
        Assert.Equal(Lines(changed), Lines(Encoding.UTF8.GetString(await staff.GetByteArrayAsync("/assets/export.csv"))));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AssetImport && e.Target != "demo asset directory for Oldham"));
    }

    [Theory]
    [BothProviders]
    public async Task AChangedAddressMovesTheRecordAndItsOpeningTimesAndDropsTheOldPlaceUnlessShared(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var files = new Files();
        var (moved, sharer) = (Guid.NewGuid(), Guid.NewGuid());
        string Row(Guid id, string name, string street) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, id).Replace("Chat club", name).Replace("1 Example Square", street);
        async Task ImportAsync(string name, params string[] rows)
        {
            var run = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", files.Write(name, Header + "\n" + string.Join("\n", rows) + "\n"));
            Assert.True(run.ExitCode == 0, run.All);
        }
        await ImportAsync("first.csv", Row(moved, "Chat club", "1 Example Square"), Row(sharer, "Sharing club", "9 Shared Street"));
        await using var db = app.Database.Context();
        var firstPlace = await db.AssetServiceLocations.Where(x => x.ServiceId == moved).Select(x => x.LocationId).SingleAsync();

        await ImportAsync("moved.csv", Row(moved, "Chat club", "2 New Road"));
        var newPlace = await db.AssetServiceLocations.Where(x => x.ServiceId == moved).Select(x => x.Location!).SingleAsync();
        Assert.Equal("2 New Road", newPlace.Address1);
        Assert.False(await db.AssetLocations.AnyAsync(l => l.Id == firstPlace), "the place no record uses any more is deleted");
        var schedules = await db.AssetSchedules.Where(x => x.ServiceId == moved).ToListAsync();
        Assert.NotEmpty(schedules);
        Assert.All(schedules, x => Assert.Equal(newPlace.Id, x.LocationId));

        // Another record shares the new place, as records from an HSDS file may: moving the first keeps it.
        db.AssetServiceLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = sharer, LocationId = newPlace.Id });
        await db.SaveChangesAsync();
        await ImportAsync("moved-again.csv", Row(moved, "Chat club", "3 Third Lane"));
        Assert.True(await db.AssetLocations.AnyAsync(l => l.Id == newPlace.Id), "a place another record still uses is kept");
        Assert.Equal("3 Third Lane", await db.AssetServiceLocations.Where(x => x.ServiceId == moved).Select(x => x.Location!.Address1).SingleAsync());
        // The revision of the first version still holds the old place, so a restore can bring it back.
        var first = await db.AssetRevisions.Where(r => r.ServiceId == moved).OrderBy(r => r.Version).FirstAsync();
        Assert.Contains("1 Example Square", first.SnapshotJson, StringComparison.Ordinal);
    }

    const string Good = "{0},service,Chat club,Example Library,Practise English.,,,,active,1 Example Square,Oldham,OL1,53.5415,-2.1138,conversation-club,everyone,en,,,yes,,Mon 10:00-12:00,,,2025-01-01,";

    [Theory]
    [BothProviders]
    public async Task ABadFileIsRefusedWithLineColumnAndValueAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var files = new Files();
        var bad = files.Write("bad.csv", Header + "\n"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, "") + "\n"
            + ",service,Club,Org,,,,,active,,,,,,conversation-club;knitting,everyone,en;xx,,,maybe,,Mon 10:00-12:00,,,2025-01-01,\n"
            + ",service,,Org,,notaurl,no-at-sign,,open,,,,91,-2.1,,,,30,20,no,,Funday 10-12,,,3000-01-01,Nobody Ltd\n"
            + ",offer,New offer,Org,,,,,active,,,,,,,,,,,no,,,,,,\n");
        var r = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", bad);
        Assert.Equal(2, r.ExitCode);
        foreach (var expected in new[]
        {
            "bad.csv: line 3, column 'activity_terms', value 'knitting': is not a code of the Cohesion community assets taxonomy",
            "bad.csv: line 3, column 'languages', value 'xx': is not an ISO 639 language code",
            "bad.csv: line 3, column 'free', value 'maybe': must be yes or no",
            "bad.csv: line 4, column 'name', value '': is required",
            "bad.csv: line 4, column 'url', value 'notaurl': must be a web address",
            "bad.csv: line 4, column 'email', value 'no-at-sign': must be an email address",
            "bad.csv: line 4, column 'status', value 'open': must be active, inactive, defunct or temporarily closed",
            "bad.csv: line 4, column 'latitude', value '91': must be a decimal number from -90 to 90",
            "bad.csv: line 4, column 'max_age', value '20': is below min_age (30)",
            "bad.csv: line 4, column 'opening_times', value 'Funday 10-12': 'Funday 10-12' is not an opening time",
            "bad.csv: line 4, column 'last_checked', value '3000-01-01': is in the future",
            "bad.csv: line 4, column 'maintainer', value 'Nobody Ltd': is not a partner organisation",
        })
            Assert.Contains(expected, r.Err, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.Equal(0, await db.AssetOrganisations.CountAsync());

        // Once the cells are right, a new offer is still refused: it needs consent recorded with the form.
        var offer = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", files.Write("offer.csv", Header + "\n,offer,New offer,Org,,,,,active,,,,,,,,,,,no,,,,,,\n"));
        Assert.Equal(2, offer.ExitCode);
        Assert.Contains("offer.csv: line 2, column 'kind', value 'offer': a new offer needs the offerer's recorded consent", offer.Err, StringComparison.Ordinal);
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AssetImport));
    }

    [Fact]
    public async Task TheExampleFileImportsIntoItsAreasAndADryRunChangesNothing()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var example = Files.Repo("docs", "examples", "assets.csv");
        var dry = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", example, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("assets.csv is valid: importing it would add 5 records and update 0 (0 unchanged). Nothing was changed.", dry.Out, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());

        var r = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", example);
        Assert.True(r.ExitCode == 0, r.All);
        var services = await db.AssetServices.AsNoTracking().Include(s => s.Schedules).Include(s => s.Locations).ThenInclude(l => l.Location).ToListAsync();
        Assert.Equal(5, services.Count);
        Assert.All(services, s => Assert.Equal((Publication.Published, 1, false), (s.Publication, s.Version, s.IsSynthetic)));
        var lsoa = await db.Areas.Where(a => a.Level == Cohesion.Places.AreaLevel.Lsoa).Select(a => a.Id).ToListAsync();
        Assert.All(services, s => Assert.Contains(s.Locations.Single().Location!.AreaId!.Value, lsoa));
        var esol = services.Single(s => s.Name == "ESOL Entry 1, Coldhurst");
        Assert.Equal(["MO", "WE"], esol.Schedules.Select(x => x.ByDay).Order());
        Assert.Equal(5, await db.AssetRevisions.CountAsync());
    }

    [Fact]
    public async Task AKilledImportLeavesNothingBehind()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var files = new Files();
        var rows = string.Concat(Enumerable.Range(0, AssetCsv.MaxRows).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, Guid.NewGuid()) + "\n"));
        var big = files.Write("big.csv", Header + "\n" + rows);
        // Fifty thousand records with their parts take seconds to write.
        await CohesionExe.KillWhileWritingAsync(app.Database, "writing 50,000 records", "import", "assets-csv", big);
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.Equal(0, await db.AssetRevisions.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AssetImport));
        // One row more than the bound is refused before anything is written.
        var over = await CohesionExe.RunAsync(app.Database, "import", "assets-csv", files.Write("over.csv", Header + "\n" + rows + string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, "") + "\n"));
        Assert.Equal(2, over.ExitCode);
        Assert.Contains($"over.csv: line {AssetCsv.MaxRows + 2}: a file may hold at most 50,000 records: split it", over.Err, StringComparison.Ordinal);
    }

    [Theory]
    [BothProviders]
    public async Task TheUploadPageIsForAnalystsListsErrorsAndImports(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (contributor, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/assets/import")).StatusCode);
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Analyst);

        async Task<HttpResponseMessage> UploadAsync(string name, string content)
        {
            var html = await analyst.GetStringAsync("/assets/import");
            var body = new MultipartFormDataContent
            {
                { new StringContent(SignIn.Token(html)), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name },
            };
            return await analyst.PostAsync("/assets/import", body);
        }

        var bad = await UploadAsync("spreadsheet.csv", Header + "\n,service,Club,Org,,,,,active,,,,,,knitting,,,,,no,,,,,,\n");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("The file was not imported: nothing was changed", page, StringComparison.Ordinal);
        Assert.Contains("spreadsheet.csv: line 2, column 'activity_terms', value 'knitting'", page, StringComparison.Ordinal);
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetServices.CountAsync());

        var good = await UploadAsync("spreadsheet.csv", Header + "\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, "") + "\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var done = WebUtility.HtmlDecode(await analyst.GetStringAsync(good.Headers.Location!.ToString()));
        Assert.Contains("Imported spreadsheet.csv: 1 record added, 0 updated, 0 unchanged.", done, StringComparison.Ordinal);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AssetImport);
        Assert.Equal(("analyst@example.org", "spreadsheet.csv"), (audit.Actor, audit.Target));
        Assert.Equal("analyst@example.org", (await db.AssetRevisions.SingleAsync()).ChangedBy);

        // A record another partner maintains is theirs to change (AssetAccess), in a file as on the form.
        db.Organisations.Add(new Organisation { Name = "Other partner", Kind = OrganisationKind.Voluntary, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        using var files = new Files();
        var theirs = string.Format(System.Globalization.CultureInfo.InvariantCulture, Good, "").Replace("Chat club", "Their club") + "Other partner";
        Assert.Equal(0, (await CohesionExe.RunAsync(app.Database, "import", "assets-csv", files.Write("theirs.csv", Header + "\n" + theirs + "\n"))).ExitCode);
        var export = await app.Client().GetStringAsync("/assets/export.csv");
        var refused = await UploadAsync("renamed.csv", export.TrimStart('\uFEFF').Replace("Their club", "Renamed club"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("column 'id'", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("you may not change this record", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await db.AssetServices.CountAsync(s => s.Name == "Their club"));
        var added = await UploadAsync("add-theirs.csv", Header + "\n" + theirs.Replace("Their club", "Another club") + "\n");
        Assert.Contains("you may only add records maintained by your own organisation", WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await db.AssetServices.CountAsync());
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.OpenReferral;

/// <summary>HSDS in, HSDS out: what another directory sends comes back out with the same meaning, and our own export reads back to the same file.</summary>
public class OrukRoundTripTests
{
    /// <summary>Fields that are links the nesting already says, or that the profile requires and Cohesion does not keep (state, country).</summary>
    static readonly HashSet<string> Ignored = ["last_modified", "service_id", "location_id", "organization_id", "link_id", "link_type", "link_entity",
        "state_province", "country", "address_type", "uri"];

    /// <summary>
    /// A service as a set of "path=value" facts: lists keyed by their items' ids (addresses and a contact's phones by
    /// position, their ids being made by Cohesion), schedules given at a location moved to the service with the
    /// location named, a taxonomy term reduced to its id (the export fills in the rest from the taxonomy).
    /// </summary>
    static IEnumerable<string> Facts(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o when path.EndsWith(".taxonomy_term", StringComparison.Ordinal):
                yield return $"{path}.id={(string)o["id"]!}";
                yield break;
            case JsonObject o:
                foreach (var (k, v) in o)
                    if (!Ignored.Contains(k) && !(k == "id" && (path.Contains(".addresses[", StringComparison.Ordinal) || path.Contains(".phones[", StringComparison.Ordinal) && path.Contains(".contacts[", StringComparison.Ordinal)))
                        && !(path.EndsWith(']') && path.Contains(".attributes[", StringComparison.Ordinal) && k is "id" or "taxonomy_term_id"))
                        foreach (var f in Facts(v, $"{path}.{k}")) yield return f;
                yield break;
            case JsonArray a:
                foreach (var (x, i) in a.Select((x, i) => (x, i)))
                {
                    var key = path.EndsWith(".addresses", StringComparison.Ordinal) || path.EndsWith(".phones", StringComparison.Ordinal) && path.Contains(".contacts[", StringComparison.Ordinal)
                        ? i.ToString(CultureInfo.InvariantCulture) : (string?)x!["taxonomy_term"]?["id"] ?? (string?)x["id"] ?? i.ToString(CultureInfo.InvariantCulture);
                    foreach (var f in Facts(x, $"{path}[{key}]")) yield return f;
                }
                yield break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                yield return $"{path}={v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}";
                yield break;
            default:
                yield return $"{path}={node?.ToJsonString()}";
                yield break;
        }
    }

    static List<string> FactsOfFile(JsonArray services)
    {
        foreach (var s in services)
            foreach (var sal in s!["service_at_locations"]?.AsArray() ?? [])
                if (sal!["schedules"] is JsonArray nested)
                {
                    sal.AsObject().Remove("schedules");
                    s["schedules"] ??= new JsonArray();
                    foreach (var x in nested.ToList()) { nested.Remove(x); x!["service_at_location_id"] = (string)sal["id"]!; s["schedules"]!.AsArray().Add(x); }
                }
        return services.SelectMany(s => Facts(s, $"$[{(string)s!["id"]!}]")).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [BothProviders]
    public async Task ImportedServicesExportWithTheSameMeaningAndAnExportReadsBackToTheSameFile(DatabaseProvider provider)
    {
        byte[] first;
        await using (var app = await TestApp.StartAsync(provider))
        {
            var r = await OrukSample.ImportAsync(app);
            Assert.Equal((5, 5, 0, 3, 3, 1, 3, 1), (r.Services, r.Added, r.Updated, r.Organisations, r.Locations, r.Taxonomies, r.Terms, r.DroppedParents));
            first = await OrukSample.ExportAsync(app);
            var exported = JsonNode.Parse(first)!.AsArray();
            Assert.Equal(5, exported.Count);
            foreach (var s in exported) OrukSchemas.AssertValid(OrukSchemas.Service, s, $"exported service {(string)s!["id"]!}");
            OrukSchemas.AssertNoEmptyFields(exported);
            var (sent, back) = (FactsOfFile(OrukSample.Services()), FactsOfFile(JsonNode.Parse(first)!.AsArray()));
            Assert.True(sent.SequenceEqual(back), "sent, not exported:\n" + string.Join("\n", sent.Except(back)) + "\nexported, not sent:\n" + string.Join("\n", back.Except(sent)));
            Assert.Equal("2024-03-15T10:30:45.123Z", (string)exported.Single(s => (Guid)s!["id"]! == OrukSample.IdOf("ESOL"))!["last_modified"]!);

            await using var db = app.Database.Context();
            // Locations are placed in the LSOA that holds them; a point outside the loaded boundaries has none.
            var areaOf = await db.AssetLocations.ToDictionaryAsync(l => l.Name!, l => l.AreaId);
            var codes = await db.Areas.ToDictionaryAsync(a => a.Id, a => a.Code);
            Assert.Equal("E01005348", codes[areaOf["Coldhurst Community Centre"]!.Value]);
            Assert.Equal("E01032921", codes[areaOf["Werneth Library"]!.Value]);
            Assert.Null(areaOf["Manchester drop-in"]);
            // Service areas match Cohesion areas by ONS address, unique name or code, and keep their name otherwise.
            var areas = await db.AssetServiceAreas.ToListAsync();
            Assert.Equal("E05000723", codes[areas.Single(a => a.Name == "Coldhurst").AreaId!.Value]);
            Assert.Equal("E05000738", codes[areas.Single(a => a.Name == "Werneth").AreaId!.Value]);
            Assert.Equal("E05000738", codes[areas.Single(a => a.Name == "E05000738").AreaId!.Value]);
            Assert.Null(areas.Single(a => a.Name == "Anywhere in Greater Manchester").AreaId);
            // Terms: the file's parent is kept, a parent the file does not carry is left out.
            var child = await db.AssetTaxonomyTerms.SingleAsync(t => t.Code == "LGSD-110");
            Assert.Equal((await db.AssetTaxonomyTerms.SingleAsync(t => t.Code == "LGSD-100")).Id, child.ParentId);
            Assert.Null((await db.AssetTaxonomyTerms.SingleAsync(t => t.Code == "LGSD-520")).ParentId);
            // Each service has its first revision, and the import is in the audit log.
            var revisions = await db.AssetRevisions.ToListAsync();
            Assert.Equal(5, revisions.Count);
            Assert.All(revisions, x => Assert.Equal((1, "Imported from HSDS file oldham-sample.json", "test@example.org"), (x.Version, x.Summary, x.ChangedBy)));
            Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.AssetImport).ToListAsync());
            var esol = await db.AssetServices.SingleAsync(s => s.Id == OrukSample.IdOf("ESOL"));
            Assert.True(esol.IsFree);
            Assert.Equal((AssetKind.Service, Publication.Published, ReviewStatus.Unchecked, new DateOnly(2026, 9, 1)), (esol.Kind, esol.Publication, esol.Review, esol.LastCheckedOn));
        }
        await using (var other = await TestApp.StartAsync(provider))
        {
            var r = await OrukSample.ImportAsync(other, first);
            Assert.Equal(5, r.Added);
            var second = await OrukSample.ExportAsync(other);
            Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        }
    }

    [Theory]
    [BothProviders]
    public async Task ReimportingUpdatesInPlaceBumpsTheVersionAndKeepsWhatHsdsDoesNotCarry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OrukSample.ImportAsync(app);
        var hall = OrukSample.IdOf("Coldhurst Community Centre main hall");
        var esol = OrukSample.IdOf("ESOL");
        await using (var db = app.Database.Context())
        {
            var s = await db.AssetServices.SingleAsync(x => x.Id == hall);
            (s.Kind, s.Capacity, s.BookingDetails, s.Review) = (AssetKind.Space, 120, "Book at the centre's office", ReviewStatus.Checked);
            db.AssetProblemReports.Add(new ProblemReport { ServiceId = hall, Kind = ProblemKind.ContactDetailsWrong, Details = "Phone number is old", SubmittedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var services = OrukSample.Services();
        var hallJson = services.Single(s => (Guid)s!["id"]! == hall)!;
        hallJson["name"] = "Coldhurst Community Centre hall (synthetic)";
        hallJson["status"] = "active";
        var esolJson = services.Single(s => (Guid)s!["id"]! == esol)!;
        esolJson["schedules"]!.AsArray().RemoveAt(1);
        var r = await OrukSample.ImportAsync(app, services.ToJsonString());
        Assert.Equal((5, 0, 5), (r.Services, r.Added, r.Updated));

        await using var check = app.Database.Context();
        var updated = await check.AssetServices.SingleAsync(x => x.Id == hall);
        Assert.Equal(("Coldhurst Community Centre hall (synthetic)", ServiceStatus.Active, 2), (updated.Name, updated.Status, updated.Version));
        Assert.Equal((AssetKind.Space, 120, "Book at the centre's office", ReviewStatus.Checked), (updated.Kind, updated.Capacity, updated.BookingDetails, updated.Review));
        Assert.True(updated.UpdatedAt > updated.CreatedAt || updated.UpdatedAt == updated.CreatedAt);
        Assert.Single(await check.AssetProblemReports.Where(p => p.ServiceId == hall).ToListAsync());
        Assert.Single(await check.AssetSchedules.Where(x => x.ServiceId == esol).ToListAsync());
        var history = await check.AssetRevisions.Where(x => x.ServiceId == hall).OrderBy(x => x.Version).ToListAsync();
        Assert.Equal(["Imported from HSDS file oldham-sample.json", "Updated from HSDS file oldham-sample.json"], history.Select(h => h.Summary));
        var snapshot = Cohesion.Assets.Read.Revisions.Deserialise(history[1].SnapshotJson);
        Assert.Equal((AssetKind.Space, 120, 2), (snapshot.Kind, snapshot.Capacity, snapshot.Version));
        Assert.Equal(5, await check.AssetServices.CountAsync());
        Assert.Equal(3, await check.AssetLocations.CountAsync());
        // The API shows the new version at once.
        using var http = app.Client();
        var api = JsonNode.Parse(await http.GetStringAsync($"/openreferral/services/{hall}"))!;
        Assert.Equal("Coldhurst Community Centre hall (synthetic)", (string)api["name"]!);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Assets.OpenReferral;

/// <summary>The Open Referral UK read API: the profile's shapes, open to any origin, only what the public may see, strict about its parameters.</summary>
public class OrukApiTests
{
    static async Task<JsonNode> GetJsonAsync(HttpClient http, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"GET {url} answered {(int)r.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A published offer (with consent) and a draft service: neither may appear anywhere in the API.</summary>
    static async Task<(Guid Offer, Guid Draft, Guid OfferOnlyOrg)> HiddenRecordsAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        var org = new AssetOrganisation { Id = Guid.NewGuid(), Name = "Residents offering time", Description = "", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var offer = new Service
        {
            Id = Guid.NewGuid(), OrganisationId = org.Id, Kind = AssetKind.Offer, Name = "Help with English homework", OfferedBy = "A neighbour",
            ConsentRecordedOn = new DateOnly(2026, 1, 5), ContactConsent = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        var draft = new Service
        {
            Id = Guid.NewGuid(), OrganisationId = OrukSample.IdOfOrganisation("Language café"), Name = "Draft English club", Publication = Publication.Draft,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.AddRange(org, offer, draft);
        await db.SaveChangesAsync();
        return (offer.Id, draft.Id, org.Id);
    }

    [Theory]
    [BothProviders]
    public async Task EveryEndpointAnswersInTheProfilesShapesOpenToAnyOriginAndShowsOnlyPublishedServicesAndSpaces(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OrukSample.ImportAsync(app);
        var (offer, draft, offerOnlyOrg) = await HiddenRecordsAsync(app);
        using var http = app.Client();
        http.DefaultRequestHeaders.Add("Origin", "https://another-directory.example");

        var info = await http.GetAsync("/openreferral/");
        Assert.Equal("*", info.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var infoJson = JsonNode.Parse(await info.Content.ReadAsStringAsync())!;
        Assert.Equal("3.0", (string)infoJson["version"]!);
        Assert.StartsWith("https://", (string)infoJson["profile"]!);

        var list = await http.GetAsync("/openreferral/services");
        Assert.Equal("*", list.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("public", list.Headers.CacheControl!.ToString());
        var page = JsonNode.Parse(await list.Content.ReadAsStringAsync());
        var items = OrukSchemas.AssertPage(page, OrukSchemas.ServiceListItem, "/services");
        OrukSchemas.AssertNoEmptyFields(page);
        Assert.Equal(5, (int)page!["total_items"]!);
        var ids = items.Select(i => Guid.Parse((string)i!["id"]!)).ToList();
        Assert.DoesNotContain(offer, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.All(items, i => Assert.Equal(((string)i!["id"]!).ToLowerInvariant(), (string)i["id"]!));
        Assert.Equal("temporarily closed", (string)items.Single(i => ((string)i!["name"]!).StartsWith("Welcome buddy"))!["status"]!);

        var full = await GetJsonAsync(http, "/openreferral/services?full_service=true&per_page=10");
        OrukSchemas.AssertPage(full, OrukSchemas.Service, "/services?full_service=true");
        foreach (var id in ids)
        {
            var s = await GetJsonAsync(http, $"/openreferral/services/{id}");
            OrukSchemas.AssertValid(OrukSchemas.Service, s, $"/services/{id}");
            OrukSchemas.AssertNoEmptyFields(s);
        }
        var esol = await GetJsonAsync(http, $"/openreferral/services/{OrukSample.IdOf("ESOL")}");
        Assert.Equal("Oldham Adult Learning (synthetic)", (string)esol["organization"]!["name"]!);
        Assert.Equal(2, esol["service_at_locations"]!.AsArray().Count);
        Assert.Contains(esol["service_at_locations"]!.AsArray(), l => (string)l!["location"]!["addresses"]![0]!["postal_code"]! == "OL1 2AB"
            && (double)l["location"]!["latitude"]! == 53.5485 && (string)l["location"]!["accessibility"]![0]!["description"]! == "Step-free access and an accessible toilet");
        Assert.Contains(esol["schedules"]!.AsArray(), x => (string)x!["byday"]! == "MO,WE" && (string)x["opens_at"]! == "09:30" && x["service_at_location_id"] is not null);
        Assert.Contains(esol["attributes"]!.AsArray(), a => (string)a!["taxonomy_term"]!["taxonomy"]! == CohesionTaxonomy.ActivityName && (string)a["taxonomy_term"]!["code"]! == "esol");
        Assert.Equal("ur", (string)esol["languages"]!.AsArray().Single(l => (string)l!["name"]! == "Urdu")!["code"]!);
        Assert.Equal("0161 000 0101", (string)esol["contacts"]![0]!["phones"]![0]!["number"]!);
        Assert.Equal(OnsWard("E05000723"), (string)esol["service_areas"]!.AsArray().Single(a => (string)a!["name"]! == "Coldhurst")!["uri"]!);

        // Offers, drafts, unknown ids and ids that are not UUIDs are all simply not there.
        foreach (var missing in new[] { offer.ToString(), draft.ToString(), Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            var r = await http.GetAsync($"/openreferral/services/{missing}");
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        }
        // A service that has not changed since the client's copy is not sent again.
        var first = await http.GetAsync($"/openreferral/services/{ids[0]}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/openreferral/services/{ids[0]}");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
        // Read only: a write is refused (the app's fallback answers any other method with 404 rather than 405).
        Assert.Contains((await http.PostAsync("/openreferral/services", new StringContent("[]"))).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(5, (int)(await GetJsonAsync(http, "/openreferral/services"))["total_items"]!);

        var taxonomies = await GetJsonAsync(http, "/openreferral/taxonomies");
        var taxonomyItems = OrukSchemas.AssertPage(taxonomies, OrukSchemas.Taxonomy, "/taxonomies");
        Assert.Equal(3, taxonomyItems.Count);
        Assert.Contains(taxonomyItems, t => (string)t!["name"]! == "Local Government Service Directory (sample)" && (string)t["id"]! == OrukSample.LgsdTaxonomy.ToString());
        OrukSchemas.AssertValid(OrukSchemas.Taxonomy, await GetJsonAsync(http, $"/openreferral/taxonomies/{CohesionTaxonomy.ActivityId}"), "/taxonomies/{id}");

        var activity = await GetJsonAsync(http, $"/openreferral/taxonomy_terms?taxonomy_id={CohesionTaxonomy.ActivityId}&per_page=200");
        Assert.Equal(CohesionTaxonomy.Activities.Count, OrukSchemas.AssertPage(activity, OrukSchemas.TaxonomyTerm, "/taxonomy_terms").Count);
        var languageLearning = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "language-learning");
        var children = await GetJsonAsync(http, $"/openreferral/taxonomy_terms?parent_id={languageLearning}");
        Assert.Equal(["buddy-scheme", "conversation-club", "esol", "language-cafe"], OrukSchemas.AssertPage(children, OrukSchemas.TaxonomyTerm, "children").Select(t => (string)t!["code"]!).Order());
        OrukSchemas.AssertValid(OrukSchemas.TaxonomyTerm, await GetJsonAsync(http, $"/openreferral/taxonomy_terms/{languageLearning}"), "/taxonomy_terms/{id}");

        var orgs = await GetJsonAsync(http, "/openreferral/organizations");
        var orgItems = OrukSchemas.AssertPage(orgs, OrukSchemas.Organization, "/organizations");
        Assert.Equal(3, orgItems.Count);
        Assert.DoesNotContain(orgItems, o => (string)o!["id"]! == offerOnlyOrg.ToString());
        var welcome = await GetJsonAsync(http, $"/openreferral/organizations/{OrukSample.IdOfOrganisation("Language café")}");
        OrukSchemas.AssertValid(OrukSchemas.Organization, welcome, "/organizations/{id}");
        Assert.Equal(2, welcome["services"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/openreferral/organizations/{offerOnlyOrg}")).StatusCode);
    }

    static string OnsWard(string code) => "http://statistics.data.gov.uk/id/statistical-geography/" + code;

    [Theory]
    [BothProviders]
    public async Task ServicesAreSearchedFilteredAndPagedAndBadParametersAreNamedIn400s(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await OrukSample.ImportAsync(app);
        using var http = app.Client();
        async Task<List<string>> Names(string query) =>
            (await GetJsonAsync(http, "/openreferral/services?" + query))["contents"]!.AsArray().Select(s => (string)s!["name"]!).Order().ToList();

        Assert.Equal(["ESOL Entry 1 and 2 (synthetic)", "Language café (synthetic)"], await Names("search=english"));
        Assert.Equal(["ESOL Entry 1 and 2 (synthetic)"], await Names("search=ENGLISH%20classes"));
        Assert.Equal(["ESOL Entry 1 and 2 (synthetic)", "Werneth food pantry (synthetic)"], await Names($"taxonomy_id={OrukSample.LgsdTaxonomy}"));
        Assert.Equal(["Language café (synthetic)"], await Names($"taxonomy_term_id={CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "language-cafe")}"));
        Assert.Equal(["Language café (synthetic)", "Welcome buddy scheme (synthetic)"], await Names($"organization_id={OrukSample.IdOfOrganisation("Language café")}"));
        // The ESOL class kept the last_modified its directory gave it; the others were modified by the import.
        Assert.Equal(5, (await Names("modified_after=2024-03-15T10:30:45.123Z")).Count);
        Assert.Equal(4, (await Names("modified_after=2024-03-15T10:30:45.124Z")).Count);
        Assert.Equal(4, (await Names("modified_after=" + before.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))).Count);
        Assert.Empty(await Names("modified_after=2100-01-01"));

        var seen = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await GetJsonAsync(http, $"/openreferral/services?per_page=2&page={p}");
            Assert.Equal((5, 3, p, p < 3 ? 2 : 1, p == 1, p == 3, false),
                ((int)page["total_items"]!, (int)page["total_pages"]!, (int)page["page_number"]!, (int)page["size"]!, (bool)page["first_page"]!, (bool)page["last_page"]!, (bool)page["empty"]!));
            var ids = page["contents"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
            // The list and the full services read a page by different queries: they must agree on which services and their order.
            var full = await GetJsonAsync(http, $"/openreferral/services?per_page=2&page={p}&full_service=true");
            Assert.Equal(ids, full["contents"]!.AsArray().Select(s => (string)s!["id"]!));
            Assert.Equal((int)page["total_items"]!, (int)full["total_items"]!);
            seen.AddRange(ids);
        }
        Assert.Equal(5, seen.Distinct().Count());
        // Words: the count and the page come from one pass over the matches; the list and full services agree.
        var searched = new List<string>();
        for (var p = 1; p <= 2; p++)
        {
            var page = await GetJsonAsync(http, $"/openreferral/services?search=english&per_page=1&page={p}");
            Assert.Equal((2, 2, p, 1, p == 1, p == 2), ((int)page["total_items"]!, (int)page["total_pages"]!, (int)page["page_number"]!, (int)page["size"]!,
                (bool)page["first_page"]!, (bool)page["last_page"]!));
            var full = await GetJsonAsync(http, $"/openreferral/services?search=english&per_page=1&page={p}&full_service=true");
            Assert.Equal(page["contents"]!.AsArray().Select(s => (string)s!["id"]!), full["contents"]!.AsArray().Select(s => (string)s!["id"]!));
            searched.AddRange(page["contents"]!.AsArray().Select(s => (string)s!["id"]!));
        }
        Assert.Equal(searched.Order(StringComparer.Ordinal), searched);
        var pastMatches = await GetJsonAsync(http, "/openreferral/services?search=english&per_page=1&page=3");
        Assert.Equal((2, true), ((int)pastMatches["total_items"]!, (bool)pastMatches["empty"]!));

        var beyond = await GetJsonAsync(http, "/openreferral/services?per_page=2&page=4");
        Assert.True((bool)beyond["empty"]!);
        Assert.Empty(beyond["contents"]!.AsArray());

        foreach (var (query, parameter, value) in new[]
        {
            ("page=0", "page", "0"), ("page=two", "page", "two"), ("per_page=201", "per_page", "201"), ("per_page=-5", "per_page", "-5"),
            ("modified_after=yesterday", "modified_after", "yesterday"), ("modified_after=2025-06-01T10:00:00", "modified_after", "2025-06-01T10:00:00"),
            ("taxonomy_id=esol", "taxonomy_id", "esol"), ("full_service=perhaps", "full_service", "perhaps"), ("search=" + new string('a', 201), "search", new string('a', 201)),
        })
        {
            var r = await http.GetAsync("/openreferral/services?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
            Assert.Equal(parameter, (string)problem["parameter"]!);
            Assert.Equal(value, (string)problem["value"]!);
            Assert.StartsWith(parameter + " must", (string)problem["detail"]!);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/openreferral/taxonomy_terms?parent_id=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/openreferral/organizations?per_page=1000")).StatusCode);
    }
}

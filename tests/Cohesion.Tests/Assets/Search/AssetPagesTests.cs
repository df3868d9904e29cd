using System.Net;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets.Search;

/// <summary>The directory's pages, API and download through HTTP, on the real app over Oldham's real boundaries.</summary>
public class AssetPagesTests
{
    sealed record Place(int LsoaId, double Lat, double Lon, string WardCode);

    /// <summary>An Oldham LSOA (the first by code with a boundary), its centroid and its ward.</summary>
    static async Task<Place> OldhamAsync(TestApp app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
        var shapes = await app.App.Services.GetRequiredService<AreaShapes>().AllAsync(db, CancellationToken.None);
        var lsoa = await db.Areas.Where(a => a.Level == AreaLevel.Lsoa).OrderBy(a => a.Code).Select(a => a.Id).ToListAsync();
        var id = lsoa.First(shapes.ContainsKey);
        var ward = await (from g in db.AreaGroupings join w in db.Areas on g.GroupId equals w.Id where g.AreaId == id && w.Level == AreaLevel.Ward select w.Code).FirstAsync();
        return new Place(id, shapes[id].Centroid.Latitude, shapes[id].Centroid.Longitude, ward);
    }

    static async Task<Guid> AddAsync(TestApp app, Place at, string name, string description, Action<Service>? change = null, double north = 0)
    {
        await using var db = app.Database.Context();
        var orgId = Guid.NewGuid();
        db.AssetOrganisations.Add(new AssetOrganisation { Id = orgId, Name = "Oldham Neighbours Trust", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        var id = Guid.NewGuid();
        var location = new Location
        {
            Id = Guid.NewGuid(), Name = "Werneth Community Centre", Address1 = "1 Test Street", City = "Oldham", Postcode = "OL8 1AA",
            Latitude = at.Lat + north, Longitude = at.Lon, AreaId = at.LsoaId, UpdatedAt = DateTime.UtcNow,
            Accessibility = [new Accessibility { Id = Guid.NewGuid(), Description = "Step-free access" }],
        };
        var s = new Service
        {
            Id = id, OrganisationId = orgId, Name = name, Description = description, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            Email = "hello@example.org", Url = "https://example.org/club",
            Locations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location }],
            Schedules = [new Schedule { Id = Guid.NewGuid(), ServiceId = id, Freq = ScheduleFrequency.Weekly, ByDay = "MO", OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(12, 0) }],
            Languages = [new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = id, Name = "Urdu", Code = "ur" }],
            Phones = [new Phone { Id = Guid.NewGuid(), ServiceId = id, Number = "0161 496 0000" }],
        };
        change?.Invoke(s);
        db.AssetServices.Add(s);
        await db.SaveChangesAsync();
        return id;
    }

    [Theory]
    [BothProviders]
    public async Task TheSearchPageFindsAnAssetAndItsPageShowsEverything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var place = await OldhamAsync(app);
        var id = await AddAsync(app, place, "Werneth conversation club", "Practise English over tea.\nEveryone welcome.");
        await AddAsync(app, place, "Werneth walking group", "A gentle walk.", north: 0.003);
        var http = app.Client();

        var page = await http.GetStringAsync("/assets?q=conversation");
        Assert.Contains("1 result", page);
        Assert.Contains($"href=\"/assets/{id}\"", page);
        Assert.Contains("Werneth conversation club", page);
        Assert.Contains("Service or activity", page);
        Assert.Contains("href=\"/assets\"", page); // the menu item

        var near = await http.GetStringAsync($"/assets?near={place.WardCode}&within=5");
        Assert.Contains("2 results", near);
        Assert.Contains("sorted by distance, nearest first", near);

        var asset = await http.GetStringAsync($"/assets/{id}");
        Assert.Contains("Every Monday 10:00 to 12:00", asset);
        Assert.Contains("Urdu", asset);
        Assert.Contains("Step-free access", asset);
        Assert.Contains("0161 496 0000", asset);
        Assert.Contains("Oldham Neighbours Trust", asset);
        Assert.Contains("Werneth walking group", asset); // nearby, about 330 m north
        Assert.Contains($"href=\"/assets/{id}/report\"", asset);
        Assert.DoesNotContain($"/assets/{id}/edit", asset); // only for signed-in staff
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/assets/{Guid.NewGuid()}")).StatusCode);

        var staff = app.Client();
        await SignIn.AsAsync(staff, SignIn.AdminEmail, app.AdminPassword);
        var asStaff = await staff.GetStringAsync($"/assets/{id}");
        Assert.Contains($"/assets/{id}/edit", asStaff);
        Assert.Contains($"/assets/{id}/history", asStaff);
    }

    [Theory]
    [BothProviders]
    public async Task TextFromTheDirectoryIsEncodedNeverRunAsHtml(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var place = await OldhamAsync(app);
        var id = await AddAsync(app, place, "Choir <script>alert('x')</script>", "<img src=x onerror=alert(1)> Singing together.",
            s => s.Locations[0].Location!.Name = "<b>Hall</b>");
        var http = app.Client();
        foreach (var url in new[] { "/assets?q=choir", $"/assets/{id}" })
        {
            var html = await http.GetStringAsync(url);
            Assert.Contains("Choir &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        Assert.Contains("&lt;b&gt;Hall&lt;/b&gt;", await http.GetStringAsync($"/assets/{id}"));
        // The API is JSON: the text comes back as written, for the client to encode.
        var api = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/assets?q=choir"));
        Assert.Equal("Choir <script>alert('x')</script>", api.RootElement.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [BothProviders]
    public async Task DraftsAreNotFoundAndOffersShowContactsOnlyWithConsentToPartners(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var place = await OldhamAsync(app);
        var draft = await AddAsync(app, place, "Draft banjo club", "Not yet.", s => s.Publication = Publication.Draft);
        var offer = await AddAsync(app, place, "Help with CVs", "I can read your CV.", s =>
        {
            s.Kind = AssetKind.Offer;
            s.OfferedBy = "Amina";
            s.ConsentRecordedOn = new DateOnly(2026, 1, 10);
            s.ContactConsent = true;
        });
        var noContactConsent = await AddAsync(app, place, "Bike repairs", "I can fix bikes.", s =>
        {
            s.Kind = AssetKind.Offer;
            s.ConsentRecordedOn = new DateOnly(2026, 1, 10);
            s.Phones[0].Number = "07700 900123";
        });
        var http = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/assets/{draft}")).StatusCode);
        var search = await http.GetStringAsync("/assets?q=banjo&status=any");
        Assert.Contains("0 results", search);
        Assert.DoesNotContain("Draft banjo club", search);

        var publicView = await http.GetStringAsync($"/assets/{offer}");
        Assert.DoesNotContain("0161 496 0000", publicView);
        Assert.DoesNotContain("hello@example.org", publicView);
        Assert.Contains("shared only with signed-in partner organisations", publicView);

        var staff = app.Client();
        await SignIn.AsAsync(staff, SignIn.AdminEmail, app.AdminPassword);
        Assert.Contains("0161 496 0000", await staff.GetStringAsync($"/assets/{offer}"));
        Assert.DoesNotContain("07700 900123", await staff.GetStringAsync($"/assets/{noContactConsent}"));
        Assert.Contains("only its maintainers and the directory's staff can see it", await staff.GetStringAsync($"/assets/{draft}"));
        // Offers' contacts never leave in a download.
        var csv = await staff.GetStringAsync("/assets/results.csv?kind=offer");
        Assert.Contains("Help with CVs", csv);
        Assert.DoesNotContain("0161 496 0000", csv);
        Assert.DoesNotContain("hello@example.org", csv);
    }

    [Theory]
    [BothProviders]
    public async Task AMisspeltSearchSaysWhatItSearchedAndOffersTheExactWords(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var place = await OldhamAsync(app);
        await AddAsync(app, place, "Allotment society", "Growing vegetables.");
        var html = await app.Client().GetStringAsync("/assets?q=alotment");
        Assert.Contains("Showing results for <strong>allotment</strong>", html);
        Assert.Contains("href=\"/assets?exact=1&amp;q=alotment\"", html);
        Assert.Contains("Allotment society", html);
        var exact = await app.Client().GetStringAsync("/assets?exact=1&q=alotment");
        Assert.Contains("0 results", exact);
    }

    [Theory]
    [BothProviders]
    public async Task TheDownloadHasEveryResultAndIsAuditedAndTheApiAnswersTheSameSearch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var place = await OldhamAsync(app);
        for (var i = 0; i < 25; i++) await AddAsync(app, place, $"Netball session {i:00}", "Netball for all.", north: i * 0.0005);
        var http = app.Client();
        var csv = await http.GetStringAsync("/assets/results.csv?q=netball&sort=name");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(26, lines.Length); // a header and every result, not one page of 20
        Assert.StartsWith("\uFEFFid,name,kind,organisation", lines[0]);
        Assert.Contains("Netball session 00", lines[1]);
        var xlsx = await http.GetAsync("/assets/results.xlsx?q=netball");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using (var db = app.Database.Context())
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "export" && a.Target.StartsWith("asset-search.")));

        var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/v1/assets?q=netball&near={place.WardCode}&within=5&per_page=10"));
        Assert.Equal(25, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("items")[0].TryGetProperty("distanceKm", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.RootElement.GetProperty("centre").ValueKind);
        var bad = await http.GetAsync("/api/v1/assets?age=ninety");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Age 'ninety' must be a whole number", await bad.Content.ReadAsStringAsync());
        var badPage = await http.GetStringAsync("/assets?age=ninety");
        Assert.Contains("There is a problem", badPage);
        Assert.Contains("href=\"#age\"", badPage);
    }
}

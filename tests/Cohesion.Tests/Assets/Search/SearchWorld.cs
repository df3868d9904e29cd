using System.Globalization;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Search;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tests.Infrastructure;
using Cohesion.Web;

namespace Cohesion.Tests.Assets.Search;

/// <summary>
/// A fresh database with a small made-up district near Oldham for searches to run over: district D, wards W1 (west) and
/// W2 (east), each holding two LSOAs of about 1.1 km square, with boundaries; the seeded taxonomies; and a builder
/// for services. Real SQLite or PostgreSQL; nothing mocked.
/// </summary>
public sealed class SearchWorld : IAsyncDisposable
{
    public required TestDatabase Database { get; init; }
    public AssetSearch Search { get; } = new(new AreaStatsCache(), new AreaShapes(), new SearchVocabulary());
    public Guid OrganisationId { get; } = Guid.NewGuid();
    public Dictionary<string, int> Areas { get; } = [];
    /// <summary>A Monday in summer time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 11, 0, 0, TimeSpan.FromHours(1));

    public const double Lat0 = 53.54, Lon0 = -2.12, Step = 0.01, LonStep = 0.0168;

    public static async Task<SearchWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new SearchWorld { Database = await TestDatabase.CreateAsync(provider) };
        await using var db = world.Database.Context();
        await TaxonomySeeder.EnsureAsync(db, CancellationToken.None);
        var district = new Area { Code = "E08999999", Name = "Testdale", Level = AreaLevel.LocalAuthority };
        db.Areas.Add(district);
        await db.SaveChangesAsync();
        world.Areas["D"] = district.Id;
        var msoa = new Area { Code = "E02999999", Name = "Testdale 001", Level = AreaLevel.Msoa, ParentId = district.Id };
        db.Areas.Add(msoa);
        foreach (var w in new[] { "W1", "W2" })
        {
            var ward = new Area { Code = "E0599999" + w[1], Name = w == "W1" ? "Westward" : "Eastward", Level = AreaLevel.Ward, ParentId = district.Id };
            db.Areas.Add(ward);
        }
        await db.SaveChangesAsync();
        world.Areas["M"] = msoa.Id;
        foreach (var a in db.Areas.Where(a => a.Level == AreaLevel.Ward)) world.Areas[a.Code.EndsWith('1') ? "W1" : "W2"] = a.Id;
        // Four LSOAs in a row from west to east: L1, L2 in W1; L3, L4 in W2. Each 0.01° of latitude by 0.0168° of longitude (about 1.1 km square).
        for (var i = 0; i < 4; i++)
        {
            var lsoa = new Area { Code = $"E0199999{i + 1}", Name = $"Testdale 001{(char)('A' + i)}", Level = AreaLevel.Lsoa, ParentId = msoa.Id };
            db.Areas.Add(lsoa);
            await db.SaveChangesAsync();
            world.Areas[$"L{i + 1}"] = lsoa.Id;
            db.AreaGroupings.Add(new AreaGrouping { AreaId = lsoa.Id, GroupId = world.Areas[i < 2 ? "W1" : "W2"] });
            var (w, s, e, n) = (Lon0 + i * LonStep, Lat0, Lon0 + (i + 1) * LonStep, Lat0 + Step);
            db.AreaBoundaries.Add(new AreaBoundary
            {
                AreaId = lsoa.Id, MinLon = w, MinLat = s, MaxLon = e, MaxLat = n,
                GeometryJson = string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Polygon\",\"coordinates\":[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]}}"),
            });
        }
        db.AssetOrganisations.Add(new AssetOrganisation { Id = world.OrganisationId, Name = "Testdale Community Trust", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>The centre of LSOA i (1 to 4).</summary>
    public static (double Lat, double Lon) Centre(int i) => (Lat0 + Step / 2, Lon0 + (i - 0.5) * LonStep);

    public static Guid Term(string code) => CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, code);
    public static Guid Audience(string code) => CohesionTaxonomy.TermId(CohesionTaxonomy.AudienceId, code);

    /// <summary>Adds a published, active service in LSOA <paramref name="lsoa"/> (at its centre unless a point is given); <paramref name="change"/> sets the rest.</summary>
    public async Task<Guid> AddAsync(string name, string description = "", string[]? terms = null, int lsoa = 1, (double Lat, double Lon)? at = null,
        Action<Service>? change = null)
    {
        await using var db = Database.Context();
        var id = Guid.NewGuid();
        var (lat, lon) = at ?? Centre(lsoa);
        var location = new Location { Id = Guid.NewGuid(), Name = name + " venue", City = "Testdale", Latitude = lat, Longitude = lon, AreaId = Areas[$"L{lsoa}"], UpdatedAt = DateTime.UtcNow };
        var s = new Service
        {
            Id = id, OrganisationId = OrganisationId, Name = name, Description = description, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            Locations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location }],
            Terms = (terms ?? []).Select(t => new ServiceTerm { ServiceId = id, TermId = t.StartsWith("audience:") ? Audience(t[9..]) : Term(t) }).ToList(),
        };
        change?.Invoke(s);
        db.AssetServices.Add(s);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Runs a search from a query string, as the page does; fails the test on errors.</summary>
    public async Task<AssetResults> RunAsync(string queryString, DateTimeOffset? now = null)
    {
        var (results, errors) = await TryAsync(queryString, now);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)));
        return results!;
    }

    public async Task<(AssetResults? Results, List<FieldError> Errors)> TryAsync(string queryString, DateTimeOffset? now = null)
    {
        var q = AssetQuery.From(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)), out var errors);
        if (errors.Count > 0) return (null, errors);
        await using var db = Database.Context();
        return await Search.RunAsync(db, q, now ?? Now, CancellationToken.None);
    }

    /// <summary>The names found, in order.</summary>
    public async Task<List<string>> NamesAsync(string queryString, DateTimeOffset? now = null) =>
        (await RunAsync(queryString, now)).Hits.Items.Select(h => h.Name).ToList();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

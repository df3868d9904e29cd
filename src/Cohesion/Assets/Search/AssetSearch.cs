using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Schedules;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>One result: what the list, the map, the API and the download show of a service.</summary>
public sealed record AssetHit(Guid Id, string Name, AssetKind Kind, string Organisation, string Description, IReadOnlyList<string> Terms,
    string? Place, double? DistanceKm, bool OpenNow, bool IsSynthetic, ServiceStatus Status, DateTime UpdatedAt, GeoPoint? Point);

/// <summary>A page of results, with what was searched for and the point distances were measured from.</summary>
public sealed record AssetResults(Paged<AssetHit> Hits, TextPlan Plan, AssetQuery Query, AreaInfo? Near, GeoPoint? Centre)
{
    public string Sort => Query.EffectiveSort;
}

/// <summary>
/// Searches the published directory (<see cref="ServiceQueries.Published"/>): the words through the database's own
/// full-text index, every filter in SQL where SQL can say it (taxonomy, kind, area, language, age, audience, cost,
/// status, the bounding box around a point, the days a schedule could run), then in memory what SQL cannot: the
/// opening times (<see cref="OpeningTimes"/>) of the survivors. A search whose filters are all index tokens, near a
/// point or not, is one statement that returns only the page (<see cref="SearchSql.NearAsync"/>, the exact distance
/// in SQL; <see cref="SearchSql.TopAsync"/>); the rest work out the exact distance in memory. The page, the API, the
/// download and the benchmark all run this.
/// </summary>
public sealed class AssetSearch(AreaStatsCache places, AreaShapes shapes, SearchVocabulary vocabulary)
{
    sealed class Row
    {
        public Guid Id { get; init; }
        public double Score { get; init; }
        public string Name { get; init; } = "";
        public DateTime UpdatedAt { get; init; }
    }

    sealed record Ranked(Guid Id, double Score, string Name, DateTime UpdatedAt, double? DistanceKm);

    /// <summary>Reads the query string (<see cref="AssetQuery.From"/>) and runs it: the query, and a page of hits or the errors.</summary>
    public async Task<(AssetQuery Query, AssetResults? Results, List<FieldError> Errors)> RunAsync(CohesionDb db, IQueryCollection queryString,
        DateTimeOffset now, CancellationToken ct, bool everything = false)
    {
        var query = AssetQuery.From(queryString, out var errors);
        if (errors.Count > 0) return (query, null, errors);
        var (results, more) = await RunAsync(db, query, now, ct, everything);
        return (query, results, more);
    }

    /// <summary>
    /// Runs the query; a page of hits, or the errors (each naming its field and value) when an area or term it names
    /// does not exist. <paramref name="everything"/> returns every result on one page, for downloads.
    /// </summary>
    public async Task<(AssetResults? Results, List<FieldError> Errors)> RunAsync(CohesionDb db, AssetQuery query, DateTimeOffset now, CancellationToken ct,
        bool everything = false)
    {
        var errors = new List<FieldError>();
        // Changes committed without a refresh (a plain statement, a script) are indexed before anything is looked up.
        await SearchIndex.EnsureFreshAsync(db, ct);
        var directory = await places.DirectoryAsync(db, ct);
        // Tokens for the filters the index can answer too (SearchFacets): with words or a distance, the index narrows first.
        var tokens = new List<IReadOnlyList<string>>();
        if (query.Status is { } st) tokens.Add([SearchFacets.Status(st)]);
        if (query.Kind is { } k) tokens.Add([SearchFacets.Kind(k)]);
        if (query.FreeOnly) tokens.Add([SearchFacets.Free]);
        var filtered = db.AssetServices.AsNoTracking().Published();
        if (query.Status is { } status) filtered = filtered.Where(s => s.Status == status);
        if (query.Kind is { } kind) filtered = filtered.Where(s => s.Kind == kind);
        if (query.FreeOnly) filtered = filtered.Where(s => s.IsFree);
        if (query.Age is { } age) filtered = filtered.Where(s => (s.MinimumAge == null || s.MinimumAge <= age) && (s.MaximumAge == null || s.MaximumAge >= age));
        if (query.Language is { } language)
        {
            var lang = language.ToLowerInvariant();
            filtered = filtered.Where(s => s.Languages.Any(l => (l.Code != null && l.Code.ToLower() == lang) || l.Name.ToLower() == lang));
        }
        foreach (var (key, id) in new[] { ("term", query.TermId), ("audience", query.AudienceId) })
        {
            if (id is not { } termId) continue;
            var terms = await NarrowerAsync(db, termId, ct);
            if (terms.Count == 0) { errors.Add(new FieldError(key, $"{AssetQuery.Label(key)}: there is no taxonomy term with id '{termId}'")); continue; }
            filtered = filtered.Where(s => s.Terms.Any(t => terms.Contains(t.TermId)));
            tokens.Add(terms.Select(SearchFacets.Term).ToList());
        }
        if (query.AreaCode is { } code)
        {
            if (directory.Find(code) is not { } area) errors.Add(new FieldError("area", $"Area: there is no area with code '{code}'"));
            else
            {
                var within = directory.Descendants(area).Select(a => a.Id).Append(area.Id).ToList();
                var serving = within.Concat(directory.Ancestors(area).Select(a => a.Id)).ToList();
                filtered = filtered.Where(s => s.Locations.Any(sl => sl.Location!.AreaId != null && within.Contains(sl.Location.AreaId.Value))
                    || s.ServiceAreas.Any(sa => sa.AreaId != null && serving.Contains(sa.AreaId.Value)));
            }
        }
        AreaInfo? near = null;
        GeoPoint? centre = null;
        if (query.NearCode is { } nearCode)
        {
            near = directory.Find(nearCode);
            if (near is null) errors.Add(new FieldError("near", $"Near: there is no area with code '{nearCode}'"));
            else if ((await shapes.AllAsync(db, ct)).GetValueOrDefault(near.Id) is { } shape)
            {
                centre = shape.Centroid;
                tokens.Add(SearchFacets.Cells(shape.Centroid, query.WithinKm ?? 1));
            }
            else errors.Add(new FieldError("near", $"Near: area '{nearCode}' ({near.Name}) has no boundary to measure distances from"));
        }
        var day = query.OpenNow ? DateOnly.FromDateTime(OpeningTimes.InLondon(now)) : query.OpenOn;
        if (day is { } d)
        {
            // Schedules that could run that day; which of them really do (weekday, nth weekday, interval) is decided in memory.
            filtered = filtered.Where(s => s.Schedules.Any(sc => (sc.ValidFrom == null || sc.ValidFrom <= d) && (sc.ValidTo == null || sc.ValidTo >= d)
                && (sc.Freq == null ? sc.DtStart == d : (sc.DtStart == null || sc.DtStart <= d) && (sc.Until == null || sc.Until >= d))));
        }

        var vocabularyWords = await vocabulary.GetAsync(db, ct);
        var plan = query.HasWords ? await TextPlan.MakeAsync(query.Words, query.Exact, vocabularyWords, w => SearchSql.InIndexAsync(db, w, ct)) : new TextPlan([]);
        if (errors.Count > 0) return (null, errors);

        var facets = new SearchFacets(tokens);
        var sort = query.EffectiveSort;
        // Every filter but the exact distance is a token (kind, status, free, terms, grid cells; the index holds only
        // what the public may see): the index alone says which records match, with no row of as_services read.
        var tokensSuffice = day is null && query.Language is null && query.Age is null && query.AreaCode is null;
        if (!plan.IsEmpty && centre is null && tokensSuffice && sort == "relevance" && !everything)
        {
            // Every filter is a token: the index ranks, counts and pages on its own, and only the page's rows are read.
            var (top, count, at) = await SearchSql.TopAsync(db, plan, facets, query.Page, query.PageSize, ct);
            var onPage = await HitsAsync(db, directory, top.Select(h => new Ranked(h.ServiceId, h.Score, "", default, null)).ToList(), null, now, ct);
            return (new AssetResults(new Paged<AssetHit>(onPage, at, query.PageSize, count), plan, query, near, centre), errors);
        }
        if (centre is { } point && tokensSuffice && sort is "relevance" or "distance" && !everything)
        {
            // Words, tokens and the distance in one statement: only the page's rows leave the database.
            var (top, count, at) = await SearchSql.NearAsync(db, plan, facets, point, query.WithinKm ?? 1, sort == "distance", query.Page, query.PageSize, ct);
            var onPage = await HitsAsync(db, directory, top.Select(h => new Ranked(h.ServiceId, h.Score, "", default, h.DistanceKm)).ToList(), point, now, ct);
            return (new AssetResults(new Paged<AssetHit>(onPage, at, query.PageSize, count), plan, query, near, centre), errors);
        }
        IQueryable<Row> rows = plan.IsEmpty && centre is null
            ? filtered.Select(s => new Row { Id = s.Id, Score = 0, Name = s.Name, UpdatedAt = s.UpdatedAt })
            : tokensSuffice && sort is "relevance" or "distance"
            ? SearchSql.Matches(db, plan, facets).Select(h => new Row { Id = h.ServiceId, Score = h.Score })
            : from h in SearchSql.Matches(db, plan, facets)
              join s in filtered on h.ServiceId equals s.Id
              select new Row { Id = s.Id, Score = h.Score, Name = s.Name, UpdatedAt = s.UpdatedAt };

        var page = everything ? 1 : query.Page;
        var size = everything ? int.MaxValue : query.PageSize;
        List<Ranked> ranked;
        int total;
        if (plan.IsEmpty && centre is null && day is null)
        {
            // Browsing with filters only: count and page in the database.
            var ordered = sort == "updated" ? rows.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id) : rows.OrderBy(r => r.Name.ToLower()).ThenBy(r => r.Id);
            total = await rows.CountAsync(ct);
            page = LastPageAtMost(page, total, size);
            ranked = (await ordered.Skip(everything ? 0 : (page - 1) * size).Take(size).ToListAsync(ct))
                .Select(r => new Ranked(r.Id, 0, r.Name, r.UpdatedAt, null)).ToList();
        }
        else
        {
            var all = centre is { } c ? await WithinAsync(db, rows, c, query.WithinKm ?? 1, ct)
                : (await rows.ToListAsync(ct)).Select(r => new Ranked(r.Id, r.Score, r.Name, r.UpdatedAt, null)).ToList();
            if (day is { } date) all = await OpenAsync(db, all, query.OpenNow ? now : null, date, ct);
            all = Order(all, sort);
            total = all.Count;
            page = LastPageAtMost(page, total, size);
            ranked = everything ? all : all.Skip((page - 1) * size).Take(size).ToList();
        }
        var hits = await HitsAsync(db, directory, ranked, centre, now, ct);
        return (new AssetResults(new Paged<AssetHit>(hits, page, everything ? Math.Max(1, total) : size, total), plan, query, near, centre), errors);
    }

    /// <summary>A page past the end shows the last page.</summary>
    internal static int LastPageAtMost(int page, int total, int size) => Math.Clamp(page, 1, (int)Math.Max(1, (total + (long)size - 1) / size));

    /// <summary>The term and every term below it, by parent links; empty when the term does not exist.</summary>
    static async Task<List<Guid>> NarrowerAsync(CohesionDb db, Guid termId, CancellationToken ct)
    {
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(ct);
        if (!terms.Any(t => t.Id == termId)) return [];
        var children = terms.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var found = new List<Guid> { termId };
        for (var i = 0; i < found.Count; i++)
            foreach (var c in children[found[i]]) if (!found.Contains(c)) found.Add(c);
        return found;
    }

    /// <summary>Candidates with a location in the box around the centre (SQL), then at most <paramref name="km"/> from it by haversine (memory): the nearest location counts.</summary>
    static async Task<List<Ranked>> WithinAsync(CohesionDb db, IQueryable<Row> rows, GeoPoint centre, double km, CancellationToken ct)
    {
        var (minLat, minLon, maxLat, maxLon) = centre.BoxAround(km);
        var located = await (from r in rows
                             join sl in db.AssetServiceLocations on r.Id equals sl.ServiceId
                             join l in db.AssetLocations on sl.LocationId equals l.Id
                             where l.Latitude >= minLat && l.Latitude <= maxLat && l.Longitude >= minLon && l.Longitude <= maxLon
                             select new { r.Id, r.Score, r.Name, r.UpdatedAt, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value }).ToListAsync(ct);
        return located
            .Select(x => new Ranked(x.Id, x.Score, x.Name, x.UpdatedAt, centre.DistanceKm(new GeoPoint(x.Latitude, x.Longitude))))
            .Where(x => x.DistanceKm <= km)
            .GroupBy(x => x.Id).Select(g => g.MinBy(x => x.DistanceKm)!).ToList();
    }

    /// <summary>Those open at <paramref name="instant"/> (when given) or on the day, by their schedules.</summary>
    static async Task<List<Ranked>> OpenAsync(CohesionDb db, List<Ranked> candidates, DateTimeOffset? instant, DateOnly day, CancellationToken ct)
    {
        var open = new HashSet<Guid>();
        foreach (var chunk in candidates.Select(c => c.Id).Distinct().Chunk(2000))
        {
            var schedules = await db.AssetSchedules.AsNoTracking().Where(s => chunk.Contains(s.ServiceId)).ToListAsync(ct);
            foreach (var g in schedules.GroupBy(s => s.ServiceId))
                if (instant is { } at ? OpeningTimes.IsOpen(g, at) : OpeningTimes.RunsOn(g, day)) open.Add(g.Key);
        }
        return candidates.Where(c => open.Contains(c.Id)).ToList();
    }

    static List<Ranked> Order(List<Ranked> all, string sort) => (sort switch
    {
        "distance" => all.OrderBy(r => r.DistanceKm ?? double.MaxValue).ThenByDescending(r => r.Score),
        "name" => all.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        "updated" => all.OrderByDescending(r => r.UpdatedAt),
        _ => all.OrderByDescending(r => r.Score).ThenBy(r => r.DistanceKm ?? 0).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
    }).ThenBy(r => r.Id).ToList();

    /// <summary>The details the results show, for the ranked services, in their order.</summary>
    static async Task<List<AssetHit>> HitsAsync(CohesionDb db, PlaceDirectory directory, List<Ranked> ranked, GeoPoint? centre, DateTimeOffset now,
        CancellationToken ct)
    {
        var hits = new List<AssetHit>(ranked.Count);
        foreach (var chunk in ranked.Chunk(500))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var services = (await db.AssetServices.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Include(s => s.Organisation)
                .Include(s => s.Terms).ThenInclude(t => t.Term)
                .Include(s => s.Locations).ThenInclude(l => l.Location)
                .Include(s => s.Schedules)
                .AsSplitQuery().ToListAsync(ct)).ToDictionary(s => s.Id);
            foreach (var r in chunk)
            {
                if (!services.TryGetValue(r.Id, out var s)) continue;
                var location = Nearest(s, centre);
                hits.Add(new AssetHit(s.Id, s.Name, s.Kind, s.Organisation?.Name ?? "", s.Description,
                    s.Terms.Where(t => t.Term is not null).Select(t => t.Term!.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
                    PlaceOf(directory, location), r.DistanceKm, OpeningTimes.IsOpen(s.Schedules, now), s.IsSynthetic, s.Status, s.UpdatedAt,
                    location is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null));
            }
        }
        return hits;
    }

    /// <summary>The location to show: the nearest to the centre when there is one, else the first with a point.</summary>
    public static Location? Nearest(Service s, GeoPoint? centre)
    {
        var located = s.Locations.Select(l => l.Location).OfType<Location>().ToList();
        var points = located.Where(l => l.Latitude is not null && l.Longitude is not null).ToList();
        if (points.Count == 0) return located.FirstOrDefault();
        return centre is { } c ? points.MinBy(l => c.DistanceKm(new GeoPoint(l.Latitude!.Value, l.Longitude!.Value))) : points[0];
    }

    /// <summary>"Town, ward" for a location: its town as written and the ward its small area is in.</summary>
    public static string? PlaceOf(PlaceDirectory directory, Location? l)
    {
        if (l is null) return null;
        var area = l.AreaId is { } id ? directory.ById.GetValueOrDefault(id) : null;
        var ward = area is null ? null : area.Level == AreaLevel.Ward ? area : directory.Groups(area).FirstOrDefault(g => g.Level == AreaLevel.Ward);
        var parts = new[] { l.City, ward?.Name ?? area?.Name }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

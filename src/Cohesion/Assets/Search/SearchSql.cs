using Cohesion.Analytics.Geography;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>A service matching the words and filter tokens, with its score (higher is better on both databases).</summary>
public sealed record TextHit(Guid ServiceId, double Score);

/// <summary>A service matching the words and filter tokens within the distance: its score and its nearest point's distance.</summary>
public sealed record NearHit(Guid ServiceId, double Score, double DistanceKm);

/// <summary>
/// The full-text part of a search, in each database's own SQL over the index of migration 0007; the rest of the
/// search composes on it with LINQ, so filters are written once for both.
/// </summary>
public static class SearchSql
{
    /// <summary>The columns people's words are matched in (not the filter tokens).</summary>
    const string TextColumns = "{name alternate_name description organisation terms places}";

    /// <summary>
    /// Services matching the plan and the filter tokens, with scores. SQLite: bm25 (Robertson and Zaragoza 2009, "The
    /// probabilistic relevance framework: BM25 and beyond") with column weights name 10, alternate name 6, description
    /// 1, organisation 3, terms 4, places 2, facets 0, so a word in the name counts ten times one in the description;
    /// bm25 is smaller for better matches, so it is negated. PostgreSQL: ts_rank_cd (cover density, Clarke, Cormack and
    /// Tudhope 2000) over the A/B/C/D weights in the same order (its defaults 1.0, 0.4, 0.2, 0.1: name; organisation and
    /// terms; description; places).
    /// </summary>
    /// <remarks>
    /// "LIMIT -1" (no limit) keeps SQLite from flattening the match into the joins the filters add: flattened, the
    /// planner may put the full-text table on the inside of the join and run the MATCH once per service (seconds at
    /// 50,000); a subquery with a LIMIT is evaluated once and joined.
    /// </remarks>
    public static IQueryable<TextHit> Matches(CohesionDb db, TextPlan plan, SearchFacets facets)
    {
        if (db.Database.IsNpgsql())
        {
            // Placeholders numbered in the order the parameters are given, only those the SQL uses.
            var values = new List<object>();
            string Next(string value) { values.Add(value); return "{" + (values.Count - 1) + "}"; }
            var words = plan.IsEmpty ? null : Next(plan.TsQuery());
            var tokens = facets.IsEmpty ? null : Next(facets.TsQuery());
            var score = words is null ? "0.0::double precision" : $"ts_rank_cd(d.document, to_tsquery('english', {words}))::double precision";
            // Only fixed SQL text is spliced in: every value goes as a parameter.
            var sql = $"""SELECT d.service_id AS "ServiceId", {score} AS "Score" FROM as_search_docs d WHERE {PostgresWhere(words, tokens)}""";
            return db.Database.SqlQueryRaw<TextHit>(sql, [.. values]);
        }
        return db.Database.SqlQueryRaw<TextHit>("""
            SELECT d.service_id AS "ServiceId", -bm25(as_search, 10.0, 6.0, 1.0, 3.0, 4.0, 2.0, 0.0) AS "Score"
            FROM as_search JOIN as_search_docs d ON d.id = as_search.rowid WHERE as_search MATCH {0} LIMIT -1
            """, Fts5(plan, facets));
    }

    /// <summary>
    /// The best page of matches and how many there are, entirely in the index (for a search whose every filter is a
    /// token): the rank is worked out inside the index and only the page's rows are read.
    /// </summary>
    public static async Task<(List<TextHit> Hits, int Total, int Page)> TopAsync(CohesionDb db, TextPlan plan, SearchFacets facets, int page, int limit,
        CancellationToken ct)
    {
        List<TextHit> hits;
        int total;
        int offset;
        if (db.Database.IsNpgsql())
        {
            var where = PostgresWhere("@q", facets.IsEmpty ? null : "@f");
            (string, object)[] args = facets.IsEmpty ? [("@q", plan.TsQuery())] : [("@q", plan.TsQuery()), ("@f", facets.TsQuery())];
            total = (await db.QueryAsync($"SELECT COUNT(*) FROM as_search_docs d WHERE {where}", r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ct, args))[0];
            page = AssetSearch.LastPageAtMost(page, total, limit);
            offset = (page - 1) * limit;
            hits = await db.QueryAsync($"""
                SELECT d.service_id, ts_rank_cd(d.document, to_tsquery('english', @q))::double precision AS score FROM as_search_docs d
                WHERE {where} ORDER BY score DESC, d.service_id LIMIT @l OFFSET @o
                """, r => new TextHit(r.GetGuid(0), r.GetDouble(1)), ct, [.. args, ("@o", offset), ("@l", limit)]);
        }
        else
        {
            var match = Fts5(plan, facets);
            total = (await db.QueryAsync("SELECT COUNT(*) FROM as_search WHERE as_search MATCH @m", r => r.GetInt32(0), ct, ("@m", match)))[0];
            page = AssetSearch.LastPageAtMost(page, total, limit);
            offset = (page - 1) * limit;
            hits = await db.QueryAsync("""
                SELECT d.service_id, -m.rank FROM (SELECT rowid, rank FROM as_search WHERE as_search MATCH @m ORDER BY rank LIMIT @l OFFSET @o) m
                JOIN as_search_docs d ON d.id = m.rowid ORDER BY m.rank
                """, r => new TextHit(Guid.Parse(r.GetString(0)), r.GetDouble(1)), ct, ("@m", match), ("@o", offset), ("@l", limit));
        }
        return (hits, total, page);
    }

    /// <summary>
    /// The page of matches within <paramref name="km"/> of <paramref name="centre"/>, best first (or nearest first when
    /// <paramref name="byDistance"/>), and how many there are, in one statement per database: the full-text match of
    /// the words and filter tokens (grid cells included) joined to the matching documents' points (as_search_points,
    /// migration 0007), the box, then the exact distance of each point (<see cref="Haversine"/>), the nearest point per
    /// service, the score worked out only for what passed the distance, the total by a window over the survivors, and
    /// only the page's rows leave the database. Ties go to the service id (PostgreSQL) or the document id (SQLite).
    /// </summary>
    public static async Task<(List<NearHit> Hits, int Total, int Page)> NearAsync(CohesionDb db, TextPlan plan, SearchFacets facets, GeoPoint centre,
        double km, bool byDistance, int page, int limit, CancellationToken ct)
    {
        var pg = db.Database.IsNpgsql();
        var (minLat, minLon, maxLat, maxLon) = centre.BoxAround(km);
        var order = byDistance ? "dist, score DESC, id" : "score DESC, dist, id";
        var box = "p.lat BETWEEN @minlat AND @maxlat AND p.lon BETWEEN @minlon AND @maxlon";
        string sql;
        var args = new List<(string, object)>
        {
            ("@lat", centre.Latitude), ("@lon", centre.Longitude), ("@coslat", Math.Cos(centre.Latitude * Radians)), ("@rad", Radians), ("@km", km),
            ("@minlat", minLat), ("@maxlat", maxLat), ("@minlon", minLon), ("@maxlon", maxLon),
        };
        if (pg)
        {
            string? words = null, tokens = null;
            if (!plan.IsEmpty) { words = "@q"; args.Add(("@q", plan.TsQuery())); }
            if (!facets.IsEmpty) { tokens = "@f"; args.Add(("@f", facets.TsQuery())); }
            var score = words is null ? "0.0::double precision" : "ts_rank_cd(d.document, to_tsquery('english', @q))::double precision";
            sql = $"""
                SELECT id, score, dist, count(*) OVER () FROM (
                    SELECT d.service_id AS id, {score} AS score, p.dist
                    FROM as_search_docs d
                    CROSS JOIN LATERAL (SELECT min({Haversine("least")}) AS dist FROM as_search_points p WHERE p.service_id = d.service_id AND {box}) p
                    WHERE {PostgresWhere(words, tokens)} AND p.dist <= @km) r
                ORDER BY {order} LIMIT @l OFFSET @o
                """;
        }
        else
        {
            args.Add(("@m", Fts5(plan, facets)));
            var score = plan.IsEmpty ? "0.0" : "-bm25(as_search, 10.0, 6.0, 1.0, 3.0, 4.0, 2.0, 0.0)";
            var dist = Haversine("min");
            // The inner LIMIT -1 keeps the match from being flattened into the grouping, so bm25 is worked out while
            // the full-text cursor is on the row, for the rows that passed the distance.
            sql = $"""
                SELECT d.service_id, r.score AS score, r.dist AS dist, r.total, r.id AS id FROM (
                    SELECT id, max(score) AS score, min(dist) AS dist, count(*) OVER () AS total FROM (
                        SELECT f.rowid AS id, {score} AS score, {dist} AS dist
                        FROM as_search f JOIN as_search_points p ON p.doc_id = f.rowid
                        WHERE as_search MATCH @m AND {box} AND {dist} <= @km LIMIT -1)
                    GROUP BY id ORDER BY {order} LIMIT @l OFFSET @o) r
                JOIN as_search_docs d ON d.id = r.id ORDER BY {order}
                """;
        }
        page = Math.Max(1, page);
        while (true)
        {
            var rows = await db.QueryAsync(sql, r => (Hit: new NearHit(pg ? r.GetGuid(0) : Guid.Parse(r.GetString(0)), r.GetDouble(1), r.GetDouble(2)),
                Total: Convert.ToInt32(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)), ct, [.. args, ("@l", limit), ("@o", (page - 1) * limit)]);
            if (rows.Count > 0 || page == 1) return (rows.Select(x => x.Hit).ToList(), rows.Count > 0 ? rows[0].Total : 0, page);
            // Past the end: the total comes with a row, so ask for the first page's count, then the last page.
            var total = (await db.QueryAsync(sql, r => Convert.ToInt32(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), ct,
                [.. args, ("@l", 1), ("@o", 0)])).FirstOrDefault();
            var last = AssetSearch.LastPageAtMost(page, total, limit);
            if (last == page || total == 0) return ([], total, last);
            page = last;
        }
    }

    const double Radians = Math.PI / 180;

    /// <summary>
    /// The great-circle distance in kilometres from the centre (@lat, @lon, @coslat = cos of its latitude, @rad = π/180)
    /// to the point (p.lat, p.lon), by the haversine formula exactly as <see cref="GeoPoint.DistanceKm"/> computes it,
    /// in the same order of operations: d = 2R·asin(min(1, √(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)))) (Sinnott 1984,
    /// "Virtues of the haversine", Sky and Telescope 68(2), 159). Both databases have the functions: SQLite as bundled
    /// with Microsoft.Data.Sqlite is built with SQLITE_ENABLE_MATH_FUNCTIONS.
    /// </summary>
    static string Haversine(string least)
    {
        var sinLat = "sin((p.lat - @lat) * @rad / 2)";
        var sinLon = "sin((p.lon - @lon) * @rad / 2)";
        return FormattableString.Invariant(
            $"2 * {GeoPoint.EarthRadiusKm:R} * asin({least}(1, sqrt({sinLat} * {sinLat} + @coslat * cos(p.lat * @rad) * {sinLon} * {sinLon})))");
    }

    static string Fts5(TextPlan plan, SearchFacets facets) =>
        string.Join(" AND ", new[] { plan.IsEmpty ? null : $"{TextColumns} : ({plan.Fts5()})", facets.IsEmpty ? null : facets.Fts5() }.OfType<string>());

    /// <summary>The conditions, given the placeholders of the words' tsquery and the tokens' (null when there are none).</summary>
    static string PostgresWhere(string? words, string? tokens) =>
        string.Join(" AND ", new[]
        {
            words is null ? null : $"d.document @@ to_tsquery('english', {words})",
            tokens is null ? null : $"d.facets @@ to_tsquery('simple', {tokens})",
        }.OfType<string>());

    /// <summary>Whether the index (stemmed) holds the word at all: one index probe.</summary>
    public static async Task<bool> InIndexAsync(CohesionDb db, string word, CancellationToken ct)
    {
        var one = new TextPlan([new WordGroup(word, [word], false)]);
        var rows = db.Database.IsNpgsql()
            ? await db.QueryAsync("SELECT 1 FROM as_search_docs WHERE document @@ to_tsquery('english', @q) LIMIT 1", _ => 1, ct, ("@q", one.TsQuery()))
            : await db.QueryAsync("SELECT 1 FROM as_search WHERE as_search MATCH @q LIMIT 1", _ => 1, ct, ("@q", $"{TextColumns} : ({one.Fts5()})"));
        return rows.Count > 0;
    }
}

using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>A service matching the words, with its score (higher is better on both databases).</summary>
public sealed record TextHit(Guid ServiceId, double Score);

/// <summary>
/// The full-text part of a search, in each database's own SQL over the index of migration 0007; the rest of the
/// search composes on it with LINQ, so filters are written once for both.
/// </summary>
public static class SearchSql
{
    /// <summary>
    /// Services matching the plan, with scores. SQLite: bm25 (Robertson and Zaragoza 2009, "The probabilistic relevance
    /// framework: BM25 and beyond") with column weights name 10, alternate name 6, description 1, organisation 3, terms
    /// 4, places 2, so a word in the name counts ten times one in the description; bm25 is smaller for better matches,
    /// so it is negated. PostgreSQL: ts_rank_cd (cover density, Clarke, Cormack and Tudhope 2000) over the A/B/C/D
    /// weights in the same order (its defaults 1.0, 0.4, 0.2, 0.1: name; organisation and terms; description; places).
    /// </summary>
    /// <remarks>
    /// "LIMIT -1" (no limit) keeps SQLite from flattening the match into the joins the filters add: flattened, the
    /// planner may put the full-text table on the inside of the join and run the MATCH once per service (seconds at
    /// 50,000); a subquery with a LIMIT is evaluated once and joined.
    /// </remarks>
    public static IQueryable<TextHit> Matches(CohesionDb db, TextPlan plan) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<TextHit>($"""
            SELECT d.service_id AS "ServiceId", ts_rank_cd(d.document, q)::double precision AS "Score"
            FROM as_search_docs d, to_tsquery('english', {plan.TsQuery()}) q WHERE d.document @@ q
            """)
        : db.Database.SqlQuery<TextHit>($"""
            SELECT d.service_id AS "ServiceId", -bm25(as_search, 10.0, 6.0, 1.0, 3.0, 4.0, 2.0) AS "Score"
            FROM as_search JOIN as_search_docs d ON d.id = as_search.rowid WHERE as_search MATCH {plan.Fts5()} LIMIT -1
            """);

    /// <summary>Whether the index (stemmed) holds the word at all: one index probe.</summary>
    public static async Task<bool> InIndexAsync(CohesionDb db, string word, CancellationToken ct)
    {
        var one = new TextPlan([new WordGroup(word, [word], false)]);
        var rows = db.Database.IsNpgsql()
            ? await db.QueryAsync("SELECT 1 FROM as_search_docs WHERE document @@ to_tsquery('english', @q) LIMIT 1", _ => 1, ct, ("@q", one.TsQuery()))
            : await db.QueryAsync("SELECT 1 FROM as_search WHERE as_search MATCH @q LIMIT 1", _ => 1, ct, ("@q", one.Fts5()));
        return rows.Count > 0;
    }
}

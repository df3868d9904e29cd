using Cohesion.Analytics.Text;
using Cohesion.Assets.Model;
using Cohesion.Assets.Search;
using Cohesion.Data;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// The ORUK API's <c>search</c> parameter, answered by the directory's full-text index (Assets/Search, migration
/// 0007: FTS5 on SQLite, tsvector on PostgreSQL) as the /assets page is: every word must match (stemmed, so "classes"
/// finds "class"), in the name, description, organisation, terms or places. Unlike the page it neither corrects nor
/// completes words: a machine client gets exactly what it asked for.
/// </summary>
public static class OrukSearch
{
    /// <summary>At most this many words of a search are used.</summary>
    public const int MaxWords = 8;

    public static IQueryable<Service> Matching(CohesionDb db, IQueryable<Service> services, string search)
    {
        var words = SearchWords.Split(search).Where(w => !SearchWords.StopWords.Contains(w)).Distinct().Take(MaxWords).ToList();
        if (words.Count == 0) return services;
        var plan = new TextPlan(words.Select(w => new WordGroup(w, [w], false)).ToList());
        var matches = SearchSql.Matches(db, plan, new SearchFacets([])).Select(h => h.ServiceId);
        return services.Where(s => matches.Contains(s.Id));
    }
}

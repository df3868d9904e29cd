using Cohesion.Assets.Model;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// The ORUK API's <c>search</c> parameter. Until the directory's full-text index (Assets/Search, migration 0007) is
/// in, this is a case-insensitive match of every word on the name or the description; switching to the index changes
/// this one method and nothing else.
/// </summary>
public static class OrukSearch
{
    public static IQueryable<Service> Matching(IQueryable<Service> services, string search)
    {
        foreach (var word in search.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8))
            services = services.Where(s => s.Name.ToLower().Contains(word) || s.Description.ToLower().Contains(word));
        return services;
    }
}

using Microsoft.AspNetCore.WebUtilities;

namespace Cohesion.Web;

/// <summary>Builds links that keep the current filters while changing one or two of them (sort, page).</summary>
public static class QueryLinks
{
    public static string With(string path, IQueryCollection query, params (string Key, string? Value)[] changes)
    {
        var values = query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in changes) values[k] = v;
        var kept = values.Where(kv => !string.IsNullOrEmpty(kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value));
        return QueryHelpers.AddQueryString(path, kept);
    }

    /// <summary>The link on a sortable column header: first click ascending, then toggles.</summary>
    public static string Sort(string path, IQueryCollection query, string column, string currentSort, bool descending) =>
        With(path, query, ("sort", column), ("dir", currentSort == column && !descending ? "desc" : "asc"), ("page", null));

    public static string AriaSort(string column, string currentSort, bool descending) =>
        column != currentSort ? "none" : descending ? "descending" : "ascending";
}

/// <summary>A page of rows with the numbers the GOV.UK pagination component needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int Last => Math.Min(Total, Page * PageSize);

    public static Paged<T> Of(IReadOnlyList<T> all, int page, int size)
    {
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        return new Paged<T>(all.Skip((page - 1) * size).Take(size).ToList(), page, size, all.Count);
    }

    /// <summary>Page numbers to show, with null for an ellipsis: 1 … 4 5 6 … 20.</summary>
    public IEnumerable<int?> Window()
    {
        int? last = null;
        for (var p = 1; p <= Pages; p++)
        {
            if (p == 1 || p == Pages || Math.Abs(p - Page) <= 1)
            {
                if (last is { } l && p - l > 1) yield return null;
                yield return p;
                last = p;
            }
        }
    }
}

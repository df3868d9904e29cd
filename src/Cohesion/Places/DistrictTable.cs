namespace Cohesion.Places;

public sealed record GroupShare(string Label, long Count, double Share);

/// <summary>One row of a district's area table, as shown, exported and served.</summary>
public sealed record AreaRowView(string Code, string Name, AreaLevel Level, long? Population, IReadOnlyList<GroupShare> LargestGroups, double? Simpson, double? Shannon);

/// <summary>Filter, sort and page of the district table; parsed leniently from the query string.</summary>
public sealed record TableQuery(string? Level, string? Search, string Sort, bool Descending, int Page, int PageSize)
{
    public static readonly string[] Sorts = ["code", "name", "level", "population", "diversity"];
    public const int MaxPageSize = 1000;

    public static TableQuery From(IQueryCollection q, int defaultPageSize = 25)
    {
        var sort = q["sort"].ToString();
        int.TryParse(q["page"], out var page);
        int.TryParse(q["pageSize"], out var size);
        var search = q["q"].ToString().Trim();
        return new TableQuery(
            string.IsNullOrWhiteSpace(q["level"]) ? null : q["level"].ToString(),
            search.Length == 0 ? null : search.Length > 100 ? search[..100] : search,
            Sorts.Contains(sort) ? sort : "code",
            q["dir"] == "desc",
            Math.Max(1, page),
            size is >= 1 and <= MaxPageSize ? size : defaultPageSize);
    }
}

public static class DistrictTable
{
    /// <summary>The areas of a district (all levels below it) with the dataset's figures, filtered and sorted.</summary>
    public static List<AreaRowView> Rows(PlaceDirectory dir, AreaInfo district, DatasetView? data, TableQuery q)
    {
        IEnumerable<AreaInfo> areas = dir.Descendants(district);
        if (q.Level is { } lv && AreaLevels.TryParse(lv, out var level)) areas = areas.Where(a => a.Level == level);
        if (q.Search is { } s) areas = areas.Where(a => a.Code.Contains(s, StringComparison.OrdinalIgnoreCase) || a.Name.Contains(s, StringComparison.OrdinalIgnoreCase));
        var rows = areas.Select(a => Row(a, data)).ToList();
        IOrderedEnumerable<AreaRowView> sorted = q.Sort switch
        {
            "name" => Order(rows, r => r.Name, q.Descending),
            "level" => Order(rows, r => (int)r.Level, q.Descending),
            "population" => Order(rows, r => r.Population ?? -1, q.Descending),
            "diversity" => Order(rows, r => r.Simpson ?? -1, q.Descending),
            _ => Order(rows, r => r.Code, q.Descending),
        };
        return sorted.ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    static IOrderedEnumerable<AreaRowView> Order<TKey>(IEnumerable<AreaRowView> rows, Func<AreaRowView, TKey> key, bool desc) =>
        desc ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static AreaRowView Row(AreaInfo a, DatasetView? data)
    {
        if (data is null || !data.Stats.TryGetValue(a.Id, out var st)) return new AreaRowView(a.Code, a.Name, a.Level, null, [], null, null);
        var largest = Enumerable.Range(0, st.Counts.Length).OrderByDescending(k => st.Counts[k]).Take(3)
            .Select(k => new GroupShare(data.Groups[k].Label, st.Counts[k], st.Share(k))).ToList();
        return new AreaRowView(a.Code, a.Name, a.Level, st.Total, largest, Finite(st.Simpson), Finite(st.Shannon));
    }

    static double? Finite(double x) => double.IsFinite(x) ? x : null;

    /// <summary>Map measures: population, the two diversity indices, and each group's share.</summary>
    public static IEnumerable<(string Key, string Label, string Unit)> Measures(DatasetView? data)
    {
        yield return ("simpson", "Diversity (Simpson's index)", "");
        yield return ("population", "Usual residents", "people");
        yield return ("shannon", "Diversity (Shannon entropy)", "");
        if (data is null) yield break;
        foreach (var g in data.Groups) yield return ($"share:{g.Code}", $"{g.Label} (% of residents)", "%");
    }

    public static double? MeasureValue(string measure, AreaInfo a, DatasetView? data)
    {
        if (data is null || !data.Stats.TryGetValue(a.Id, out var st)) return null;
        if (measure == "population") return st.Total;
        if (measure == "simpson") return double.IsFinite(st.Simpson) ? Math.Round(st.Simpson, 4) : null;
        if (measure == "shannon") return double.IsFinite(st.Shannon) ? Math.Round(st.Shannon, 4) : null;
        if (measure.StartsWith("share:", StringComparison.Ordinal))
        {
            var code = measure.AsSpan(6);
            var k = -1;
            for (var i = 0; i < data.Groups.Count && k < 0; i++)
                if (code.Equals(data.Groups[i].Code, StringComparison.OrdinalIgnoreCase)) k = i;
            if (k < 0) return null;
            var share = st.Share(k);
            return double.IsFinite(share) ? Math.Round(share * 100, 2) : null;
        }
        return null;
    }
}

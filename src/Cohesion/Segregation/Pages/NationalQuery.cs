using Cohesion.Analytics.Segregation;
using Cohesion.Segregation.Read;
using Microsoft.AspNetCore.Http;

namespace Cohesion.Segregation.Pages;

/// <summary>A column of the national table: a multigroup index, or the chosen group's dissimilarity, isolation or share.</summary>
public sealed record NationalColumn(string Key, string Label, Func<DistrictRow, int, double> Value, bool Percent = false);

/// <summary>The national table's group, search, sort and page, parsed leniently (unknown values get the default).</summary>
public sealed record NationalQuery(int Group, string? Search, string Sort, bool Descending, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public static readonly NationalColumn[] Columns =
    [
        Multigroup("Multigroup dissimilarity", SegregationIndex.MultiDissimilarity),
        Multigroup("Information theory (H)", SegregationIndex.MultiInformationTheory),
        Multigroup("Multigroup Gini", SegregationIndex.MultiGini),
        Multigroup("Diversity (normalised)", SegregationIndex.MultiDiversityNormalized),
        new("share", "Group share", (r, g) => r.Share[g], Percent: true),
        new("dissimilarity", "Group dissimilarity", (r, g) => r.Dissimilarity[g]),
        new("isolation", "Group isolation", (r, g) => r.Isolation[g]),
    ];

    /// <summary>A multigroup index's column, keyed by the index's name; its position in the rows is found once.</summary>
    static NationalColumn Multigroup(string label, SegregationIndex index)
    {
        var j = Array.IndexOf(NationalSegregation.MultigroupIndices, index);
        return new(IndexCatalogue.Get(index).Name, label, (r, _) => r.Multigroup[j]);
    }

    public static NationalQuery From(IQueryCollection q, NationalSegregation t)
    {
        var groups = t.Groups.ToList();
        var g = groups.FindIndex(x => x.Code.Equals(q["group"].ToString(), StringComparison.OrdinalIgnoreCase));
        if (g < 0) g = DefaultGroup(t);
        var sort = q["sort"].ToString();
        var known = sort is "name" or "region" or "population" or "units" || Columns.Any(c => c.Key == sort);
        int.TryParse(q["page"], out var page);
        int.TryParse(q["pageSize"], out var size);
        var search = q["q"].ToString().Trim();
        return new NationalQuery(g, search.Length == 0 ? null : search.Length > 100 ? search[..100] : search,
            known ? sort : "multi_dissimilarity", known ? q["dir"] == "desc" : true, Math.Max(1, page), size is >= 1 and <= 1000 ? size : DefaultPageSize);
    }

    /// <summary>The second-largest group nationally (the largest is usually the majority, compared with everyone else).</summary>
    static int DefaultGroup(NationalSegregation t)
    {
        if (t.Groups.Count < 2 || t.Rows.Count == 0) return 0;
        var totals = Enumerable.Range(0, t.Groups.Count).Select(k => t.Rows.Sum(r => r.Share[k] * r.Population)).ToArray();
        return Enumerable.Range(0, totals.Length).OrderByDescending(k => totals[k]).Skip(1).First();
    }

    public List<DistrictRow> Apply(NationalSegregation t)
    {
        IEnumerable<DistrictRow> rows = t.Rows;
        if (Search is { } s) rows = rows.Where(r => r.District.Name.Contains(s, StringComparison.OrdinalIgnoreCase) || r.District.Code.Contains(s, StringComparison.OrdinalIgnoreCase)
            || (r.Region?.Name.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false));
        var g = Group;
        var col = Columns.FirstOrDefault(c => c.Key == Sort);
        // Districts without a value sort last either way.
        return (Sort switch
        {
            "name" => Descending ? rows.OrderByDescending(r => r.District.Name, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.District.Name, StringComparer.OrdinalIgnoreCase),
            "region" => Descending ? rows.OrderByDescending(r => r.Region?.Name ?? "") : rows.OrderBy(r => r.Region?.Name ?? ""),
            "population" => Descending ? rows.OrderByDescending(r => r.Population) : rows.OrderBy(r => r.Population),
            "units" => Descending ? rows.OrderByDescending(r => r.Units) : rows.OrderBy(r => r.Units),
            _ => Descending
                ? rows.OrderBy(r => double.IsFinite(col!.Value(r, g)) ? 0 : 1).ThenByDescending(r => col!.Value(r, g))
                : rows.OrderBy(r => double.IsFinite(col!.Value(r, g)) ? 0 : 1).ThenBy(r => col!.Value(r, g)),
        }).ThenBy(r => r.District.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public string Describe(NationalSegregation t) =>
        $"group={t.Groups[Group].Code}; search={Search ?? "none"}; sort={Sort} {(Descending ? "descending" : "ascending")}";
}

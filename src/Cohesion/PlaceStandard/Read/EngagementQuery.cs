using System.Globalization;
using Cohesion.Places;

namespace Cohesion.PlaceStandard.Read;

/// <summary>The engagements list's search, filters, sort and page, read leniently from the query string (they come from links).</summary>
public sealed record EngagementQuery(string? Search, string? Period, string? Status, string? Level, string Sort, bool Descending, int Page)
{
    public const int PageSize = 25, MaxSearch = 100;
    public static readonly string[] Sorts = ["title", "area", "period", "assessments", "people"];
    public static readonly string[] Statuses = ["open", "closed", "unpublished"];

    public static EngagementQuery From(IQueryCollection q)
    {
        var sort = Sorts.Contains(q["sort"].ToString()) ? q["sort"].ToString() : "period";
        var dir = q["dir"].ToString();
        int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        var search = q["q"].ToString().Trim();
        var status = q["status"].ToString();
        return new EngagementQuery(search.Length == 0 ? null : search[..Math.Min(search.Length, MaxSearch)],
            q["period"].ToString() is { Length: > 0 and <= PlaceStandardLimits.PeriodLength } p ? p : null,
            Statuses.Contains(status) ? status : null,
            q["level"].ToString() is { Length: > 0 } l && AreaLevels.TryParse(l, out var level) ? level.Token() : null,
            sort, dir.Length == 0 ? sort is "period" or "assessments" or "people" : dir == "desc", Math.Max(1, page));
    }

    public List<EngagementRow> Apply(IEnumerable<EngagementRow> rows)
    {
        var q = rows;
        if (Search is { } s)
            q = q.Where(r => r.Summary.Title.Contains(s, StringComparison.OrdinalIgnoreCase) || r.Summary.AreaName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || r.Summary.Name.Contains(s, StringComparison.OrdinalIgnoreCase) || r.Summary.AreaCode.Equals(s, StringComparison.OrdinalIgnoreCase));
        if (Period is { } p) q = q.Where(r => r.Summary.Period == p);
        if (Level is { } l) q = q.Where(r => r.Summary.AreaLevel == l);
        q = Status switch
        {
            "open" => q.Where(r => r.Summary.Open),
            "closed" => q.Where(r => !r.Summary.Open),
            "unpublished" => q.Where(r => !r.Summary.Published),
            _ => q,
        };
        Func<EngagementRow, IComparable> key = Sort switch
        {
            "title" => r => r.Summary.Title.ToLowerInvariant(),
            "area" => r => r.Summary.AreaName.ToLowerInvariant(),
            "assessments" => r => r.Assessments,
            "people" => r => r.People,
            _ => r => r.Summary.Period,
        };
        var sorted = Descending ? q.OrderByDescending(key) : q.OrderBy(key);
        return sorted.ThenBy(r => r.Summary.Title, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Summary.Name, StringComparer.Ordinal).ToList();
    }

    public string Describe() =>
        $"search={Search ?? "none"}; period={Period ?? "all"}; status={Status ?? "all"}; level={Level ?? "all"}; sort={Sort} {(Descending ? "descending" : "ascending")}";
}

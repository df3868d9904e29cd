using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Http;

namespace Cohesion.Change.Pages;

/// <summary>A small area in the ranking: its flags and its figures under <see cref="ChangeTable.Columns"/>.</summary>
public sealed record RankingRow(RankedArea Area, Figure[] Figures);

/// <summary>The ranking's filters, sort and page; parsed leniently from the query string (an unknown value gets the default).</summary>
public sealed record RankingQuery(string? Search, bool FlaggedOnly, string Sort, bool Descending, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public static RankingQuery From(IQueryCollection q, ChangeCube c)
    {
        var columns = ChangeTable.Columns(c);
        var sort = q["sort"].ToString();
        var known = sort is "name" or "code" or "flags" || columns.Any(col => col.OnPage && col.Key == sort);
        int.TryParse(q["page"], out var page);
        int.TryParse(q["pageSize"], out var size);
        var search = q["q"].ToString().Trim();
        return new RankingQuery(
            search.Length == 0 ? null : search.Length > 100 ? search[..100] : search,
            q["flagged"] == "yes",
            known ? sort : ChangeTable.DefaultSort(c),
            known ? q["dir"] == "desc" : true,
            Math.Max(1, page),
            size is >= 1 and <= 1000 ? size : DefaultPageSize);
    }

    public string Describe(string period) =>
        $"period={period}; search={Search ?? "none"}; flagged only={(FlaggedOnly ? "yes" : "no")}; sort={Sort} {(Descending ? "descending" : "ascending")}";
}

/// <summary>A district and the cube it is seen through, for a page or export of one viewer.</summary>
public sealed record ChangeDistrict(ChangeCube Cube, PlaceDirectory Directory, AreaInfo District)
{
    /// <summary>Null (a 404) when the dataset does not exist or the viewer may not see it, or the code is not a district of it.</summary>
    public static async Task<ChangeDistrict?> FindAsync(CohesionDb db, ChangeCache cache, AreaStatsCache places, string dataset, string code, Viewer viewer, CancellationToken ct)
    {
        if (await cache.GetAsync(db, dataset, viewer, ct) is not { } c) return null;
        var dir = await places.DirectoryAsync(db, ct);
        return dir.Find(code) is { Level: AreaLevel.LocalAuthority } d && c.HasArea(d.Id) ? new ChangeDistrict(c, dir, d) : null;
    }

    /// <summary>The period asked for, or the latest.</summary>
    public int Period(string? label) => label is not null && Cube.PeriodIndex(label) is >= 0 and var p ? p : Cube.Periods.Length - 1;

    /// <summary>The district's small areas in period <paramref name="p"/>, filtered and sorted; withheld figures sort last either way.</summary>
    public List<RankingRow> Ranking(int p, RankingQuery q)
    {
        var c = Cube;
        IEnumerable<RankingRow> rows = ChangeRanking.Rows(c, Directory, District, p).Select(r => new RankingRow(r, ChangeTable.Row(c, r.Id, p)));
        if (q.Search is { } s) rows = rows.Where(r => r.Area.Code.Contains(s, StringComparison.OrdinalIgnoreCase) || r.Area.Name.Contains(s, StringComparison.OrdinalIgnoreCase));
        if (q.FlaggedOnly) rows = rows.Where(r => r.Area.Flags.Count > 0);
        var col = Array.FindIndex(ChangeTable.Columns(c), x => x.Key == q.Sort);
        IOrderedEnumerable<RankingRow> sorted = q.Sort switch
        {
            "name" => Order(rows, r => r.Area.Name, q.Descending, StringComparer.OrdinalIgnoreCase),
            "code" => Order(rows, r => r.Area.Code, q.Descending, StringComparer.Ordinal),
            "flags" => Order(rows, r => r.Area.Flags.Count, q.Descending, Comparer<int>.Default),
            _ => q.Descending
                ? rows.OrderBy(r => r.Figures[col].Value is null).ThenByDescending(r => r.Figures[col].Value ?? 0)
                : rows.OrderBy(r => r.Figures[col].Value is null).ThenBy(r => r.Figures[col].Value ?? 0),
        };
        return sorted.ThenBy(r => r.Area.Code, StringComparer.Ordinal).ToList();
    }

    static IOrderedEnumerable<RankingRow> Order<T>(IEnumerable<RankingRow> rows, Func<RankingRow, T> key, bool desc, IComparer<T> comparer) =>
        desc ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}

using System.Globalization;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.Search;

/// <summary>
/// The filter tokens the search index holds beside the words (migration 0007 writes them; these build the same ones
/// for a query): kind, status, free, each taxonomy term, and grid cells. Each token ends in 0 so no stemmer touches it.
/// A query is groups of tokens: every group must match, any token within one may. They narrow what the index returns;
/// SQL then applies the filters exactly, so a token can only speed a search up, never change its answer.
/// </summary>
/// <remarks>
/// Grid cells: the integer part of (latitude + 90) × 100 and (longitude + 180) × 64 (cells of 0.01° by 1/64°, about
/// 1.1 km by 1.0 km at 53.5°N) and, ten times coarser, × 10 and × 6.4 for distances where the fine cells covering the
/// box would be too many. Truncation is monotonic, so the cells from the box's corners' cells cover every point in it.
/// </remarks>
public sealed record SearchFacets(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    const double FineLat = 100, FineLon = 64, CoarseLat = 10, CoarseLon = 6.4;
    /// <summary>
    /// More fine cells than this (a box of more than 4 by 4 cells: most distances of 2 km and more) and the coarse ones are used. Each
    /// token is a doclist the index reads and merges: at 50,000 services 110 fine cells for 5 km cost 6 ms and removed
    /// 6% of the matches, while 9 to 16 cells for 1 km halve the search (docs/benchmarks.md).
    /// </summary>
    const int MaxFineCells = 16;

    public static readonly SearchFacets None = new([]);
    public bool IsEmpty => Groups.Count == 0;

    public static string Kind(AssetKind k) => $"k{k.ToString().ToLowerInvariant()}0";
    public static string Status(ServiceStatus s) => $"s{s.ToString().ToLowerInvariant()}0";
    public const string Free = "free0";
    public static string Term(Guid id) => $"t{id:N}0";

    /// <summary>The cells covering the box around <paramref name="centre"/> that holds every point within <paramref name="km"/>.</summary>
    public static IReadOnlyList<string> Cells(GeoPoint centre, double km)
    {
        var (minLat, minLon, maxLat, maxLon) = centre.BoxAround(km);
        var fine = Count(minLat, maxLat, FineLat) * Count(minLon, maxLon, FineLon) <= MaxFineCells;
        var (latScale, lonScale, prefix) = fine ? (FineLat, FineLon, 'g') : (CoarseLat, CoarseLon, 'c');
        var cells = new List<string>();
        for (var y = Cell(minLat + 90, latScale); y <= Cell(maxLat + 90, latScale); y++)
            for (var x = Cell(minLon + 180, lonScale); x <= Cell(maxLon + 180, lonScale); x++)
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}{y}x{x}0"));
        return cells;
    }

    static long Cell(double shifted, double scale) => (long)(shifted * scale);
    static long Count(double min, double max, double scale) => Cell(max + 180, scale) - Cell(min + 180, scale) + 1;

    /// <summary>The FTS5 expression: each group a bracketed OR of quoted tokens, limited to the facets column.</summary>
    public string Fts5() => string.Join(" AND ", Groups.Select(g => "facets : (" + string.Join(" OR ", g.Select(t => "\"" + t + "\"")) + ")"));

    /// <summary>The tsquery text for to_tsquery('simple', …).</summary>
    public string TsQuery() => string.Join(" & ", Groups.Select(g => "(" + string.Join(" | ", g.Select(t => "'" + t + "'")) + ")"));
}

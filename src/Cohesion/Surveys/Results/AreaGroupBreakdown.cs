using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;

namespace Cohesion.Surveys.Results;

/// <summary>
/// One residence area's row of an area × group table: a cell per group of the characteristic, each a
/// <see cref="GroupEstimate"/> whose code is the group and whose test is against the rest of the area.
/// </summary>
public sealed record AreaGroupRow(string AreaCode, string AreaName, IReadOnlyList<GroupEstimate> Cells);

/// <summary>
/// An indicator by residence area × a characteristic's broad groups ("Waterhead × Asian"): every cell a domain of the
/// survey's one design, so its standard error and interval are design-based like any other breakdown's (Lumley 2010
/// §2.3.1), and each cell tested against everyone else in the same area who gave the characteristic.
/// </summary>
/// <param name="Groups">The column groups: those of the characteristic's breakdown (anyone in the indicator's base is in them), in the question's order.</param>
/// <param name="Rows">Every residence area in name order, as in the breakdown by area.</param>
public sealed record AreaGroupBreakdown(Indicator Indicator, string By, string Label, IReadOnlyList<string> Groups, IReadOnlyList<AreaGroupRow> Rows)
{
    /// <summary>Between an area's and a group's name in a cell's domain name.</summary>
    public const string Cross = " × ";

    /// <summary>
    /// The table, or null when the survey cannot give it: it did not ask where people live, or did not ask
    /// <paramref name="by"/> (a characteristic code; the area itself is not one). Worked out once per results.
    /// </summary>
    public static AreaGroupBreakdown? Of(SurveyResults results, Indicator indicator, string by) =>
        by != SurveyResults.ByArea && results.Breakdowns.Any(b => b.Code == SurveyResults.ByArea) && results.Breakdowns.Any(b => b.Code == by)
            ? results.Memo($"area-group|{indicator.Code}|{by}", () => Make(results, indicator, by))
            : null;

    static AreaGroupBreakdown? Make(SurveyResults results, Indicator indicator, string by)
    {
        if (SurveyBreakdown.Of(results, indicator, by) is not { } byGroup || results.Labels(by) is not { } labels) return null;
        var groups = byGroup.Groups.Select(g => g.Code).ToList();
        var areas = results.Areas.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var residence = results.Data.Residence;
        var values = results.Values(indicator);

        // Codes rather than joined labels: an area or group name holding the separator cannot merge two cells.
        var areaIndex = areas.Select((a, k) => (a.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var groupIndex = groups.Select((g, j) => (g, j)).ToDictionary(x => x.g, x => x.j, StringComparer.Ordinal);
        var names = areas.SelectMany(a => groups.Select(g => a.Name + Cross + g)).ToList();
        var codes = new int[results.Data.Rows];
        for (var r = 0; r < codes.Length; r++)
            codes[r] = residence[r] is { } id && areaIndex.TryGetValue(id, out var a) && labels[r] is { } l && groupIndex.TryGetValue(l, out var g)
                ? a * groups.Count + g : -1;
        var estimates = results.Breakdown(indicator, values, Domains.FromCodes(codes, names)).ToDictionary(e => e.Domain, StringComparer.Ordinal);

        var rows = areas.Select((area, k) => new AreaGroupRow(area.Code, area.Name, groups.Select((group, j) =>
        {
            var name = names[k * groups.Count + j];
            if (!estimates.TryGetValue(name, out var e)) return new GroupEstimate(group, SurveyResults.Nobody(name), null);
            var id = area.Id;
            return new GroupEstimate(group, e, e.Suppressed ? null : results.CompareWithRest(indicator, values, labels, group, r => residence[r] == id));
        }).ToList())).ToList();
        return new AreaGroupBreakdown(indicator, by, byGroup.Label, groups, rows);
    }

    /// <summary>The number of cells, for saying how many may be marked by chance.</summary>
    public int CellCount => Rows.Count * Groups.Count;
}

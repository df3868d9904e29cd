using Cohesion.Analytics.Segregation;
using Cohesion.Cli;

namespace Cohesion.Segregation;

/// <summary>One line of the output: an index of one set, for one group (and reference group) or for all groups.</summary>
/// <param name="Group">Empty for the multigroup indices.</param>
/// <param name="Reference">The reference group; empty for a group against everyone else and for the multigroup indices.</param>
/// <param name="Units">Units in the set, including any with no people.</param>
/// <param name="Population">The total the index is taken over: the total (or sum of the groups), the group and reference together, or the sum of the groups.</param>
public sealed record Figure(string By, SegregationIndex Index, string Group, string Reference, double Value, InferenceResult? Inference, int Units, double Population);

/// <summary>What to work out for each set.</summary>
/// <param name="HasTotal">Whether the sets carry a column of people in the total outside the groups (after the groups).</param>
/// <param name="Reference">A reference group: one of the groups, or an extra last column.</param>
public sealed record FigureRequest(IReadOnlyList<string> Groups, bool HasTotal, string? Reference, IReadOnlyList<SegregationIndex> Indices,
    NullModel? Inference, InferenceOptions Options, double AtkinsonB);

/// <summary>The figures of one unit set: two-group indices of each group against the rest and against the reference group, then the multigroup indices.</summary>
public static class SegregationFigures
{
    public static List<Figure> For(UnitSet set, FigureRequest request)
    {
        var n = set.Units.Count;
        var k = request.Groups.Count;
        // The groups and the rest of the total are the first columns, so both views share the set's array.
        var againstRest = new GroupCounts(set.ByColumn, n, k + (request.HasTotal ? 1 : 0));
        var allGroups = request.HasTotal ? new GroupCounts(set.ByColumn, n, k) : againstRest;
        var twoGroup = request.Indices.Where(i => !Indices.IsMultiGroup(i)).ToArray();
        var multi = request.Indices.Where(Indices.IsMultiGroup).ToArray();
        var figures = new List<Figure>();
        if (request.Inference is not null) RequireWholeCounts(set);

        if (twoGroup.Length > 0)
        {
            var stats = Indices.AgainstRest(twoGroup, k, request.AtkinsonB);
            var results = Evaluate(againstRest, stats, request);
            for (var j = 0; j < twoGroup.Length; j++)
                for (var g = 0; g < k; g++)
                    figures.Add(new Figure(set.By, twoGroup[j], request.Groups[g], "", results[j * k + g].Value, results[j * k + g].Inference, n, againstRest.Total));

            if (request.Reference is { } reference)
            {
                var referenceColumn = FindGroup(request.Groups, reference) is var r and >= 0 ? r : set.Columns - 1;
                var pairStats = Indices.AgainstRest(twoGroup, 1, request.AtkinsonB);
                var pairs = new List<Figure>();
                for (var g = 0; g < k; g++)
                {
                    if (g == referenceColumn) continue;
                    var pair = GroupCounts.FromColumns(set.Column(g).ToArray(), set.Column(referenceColumn).ToArray());
                    var pairResults = Evaluate(pair, pairStats, request);
                    for (var j = 0; j < twoGroup.Length; j++)
                        pairs.Add(new Figure(set.By, twoGroup[j], request.Groups[g], reference, pairResults[j].Value, pairResults[j].Inference, n, pair.Total));
                }
                figures.AddRange(pairs.OrderBy(f => f.Index));
            }
        }
        if (multi.Length > 0)
        {
            var results = Evaluate(allGroups, Indices.AllGroups(multi), request);
            for (var j = 0; j < multi.Length; j++)
                figures.Add(new Figure(set.By, multi[j], "", "", results[j].Value, results[j].Inference, n, allGroups.Total));
        }
        return figures;
    }

    static (double Value, InferenceResult? Inference)[] Evaluate(GroupCounts counts, Statistics stats, FigureRequest request)
    {
        if (request.Inference is { } model)
            return Inference.Test(counts, model, stats, request.Options).Select(r => (r.Observed, (InferenceResult?)r)).ToArray();
        var values = new double[stats.Count];
        stats.Compute(counts, values);
        return values.Select(v => (v, (InferenceResult?)null)).ToArray();
    }

    static int FindGroup(IReadOnlyList<string> groups, string name)
    {
        for (var g = 0; g < groups.Count; g++) if (string.Equals(groups[g], name, StringComparison.OrdinalIgnoreCase)) return g;
        return -1;
    }

    /// <summary>The simulations place whole people; a count like 12.5 (a weighted estimate) cannot be simulated.</summary>
    static void RequireWholeCounts(UnitSet set)
    {
        var n = set.Units.Count;
        for (var c = 0; c < set.Columns; c++)
        {
            var column = set.Column(c);
            for (var i = 0; i < n; i++)
                if (column[i] != Math.Floor(column[i]))
                    throw new CliException($"--inference needs whole-number counts: unit '{set.Units[i]}'{(set.By.Length > 0 ? $" of '{set.By}'" : "")} has {column[i]}");
        }
    }
}

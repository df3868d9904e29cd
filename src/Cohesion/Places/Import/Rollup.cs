namespace Cohesion.Places.Import;

/// <summary>
/// Sums counts up the area tree. A larger area gets a sum only when one whole partition of it is covered:
/// all of its children at one level (smallest level first), or else all members of its grouping (a ward's
/// best-fit LSOAs). Summing one partition only avoids counting people twice where MSOAs and wards both sit
/// in a district; requiring it whole avoids showing a part as the total.
/// </summary>
public static class Rollup
{
    public static List<(int AreaId, int CategoryId, long Value)> Compute(IEnumerable<(int AreaId, int CategoryId, long Value)> baseCounts, AreaHierarchy h)
    {
        var values = new Dictionary<int, Dictionary<int, long>>();
        foreach (var (area, cat, v) in baseCounts)
        {
            if (!values.TryGetValue(area, out var m)) values[area] = m = [];
            m[cat] = v;
        }
        // Every ancestor of a counted area, by parent chain and by grouping, is a candidate.
        var candidates = new HashSet<int>();
        var stack = new Stack<int>(values.Keys);
        while (stack.Count > 0)
        {
            var a = stack.Pop();
            if (!h.Areas.TryGetValue(a, out var info)) continue;
            if (info.ParentId is { } p && candidates.Add(p)) stack.Push(p);
            foreach (var g in h.GroupsOf[a]) if (candidates.Add(g)) stack.Push(g);
        }
        var result = new List<(int, int, long)>();
        foreach (var c in candidates.Where(c => !values.ContainsKey(c)).OrderBy(c => (int)h.Areas[c].Level))
        {
            var partitions = h.ChildrenOf[c].GroupBy(ch => (int)h.Areas[ch].Level).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
            var members = h.MembersOf[c].ToList();
            if (members.Count > 0) partitions.Add(members);
            var whole = partitions.FirstOrDefault(part => part.Count > 0 && part.All(values.ContainsKey));
            if (whole is null) continue;
            var sum = new Dictionary<int, long>();
            foreach (var ch in whole)
                foreach (var (cat, v) in values[ch])
                    sum[cat] = sum.GetValueOrDefault(cat) + v;
            values[c] = sum;
            foreach (var (cat, v) in sum) result.Add((c, cat, v));
        }
        return result;
    }
}

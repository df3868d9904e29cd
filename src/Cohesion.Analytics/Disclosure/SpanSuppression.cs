namespace Cohesion.Analytics.Disclosure;

/// <summary>
/// A figure to publish that is a sum of unknown base counts ("atoms"): a cell, a margin, a series value — any count
/// that adds up the same base counts another figure shares.
/// </summary>
/// <param name="Atoms">The base counts it adds up, by index, each once.</param>
/// <param name="Value">The figure's count.</param>
/// <param name="Sensitive">Whether the threshold rule applies (small-area figures). A figure that is not sensitive is
/// withheld only as a last resort, when no sensitive figure can protect a withheld one instead.</param>
public readonly record struct SumFigure(int[] Atoms, long Value, bool Sensitive);

/// <summary>
/// Threshold and secondary suppression for any set of figures that are sums of shared base counts, where the figures
/// do not form one table: series of several areas, types and overlapping categories published on different pages.
/// <para>(a) Primary: a sensitive figure in 1..K−1 is withheld.</para>
/// <para>(b) Secondary: no withheld figure follows exactly from the published ones. Each figure is a linear functional
/// of the base counts (a 0/1 vector); a withheld figure f can be worked out exactly iff f lies in the span of the
/// published figures' vectors — then f = Σ c_g·g over published g, and those g's values give f. Otherwise some change
/// of the base counts keeps every published figure and moves f (the published vectors' orthogonal complement has a
/// vector x with f·x ≠ 0), so f is not determined.</para>
/// <para>Method: greedy, like the hypercube heuristic of Repsilber (see Hundepool et al.): while a withheld figure f is
/// in the span, take the representation the elimination found and withhold the cheapest published g in it (cost:
/// count + 1 for sensitive figures, a trillion more for the others), then test f again; repeat over every withheld
/// figure until a pass withholds nothing. Each step withholds one more figure, so it ends; when it ends, no withheld
/// figure is in the span. Figures are split into groups that share no base count (their spans are independent, so
/// each group is tested alone), and base counts that every figure of a group takes or leaves together are merged, so
/// the eliminations stay small (a district of 20 wards, ten types and nine strands: groups of a few dozen figures).</para>
/// <para>Arithmetic is exact, modulo the prime p = 2³¹ − 1. A figure in the span over the rationals is in it modulo p
/// unless p divides a non-zero minor of the published vectors (about 2⁻³¹ for 0/1 vectors of this size); the other
/// way round an error only withholds a figure more.</para>
/// <para>Not protected: bounds. Counts are never negative, so published figures bound withheld ones; a withheld figure
/// is not pinned to one value, but its interval can be narrow. Sources: Hundepool, A. et al. (2012) Statistical
/// Disclosure Control, §4.3 and §5.2 (Wiley); Cox, L. H. (1980) Suppression methodology and statistical disclosure
/// control. JASA 75, 377–385 (exact disclosure as a linear-algebra test).</para>
/// </summary>
public static class SpanSuppression
{
    const long P = 2147483647;
    /// <summary>What withholding a figure that is not sensitive costs beyond its count.</summary>
    public const double LastResort = 1e12;

    /// <summary>Which figures to withhold (true) so that none in 1..K−1 is published and none withheld can be worked out.</summary>
    /// <param name="figures">The figures; atoms are indices ≥ 0.</param>
    /// <param name="threshold">K: sensitive figures of 1..K−1 are withheld. K ≤ 1 withholds nothing.</param>
    public static bool[] Protect(IReadOnlyList<SumFigure> figures, int threshold)
    {
        var n = figures.Count;
        var withheld = new bool[n];
        var cost = new double[n];
        for (var i = 0; i < n; i++)
        {
            var f = figures[i];
            if (f.Atoms is null) throw new ArgumentException($"figure {i} has no atoms", nameof(figures));
            if (f.Value < 0) throw new ArgumentException($"figure {i} is negative: {f.Value}", nameof(figures));
            foreach (var a in f.Atoms) if (a < 0) throw new ArgumentException($"figure {i} has a negative atom index {a}", nameof(figures));
            withheld[i] = f.Sensitive && f.Value >= 1 && f.Value < threshold;
            cost[i] = f.Value + 1.0 + (f.Sensitive ? 0 : LastResort);
        }
        foreach (var group in Groups(figures))
            if (group.Any(i => withheld[i])) new Group(figures, group, withheld, cost).Protect();
        return withheld;
    }

    /// <summary>Figures connected through shared atoms (union–find), each group in index order.</summary>
    static List<List<int>> Groups(IReadOnlyList<SumFigure> figures)
    {
        var parent = Enumerable.Range(0, figures.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var first = new Dictionary<int, int>();
        for (var i = 0; i < figures.Count; i++)
            foreach (var a in figures[i].Atoms)
                if (first.TryGetValue(a, out var j)) parent[Find(i)] = Find(j);
                else first[a] = i;
        return [.. Enumerable.Range(0, figures.Count).GroupBy(Find).Select(g => g.ToList())];
    }

    /// <summary>One group's figures as vectors over its merged base counts, and the greedy loop.</summary>
    sealed class Group
    {
        readonly List<int> _members;
        readonly int[][] _cols;   // per member: the merged columns it adds up
        readonly int _width;
        readonly bool[] _withheld;
        readonly double[] _cost;
        /// <summary>The published members' basis, rebuilt after a figure is withheld.</summary>
        List<(long[] Vec, long[] Comb, int Pivot)>? _basis;

        public Group(IReadOnlyList<SumFigure> figures, List<int> members, bool[] withheld, double[] cost)
        {
            (_members, _withheld, _cost) = (members, withheld, cost);
            // An atom's signature is the members that add it up; atoms of one signature act as one unknown.
            var signature = new Dictionary<int, List<int>>();
            for (var m = 0; m < members.Count; m++)
                foreach (var a in figures[members[m]].Atoms)
                {
                    if (!signature.TryGetValue(a, out var s)) signature[a] = s = [];
                    if (s.Count == 0 || s[^1] != m) s.Add(m);
                }
            var column = new Dictionary<string, int>(StringComparer.Ordinal);
            var cols = members.Select(_ => new SortedSet<int>()).ToArray();
            foreach (var s in signature.Values)
            {
                var key = string.Join(',', s);
                if (!column.TryGetValue(key, out var c)) column[key] = c = column.Count;
                foreach (var m in s) cols[m].Add(c);
            }
            _cols = [.. cols.Select(c => c.ToArray())];
            _width = column.Count;
        }

        public void Protect()
        {
            bool changed;
            do
            {
                changed = false;
                for (var m = 0; m < _members.Count; m++)
                {
                    if (!_withheld[_members[m]]) continue;
                    while (Representation(m) is { } rep)
                    {
                        var cheapest = -1;
                        for (var g = 0; g < rep.Length; g++)
                            if (rep[g] != 0 && (cheapest < 0 || _cost[_members[g]] < _cost[_members[cheapest]])) cheapest = g;
                        if (cheapest < 0) break; // f is the zero vector (no atoms): nothing can hide it, and it tells nothing
                        _withheld[_members[cheapest]] = true;
                        _basis = null;
                        changed = true;
                    }
                }
            } while (changed);
        }

        /// <summary>
        /// If member <paramref name="target"/> is in the span of the published members, the coefficients of one way to
        /// write it (index = member); otherwise null. Published members enter the basis cheapest first, so the way
        /// found leans on cheap figures — the ones worth withholding.
        /// </summary>
        long[]? Representation(int target)
        {
            _basis ??= Basis();
            var (v, c) = Start(target);
            Reduce(v, c, _basis);
            if (Array.Exists(v, x => x != 0)) return null;
            // v = f − Σ factor·basis = 0 and comb tracked −Σ factor·(basis in members), with f's own 1 at target.
            c[target] = 0;
            for (var i = 0; i < c.Length; i++) c[i] = (P - c[i]) % P;
            return c;
        }

        /// <summary>An echelon basis of the published members' span, with each row written in members.</summary>
        List<(long[] Vec, long[] Comb, int Pivot)> Basis()
        {
            var basis = new List<(long[] Vec, long[] Comb, int Pivot)>();
            var order = Enumerable.Range(0, _members.Count).Where(m => !_withheld[_members[m]])
                .OrderBy(m => _cost[_members[m]]).ThenBy(m => m);
            foreach (var g in order)
            {
                var (vec, comb) = Start(g);
                Reduce(vec, comb, basis);
                var pivot = Array.FindIndex(vec, x => x != 0);
                if (pivot >= 0) basis.Add((vec, comb, pivot));
            }
            return basis;
        }

        (long[] Vec, long[] Comb) Start(int member)
        {
            var vec = new long[_width];
            foreach (var col in _cols[member]) vec[col] = 1;
            var comb = new long[_members.Count];
            comb[member] = 1;
            return (vec, comb);
        }

        /// <summary>Eliminates the basis' pivots from (vec, comb); later basis rows are zero at earlier pivots.</summary>
        static void Reduce(long[] vec, long[] comb, List<(long[] Vec, long[] Comb, int Pivot)> basis)
        {
            foreach (var (bv, bc, p) in basis)
            {
                if (vec[p] == 0) continue;
                var factor = Mul(vec[p], Inverse(bv[p]));
                for (var j = 0; j < vec.Length; j++) if (bv[j] != 0) vec[j] = Sub(vec[j], Mul(factor, bv[j]));
                for (var j = 0; j < comb.Length; j++) if (bc[j] != 0) comb[j] = Sub(comb[j], Mul(factor, bc[j]));
            }
        }
    }

    static long Mul(long a, long b) => (long)((ulong)a * (ulong)b % P);
    static long Sub(long a, long b) => a >= b ? a - b : a - b + P;

    static long Inverse(long a)
    {
        // Fermat: a^(p−2) mod p.
        long result = 1, b = a, e = P - 2;
        while (e > 0)
        {
            if ((e & 1) == 1) result = Mul(result, b);
            b = Mul(b, b);
            e >>= 1;
        }
        return result;
    }
}

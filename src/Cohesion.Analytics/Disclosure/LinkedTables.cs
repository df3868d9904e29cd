namespace Cohesion.Analytics.Disclosure;

/// <summary>
/// One table of a linked set: the shared rows (areas) by this table's own categories, as counts.
/// </summary>
/// <param name="Name">For messages ("sex", "age band").</param>
/// <param name="Cols">Categories, at least 1.</param>
/// <param name="Cells">Row-major, rows × <paramref name="Cols"/>, each ≥ 0; every row sums to the shared row total.</param>
public sealed record LinkedTable(string Name, int Cols, long[] Cells);

/// <summary>
/// The outcome of <see cref="LinkedTables.Protect"/>: which figures of every table, and of the shared row and
/// grand totals, to withhold.
/// </summary>
public sealed class LinkedProtection
{
    readonly bool[] _sharedSuppressed;

    internal LinkedProtection(int rows, IReadOnlyList<ProtectedTable> tables, bool[] sharedSuppressed, int primary, int secondary)
    {
        Rows = rows;
        Tables = tables;
        _sharedSuppressed = sharedSuppressed;
        PrimaryCount = primary;
        SecondaryCount = secondary;
    }

    /// <summary>Rows (areas) shared by every table.</summary>
    public int Rows { get; }

    /// <summary>
    /// Each table with its margins, in input order: column <c>Cols</c> is the shared row totals and row
    /// <c>Rows</c> the column totals, so a table can be published as it stands. Its counts cover its own
    /// view, shared totals included.
    /// </summary>
    public IReadOnlyList<ProtectedTable> Tables { get; }

    /// <summary>Distinct figures withheld because their own value was in 1..K−1 (a shared total counts once).</summary>
    public int PrimaryCount { get; }
    /// <summary>Distinct further figures withheld so that no withheld figure can be worked out.</summary>
    public int SecondaryCount { get; }

    /// <summary>Whether inner cell (r, c) of a table is withheld.</summary>
    public bool IsSuppressed(int table, int r, int c)
    {
        var t = Tables[table];
        if ((uint)r >= (uint)t.Rows || (uint)c >= (uint)t.Cols) throw new ArgumentOutOfRangeException(nameof(r), $"({r}, {c}) is not an inner cell of a {t.Rows}×{t.Cols} table");
        return t.IsSuppressed(r, c);
    }

    /// <summary>Whether a table's total for category <paramref name="c"/> is withheld.</summary>
    public bool ColumnTotalSuppressed(int table, int c)
    {
        var t = Tables[table];
        if ((uint)c >= (uint)t.Cols) throw new ArgumentOutOfRangeException(nameof(c), $"category {c} is outside a table of {t.Cols}");
        return t.IsSuppressed(t.Rows, c);
    }

    /// <summary>Whether the shared total of row (area) <paramref name="r"/> is withheld, in every table alike.</summary>
    public bool RowTotalSuppressed(int r)
    {
        if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(r), $"row {r} is outside {Rows} rows");
        return _sharedSuppressed[r];
    }

    /// <summary>Whether the shared grand total is withheld.</summary>
    public bool GrandTotalSuppressed => _sharedSuppressed[Rows];
}

/// <summary>
/// Threshold and secondary suppression for several tables published over the same rows: one count (say
/// registered population) by area × sex, area × age band, area × ethnic group…, each with its column totals,
/// all sharing the area totals (the row totals of every table, published once as "all") and the grand total.
/// <para>(a) Primary: every figure in 1..K−1 is withheld — inner cells, column totals, row totals, the grand total.</para>
/// <para>(b) Secondary: no withheld figure follows exactly from all published figures of all tables together.
/// The published figures give, per table, one linear equation per row (cells − row total = 0), per column
/// (cells − column total = 0) and for the totals row (column totals − grand total = 0), and one more for
/// the shared column of row totals (row totals − grand total = 0). The unknowns are the withheld figures,
/// a withheld row total being the same unknown in every table. Protecting each table alone is not enough:
/// a row total withheld in one table may be published in another, and equations of several tables that
/// share withheld row totals can together pin down a cell that no table alone does.</para>
/// <para>Method. Per table, a graph with a node for each row, the totals row and each column, and an edge
/// for each withheld inner cell (row–column) and column total (totals row–column); the shared figures are
/// not edges. The withheld shared figures are grouped: two go together when they are connected in every
/// table's graph (a row total is the row's node, the grand total the totals row's node). The method
/// repeats, until a pass changes nothing: (1) a withheld shared figure alone in its group is joined to the
/// partner that is cheapest to connect to in every table — another withheld one, or a published row or
/// grand total if that is cheaper all told (it is then withheld; with exactly one small area it must be:
/// its total would follow from the grand total); the cheapest path in each table is withheld; (2) in each
/// table every withheld cell that is a bridge of its graph, unless it separates two members of one group,
/// gets the cheapest cycle through it (costing count + 1, totals a million times more) — or, in a table of
/// one category, where no cycle exists, its row's total is withheld and grouped by (1).</para>
/// <para>Why it is sound: for each withheld figure there is a change of the withheld figures that keeps every
/// equation and moves it, so it is not determined. A cell or column total on a cycle of its table: ±1
/// alternately round the cycle, nothing shared moves. A shared figure a in a group with b: +1 on a, −1 on b
/// keeps the shared column's equation; in every table a and b are connected, and ±1 alternately along a
/// path of withheld cells from a's node to b's restores every row and column. A bridge separating a and b
/// lies on every such path, so moves too. When a pass changes nothing, every withheld figure is of one of
/// these kinds. Group-mates are found by union–find; whether a bridge separates a group is tested by giving
/// the members of each group tokens that sum to zero (wrapping 64-bit), a bridge separating a group iff the
/// tokens below it sum to non-zero — a chance zero sum (about 2⁻⁶⁴) only costs an unneeded cycle.</para>
/// <para>Secondaries go through inner cells and column totals. An area total that is not small is withheld
/// only as a group-mate in (1) when that is cheaper than reaching any withheld one — always so for a lone
/// small area, whose total would otherwise follow from the grand total — or in a table of one category.</para>
/// <para>Not protected: links across time. A stock at the end of a period equals the stock at its start plus
/// inflow minus outflow, per area and category; published as separate tables, a withheld stock or flow may
/// follow from the other three. That identity has four terms, so it does not fit the graph picture above,
/// and sound suppression would mean protecting all periods' tables as one system. Suppression here protects
/// one period's linked tables; series of periods should be published rounded (see <see cref="Rounding"/>).</para>
/// <para>Sources: Gusfield, D. (1988) A graph theoretic approach to statistical data security. SIAM J.
/// Comput. 17(3), 552–571; Cox, L. H. (1980) Suppression methodology and statistical disclosure control.
/// JASA 75, 377–385; Hundepool, A. et al. (2012) Statistical Disclosure Control, §5.2–5.3 on linked tables
/// (Wiley); de Wolf, P.-P. and Giessing, S. (2009) Adapting the modular method to cope with linked tables.
/// Proc. Joint UNECE/Eurostat Work Session on SDC.</para>
/// </summary>
public static class LinkedTables
{
    /// <summary>Decides which figures of a set of linked tables to withhold.</summary>
    /// <param name="tables">At least one table; each rows × its own columns.</param>
    /// <param name="rowTotals">The shared row totals; every table's rows sum to them.</param>
    /// <param name="rows">Rows, at least 1.</param>
    /// <param name="threshold">K: counts 1..K−1 are withheld. K ≤ 1 withholds nothing.</param>
    public static LinkedProtection Protect(IReadOnlyList<LinkedTable> tables, ReadOnlySpan<long> rowTotals, int rows, int threshold)
    {
        if (tables.Count == 0) throw new ArgumentException("at least one table is needed", nameof(tables));
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), "at least one row is needed");
        if (rowTotals.Length != rows) throw new ArgumentException($"expected {rows} row totals, got {rowTotals.Length}", nameof(rowTotals));
        // The shared figures: row totals 0..rows−1, then the grand total. In every table's grid they are the
        // row nodes of the same index (the grand total is the totals row's node).
        var shared = new long[rows + 1];
        for (var r = 0; r < rows; r++)
        {
            if (rowTotals[r] < 0) throw new ArgumentException($"row total {r} is negative: {rowTotals[r]}", nameof(rowTotals));
            shared[r] = rowTotals[r];
            shared[rows] += rowTotals[r];
        }
        var grids = new Grid[tables.Count];
        for (var t = 0; t < tables.Count; t++) grids[t] = new Grid(tables[t], shared, rows, threshold);
        var sharedSuppressed = new bool[rows + 1];
        for (var z = 0; z <= rows; z++) sharedSuppressed[z] = IsSmall(shared[z], threshold);

        var linker = new Linker(grids, shared, sharedSuppressed);
        while (linker.PairSharedFigures() | linker.CloseBridges()) { }

        var views = new ProtectedTable[grids.Length];
        int primary = 0, suppressed = 0;
        for (var z = 0; z <= rows; z++)
            if (sharedSuppressed[z]) { suppressed++; if (IsSmall(shared[z], threshold)) primary++; }
        for (var t = 0; t < grids.Length; t++)
        {
            views[t] = grids[t].View(sharedSuppressed, threshold);
            var (p, s) = grids[t].OwnCounts(threshold);
            primary += p;
            suppressed += s;
        }
        return new LinkedProtection(rows, views, sharedSuppressed, primary, suppressed - primary);
    }

    static bool IsSmall(long v, int threshold) => v >= 1 && v < threshold;

    /// <summary>One table's own figures, (rows + 1) × cols: inner cells, then the column totals; and its graph.</summary>
    sealed class Grid
    {
        readonly int _rows, _cols;
        readonly long[] _values, _shared;
        readonly bool[] _suppressed;

        public Grid(LinkedTable table, long[] shared, int rows, int threshold)
        {
            if (table.Cols < 1) throw new ArgumentException($"table {table.Name} has no columns");
            if (table.Cells.Length != rows * table.Cols) throw new ArgumentException($"table {table.Name}: expected {rows * table.Cols} cells, got {table.Cells.Length}");
            (_rows, _cols, _shared) = (rows, table.Cols, shared);
            _values = new long[(rows + 1) * _cols];
            for (var r = 0; r < rows; r++)
            {
                long sum = 0;
                for (var c = 0; c < _cols; c++)
                {
                    var v = table.Cells[r * _cols + c];
                    if (v < 0) throw new ArgumentException($"table {table.Name}: cell ({r}, {c}) is negative: {v}");
                    _values[r * _cols + c] = v;
                    _values[rows * _cols + c] += v;
                    sum += v;
                }
                if (sum != shared[r]) throw new ArgumentException($"table {table.Name}: row {r} sums to {sum}, but its total is {shared[r]}");
            }
            _suppressed = new bool[_values.Length];
            var cost = new double[_values.Length];
            for (var i = 0; i < _values.Length; i++)
            {
                _suppressed[i] = IsSmall(_values[i], threshold);
                cost[i] = (_values[i] + 1.0) * (i >= rows * _cols ? CellSuppression.MarginPenalty : 1);
            }
            Graph = new SuppressionGraph(rows + 1, _cols, cost, _suppressed);
        }

        public SuppressionGraph Graph { get; }

        /// <summary>(primary, all) withheld among this table's own figures.</summary>
        public (int Primary, int Suppressed) OwnCounts(int threshold)
        {
            int p = 0, s = 0;
            for (var i = 0; i < _values.Length; i++)
                if (_suppressed[i]) { s++; if (IsSmall(_values[i], threshold)) p++; }
            return (p, s);
        }

        /// <summary>The table as published, with the shared row totals as its last column.</summary>
        public ProtectedTable View(bool[] sharedSuppressed, int threshold)
        {
            var w = _cols + 1;
            var values = new long[(_rows + 1) * w];
            var suppressed = new bool[values.Length];
            for (var r = 0; r <= _rows; r++)
            {
                for (var c = 0; c < _cols; c++)
                {
                    values[r * w + c] = _values[r * _cols + c];
                    suppressed[r * w + c] = _suppressed[r * _cols + c];
                }
                values[r * w + _cols] = _shared[r];
                suppressed[r * w + _cols] = sharedSuppressed[r];
            }
            int primary = 0, all = 0;
            for (var i = 0; i < values.Length; i++)
                if (suppressed[i]) { all++; if (IsSmall(values[i], threshold)) primary++; }
            return new ProtectedTable(_rows, _cols, values, suppressed, primary, all - primary);
        }
    }

    /// <summary>The fixed-point passes over all tables; see the class remarks.</summary>
    sealed class Linker(Grid[] grids, long[] shared, bool[] sharedSuppressed)
    {
        readonly int[] _byValue = Enumerable.Range(0, shared.Length).OrderBy(z => shared[z]).ThenBy(z => z).ToArray();

        /// <summary>Step (1): every withheld shared figure gets a group-mate. True when anything was withheld.</summary>
        public bool PairSharedFigures()
        {
            var changed = false;
            for (var z = 0; z < shared.Length; z++)
            {
                if (!sharedSuppressed[z] || HasGroupMate(z)) continue;
                Pair(z);
                changed = true;
            }
            return changed;
        }

        bool HasGroupMate(int z)
        {
            for (var y = 0; y < shared.Length; y++)
                if (y != z && sharedSuppressed[y] && ConnectedEverywhere(y, z)) return true;
            return false;
        }

        bool ConnectedEverywhere(int y, int z)
        {
            foreach (var g in grids)
                if (g.Graph.Component(y) != g.Graph.Component(z)) return false;
            return true;
        }

        void Pair(int z)
        {
            var searches = new HubSearch[grids.Length];
            for (var t = 0; t < grids.Length; t++)
            {
                var graph = grids[t].Graph;
                var root = graph.Component(z);
                var sources = new List<int>();
                for (var node = 0; node < graph.Nodes; node++)
                    if (graph.Component(node) == root) sources.Add(node);
                searches[t] = graph.Search(sources);
            }
            double PathCost(int y)
            {
                var sum = 0.0;
                for (var t = 0; t < grids.Length; t++)
                {
                    var graph = grids[t].Graph;
                    if (graph.Component(y) != graph.Component(z)) sum += graph.CostTo(searches[t], y);
                }
                return sum;
            }
            var (best, bestCost) = (-1, double.PositiveInfinity);
            for (var y = 0; y < shared.Length; y++)
            {
                if (y == z || !sharedSuppressed[y]) continue;
                var cost = PathCost(y);
                if (cost < bestCost) (best, bestCost) = (y, cost);
            }
            // A published total withheld now costs itself too, priced like any margin.
            foreach (var y in _byValue)
            {
                if (y == z || sharedSuppressed[y]) continue;
                var price = (shared[y] + 1.0) * CellSuppression.MarginPenalty;
                if (price >= bestCost) break;
                var cost = price + PathCost(y);
                if (cost < bestCost) (best, bestCost) = (y, cost);
            }
            if (best < 0) throw new InvalidOperationException("no figure can protect a withheld total: one row and a grand total that equals it");
            for (var t = 0; t < grids.Length; t++)
            {
                var graph = grids[t].Graph;
                if (graph.Component(best) != graph.Component(z)) graph.SuppressPath(searches[t], best);
            }
            sharedSuppressed[best] = true;
        }

        /// <summary>Step (2): cycles for bridges that separate no group. True when anything was withheld.</summary>
        public bool CloseBridges()
        {
            var tokens = GroupTokens();
            var changed = false;
            var unclosable = new List<int>();
            foreach (var grid in grids)
            {
                var graph = grid.Graph;
                var nodeTokens = new ulong[graph.Nodes];
                Array.Copy(tokens, nodeTokens, tokens.Length);
                if (graph.CloseBridges(nodeTokens, unclosable) > 0) changed = true;
                foreach (var cell in unclosable)
                {
                    // One category: the cell equals its row's total (or a column total the grand total), so
                    // only withholding that shared figure, grouped by step (1), can protect it.
                    var z = cell / graph.Cols;
                    if (sharedSuppressed[z]) throw new InvalidOperationException("a grouped shared figure left a bridge unprotected");
                    sharedSuppressed[z] = true;
                    changed = true;
                }
            }
            return changed;
        }

        /// <summary>
        /// Per shared figure: 0 when published or alone; otherwise a token such that each group's tokens sum
        /// to zero and none is zero, so a set of nodes sums to non-zero (almost surely) iff it splits a group.
        /// </summary>
        ulong[] GroupTokens()
        {
            var group = new int[shared.Length];
            foreach (var g in grids)
            {
                var ids = new Dictionary<(int, int), int>();
                for (var z = 0; z < shared.Length; z++)
                {
                    if (!sharedSuppressed[z]) continue;
                    var key = (group[z], g.Graph.Component(z));
                    if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
                    group[z] = id;
                }
            }
            var tokens = new ulong[shared.Length];
            foreach (var members in Enumerable.Range(0, shared.Length).Where(z => sharedSuppressed[z]).GroupBy(z => group[z]))
            {
                var m = members.ToArray();
                if (m.Length < 2) continue;
                ulong sum = 0;
                for (var i = 0; i < m.Length - 1; i++) sum += tokens[m[i]] = Mix((ulong)m[i]);
                if (sum == 0) { tokens[m[0]]++; sum = 1; }
                tokens[m[^1]] = 0 - sum;
            }
            return tokens;
        }

        /// <summary>SplitMix64's finaliser: a fixed, well-spread non-zero value per index.</summary>
        static ulong Mix(ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return x == 0 ? 1 : x;
        }
    }
}

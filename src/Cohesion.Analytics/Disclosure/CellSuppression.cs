namespace Cohesion.Analytics.Disclosure;

/// <summary>
/// A two-way table of counts with its margins, as published: cell (r, c) for r &lt; Rows, c &lt; Cols is an inner
/// cell; column <see cref="Cols"/> holds the row totals, row <see cref="Rows"/> the column totals, and
/// (Rows, Cols) the grand total.
/// </summary>
public sealed class ProtectedTable
{
    internal ProtectedTable(int rows, int cols, long[] values, bool[] suppressed, int primary, int secondary)
    {
        Rows = rows;
        Cols = cols;
        _values = values;
        _suppressed = suppressed;
        PrimaryCount = primary;
        SecondaryCount = secondary;
    }

    readonly long[] _values;
    readonly bool[] _suppressed;

    /// <summary>Inner rows (areas, say); the table has one more row for the column totals.</summary>
    public int Rows { get; }
    /// <summary>Inner columns (categories, say); the table has one more column for the row totals.</summary>
    public int Cols { get; }
    /// <summary>Cells suppressed because their own value was in 1..K−1.</summary>
    public int PrimaryCount { get; }
    /// <summary>Further cells suppressed so that no primary cell can be recovered from the published totals.</summary>
    public int SecondaryCount { get; }

    /// <summary>The exact value of a cell, margins included (r ≤ Rows, c ≤ Cols). Only for the data owner.</summary>
    public long Exact(int r, int c) => _values[Index(r, c)];
    /// <summary>Whether a cell, margins included, is withheld from publication.</summary>
    public bool IsSuppressed(int r, int c) => _suppressed[Index(r, c)];
    /// <summary>The published value: null where suppressed.</summary>
    public long? Published(int r, int c) => _suppressed[Index(r, c)] ? null : _values[Index(r, c)];

    int Index(int r, int c)
    {
        if ((uint)r > (uint)Rows || (uint)c > (uint)Cols) throw new ArgumentOutOfRangeException(nameof(r), $"cell ({r}, {c}) is outside a {Rows}×{Cols} table with margins");
        return r * (Cols + 1) + c;
    }
}

/// <summary>
/// Threshold suppression with secondary suppression for a two-way table published with its row, column and
/// grand totals (areas × categories, say).
/// <para>Primary: every cell, totals included, whose count is in 1..K−1 is suppressed (zeros are published).</para>
/// <para>Secondary: the published totals give one linear equation per row and per column of the table with
/// margins. Seen as a graph, with a node for each row and each column and an edge for each suppressed cell,
/// a suppressed cell's value follows exactly from the published figures if and only if its edge is a
/// bridge (it lies on no cycle). So while any suppressed cell is a bridge, the cheapest path that closes a
/// cycle through it is suppressed too, costing each cell its count plus one (inner cells before totals),
/// which keeps the information lost small.</para>
/// <para>Sources: Gusfield, D. (1988) A graph theoretic approach to statistical data security. SIAM J.
/// Comput. 17(3), 552–571; Cox, L. H. (1980) Suppression methodology and statistical disclosure control.
/// JASA 75, 377–385; Hundepool, A. et al. (2012) Statistical Disclosure Control, §5.2 (Wiley).</para>
/// </summary>
public static class CellSuppression
{
    /// <summary>Margins are suppressed only when no route through inner cells exists, or it costs far more.</summary>
    const long MarginPenalty = 1_000_000;

    /// <summary>Computes the margins of an inner table and decides which cells to withhold.</summary>
    /// <param name="cells">Inner cells, row-major, <paramref name="rows"/> × <paramref name="cols"/>, each ≥ 0.</param>
    /// <param name="rows">Inner rows, at least 1.</param>
    /// <param name="cols">Inner columns, at least 1.</param>
    /// <param name="threshold">K: counts 1..K−1 are suppressed. K ≤ 1 suppresses nothing.</param>
    public static ProtectedTable Protect(ReadOnlySpan<long> cells, int rows, int cols, int threshold)
    {
        if (rows < 1 || cols < 1) throw new ArgumentException("a table needs at least one row and one column");
        if (cells.Length != rows * cols) throw new ArgumentException($"expected {rows * cols} cells, got {cells.Length}", nameof(cells));
        var w = cols + 1;
        var values = new long[(rows + 1) * w];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var v = cells[r * cols + c];
                if (v < 0) throw new ArgumentException($"cell ({r}, {c}) is negative: {v}", nameof(cells));
                values[r * w + c] = v;
                values[r * w + cols] += v;
                values[rows * w + c] += v;
                values[rows * w + cols] += v;
            }
        var suppressed = new bool[values.Length];
        var primary = 0;
        for (var i = 0; i < values.Length; i++)
            if (values[i] >= 1 && values[i] < threshold) { suppressed[i] = true; primary++; }

        var secondary = 0;
        if (primary > 0)
        {
            var graph = new TableGraph(rows, cols, values, suppressed);
            while (graph.FindBridge() is { } bridge)
                secondary += graph.CloseCycle(bridge);
        }
        return new ProtectedTable(rows, cols, values, suppressed, primary, secondary);
    }

    /// <summary>
    /// The table as a bipartite graph: nodes 0..Rows are the rows (Rows = the column-totals row), nodes
    /// Rows+1..Rows+1+Cols the columns (the last = the row-totals column); cell (r, c) joins r and Rows+1+c.
    /// </summary>
    sealed class TableGraph(int rows, int cols, long[] values, bool[] suppressed)
    {
        readonly int _w = cols + 1;
        int Nodes => rows + 1 + cols + 1;
        int ColNode(int c) => rows + 1 + c;

        IEnumerable<(int Cell, int Other)> Edges(int node, bool suppressedOnly)
        {
            if (node <= rows)
            {
                for (var c = 0; c <= cols; c++)
                {
                    var cell = node * _w + c;
                    if (!suppressedOnly || suppressed[cell]) yield return (cell, ColNode(c));
                }
            }
            else
            {
                var c = node - rows - 1;
                for (var r = 0; r <= rows; r++)
                {
                    var cell = r * _w + c;
                    if (!suppressedOnly || suppressed[cell]) yield return (cell, r);
                }
            }
        }

        /// <summary>A suppressed cell that is a bridge of the suppressed-cell graph (Tarjan's low-link, iterative), or null.</summary>
        public int? FindBridge()
        {
            var disc = new int[Nodes];
            var low = new int[Nodes];
            Array.Fill(disc, -1);
            var time = 0;
            for (var start = 0; start < Nodes; start++)
            {
                if (disc[start] >= 0) continue;
                // Each frame: node, the cell it was entered by, and its edge enumerator.
                var stack = new Stack<(int Node, int ViaCell, IEnumerator<(int Cell, int Other)> Next)>();
                disc[start] = low[start] = time++;
                stack.Push((start, -1, Edges(start, true).GetEnumerator()));
                while (stack.Count > 0)
                {
                    var (node, via, next) = stack.Peek();
                    if (next.MoveNext())
                    {
                        var (cell, other) = next.Current;
                        if (cell == via) continue;
                        if (disc[other] < 0)
                        {
                            disc[other] = low[other] = time++;
                            stack.Push((other, cell, Edges(other, true).GetEnumerator()));
                        }
                        else low[node] = Math.Min(low[node], disc[other]);
                    }
                    else
                    {
                        stack.Pop();
                        if (stack.Count > 0)
                        {
                            var parent = stack.Peek().Node;
                            low[parent] = Math.Min(low[parent], low[node]);
                            if (low[node] > disc[parent]) return via;
                        }
                    }
                }
            }
            return null;
        }

        /// <summary>Suppresses the cheapest path between the bridge's two ends that avoids the bridge; returns how many cells it added.</summary>
        public int CloseCycle(int bridge)
        {
            var (from, to) = (bridge / _w, ColNode(bridge % _w));
            var dist = new long[Nodes];
            var viaCell = new int[Nodes];
            Array.Fill(dist, long.MaxValue);
            dist[from] = 0;
            var queue = new PriorityQueue<int, long>();
            queue.Enqueue(from, 0);
            while (queue.TryDequeue(out var node, out var d))
            {
                if (d > dist[node]) continue;
                if (node == to) break;
                foreach (var (cell, other) in Edges(node, false))
                {
                    if (cell == bridge) continue;
                    var nd = d + Cost(cell);
                    if (nd < dist[other]) { dist[other] = nd; viaCell[other] = cell; queue.Enqueue(other, nd); }
                }
            }
            if (dist[to] == long.MaxValue) throw new InvalidOperationException("no cycle can protect the cell: the table is too small");
            var added = 0;
            for (var n = to; n != from;)
            {
                var cell = viaCell[n];
                if (!suppressed[cell]) { suppressed[cell] = true; added++; }
                var (r, c) = (cell / _w, ColNode(cell % _w));
                n = n == r ? c : r;
            }
            return added;
        }

        long Cost(int cell)
        {
            if (suppressed[cell]) return 0;
            var isMargin = cell / _w == rows || cell % _w == cols;
            return (values[cell] + 1) * (isMargin ? MarginPenalty : 1);
        }
    }
}

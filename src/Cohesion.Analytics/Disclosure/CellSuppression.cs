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
    internal const long MarginPenalty = 1_000_000;

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
            var graph = new SuppressionGraph(rows + 1, w, Costs(values, rows, cols), suppressed);
            var unclosable = new List<int>();
            secondary = graph.CloseBridges(tokens: null, unclosable);
            // A table with margins has at least two rows and two columns, so every cell lies on some cycle.
            if (unclosable.Count > 0) throw new InvalidOperationException("no cycle can protect the cell: the table is too small");
        }
        return new ProtectedTable(rows, cols, values, suppressed, primary, secondary);
    }

    /// <summary>
    /// The price of withholding each cell of a table with margins: its count plus one (so zeros are not free),
    /// times <see cref="MarginPenalty"/> for totals.
    /// </summary>
    internal static double[] Costs(long[] values, int rows, int cols)
    {
        var w = cols + 1;
        var cost = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var isMargin = i / w == rows || i % w == cols;
            cost[i] = (values[i] + 1.0) * (isMargin ? MarginPenalty : 1);
        }
        return cost;
    }
}

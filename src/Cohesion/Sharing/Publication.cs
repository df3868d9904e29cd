using Cohesion.Analytics.Disclosure;
using Cohesion.Change;

namespace Cohesion.Sharing;

/// <summary>
/// One count (registered at the end of a period, say) for one set of rows (the small areas of a district),
/// published as several tables that share their row totals: areas × sex, areas × age band, areas × ethnic
/// group… The row totals are the areas' <c>all</c> figures; each table's column totals are the district's
/// figures by category; the grand total is the district's <c>all</c>.
/// </summary>
/// <param name="Published">[table][row × cols + col]: the value everyone outside the owner sees; null = withheld.</param>
public sealed record PublishedTables(int Rows, long[][] Inner, int[] Cols, long?[][] Published, long?[][] ColumnTotals, long?[] RowTotals, long? GrandTotal,
    long[][] ExactColumnTotals, long GrandExact)
{
    /// <summary>The same tables with every published value rounded to base <paramref name="b"/> (withheld stay withheld).</summary>
    public PublishedTables RoundPublished(int b)
    {
        long? R(long? v) => v is { } x ? Rounding.ToBase(x, b) : null;
        return this with
        {
            Published = Published.Select(t => t.Select(R).ToArray()).ToArray(),
            ColumnTotals = ColumnTotals.Select(t => t.Select(R).ToArray()).ToArray(),
            RowTotals = RowTotals.Select(R).ToArray(),
            GrandTotal = R(GrandTotal),
        };
    }
}

/// <summary>Applies a dataset's disclosure policy to linked tables (see <see cref="PublishedTables"/>).</summary>
public static class Publication
{
    /// <summary>
    /// Under suppression, headcounts (registered at the end and at the start of a period, pupils) are also
    /// published rounded to this base. Stocks and flows are linked over time (registered at the end − at the
    /// start = inflow − outflow), so with exact stocks a withheld inflow could be worked out from the change in
    /// the stock and the published outflow; rounded stocks leave it uncertain by several people either way.
    /// </summary>
    public const int HeadcountBase = 5;

    public static bool IsHeadcount(StoredMeasure m) => m is StoredMeasure.Stock or StoredMeasure.StartStock or StoredMeasure.Pupils;

    /// <param name="tables">Inner cells of each table, row-major, rows × cols[t]; each table's rows sum to <paramref name="rowTotals"/>.</param>
    /// <param name="cols">Columns of each table.</param>
    /// <param name="rowTotals">The rows' totals (the <c>all</c> figures).</param>
    /// <param name="policy">Exact (open data), threshold suppression or rounding.</param>
    public static PublishedTables Apply(IReadOnlyList<long[]> tables, int[] cols, long[] rowTotals, DisclosurePolicy policy)
    {
        var rows = rowTotals.Length;
        var n = tables.Count;
        var exactCols = new long[n][];
        for (var t = 0; t < n; t++)
        {
            exactCols[t] = new long[cols[t]];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols[t]; c++) exactCols[t][c] += tables[t][r * cols[t] + c];
        }
        long grand = 0;
        foreach (var v in rowTotals) grand += v;

        var published = new long?[n][];
        var colTotals = new long?[n][];
        var rowPub = new long?[rows];
        long? grandPub;
        switch (policy)
        {
            case DisclosurePolicy.Round r:
                for (var t = 0; t < n; t++)
                {
                    published[t] = tables[t].Select(v => (long?)Rounding.ToBase(v, r.Base)).ToArray();
                    colTotals[t] = exactCols[t].Select(v => (long?)Rounding.ToBase(v, r.Base)).ToArray();
                }
                for (var i = 0; i < rows; i++) rowPub[i] = Rounding.ToBase(rowTotals[i], r.Base);
                grandPub = Rounding.ToBase(grand, r.Base);
                break;
            case DisclosurePolicy.Suppress s:
                grandPub = Suppress(tables, cols, rowTotals, s.K, published, colTotals, rowPub, grand);
                break;
            default:
                for (var t = 0; t < n; t++)
                {
                    published[t] = tables[t].Select(v => (long?)v).ToArray();
                    colTotals[t] = exactCols[t].Select(v => (long?)v).ToArray();
                }
                for (var i = 0; i < rows; i++) rowPub[i] = rowTotals[i];
                grandPub = grand;
                break;
        }
        return new PublishedTables(rows, [.. tables], cols, published, colTotals, rowPub, grandPub, exactCols, grand);
    }

    static long? Suppress(IReadOnlyList<long[]> tables, int[] cols, long[] rowTotals, int k, long?[][] published, long?[][] colTotals, long?[] rowPub, long grand)
    {
        var rows = rowTotals.Length;
        var linked = new List<LinkedTable>(tables.Count);
        for (var t = 0; t < tables.Count; t++) linked.Add(new LinkedTable($"table {t}", cols[t], tables[t]));
        // Linked, not table by table: the tables share their row totals, and protecting each alone lets a
        // total withheld in one be read back from another (see LinkedTables).
        var p = LinkedTables.Protect(linked, rowTotals, rows, k);
        for (var t = 0; t < tables.Count; t++)
        {
            var cells = tables[t];
            var pub = published[t] = new long?[cells.Length];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols[t]; c++)
                    pub[r * cols[t] + c] = p.IsSuppressed(t, r, c) ? null : cells[r * cols[t] + c];
            var ct = colTotals[t] = new long?[cols[t]];
            for (var c = 0; c < cols[t]; c++)
            {
                long sum = 0;
                for (var r = 0; r < rows; r++) sum += cells[r * cols[t] + c];
                ct[c] = p.ColumnTotalSuppressed(t, c) ? null : sum;
            }
        }
        for (var r = 0; r < rows; r++) rowPub[r] = p.RowTotalSuppressed(r) ? null : rowTotals[r];
        return p.GrandTotalSuppressed ? null : grand;
    }
}

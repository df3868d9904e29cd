using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.Disclosure;

/// <summary>
/// A suppression pattern over linked tables, as plain flags, so that the linear-algebra check does not depend
/// on the code under test: per table, the inner cells and column totals withheld; the shared row totals and
/// grand total withheld.
/// </summary>
public sealed record LinkedPattern(int Rows, int[] Cols, bool[][] Inner, bool[][] ColumnTotals, bool[] RowTotals, bool Grand)
{
    public static LinkedPattern Of(LinkedProtection p)
    {
        var cols = p.Tables.Select(t => t.Cols).ToArray();
        var inner = new bool[cols.Length][];
        var colTotals = new bool[cols.Length][];
        for (var t = 0; t < cols.Length; t++)
        {
            inner[t] = new bool[p.Rows * cols[t]];
            colTotals[t] = new bool[cols[t]];
            for (var c = 0; c < cols[t]; c++)
            {
                colTotals[t][c] = p.ColumnTotalSuppressed(t, c);
                for (var r = 0; r < p.Rows; r++) inner[t][r * cols[t] + c] = p.IsSuppressed(t, r, c);
            }
        }
        return new LinkedPattern(p.Rows, cols, inner, colTotals,
            Enumerable.Range(0, p.Rows).Select(p.RowTotalSuppressed).ToArray(), p.GrandTotalSuppressed);
    }

    /// <summary>Today's practice: each table protected alone, a row total withheld everywhere if any table withheld it.</summary>
    public static LinkedPattern PerTable(IReadOnlyList<LinkedTable> tables, int rows, int k)
    {
        var views = tables.Select(t => CellSuppression.Protect(t.Cells, rows, t.Cols, k)).ToArray();
        var cols = tables.Select(t => t.Cols).ToArray();
        var inner = new bool[cols.Length][];
        var colTotals = new bool[cols.Length][];
        var rowTotals = new bool[rows];
        var grand = false;
        for (var t = 0; t < views.Length; t++)
        {
            inner[t] = new bool[rows * cols[t]];
            colTotals[t] = new bool[cols[t]];
            for (var r = 0; r <= rows; r++)
                for (var c = 0; c <= cols[t]; c++)
                {
                    if (!views[t].IsSuppressed(r, c)) continue;
                    if (r < rows && c < cols[t]) inner[t][r * cols[t] + c] = true;
                    else if (r < rows) rowTotals[r] = true;
                    else if (c < cols[t]) colTotals[t][c] = true;
                    else grand = true;
                }
        }
        return new LinkedPattern(rows, cols, inner, colTotals, rowTotals, grand);
    }

    public int Figures => Cols.Sum(c => Rows * c + c) + Rows + 1;

    public int Withheld =>
        Inner.Sum(a => a.Count(x => x)) + ColumnTotals.Sum(a => a.Count(x => x)) + RowTotals.Count(x => x) + (Grand ? 1 : 0);
}

/// <summary>
/// Which withheld figures of a linked set follow exactly from everything published. Unknowns: the withheld
/// figures, a withheld row total or grand total being one unknown shared by every table. Equations (only
/// their unknown parts matter; published figures are constants): per table, each row (cells − row total),
/// each column (cells − column total) and the totals row (column totals − grand total); once, the shared
/// column (row totals − grand total). Unknown j is determined iff e_j lies in the row space (over the
/// rationals), i.e. iff after Gauss–Jordan elimination j is a pivot whose row has no other non-zero entry.
/// Linked systems are not totally unimodular (combining tables can give halves), so unlike a single table's
/// check this one is exact rational arithmetic, done on integers.
/// </summary>
public static class LinkedSystem
{
    public static List<string> Determinable(LinkedPattern p)
    {
        var names = new List<string>();
        var index = new Dictionary<(int Table, int R, int C), int>(); // C = −1 row total, R = −1 column total, both −1 grand
        int Add((int, int, int) key, string name) { index[key] = names.Count; names.Add(name); return names.Count - 1; }
        for (var t = 0; t < p.Cols.Length; t++)
            for (var r = 0; r < p.Rows; r++)
                for (var c = 0; c < p.Cols[t]; c++)
                    if (p.Inner[t][r * p.Cols[t] + c]) Add((t, r, c), $"table {t} cell ({r}, {c})");
        for (var t = 0; t < p.Cols.Length; t++)
            for (var c = 0; c < p.Cols[t]; c++)
                if (p.ColumnTotals[t][c]) Add((t, -1, c), $"table {t} column total {c}");
        for (var r = 0; r < p.Rows; r++)
            if (p.RowTotals[r]) Add((-1, r, -1), $"row total {r}");
        if (p.Grand) Add((-1, -1, -1), "grand total");
        var n = names.Count;
        if (n == 0) return [];

        var equations = new List<long[]>();
        void Equation(IEnumerable<((int, int, int) Key, bool Minus)> terms)
        {
            var row = new long[n];
            var any = false;
            foreach (var (key, minus) in terms)
                if (index.TryGetValue(key, out var j)) { row[j] = minus ? -1 : 1; any = true; }
            if (any) equations.Add(row);
        }
        var grandKey = (-1, -1, -1);
        for (var t = 0; t < p.Cols.Length; t++)
        {
            var cols = p.Cols[t];
            var table = t;
            for (var r = 0; r < p.Rows; r++)
            {
                var row = r;
                Equation(Enumerable.Range(0, cols).Select(c => ((table, row, c), false)).Append(((-1, row, -1), true)));
            }
            for (var c = 0; c < cols; c++)
            {
                var col = c;
                Equation(Enumerable.Range(0, p.Rows).Select(r => ((table, r, col), false)).Append(((table, -1, col), true)));
            }
            Equation(Enumerable.Range(0, cols).Select(c => ((table, -1, c), false)).Append((grandKey, true)));
        }
        Equation(Enumerable.Range(0, p.Rows).Select(r => ((-1, r, -1), false)).Append((grandKey, true)));

        var pivotRowOf = Reduce(equations, n);
        var result = new List<string>();
        for (var j = 0; j < n; j++)
        {
            if (pivotRowOf[j] < 0) continue;
            var row = equations[pivotRowOf[j]];
            var alone = true;
            for (var k = 0; k < n && alone; k++) if (k != j && row[k] != 0) alone = false;
            if (alone) result.Add(names[j]);
        }
        return result;
    }

    /// <summary>
    /// Gauss–Jordan elimination over the integers, in place: each pivot column ends with one non-zero entry;
    /// rows are divided by their gcd so entries stay small, and arithmetic is checked, so an overflow throws
    /// rather than giving a wrong answer. Per column, the row holding its pivot or −1.
    /// </summary>
    static int[] Reduce(List<long[]> a, int cols)
    {
        var pivotRowOf = new int[cols];
        Array.Fill(pivotRowOf, -1);
        var rank = 0;
        for (var c = 0; c < cols && rank < a.Count; c++)
        {
            var pivot = a.FindIndex(rank, r => r[c] != 0);
            if (pivot < 0) continue;
            (a[rank], a[pivot]) = (a[pivot], a[rank]);
            var p = a[rank];
            for (var r = 0; r < a.Count; r++)
            {
                var row = a[r];
                if (r == rank || row[c] == 0) continue;
                var (f, g) = (row[c], p[c]);
                for (var k = 0; k < cols; k++) row[k] = checked(row[k] * g - p[k] * f);
                Normalise(row);
            }
            pivotRowOf[c] = rank++;
        }
        return pivotRowOf;
    }

    static void Normalise(long[] row)
    {
        long g = 0;
        foreach (var x in row)
            for (var (a, b) = (g, Math.Abs(x)); ; (a, b) = (b, a % b))
                if (b == 0) { g = a; break; }
        if (g > 1) for (var k = 0; k < row.Length; k++) row[k] /= g;
    }
}

using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.Disclosure;

public class CellSuppressionTests
{
    [Fact]
    public void ASingleSmallCellTakesThreeOthersWithItSoNoTotalGivesItAway()
    {
        // 3 is the only small count: alone it could be recovered from its row or column total.
        long[] cells =
        [
            20, 30, 3,
            40, 25, 50,
            60, 70, 80,
        ];
        var t = CellSuppression.Protect(cells, 3, 3, threshold: 10);
        Assert.Equal(1, t.PrimaryCount);
        Assert.True(t.IsSuppressed(0, 2));
        Assert.Equal(3, t.SecondaryCount); // the cheapest rectangle: (0,0) 20, (1,0) 40, (1,2) 50 — or an equally cheap one
        Assert.False(t.IsSuppressed(0, 3)); // totals stay published
        Assert.Equal(53, t.Published(0, 3));
        Assert.Null(t.Published(0, 2));
        AssertProtected(t, 10);
    }

    [Fact]
    public void NothingIsSuppressedWhenNoCountIsSmall()
    {
        var t = CellSuppression.Protect([0, 10, 25, 11], 2, 2, threshold: 10);
        Assert.Equal(0, t.PrimaryCount + t.SecondaryCount);
        Assert.Equal(0, t.Published(0, 0)); // zero is not a small count
    }

    [Fact]
    public void ASmallTotalIsSuppressedAndProtectedLikeAnyCell()
    {
        // Row 1 totals 4: the total itself is small, and so are its cells.
        var t = CellSuppression.Protect([50, 60, 1, 3], 2, 2, threshold: 5);
        Assert.True(t.IsSuppressed(1, 2));
        AssertProtected(t, 5);
    }

    [Fact]
    public void OneRowTablesAreProtectedThroughTheirTotals()
    {
        var t = CellSuppression.Protect([2, 40, 55], 1, 3, threshold: 10);
        AssertProtected(t, 10);
    }

    [Fact]
    public void TheCheckCatchesATableWithOnlyPrimarySuppression()
    {
        // The oracle must be able to fail: suppress just the small cell and it is recoverable from its row total.
        var values = new long[] { 20, 3, 23, 40, 50, 90, 60, 53, 113 };
        var suppressed = new bool[9];
        suppressed[1] = true;
        var unsafeTable = new ProtectedTable(2, 2, values, suppressed, 1, 0);
        Assert.Equal([(0, 1)], Determinable(unsafeTable));
    }

    /// <summary>
    /// Property: over thousands of random tables of many shapes and sparsities, (1) no published cell is in
    /// 1..K−1 and (2) no suppressed cell can be worked out exactly from the published cells and totals.
    /// (2) is checked by linear algebra, independently of the graph method the code uses.
    /// </summary>
    [Fact]
    public void RandomTablesNeverPublishASmallCountOrLetOneBeRecovered()
    {
        var rng = new Random(20261122);
        var tables = 0;
        for (var i = 0; i < 4000; i++)
        {
            var rows = rng.Next(1, 9);
            var cols = rng.Next(1, 9);
            var k = rng.Next(2, 12);
            var small = rng.NextDouble();
            var cells = new long[rows * cols];
            for (var j = 0; j < cells.Length; j++)
                cells[j] = rng.NextDouble() < small ? rng.Next(0, k) : rng.Next(k, 400);
            var t = CellSuppression.Protect(cells, rows, cols, k);
            AssertProtected(t, k);
            tables++;
        }
        Assert.Equal(4000, tables);
    }

    static void AssertProtected(ProtectedTable t, int k)
    {
        for (var r = 0; r <= t.Rows; r++)
            for (var c = 0; c <= t.Cols; c++)
                if (t.Published(r, c) is { } v)
                    Assert.False(v >= 1 && v < k, $"published small count {v} at ({r}, {c})");
        var determined = Determinable(t);
        Assert.True(determined.Count == 0, $"suppressed cells recoverable from the totals: {string.Join(", ", determined)}");
    }

    const long P = 1_000_000_007;

    /// <summary>
    /// The suppressed cells whose value follows from the published figures: unknowns are the suppressed
    /// cells; each row and each column of the table with margins gives one linear equation (cells − total
    /// = 0). Cell j is determined iff the unit vector e_j lies in the row space, i.e. adding e_j does not
    /// raise the rank. The coefficient matrix is an incidence matrix of a bipartite graph, hence totally
    /// unimodular, so ranks modulo a prime equal ranks over the rationals.
    /// </summary>
    static List<(int, int)> Determinable(ProtectedTable t)
    {
        var unknowns = new List<(int R, int C)>();
        for (var r = 0; r <= t.Rows; r++)
            for (var c = 0; c <= t.Cols; c++)
                if (t.IsSuppressed(r, c)) unknowns.Add((r, c));
        if (unknowns.Count == 0) return [];
        var equations = new List<long[]>();
        for (var r = 0; r <= t.Rows; r++)
            equations.Add(unknowns.Select(u => u.R == r ? (u.C == t.Cols ? P - 1 : 1L) : 0L).ToArray());
        for (var c = 0; c <= t.Cols; c++)
            equations.Add(unknowns.Select(u => u.C == c ? (u.R == t.Rows ? P - 1 : 1L) : 0L).ToArray());
        var rank = Rank(equations);
        var result = new List<(int, int)>();
        for (var j = 0; j < unknowns.Count; j++)
        {
            var unit = new long[unknowns.Count];
            unit[j] = 1;
            if (Rank([.. equations, unit]) == rank) result.Add(unknowns[j]);
        }
        return result;
    }

    static int Rank(List<long[]> m)
    {
        var a = m.Select(r => (long[])r.Clone()).ToList();
        var cols = a[0].Length;
        var rank = 0;
        for (var c = 0; c < cols && rank < a.Count; c++)
        {
            var pivot = a.FindIndex(rank, r => r[c] != 0);
            if (pivot < 0) continue;
            (a[rank], a[pivot]) = (a[pivot], a[rank]);
            var inv = Pow(a[rank][c], P - 2);
            for (var k = 0; k < cols; k++) a[rank][k] = a[rank][k] * inv % P;
            for (var r = 0; r < a.Count; r++)
            {
                if (r == rank || a[r][c] == 0) continue;
                var f = a[r][c];
                for (var k = 0; k < cols; k++) a[r][k] = ((a[r][k] - f * a[rank][k]) % P + P) % P;
            }
            rank++;
        }
        return rank;
    }

    static long Pow(long b, long e)
    {
        long result = 1;
        b %= P;
        for (; e > 0; e >>= 1, b = b * b % P) if ((e & 1) == 1) result = result * b % P;
        return result;
    }
}

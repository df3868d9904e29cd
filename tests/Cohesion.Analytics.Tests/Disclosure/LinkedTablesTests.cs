using System.Diagnostics;
using Cohesion.Analytics.Disclosure;
using Xunit.Abstractions;

namespace Cohesion.Analytics.Tests.Disclosure;

public class LinkedTablesTests(ITestOutputHelper output)
{
    [Fact]
    public void NothingIsWithheldWhenNoFigureIsSmall()
    {
        var sex = new LinkedTable("sex", 2, [10, 20, 0, 30]);
        var age = new LinkedTable("age", 3, [10, 10, 10, 10, 10, 10]);
        var p = LinkedTables.Protect([sex, age], [30, 30], 2, threshold: 10);
        Assert.Equal(0, p.PrimaryCount + p.SecondaryCount);
        Assert.Equal(60, p.Tables[1].Published(2, 3));
        Assert.Equal(30, p.Tables[0].Published(0, 2)); // the shared row total, as table 0's last column
    }

    [Fact]
    public void ASmallAreaTotalIsWithheldWithAPartnerInEveryTableSoTheGrandTotalDoesNotGiveItAway()
    {
        // Area 0 totals 6: withheld alone, it would be the grand total less the other areas.
        var (sex, age, totals) = OneSmallArea();
        var p = LinkedTables.Protect([sex, age], totals, 4, threshold: 10);
        Assert.True(p.RowTotalSuppressed(0));
        Assert.Equal(2, Enumerable.Range(0, 4).Count(p.RowTotalSuppressed)); // one partner, the cheapest
        Assert.True(p.RowTotalSuppressed(3)); // 90 is the smallest other total
        Assert.False(p.GrandTotalSuppressed);
        Assert.Equal(0, p.Tables[1].Published(0, 0)); // zeros in a small row stay published
        AssertSound(p, [sex, age], totals, 10);
    }

    [Fact]
    public void TheRowTotalsColumnIsTheSameInEveryTableView()
    {
        var (sex, age, totals) = OneSmallArea();
        var p = LinkedTables.Protect([sex, age], totals, 4, threshold: 10);
        for (var r = 0; r <= 4; r++)
            Assert.Equal(p.Tables[0].Published(r, 2), p.Tables[1].Published(r, 3));
    }

    static (LinkedTable Sex, LinkedTable Age, long[] Totals) OneSmallArea() =>
    (
        new LinkedTable("sex", 2, [4, 2, 60, 60, 100, 100, 45, 45]),
        new LinkedTable("age", 3, [0, 6, 0, 40, 40, 40, 70, 70, 60, 30, 30, 30]),
        [6, 120, 200, 90]
    );

    [Fact]
    public void SecondariesGoThroughCellsAndColumnTotalsNotAreaTotals()
    {
        // Only inner cells are small; every area total is large, so none should be withheld.
        long[] totals = [50, 60, 70];
        var sex = new LinkedTable("sex", 2, [47, 3, 30, 30, 35, 35]);
        var age = new LinkedTable("age", 3, [20, 20, 10, 2, 28, 30, 30, 30, 10]);
        var p = LinkedTables.Protect([sex, age], totals, 3, threshold: 5);
        Assert.All(Enumerable.Range(0, 3), r => Assert.False(p.RowTotalSuppressed(r)));
        Assert.True(p.IsSuppressed(0, 0, 1));
        Assert.True(p.IsSuppressed(1, 1, 0));
        AssertSound(p, [sex, age], totals, 5);
    }

    [Fact]
    public void ATableOfOneCategoryWithholdsItsCellsWithTheirAreaTotals()
    {
        // In a one-category table each cell is its area's total: they stand or fall together.
        long[] totals = [3, 40, 50];
        var only = new LinkedTable("all", 1, [3, 40, 50]);
        var sex = new LinkedTable("sex", 2, [1, 2, 20, 20, 25, 25]);
        var p = LinkedTables.Protect([only, sex], totals, 3, threshold: 5);
        for (var r = 0; r < 3; r++) Assert.Equal(p.RowTotalSuppressed(r), p.IsSuppressed(0, r, 0));
        AssertSound(p, [only, sex], totals, 5);
    }

    [Fact]
    public void ProtectingEachTableAloneLetsAWithheldTotalBeRecoveredThatLinkedProtectionKeeps()
    {
        // Area 3 totals 6. Alone, table "a" protects it with area 1's total (255) as a secondary, table "b"
        // with area 0's; withheld everywhere, area 1's total is still table b's published cell for area 1.
        long[] totals = [255, 255, 371, 6];
        LinkedTable[] tables =
        [
            new("a", 3, [3, 235, 17, 5, 7, 243, 354, 7, 10, 0, 0, 6]),
            new("b", 1, [255, 255, 371, 6]),
        ];
        Assert.Equal(["row total 1"], LinkedSystem.Determinable(LinkedPattern.PerTable(tables, 4, 11)));
        var p = LinkedTables.Protect(tables, totals, 4, 11);
        Assert.True(p.RowTotalSuppressed(3));
        AssertSound(p, tables, totals, 11);
    }

    [Fact]
    public void RejectsTablesWhoseRowsDoNotAddToTheSharedTotals()
    {
        var ex = Assert.Throws<ArgumentException>(() => LinkedTables.Protect([new LinkedTable("sex", 2, [1, 2, 3, 4])], [3, 8], 2, 5));
        Assert.Contains("row 1 sums to 7", ex.Message);
    }

    /// <summary>
    /// Property: over thousands of random linked sets (1–4 tables, 1–10 rows, 1–8 columns, K 2..11, varying
    /// sparsity and small areas), (a) no published figure is in 1..K−1 and (b) no withheld figure follows
    /// from all published figures of all tables, by linear algebra on the combined system. Reports the share
    /// of figures withheld against per-table protection, which is unsound in some of the same sets.
    /// </summary>
    [Fact]
    public void RandomLinkedTablesNeverPublishASmallCountOrLetAWithheldFigureBeRecovered()
    {
        var rng = new Random(20261123);
        const int sets = 3000;
        double linkedShare = 0, perTableShare = 0;
        int perTableUnsafe = 0, withSmallArea = 0;
        long linkedSecondary = 0, perTableSecondary = 0;
        for (var i = 0; i < sets; i++)
        {
            var (tables, totals, rows, k) = RandomSet(rng);
            var p = LinkedTables.Protect(tables, totals, rows, k);
            AssertSound(p, tables, totals, k);
            var linked = LinkedPattern.Of(p);
            var perTable = LinkedPattern.PerTable(tables, rows, k);
            linkedShare += (double)linked.Withheld / linked.Figures;
            perTableShare += (double)perTable.Withheld / perTable.Figures;
            linkedSecondary += p.SecondaryCount;
            perTableSecondary += perTable.Withheld - p.PrimaryCount; // both withhold exactly the small figures first
            if (LinkedSystem.Determinable(perTable).Count > 0) perTableUnsafe++;
            if (totals.Any(t => t >= 1 && t < k)) withSmallArea++;
        }
        // Seed 20261123: 37.47 % of figures withheld linked against 37.64 % per table; per-table protection
        // leaks in about 1 set in 1,500 of this generator (33 of 50,000 in a longer run), linked in none.
        output.WriteLine($"{sets} sets ({withSmallArea} with a small area): withheld share {linkedShare / sets:P2} linked, " +
            $"{perTableShare / sets:P2} per table; secondaries a set {(double)linkedSecondary / sets:F2} linked, " +
            $"{(double)perTableSecondary / sets:F2} per table; per-table protection let a figure be recovered in {perTableUnsafe} sets");
    }

    /// <summary>1,000 areas × 60 categories × 5 tables, like a district's population by five characteristics.</summary>
    [Fact]
    public void ProtectsADistrictSizedSetWithoutPublishingASmallCountOrALoneWithheldFigure()
    {
        var rng = new Random(7);
        const int rows = 1000, cols = 60, k = 10;
        var totals = new long[rows];
        for (var r = 0; r < rows; r++) totals[r] = r % 97 == 0 ? rng.Next(1, k) : rng.Next(800, 3000);
        var tables = Enumerable.Range(0, 5).Select(t => new LinkedTable($"t{t}", cols, Split(rng, totals, cols, skew: 0.5 + 0.3 * t))).ToArray();
        var clock = Stopwatch.StartNew();
        var p = LinkedTables.Protect(tables, totals, rows, k);
        clock.Stop();
        AssertNoSmallPublished(p, k);
        AssertNoLoneUnknown(p);
        var pattern = LinkedPattern.Of(p);
        var perTable = LinkedPattern.PerTable(tables, rows, k);
        output.WriteLine($"{rows}×{cols}×5: {clock.ElapsedMilliseconds} ms (first call: JIT included), {p.PrimaryCount} primary, {p.SecondaryCount} secondary, " +
            $"{(double)pattern.Withheld / pattern.Figures:P2} of figures withheld, {Enumerable.Range(0, rows).Count(p.RowTotalSuppressed)} area totals withheld; " +
            $"per table {perTable.Withheld - p.PrimaryCount} secondary, {perTable.RowTotals.Count(x => x)} area totals withheld");
    }

    static void AssertSound(LinkedProtection p, IReadOnlyList<LinkedTable> tables, long[] totals, int k)
    {
        Assert.Equal(tables.Count, p.Tables.Count);
        for (var t = 0; t < tables.Count; t++)
            for (var r = 0; r < p.Rows; r++)
                for (var c = 0; c < tables[t].Cols; c++)
                    Assert.Equal(tables[t].Cells[r * tables[t].Cols + c], p.Tables[t].Exact(r, c));
        for (var r = 0; r < p.Rows; r++) Assert.Equal(totals[r], p.Tables[0].Exact(r, tables[0].Cols));
        AssertNoSmallPublished(p, k);
        var determined = LinkedSystem.Determinable(LinkedPattern.Of(p));
        Assert.True(determined.Count == 0, $"withheld figures recoverable: {string.Join(", ", determined)}");
    }

    static void AssertNoSmallPublished(LinkedProtection p, int k)
    {
        foreach (var t in p.Tables)
            for (var r = 0; r <= t.Rows; r++)
                for (var c = 0; c <= t.Cols; c++)
                {
                    if (t.Published(r, c) is { } v) Assert.False(v >= 1 && v < k, $"published small count {v} at ({r}, {c})");
                    if (c == t.Cols) Assert.Equal(r < t.Rows ? p.RowTotalSuppressed(r) : p.GrandTotalSuppressed, t.IsSuppressed(r, c));
                }
    }

    /// <summary>A necessary condition, cheap at any size: no equation of the combined system has exactly one withheld figure.</summary>
    static void AssertNoLoneUnknown(LinkedProtection p)
    {
        foreach (var t in p.Tables)
        {
            for (var r = 0; r <= t.Rows; r++)
                Assert.NotEqual(1, Enumerable.Range(0, t.Cols + 1).Count(c => t.IsSuppressed(r, c)));
            for (var c = 0; c < t.Cols; c++)
                Assert.NotEqual(1, Enumerable.Range(0, t.Rows + 1).Count(r => t.IsSuppressed(r, c)));
        }
        Assert.NotEqual(1, Enumerable.Range(0, p.Rows).Count(p.RowTotalSuppressed) + (p.GrandTotalSuppressed ? 1 : 0));
    }

    static (LinkedTable[] Tables, long[] Totals, int Rows, int K) RandomSet(Random rng)
    {
        var rows = rng.Next(1, 11);
        var k = rng.Next(2, 12);
        var smallArea = rng.NextDouble() * 0.4;
        var small = rng.NextDouble();
        var totals = new long[rows];
        for (var r = 0; r < rows; r++) totals[r] = rng.NextDouble() < smallArea ? rng.Next(0, k) : rng.Next(k, 400);
        var tables = new LinkedTable[rng.Next(1, 5)];
        for (var t = 0; t < tables.Length; t++)
        {
            var cols = rng.Next(1, 9);
            tables[t] = new LinkedTable($"t{t}", cols, RandomRows(rng, totals, cols, k, small));
        }
        return (tables, totals, rows, k);
    }

    /// <summary>Each row total split into <paramref name="cols"/> cells, a share of them small.</summary>
    static long[] RandomRows(Random rng, long[] totals, int cols, int k, double small)
    {
        var cells = new long[totals.Length * cols];
        for (var r = 0; r < totals.Length; r++)
        {
            var left = totals[r];
            for (var c = 0; c < cols - 1; c++)
            {
                var v = Math.Min(left, rng.NextDouble() < small ? rng.Next(0, k) : rng.NextInt64(0, left + 1));
                cells[r * cols + c] = v;
                left -= v;
            }
            cells[r * cols + cols - 1] = left;
            rng.Shuffle(cells.AsSpan(r * cols, cols));
        }
        return cells;
    }

    /// <summary>Each row total shared out over categories with Zipf-like weights, so many cells are small.</summary>
    static long[] Split(Random rng, long[] totals, int cols, double skew)
    {
        var weights = Enumerable.Range(1, cols).Select(i => Math.Pow(i, -skew)).ToArray();
        var sum = weights.Sum();
        var cells = new long[totals.Length * cols];
        for (var r = 0; r < totals.Length; r++)
        {
            var left = totals[r];
            for (var c = 1; c < cols && left > 0; c++)
            {
                var v = Math.Min(left, (long)(totals[r] * weights[c] / sum * (0.5 + rng.NextDouble())));
                cells[r * cols + c] = v;
                left -= v;
            }
            cells[r * cols] = left;
        }
        return cells;
    }
}

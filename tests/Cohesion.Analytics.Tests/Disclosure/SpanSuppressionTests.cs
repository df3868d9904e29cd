using Cohesion.Analytics.Disclosure;

namespace Cohesion.Analytics.Tests.Disclosure;

public class SpanSuppressionTests
{
    static SumFigure Cell(long v, params int[] atoms) => new(atoms, v, true);
    static SumFigure Total(long v, params int[] atoms) => new(atoms, v, false);

    [Fact]
    public void ALoneSmallCellInAColumnWithAPublishedTotalGetsTheCheapestPartner()
    {
        // Three wards and their district: 3 alone would be 25 − 10 − 12.
        SumFigure[] f = [Cell(3, 0), Cell(12, 1), Cell(10, 2), Total(25, 0, 1, 2)];
        var w = SpanSuppression.Protect(f, 5);
        Assert.Equal([true, false, true, false], w);
        AssertSound(f, w, 5);
    }

    [Fact]
    public void NothingIsWithheldWhenNoSensitiveFigureIsSmall()
    {
        SumFigure[] f = [Cell(0, 0), Cell(12, 1), Cell(5, 2), Total(3, 3), Total(20, 0, 1, 2, 3)];
        Assert.All(SpanSuppression.Protect(f, 5), Assert.False);
    }

    [Fact]
    public void AZeroIsTheCheapestPartner()
    {
        SumFigure[] f = [Cell(2, 0), Cell(0, 1), Cell(40, 2), Total(42, 0, 1, 2)];
        Assert.Equal([true, true, false, false], SpanSuppression.Protect(f, 5));
    }

    [Fact]
    public void ADistrictWithOneWardHasToWithholdItsTotalAsTheLastResort()
    {
        SumFigure[] f = [Cell(3, 0), Total(3, 0)];
        Assert.Equal([true, true], SpanSuppression.Protect(f, 5));
    }

    [Fact]
    public void TwoSmallCellsOfOneColumnProtectEachOther()
    {
        SumFigure[] f = [Cell(1, 0), Cell(2, 1), Cell(30, 2), Total(33, 0, 1, 2)];
        Assert.Equal([true, true, false, false], SpanSuppression.Protect(f, 5));
    }

    [Fact]
    public void ARowAndAColumnThatShareTheWithheldCellAreBothClosed()
    {
        // Wards × 2 types: atoms ward*2 + type. Ward totals, type cells, district type totals and the grand total.
        long[,] cells = { { 3, 20 }, { 15, 12 }, { 9, 30 } };
        var f = new List<SumFigure>();
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 2; c++) f.Add(Cell(cells[r, c], r * 2 + c));
            f.Add(Cell(cells[r, 0] + cells[r, 1], r * 2, r * 2 + 1));
        }
        for (var c = 0; c < 2; c++) f.Add(Total(cells[0, c] + cells[1, c] + cells[2, c], c, 2 + c, 4 + c));
        f.Add(Total(89, 0, 1, 2, 3, 4, 5));
        var w = SpanSuppression.Protect(f, 5);
        Assert.True(w[0]);
        Assert.InRange(w.Count(x => x), 4, 6); // a closed cycle of a 2-way table: four cells, or cells and ward totals
        Assert.False(w[^1]);
        Assert.False(w[^2] || w[^3]); // district totals stay published: ward figures can protect
        AssertSound(f, w, 5);
    }

    [Fact]
    public void OverlappingCategoriesThatAreNotAPartitionAreProtected()
    {
        // Strand counts overlap (a report with two strands counts in both), so their ward figures have atoms of their
        // own; a district strand total over the wards, and a district total over two strands' union, are published.
        SumFigure[] f =
        [
            Cell(2, 0), Cell(7, 1), Cell(9, 2),           // strand A in wards 0..2
            Total(18, 0, 1, 2),                           // strand A in the district
            Cell(6, 3), Cell(1, 4), Cell(8, 5),           // strand B in wards 0..2
            Total(15, 3, 4, 5),
        ];
        var w = SpanSuppression.Protect(f, 5);
        Assert.True(w[0] && w[5]);
        AssertSound(f, w, 5);
        Assert.Equal(4, w.Count(x => x));
    }

    [Fact]
    public void BadFiguresAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => SpanSuppression.Protect([Cell(-1, 0)], 5));
        Assert.Contains("figure 0 is negative", e.Message);
        e = Assert.Throws<ArgumentException>(() => SpanSuppression.Protect([Cell(1, -3)], 5));
        Assert.Contains("negative atom index -3", e.Message);
    }

    [Fact]
    public void RandomLinkedSeriesAreSoundAgainstAnIndependentRankTest()
    {
        var rng = new Random(20261202);
        for (var trial = 0; trial < 300; trial++)
        {
            var (f, k) = RandomSet(rng);
            var w = SpanSuppression.Protect(f, k);
            AssertSound(f, w, k);
        }
    }

    /// <summary>
    /// Wards × types × (all, strand) base counts, as the tension series have them: ward figures of some types and
    /// strands (sensitive), district figures over the wards (not), some of them sums of two types.
    /// </summary>
    static (List<SumFigure> Figures, int K) RandomSet(Random rng)
    {
        int wards = rng.Next(1, 7), types = rng.Next(1, 4), strands = rng.Next(0, 3), k = rng.Next(2, 7);
        var layers = 1 + strands;
        int Atom(int w, int t, int s) => (w * types + t) * layers + s;
        var value = new long[wards * types * layers];
        for (var w = 0; w < wards; w++)
            for (var t = 0; t < types; t++)
            {
                value[Atom(w, t, 0)] = rng.NextDouble() < 0.5 ? rng.Next(0, k) : rng.Next(0, 40);
                for (var s = 1; s < layers; s++) value[Atom(w, t, s)] = rng.Next(0, (int)value[Atom(w, t, 0)] + 1);
            }
        var f = new List<SumFigure>();
        void Add(IEnumerable<int> atoms, bool sensitive)
        {
            var a = atoms.ToArray();
            if (a.Length > 0) f.Add(new SumFigure(a, a.Sum(x => value[x]), sensitive));
        }
        for (var s = 0; s < layers; s++)
        {
            var layer = s;
            // Each kind of series is published for a random choice of what it covers.
            if (rng.NextDouble() < 0.8) for (var w = 0; w < wards; w++) { var ww = w; Add(Enumerable.Range(0, types).Select(t => Atom(ww, t, layer)), true); }
            if (rng.NextDouble() < 0.5) for (var w = 0; w < wards; w++) for (var t = 0; t < types; t++) Add([Atom(w, t, layer)], true);
            if (types > 1 && rng.NextDouble() < 0.5) for (var w = 0; w < wards; w++) Add([Atom(w, 0, layer), Atom(w, 1, layer)], true);
            if (rng.NextDouble() < 0.8) Add(Enumerable.Range(0, wards).SelectMany(w => Enumerable.Range(0, types).Select(t => Atom(w, t, layer))), false);
            if (rng.NextDouble() < 0.6) for (var t = 0; t < types; t++) { var tt = t; Add(Enumerable.Range(0, wards).Select(w => Atom(w, tt, layer)), false); }
        }
        return (f, k);
    }

    /// <summary>No sensitive figure of 1..K−1 is published; no withheld figure is in the span of the published ones
    /// (by an independent test: floating-point rank over the raw atoms, without merging or grouping).</summary>
    static void AssertSound(IReadOnlyList<SumFigure> f, bool[] withheld, int k)
    {
        for (var i = 0; i < f.Count; i++)
            if (f[i].Sensitive && f[i].Value >= 1 && f[i].Value < k) Assert.True(withheld[i], $"figure {i} ({f[i].Value}) is small and published");
        var width = f.SelectMany(x => x.Atoms).DefaultIfEmpty(-1).Max() + 1;
        double[] Vec(SumFigure x) { var v = new double[width]; foreach (var a in x.Atoms) v[a] = 1; return v; }
        var published = Enumerable.Range(0, f.Count).Where(i => !withheld[i]).Select(i => Vec(f[i])).ToList();
        var rank = Rank(published, width);
        for (var i = 0; i < f.Count; i++)
            if (withheld[i] && f[i].Atoms.Length > 0)
                Assert.True(Rank([.. published, Vec(f[i])], width) > rank, $"withheld figure {i} ({f[i].Value}) can be worked out from the published ones");
    }

    static int Rank(List<double[]> rows, int width)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        for (var c = 0; c < width && rank < m.Count; c++)
        {
            var best = rank;
            for (var r = rank + 1; r < m.Count; r++) if (Math.Abs(m[r][c]) > Math.Abs(m[best][c])) best = r;
            if (Math.Abs(m[best][c]) < 1e-9) continue;
            (m[rank], m[best]) = (m[best], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r == rank || m[r][c] == 0) continue;
                var factor = m[r][c] / m[rank][c];
                for (var j = c; j < width; j++) m[r][j] -= factor * m[rank][j];
            }
            rank++;
        }
        return rank;
    }
}

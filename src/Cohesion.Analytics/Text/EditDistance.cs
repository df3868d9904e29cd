namespace Cohesion.Analytics.Text;

/// <summary>How many single-character slips separate two words.</summary>
public static class EditDistance
{
    /// <summary>
    /// The Damerau–Levenshtein distance in its "optimal string alignment" form: the fewest insertions, deletions,
    /// substitutions and swaps of two adjacent characters turning <paramref name="a"/> into <paramref name="b"/>, no
    /// substring edited twice. d(i,j) = min(d(i−1,j)+1, d(i,j−1)+1, d(i−1,j−1)+[aᵢ≠bⱼ], d(i−2,j−2)+1 when aᵢ=bⱼ₋₁ and
    /// aᵢ₋₁=bⱼ). Sources: Damerau (1964) "A technique for computer detection and correction of spelling errors",
    /// CACM 7(3); Levenshtein (1966); the OSA variant as in Boytsov (2011) "Indexing methods for approximate dictionary
    /// searching", ACM JEA 16. Damerau found over 80% of misspellings are one such slip.
    /// </summary>
    /// <param name="a">One word.</param>
    /// <param name="b">The other.</param>
    /// <param name="max">Stop once the distance must exceed this: returns <c>max + 1</c> then (typo correction only
    /// cares about small distances, and stopping early keeps a scan of a whole vocabulary fast).</param>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length);
        var width = b.Length + 1;
        // Three rows: the one before the previous is needed for swaps.
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
                if (d < rowMin) rowMin = d;
            }
            if (rowMin > max) return max + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}

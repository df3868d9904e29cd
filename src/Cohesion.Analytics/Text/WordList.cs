namespace Cohesion.Analytics.Text;

/// <summary>
/// The vocabulary of a search index (each word with the number of documents holding it), for finding what someone
/// meant: corrections of misspelt words and completions of a word still being typed.
/// </summary>
public sealed class WordList
{
    readonly string[] _words;
    readonly int[] _documents;
    readonly int[][] _byLength;

    /// <param name="words">Words with their document counts, in any order; duplicates are summed.</param>
    public WordList(IEnumerable<(string Word, int Documents)> words)
    {
        var merged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, n) in words)
        {
            if (w.Length == 0) continue;
            merged[w] = merged.GetValueOrDefault(w) + n;
        }
        _words = [.. merged.Keys];
        _documents = [.. merged.Values];
        var maxLength = _words.Length == 0 ? 0 : _words.Max(w => w.Length);
        _byLength = Enumerable.Range(0, maxLength + 1)
            .Select(len => Enumerable.Range(0, _words.Length).Where(i => _words[i].Length == len).ToArray()).ToArray();
    }

    /// <summary>How many distinct words.</summary>
    public int Count => _words.Length;

    /// <summary>Whether the word occurs in the index exactly as given.</summary>
    public bool Contains(string word) => Array.BinarySearch(_words, word, StringComparer.Ordinal) >= 0;

    /// <summary>The number of documents holding the word (0 when it is not in the index).</summary>
    public int Documents(string word) => Array.BinarySearch(_words, word, StringComparer.Ordinal) is var i and >= 0 ? _documents[i] : 0;

    /// <summary>
    /// The furthest a correction may be from what was typed: none for words of one or two letters (too many words are
    /// that close), one slip up to five letters, two beyond. Shorter words tolerate fewer slips because more real words
    /// lie within two edits of them.
    /// </summary>
    public static int Tolerance(int length) => length <= 2 ? 0 : length <= 5 ? 1 : 2;

    /// <summary>
    /// The indexed words closest to <paramref name="word"/> by <see cref="EditDistance.Bounded"/> within
    /// <see cref="Tolerance"/>: all those at the smallest distance found, the commonest first, at most
    /// <paramref name="limit"/>. Empty when the word is indexed as typed or nothing is close.
    /// </summary>
    public IReadOnlyList<string> Corrections(string word, int limit = 3)
    {
        var tolerance = Tolerance(word.Length);
        if (tolerance == 0 || Contains(word)) return [];
        var best = tolerance + 1;
        var found = new List<int>();
        for (var len = Math.Max(1, word.Length - tolerance); len <= word.Length + tolerance && len < _byLength.Length; len++)
        {
            foreach (var i in _byLength[len])
            {
                var d = EditDistance.Bounded(word, _words[i], Math.Min(best, tolerance));
                if (d > tolerance || d > best) continue;
                if (d < best) { best = d; found.Clear(); }
                found.Add(i);
            }
        }
        return found.OrderByDescending(i => _documents[i]).ThenBy(i => _words[i], StringComparer.Ordinal).Take(limit).Select(i => _words[i]).ToList();
    }

    /// <summary>
    /// Indexed words that begin with <paramref name="prefix"/> and are longer than it, the commonest first, at most
    /// <paramref name="limit"/>: what the last word of a query may be the start of.
    /// </summary>
    public IReadOnlyList<string> Completions(string prefix, int limit = 12)
    {
        if (prefix.Length == 0) return [];
        var i = Array.BinarySearch(_words, prefix, StringComparer.Ordinal);
        if (i < 0) i = ~i;
        var found = new List<int>();
        for (; i < _words.Length && _words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            if (_words[i].Length > prefix.Length) found.Add(i);
        return found.OrderByDescending(j => _documents[j]).ThenBy(j => _words[j], StringComparer.Ordinal).Take(limit).Select(j => _words[j]).ToList();
    }
}

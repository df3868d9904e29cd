using System.Globalization;
using System.Text;

namespace Cohesion.Analytics.Text;

/// <summary>
/// Splits what someone typed into search words the way the directory's index splits its text: lower case, accents
/// removed (café → cafe), letters and digits only. Matches SQLite FTS5's <c>unicode61 remove_diacritics 2</c> tokenizer
/// and the PostgreSQL index's folding closely enough that a word found here is the word the index holds.
/// </summary>
public static class SearchWords
{
    /// <summary>At most this many words are searched for; the rest of a pasted paragraph is ignored.</summary>
    public const int MaxWords = 12;
    /// <summary>Longer "words" are cut: nothing in a directory is spelt with more letters.</summary>
    public const int MaxWordLength = 40;

    /// <summary>
    /// Common English words that say nothing about what is wanted ("classes for women in Oldham"): dropped from queries
    /// so that every remaining word must match. PostgreSQL's english configuration drops these and more; dropping them
    /// here makes both databases answer the same query the same way.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "i", "in", "is", "it", "my", "near", "of", "on", "or",
        "our", "the", "to", "with", "we", "you", "your",
    };

    /// <summary>The words of <paramref name="text"/>, normalised, in order, stop words kept.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var folded = Fold(text);
        var sb = new StringBuilder();
        foreach (var c in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (sb.Length < MaxWordLength) sb.Append(c);
                continue;
            }
            // An apostrophe inside a word (women's) ends it, as the index tokenizers do.
            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
                if (words.Count == MaxWords) break;
            }
        }
        return words;
    }

    /// <summary>Lower case (invariant) with combining marks removed after canonical decomposition.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            sb.Append(c switch { 'ł' => 'l', 'ø' => 'o', 'ı' => 'i', 'ß' => 's', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether a word is one the index's vocabulary could hold: letters and digits only, not empty.</summary>
    public static bool IsWord(string s) => s.Length > 0 && s.All(char.IsLetterOrDigit);
}

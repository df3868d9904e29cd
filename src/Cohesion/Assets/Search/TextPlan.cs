using Cohesion.Analytics.Text;

namespace Cohesion.Assets.Search;

/// <summary>One word of a search as it will be matched: the word itself, or the words it was corrected or completed to (any of them).</summary>
public sealed record WordGroup(string Typed, IReadOnlyList<string> Alternatives, bool Corrected);

/// <summary>
/// What to search for, worked out from what was typed: stop words dropped, each remaining word kept when the index
/// holds it, the last word also matching the longer words it begins, and a word the index does not hold corrected
/// to the closest words it does (unless the search is exact). Every group must match (AND); within a group any word
/// may (OR).
/// </summary>
public sealed record TextPlan(IReadOnlyList<WordGroup> Groups)
{
    public bool IsEmpty => Groups.Count == 0;
    public bool Corrected => Groups.Any(g => g.Corrected);

    /// <summary>The search as it was run, for "Showing results for …": corrected words with their alternatives joined by "or".</summary>
    public string AsSearched => string.Join(' ', Groups.Select(g => g.Corrected ? string.Join(" or ", g.Alternatives) : g.Typed));

    /// <param name="inIndex">Whether the search index matches the word (stemmed as the index stems): the final say on
    /// words the cached vocabulary lacks (added since it was read, or a form like "classes" of an indexed "class").</param>
    public static async Task<TextPlan> MakeAsync(string? text, bool exact, WordList vocabulary, Func<string, Task<bool>> inIndex)
    {
        var words = SearchWords.Split(text);
        var kept = words.Where(w => !SearchWords.StopWords.Contains(w)).ToList();
        var groups = new List<WordGroup>();
        for (var i = 0; i < kept.Count; i++)
        {
            var w = kept[i];
            var last = i == kept.Count - 1;
            if (vocabulary.Contains(w))
            {
                groups.Add(new WordGroup(w, last && w.Length >= 2 ? [w, .. vocabulary.Completions(w)] : [w], false));
                continue;
            }
            if (last && w.Length >= 2 && vocabulary.Completions(w) is { Count: > 0 } completions)
            {
                groups.Add(new WordGroup(w, [w, .. completions], false));
                continue;
            }
            if (exact || await inIndex(w))
            {
                groups.Add(new WordGroup(w, [w], false));
                continue;
            }
            var corrections = vocabulary.Corrections(w);
            groups.Add(corrections.Count > 0 ? new WordGroup(w, corrections, true) : new WordGroup(w, [w], false));
        }
        return new TextPlan(groups);
    }

    /// <summary>The FTS5 MATCH expression: each word a quoted string (so no word is read as an operator).</summary>
    public string Fts5() => string.Join(" AND ", Groups.Select(g => "(" + string.Join(" OR ", g.Alternatives.Select(Quote)) + ")"));

    /// <summary>The tsquery text for to_tsquery('english', …): each word quoted as a lexeme, stemmed by PostgreSQL.</summary>
    public string TsQuery() => string.Join(" & ", Groups.Select(g => "(" + string.Join(" | ", g.Alternatives.Select(a => "'" + a.Replace("'", "''") + "'")) + ")"));

    static string Quote(string w) => "\"" + w.Replace("\"", "\"\"") + "\"";
}

using System.Collections.Concurrent;
using Cohesion.Analytics.Text;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>
/// The words of the published directory as people wrote them (unstemmed), for typo correction and completing the
/// last word: read from SQLite's fts5vocab over <c>as_search_words</c> or PostgreSQL's ts_stat over
/// <c>as_search_docs.words</c> (migration 0007), and kept in memory for <see cref="MaxAge"/>.
/// </summary>
/// <remarks>
/// Reading the vocabulary means walking the whole index (docs/benchmarks.md has the cost at 50,000 services), too
/// slow for every search, so it is cached. A word added since is still found: a word the cached list lacks is looked
/// up in the index itself before anyone "corrects" it (<see cref="TextPlan"/>). Only suggestions can be a little out
/// of date.
/// </remarks>
public sealed class SearchVocabulary
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    sealed record Entry(WordList Words, DateTime LoadedAt);

    // By connection string: one app serves one database, but the benchmark and tests hold several.
    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<WordList> GetAsync(CohesionDb db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (_entries.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.LoadedAt < MaxAge) return hit.Words;
        await _gate.WaitAsync(ct);
        try
        {
            if (_entries.TryGetValue(key, out hit) && DateTime.UtcNow - hit.LoadedAt < MaxAge) return hit.Words;
            var words = new WordList(await LoadAsync(db, ct));
            _entries[key] = new Entry(words, DateTime.UtcNow);
            return words;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Drops the cached words, so the next search reads them afresh (tests, after a bulk import).</summary>
    public void Forget() => _entries.Clear();

    static async Task<List<(string, int)>> LoadAsync(CohesionDb db, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT word, ndoc FROM ts_stat('SELECT words FROM as_search_docs')"
            : "SELECT term, doc FROM as_search_vocab";
        var rows = await db.QueryAsync(sql, r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), ct);
        // PostgreSQL's parser also yields hyphenated compounds and the like: only plain words can be typed as one.
        return rows.Where(r => SearchWords.IsWord(r.Item1)).ToList();
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts.ApiKeys;

/// <summary>
/// The API keys requests carry, remembered for <see cref="Fresh"/> after they are read, so that a partner's system
/// sending a report a second does not cost a key lookup each time (a tenth of a submission's work). Only keys that
/// exist are remembered (random prefixes cannot fill memory), the secret is still compared on every request, and a key
/// revoked on this server is forgotten at once; another server of the same database refuses it within
/// <see cref="Fresh"/>.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(15);
    /// <summary>How often a key's "last used" time is written (the list of keys shows it to the minute).</summary>
    public static readonly TimeSpan NoteUseEvery = TimeSpan.FromMinutes(1);

    sealed class Entry(ApiKey key, DateTime readAt)
    {
        public ApiKey Key { get; } = key;
        public DateTime ReadAt { get; } = readAt;
        public DateTime? LastUsedAt = key.LastUsedAt;
    }

    readonly ConcurrentDictionary<string, Entry> _keys = new(StringComparer.Ordinal);

    /// <summary>The live (not revoked) key the request carries, or null. The key returned is a shared snapshot: read it, never change it.</summary>
    public async Task<ApiKey?> AuthenticateAsync(CohesionDb db, HttpRequest request, CancellationToken ct)
    {
        if (ApiKeySecrets.FromRequest(request) is not { Length: > 13 and < 200 } key || key[12] != '_') return null;
        var prefix = key[..12];
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_keys.TryGetValue(prefix, out var e) || now - e.ReadAt > Fresh)
        {
            var k = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(x => x.Prefix == prefix, ct);
            if (k is null) { _keys.TryRemove(prefix, out _); return null; }
            _keys[prefix] = e = new Entry(k, now);
        }
        if (e.Key.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(e.Key.SecretHash, ApiKeySecrets.Hash(key))) return null;
        if (e.LastUsedAt is not { } last || now - last > NoteUseEvery)
        {
            e.LastUsedAt = now; // before the write, so the requests arriving meanwhile do not write it too
            var stored = await db.ApiKeys.FirstAsync(x => x.Id == e.Key.Id, ct);
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return e.Key;
    }

    /// <summary>A key was revoked (or changed) here: the next request with it reads it again.</summary>
    public void Forget(string prefix) => _keys.TryRemove(prefix, out _);
}

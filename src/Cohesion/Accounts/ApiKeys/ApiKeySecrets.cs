using System.Security.Cryptography;
using System.Text;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts.ApiKeys;

/// <summary>
/// API keys look like <c>coh_K7P2QX9M_…</c>: a public prefix that finds the key and names it in lists and the audit log,
/// then a 256-bit secret. Only the SHA-256 hash of the whole key is stored (a random 256-bit secret needs no slow hash:
/// nobody can guess it from the hash), and it is compared in constant time.
/// </summary>
public static class ApiKeySecrets
{
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static (string Key, string Prefix, byte[] Hash) New()
    {
        var prefix = "coh_" + RandomNumberGenerator.GetString(Alphabet, 8);
        var key = prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, prefix, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key a request carries: <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return auth[7..].Trim();
        var header = request.Headers["X-Api-Key"].ToString().Trim();
        return header.Length > 0 ? header : null;
    }

    /// <summary>The live (not revoked) key the request carries, or null; noting when it was last used at most once a minute.</summary>
    public static async Task<ApiKey?> AuthenticateAsync(CohesionDb db, HttpRequest request, CancellationToken ct)
    {
        if (FromRequest(request) is not { Length: > 13 and < 200 } key || key[12] != '_') return null;
        var prefix = key[..12];
        var k = await db.ApiKeys.FirstOrDefaultAsync(x => x.Prefix == prefix, ct);
        if (k is null || k.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(k.SecretHash, Hash(key))) return null;
        var now = DateTime.UtcNow;
        if (k.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            k.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return k;
    }
}

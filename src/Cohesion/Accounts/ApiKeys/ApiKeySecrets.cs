using System.Security.Cryptography;
using System.Text;

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
}

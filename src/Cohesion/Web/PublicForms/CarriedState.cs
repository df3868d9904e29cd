using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Cohesion.Web.PublicForms;

/// <summary>What every public form's answers so far carry besides the answers (see docs/decisions/0006).</summary>
public abstract class FormState
{
    /// <summary>Random; becomes the stored response's receipt, unique in the database, so submitting twice stores one.</summary>
    public string Receipt { get; set; } = "";
    /// <summary>Reached the check-answers page: "Continue" after a change goes back there.</summary>
    public bool Checking { get; set; }
    /// <summary>The page to come back to after saving (or after being told to wait).</summary>
    public string Step { get; set; } = "";
    /// <summary>The saved draft these answers came from, deleted when they are submitted or saved again.</summary>
    public int? DraftId { get; set; }
}

/// <summary>
/// A public form's answers so far travel with the form from page to page, encrypted and signed with ASP.NET Core data
/// protection (whose keys are in the database, so any node can read what another wrote): nothing is stored until the
/// respondent submits or asks to save and come back. Each form protects under its own purpose, so one form's state is
/// never accepted by another.
/// </summary>
public static class CarriedState
{
    /// <summary>
    /// Longer is not a state any form wrote: the largest, a Place Standard form with 28 comments of 1,000 characters
    /// in a script JSON escapes (6 characters each), comes to about 230,000. It is refused before it is decoded.
    /// </summary>
    public const int MaxTokenLength = 1024 * 1024;

    /// <summary>128 random bits as 32 hex digits: a receipt nobody can guess or collide with.</summary>
    public static string NewReceipt() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string Protect<T>(IDataProtectionProvider dp, string purpose, T state) =>
        dp.CreateProtector(purpose).Protect(JsonSerializer.Serialize(state));

    /// <summary>The state a form carried, or null when it was tampered with, protected for another purpose, or cannot be read.</summary>
    public static T? Unprotect<T>(IDataProtectionProvider dp, string purpose, string? token) where T : class
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(dp.CreateProtector(purpose).Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

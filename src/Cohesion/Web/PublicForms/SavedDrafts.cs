using System.Security.Cryptography;
using System.Text;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Web.PublicForms;

/// <summary>A public form's saved answers: the shape the Place Standard and survey draft tables share.</summary>
public interface IFormDraft
{
    int Id { get; }
    string CodeHash { get; set; }
    string Payload { get; set; }
    DateTime SavedAt { get; set; }
    DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Save and come back later: the answers are kept, encrypted, under the SHA-256 hash of a random code that only the
/// respondent is given (the code itself is never stored, so a copy of the database cannot open a draft by it). A new
/// save issues a new code and drops the old draft; submitting deletes it; it expires after the form's set number of
/// days, and expired drafts are purged whenever anyone saves.
/// </summary>
public static class SavedDrafts
{
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read and typed by people

    /// <summary>Longer input is not a code: it is refused before it is hashed.</summary>
    public const int MaxCodeLength = 40;

    /// <summary>12 characters of a 32-letter alphabet (60 bits), shown as XXXX-XXXX-XXXX.</summary>
    public static string NewCode()
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, 12);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Case, spaces and dashes do not matter: a code typed loosely finds its draft.</summary>
    public static string Hash(string code)
    {
        var normal = new string(code.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>
    /// Stores <paramref name="draft"/> (its owner set by the caller) under a new code, replacing the draft the answers
    /// came from and purging expired ones, in one transaction. <paramref name="protect"/> is called once the draft has
    /// its id (set on <paramref name="state"/> first, so the saved answers know their own draft).
    /// </summary>
    public static async Task<(string Code, DateTime Until)> SaveAsync<TDraft>(CohesionDb db, DbSet<TDraft> drafts, TDraft draft, FormState state, int days,
        Func<string> protect, CancellationToken ct) where TDraft : class, IFormDraft
    {
        var now = DateTime.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DeleteAsync(drafts, state.DraftId, ct);
        var code = NewCode();
        draft.CodeHash = Hash(code);
        draft.Payload = "";
        draft.SavedAt = now;
        draft.ExpiresAt = now.AddDays(days);
        drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        state.DraftId = draft.Id;
        draft.Payload = protect();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (code, draft.ExpiresAt);
    }

    /// <summary>The protected answers of the unexpired draft with this code among <paramref name="drafts"/> (already narrowed to the form's owner), or null.</summary>
    public static async Task<string?> FindAsync<TDraft>(IQueryable<TDraft> drafts, string? code, CancellationToken ct) where TDraft : class, IFormDraft
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength) return null;
        var hash = Hash(code);
        var now = DateTime.UtcNow;
        return await drafts.AsNoTracking().Where(d => d.CodeHash == hash && d.ExpiresAt > now).Select(d => d.Payload).FirstOrDefaultAsync(ct);
    }

    /// <summary>Deletes the submitted answers' draft (when they came from one) and every expired draft; the caller's transaction holds it.</summary>
    public static Task<int> DeleteAsync<TDraft>(DbSet<TDraft> drafts, int? draftId, CancellationToken ct) where TDraft : class, IFormDraft
    {
        var now = DateTime.UtcNow;
        return drafts.Where(d => d.ExpiresAt < now || (draftId != null && d.Id == draftId)).ExecuteDeleteAsync(ct);
    }
}

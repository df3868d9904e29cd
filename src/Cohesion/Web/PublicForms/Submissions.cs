using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Web.PublicForms;

/// <summary>Storing a public form's answers exactly once, however often the submit button is pressed.</summary>
public static class Submissions
{
    /// <summary>
    /// Runs <paramref name="write"/> (add the response, delete its draft) and saves, in one transaction, unless
    /// <paramref name="stored"/> says the receipt is already in. A double click or a second tab can race past that
    /// check: the receipt's unique index then refuses the second insert, which is the same outcome.
    /// </summary>
    public static async Task StoreOnceAsync(CohesionDb db, Func<Task<bool>> stored, Func<Task> write, CancellationToken ct)
    {
        if (await stored()) return;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await write();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await stored()) throw;
        }
    }
}

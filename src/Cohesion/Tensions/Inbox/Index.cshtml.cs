using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Inbox;

/// <summary>/inbox: the user's messages (alerts for the areas they lead), newest first; marking one or all read.</summary>
public sealed class InboxModel(CohesionDb db) : AdminPage
{
    public const int PageSize = 50;
    public Paged<InboxMessage> Messages { get; private set; } = null!;
    public int Unread { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        Unread = await db.InboxMessages.CountAsync(m => m.UserId == me && m.ReadAt == null, ct);
        Messages = await db.InboxMessages.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.ReadAt != null).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .ToPagedAsync(page ?? 1, PageSize, ct);
    }

    /// <summary>Marks one message read (or all when none is named); only the user's own.</summary>
    public async Task<IActionResult> OnPostReadAsync(int? message, CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var n = await db.InboxMessages.Where(m => m.UserId == me && m.ReadAt == null && (message == null || m.Id == message))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, DateTime.UtcNow), ct);
        Notice(n == 1 ? "Marked 1 message read." : $"Marked {n} messages read.");
        return Redirect("/inbox");
    }
}

using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Inbox;

/// <summary>The signed-in user's unread messages, for the header link on every page (one indexed count).</summary>
public sealed class InboxCounter(CohesionDb db)
{
    public async Task<int> UnreadAsync(ClaimsPrincipal user) =>
        user.UserId() is { } id ? await db.InboxMessages.CountAsync(m => m.UserId == id && m.ReadAt == null) : 0;
}

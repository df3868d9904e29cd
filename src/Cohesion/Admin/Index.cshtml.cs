using Cohesion.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin;

public sealed class AdminIndexModel(CohesionDb db) : PageModel
{
    public int Users { get; private set; }
    public int Organisations { get; private set; }
    public int AuditToday { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await db.Users.CountAsync(ct);
        Organisations = await db.Organisations.CountAsync(ct);
        var since = UkTime.StartOfDay(UkTime.Today);
        AuditToday = await db.AuditEntries.CountAsync(a => a.At >= since, ct);
    }
}

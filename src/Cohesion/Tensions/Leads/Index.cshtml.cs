using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Leads;

public sealed record LeadRow(int Id, string Email, string Name, string Organisation, string AreaCode, string AreaName, bool EmailAlerts, DateTime Since);

/// <summary>
/// /tensions/leads: administrators name the monitoring leads of the district and of its wards. A lead receives the
/// area's alerts (by e-mail too, if chosen), triages the public's reports when their organisation owns them, sees the
/// reporters of their organisation's reports, and sees exact counts. Audited.
/// </summary>
public sealed class LeadsModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    public List<LeadRow> Leads { get; private set; } = [];
    public IReadOnlyList<Choice> Users { get; private set; } = [];
    public IReadOnlyList<Choice> Areas { get; private set; } = [];
    public string? UserId { get; private set; }
    public string? Area { get; private set; }
    public bool EmailAlerts { get; private set; }

    async Task LoadAsync(CancellationToken ct)
    {
        var directory = await places.DirectoryAsync(db, ct);
        var leads = await db.MonitoringLeads.AsNoTracking()
            .Join(db.Users.AsNoTracking(), l => l.UserId, u => u.Id, (l, u) => new { l, u.Email, u.DisplayName, Org = u.Organisation!.Name }).ToListAsync(ct);
        Leads = [.. leads.Select(x => new LeadRow(x.l.Id, x.Email, x.DisplayName, x.Org, directory.ById.GetValueOrDefault(x.l.AreaId)?.Code ?? "", directory.ById.GetValueOrDefault(x.l.AreaId)?.Name ?? "", x.l.EmailAlerts, x.l.CreatedAt))
            .OrderBy(l => l.AreaName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Email, StringComparer.Ordinal)];
        Users = [new("", "Choose a person"), .. (await db.Users.AsNoTracking().Where(u => !u.Disabled).OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName, Org = u.Organisation!.Name }).ToListAsync(ct))
            .Select(u => new Choice(u.Id.ToString(CultureInfo.InvariantCulture), $"{u.DisplayName} ({u.Email}, {u.Org})"))];
        Areas = ReportPlaces.WardChoices(directory, "Choose an area");
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The leads as CSV or xlsx (audited): who leads which area, since when, with e-mail alerts or not.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        await LoadAsync(ct);
        var table = new ExportTable("Monitoring leads", ["area_code", "area_name", "email", "name", "organisation", "email_alerts", "since"],
            Leads.Select(l => new object?[] { l.AreaCode, l.AreaName, l.Email, l.Name, l.Organisation, l.EmailAlerts ? "yes" : "no", UkTime.Iso(l.Since) }).ToList(),
            AdminExport.About("none", Leads.Count, truncated: false));
        return await AdminExport.FileAsync(HttpContext, db, table, "monitoring-leads", format!, "none", ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? user, string? area, bool emailAlerts, CancellationToken ct)
    {
        (UserId, Area, EmailAlerts) = (user, area, emailAlerts);
        var directory = await places.DirectoryAsync(db, ct);
        var u = int.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == uid && !x.Disabled, ct) : null;
        if (u is null) Fail("user", string.IsNullOrWhiteSpace(user) ? "Choose the person who will lead" : $"Choose a person from the list (you sent '{Cohesion.Assets.Editing.FieldRules.Clip(user)}')");
        var a = area is { Length: > 0 } ? directory.Find(area.Trim()) : null;
        if (a is null || a.Level is not (AreaLevel.Ward or AreaLevel.LocalAuthority))
            Fail("area", string.IsNullOrWhiteSpace(area) ? "Choose the area they will lead" : $"Area must be the district or one of its wards (you sent '{Cohesion.Assets.Editing.FieldRules.Clip(area)}')");
        else if (u is not null && await db.MonitoringLeads.AnyAsync(l => l.UserId == u.Id && l.AreaId == a.Id, ct))
            Fail("area", $"{u.Email} already leads {a.Name}");
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.MonitoringLeads.Add(new MonitoringLead { UserId = u!.Id, AreaId = a!.Id, EmailAlerts = emailAlerts, CreatedAt = DateTime.UtcNow });
        db.Record(Actor, AuditActions.MonitoringLeadChanged, u.Email, $"made lead of {a.Code} {a.Name}; e-mail alerts {(emailAlerts ? "on" : "off")}", Ip);
        await db.SaveChangesAsync(ct);
        Notice($"{u.DisplayName} now leads monitoring for {a.Name}");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var l = await db.MonitoringLeads.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null) return NotFound();
        var email = await db.Users.Where(u => u.Id == l.UserId).Select(u => u.Email).FirstAsync(ct);
        var area = await db.Areas.Where(a => a.Id == l.AreaId).Select(a => a.Code + " " + a.Name).FirstAsync(ct);
        db.MonitoringLeads.Remove(l);
        db.Record(Actor, AuditActions.MonitoringLeadChanged, email, $"no longer lead of {area}", Ip);
        await db.SaveChangesAsync(ct);
        Notice($"{email} no longer leads monitoring for {area}");
        return RedirectToPage();
    }
}

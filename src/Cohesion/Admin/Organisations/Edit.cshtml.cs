using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Organisations;

public sealed class EditOrganisationModel(CohesionDb db) : AdminPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    public Organisation Organisation { get; private set; } = null!;
    public int Users { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var kind = await OrganisationForms.ValidateAsync(db, Name, Kind, id, Fail, ct);
        if (Errors.Count > 0) return Page();
        var name = Name!.Trim();
        var changes = new List<string>();
        if (name != Organisation.Name) changes.Add($"name \"{Organisation.Name}\" → \"{name}\"");
        if (kind != Organisation.Kind) changes.Add($"kind {Organisation.Kind} → {kind}");
        if (changes.Count == 0)
        {
            Notice("No changes to save");
            return RedirectToPage(new { id });
        }
        // The audit target is the name it had, so a search for the old name still finds the rename.
        db.Record(Actor, AuditActions.OrganisationChanged, Organisation.Name, string.Join("; ", changes), Ip);
        Organisation.Name = name;
        Organisation.Kind = kind!.Value;
        if (!await OrganisationForms.TrySaveAsync(db, name, id, Fail, ct)) return Page();
        Notice($"{name} saved");
        return RedirectToPage(new { id });
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return false;
        Organisation = org;
        Users = await db.Users.CountAsync(u => u.OrganisationId == id, ct);
        Name ??= org.Name;
        Kind ??= org.Kind.ToString();
        return true;
    }
}

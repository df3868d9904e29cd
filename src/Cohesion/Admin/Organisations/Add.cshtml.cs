using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Organisations;

public sealed class AddOrganisationModel(CohesionDb db) : AdminPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kind = await OrganisationForms.ValidateAsync(db, Name, Kind, null, Fail, ct);
        if (Errors.Count > 0) return Page();
        var org = OrganisationAdmin.Add(db, Name!, kind!.Value, Actor, Ip);
        if (!await OrganisationForms.TrySaveAsync(db, org.Name, null, Fail, ct)) return Page();
        Notice($"{org.Name} added");
        return Redirect("/admin/organisations");
    }
}

/// <summary>The organisation form's rules, shared by add and change.</summary>
public static class OrganisationForms
{
    public static IReadOnlyList<Choice> KindChoices { get; } = Enum.GetValues<OrganisationKind>().Select(k => new Choice(k.ToString(), k.Label())).ToList();

    public static OrganisationKind? ParseKind(string? value) => Enum.TryParse<OrganisationKind>(value, true, out var k) && Enum.IsDefined(k) ? k : null;

    public static RadiosInput KindRadios(string? selected, Cohesion.Web.FieldError? error) => new("kind", "Kind of organisation", KindChoices, selected, error);

    /// <summary>Checks name (1–200 characters, not already used, ignoring case) and kind; returns the kind when valid.</summary>
    public static async Task<OrganisationKind?> ValidateAsync(CohesionDb db, string? name, string? kind, int? exceptId, Action<string, string> fail, CancellationToken ct)
    {
        if (OrganisationAdmin.CheckName(name) is { } problem) fail("name", problem);
        else if (await OrganisationAdmin.NameTakenAsync(db, name!, exceptId, ct) is { } other) fail("name", OrganisationAdmin.DuplicateName(other));
        var k = ParseKind(kind);
        if (k is null) fail("kind", "Select the kind of organisation");
        return k;
    }

    /// <summary>Saves; a name taken by another administrator in the meantime is a form error, not a crash.</summary>
    public static async Task<bool> TrySaveAsync(CohesionDb db, string name, int? exceptId, Action<string, string> fail, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await OrganisationAdmin.NameTakenAsync(db, name, exceptId, ct) is not { } other) throw;
            fail("name", OrganisationAdmin.DuplicateName(other));
            return false;
        }
    }
}

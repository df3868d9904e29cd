using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Users;

public sealed class AddUserModel(CohesionDb db) : UserFormPage
{
    [BindProperty] public string? Email { get; set; }
    /// <summary>Set only on the response to a successful POST: the password is never stored or sent again.</summary>
    public OneTimePasswordView? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (UserAdmin.CheckEmail(Email) is { } emailProblem) Fail("email", emailProblem);
        else if (await UserAdmin.EmailTakenAsync(db, Email!, ct)) Fail("email", UserAdmin.DuplicateEmail(Email!));
        if (UserAdmin.CheckDisplayName(Name) is { } nameProblem) Fail("name", nameProblem);
        var org = await UserForms.FindOrganisationAsync(db, Organisation, ct);
        if (org is null) Fail("organisation", "Select the user's organisation");
        var role = UserForms.ParseRole(Role);
        if (role is null) Fail("role", "Select the user's role");
        if (Errors.Count > 0) return Page();

        try
        {
            var (user, password) = await UserAdmin.CreateAsync(db, Email!, Name, org!, role!.Value, Actor, Ip, ct);
            Created = new OneTimePasswordView("User added", user.Email, password);
            DoNotStore();
        }
        catch (DbUpdateException)
        {
            // Another administrator may have added the same address a moment ago: the unique index said no.
            db.ChangeTracker.Clear();
            if (!await UserAdmin.EmailTakenAsync(db, Email!, ct)) throw;
            Fail("email", UserAdmin.DuplicateEmail(Email!));
        }
        return Page();
    }

    async Task LoadAsync(CancellationToken ct) => OrganisationChoices = await UserForms.OrganisationChoicesAsync(db, "Choose an organisation", ct);
}

/// <summary>The fields the add and change forms share: name, organisation and role, as posted.</summary>
public abstract class UserFormPage : AdminPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Role { get; set; }
    public List<Choice> OrganisationChoices { get; protected set; } = [];
}

/// <summary>Parsing and choices shared by the add and change forms.</summary>
public static class UserForms
{
    public static Role? ParseRole(string? value) => Enum.TryParse<Role>(value, false, out var r) && Enum.IsDefined(r) ? r : null;

    public static async Task<Organisation?> FindOrganisationAsync(CohesionDb db, string? id, CancellationToken ct) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var orgId) ? await db.Organisations.FindAsync([orgId], ct) : null;

    public static async Task<List<Choice>> OrganisationChoicesAsync(CohesionDb db, string first, CancellationToken ct) =>
        [new("", first), .. (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];

    public static RadiosInput RoleRadios(string? selected, Cohesion.Web.FieldError? error) =>
        new("role", "Role", Enum.GetValues<Role>().Select(r => new Choice(r.ToString(), r.Label(), r.Description())).ToList(), selected, error);
}

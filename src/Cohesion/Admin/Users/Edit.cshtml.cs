using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Users;

/// <summary>
/// One user: change name, organisation and role; disable or enable; unlock; reset the password. An administrator
/// cannot disable or demote themselves (nor reset their own password here), so there is always an administrator
/// who can act. Every change is audited with what changed.
/// </summary>
public sealed class EditUserModel(CohesionDb db) : UserFormPage
{
    public User Account { get; private set; } = null!;
    public DateTime Now { get; } = DateTime.UtcNow;
    public UserStatus Status => UserAdmin.Status(Account.Disabled, Account.LockedUntil, Now);
    public bool IsSelf => User.UserId() == Account.Id;
    /// <summary>Set only on the response to a successful reset: the password is never stored or sent again.</summary>
    public OneTimePasswordView? Reset { get; private set; }

    public const string SelfRole = "You cannot change your own role, so that there is always an administrator. Ask another administrator";
    public const string SelfDisable = "You cannot disable your own account, so that there is always an administrator. Ask another administrator";
    public const string SelfReset = "To change your own password, use Change your password";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (UserAdmin.CheckDisplayName(Name) is { } nameProblem) Fail("name", nameProblem);
        var org = await UserForms.FindOrganisationAsync(db, Organisation, ct);
        if (org is null) Fail("organisation", "Select the user's organisation");
        // The form has no role for oneself (a missing field means no change); a role sent anyway must be theirs.
        var role = UserForms.ParseRole(Role);
        if (role is null) Fail("role", "Select the user's role");
        else if (IsSelf && role != Account.Role) Fail("role", SelfRole);
        if (Errors.Count > 0) return Page();

        var changes = new List<string>();
        var name = string.IsNullOrWhiteSpace(Name) ? Account.Email : Name.Trim();
        if (name != Account.DisplayName) changes.Add($"name \"{Account.DisplayName}\" → \"{name}\"");
        if (org!.Id != Account.OrganisationId) changes.Add($"organisation {Account.Organisation!.Name} → {org.Name}");
        if (role != Account.Role) changes.Add($"role {Account.Role} → {role}");
        if (changes.Count == 0)
        {
            Notice("No changes to save");
            return RedirectToPage(new { id });
        }
        Account.DisplayName = name;
        Account.Organisation = org;
        Account.Role = role!.Value;
        return await SaveAsync(changes, "Details changed", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsSelf)
        {
            Fail("access", SelfDisable);
            return Page();
        }
        if (Account.Disabled) return RedirectToPage(new { id });
        Account.Disabled = true;
        return await SaveAsync(["disabled"], "Account disabled: they cannot sign in, and any session they had has ended", ct);
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Account.Disabled) return RedirectToPage(new { id });
        Account.Disabled = false;
        return await SaveAsync(["enabled"], "Account enabled", ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Account.LockedUntil is null && Account.FailedSignIns == 0) return RedirectToPage(new { id });
        Account.LockedUntil = null;
        Account.FailedSignIns = 0;
        return await SaveAsync(["unlocked"], "Account unlocked", ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsSelf)
        {
            Fail("access", SelfReset);
            return Page();
        }
        var password = UserAdmin.IssueOneTimePassword(Account);
        db.Record(Actor, AuditActions.UserChanged, Account.Email, "password reset: new one-time password issued; sessions ended", Ip);
        await db.SaveChangesAsync(ct);
        Reset = new OneTimePasswordView("Password reset", Account.Email, password);
        DoNotStore();
        return Page();
    }

    async Task<IActionResult> SaveAsync(IReadOnlyList<string> changes, string notice, CancellationToken ct)
    {
        db.Record(Actor, AuditActions.UserChanged, Account.Email, string.Join("; ", changes), Ip);
        await db.SaveChangesAsync(ct);
        Notice(notice);
        return RedirectToPage(new { id = Account.Id });
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        Account = user;
        // Fields not posted show the account as it is.
        Name ??= user.DisplayName;
        Organisation ??= user.OrganisationId.ToString(CultureInfo.InvariantCulture);
        Role ??= user.Role.ToString();
        OrganisationChoices = await UserForms.OrganisationChoicesAsync(db, "Choose an organisation", ct);
        return true;
    }
}

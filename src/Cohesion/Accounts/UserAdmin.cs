using Cohesion.Cli;
using Cohesion.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts;

/// <summary>User management shared by the CLI and the admin pages: the rules, the changes and their audit.</summary>
public static class UserAdmin
{
    public const int EmailMax = 254;
    public const int DisplayNameMax = 200;

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "Enter an email address";
        email = email.Trim();
        if (email.Length > EmailMax) return $"Email address must be {EmailMax} characters or fewer";
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace)) return "Enter an email address in the correct format, like name@example.org";
        return null;
    }

    /// <summary>The display name is optional (the e-mail address stands in for it).</summary>
    public static string? CheckDisplayName(string? name) =>
        name is not null && name.Trim().Length > DisplayNameMax ? $"Name must be {DisplayNameMax} characters or fewer" : null;

    public static Task<bool> EmailTakenAsync(CohesionDb db, string email, CancellationToken ct = default)
    {
        var normalised = Normalise(email);
        return db.Users.AnyAsync(u => u.Email == normalised, ct);
    }

    public static string DuplicateEmail(string email) => $"A user with the email address {Normalise(email)} already exists";

    /// <summary>For the CLI: the organisation is named, and created when new.</summary>
    public static async Task<(User User, string Password)> AddAsync(CohesionDb db, string email, string? displayName, string organisation, OrganisationKind kind, Role role, string actor, CancellationToken ct = default)
    {
        if ((CheckEmail(email) ?? CheckDisplayName(displayName) ?? OrganisationAdmin.CheckName(organisation)) is { } problem) throw new CliException(problem);
        if (await EmailTakenAsync(db, email, ct)) throw new CliException(DuplicateEmail(email) + "; nothing was changed.");
        var org = await OrganisationAdmin.FindByNameAsync(db, organisation, ct) ?? OrganisationAdmin.Add(db, organisation, kind, actor, "");
        return await CreateAsync(db, email, displayName, org, role, actor, "", ct);
    }

    /// <summary>
    /// Creates a user (already validated) with a random one-time password. The password is returned once, to be
    /// shown once; only its hash is kept, and the user must choose their own at first sign-in.
    /// </summary>
    public static async Task<(User User, string Password)> CreateAsync(CohesionDb db, string email, string? displayName, Organisation org, Role role, string actor, string ip, CancellationToken ct = default)
    {
        var normalised = Normalise(email);
        var user = new User
        {
            Email = normalised, DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalised : displayName.Trim(), Organisation = org,
            Role = role, CreatedAt = DateTime.UtcNow,
        };
        var password = IssueOneTimePassword(user);
        db.Users.Add(user);
        db.Record(actor, AuditActions.UserCreated, normalised, $"role {role}, organisation {org.Name}", ip);
        await db.SaveChangesAsync(ct);
        return (user, password);
    }

    /// <summary>
    /// Replaces the password with a new one-time password and clears any lockout. The user's open sessions end
    /// (the session check sees the one-time flag the session does not have).
    /// </summary>
    public static string IssueOneTimePassword(User user)
    {
        var password = Passwords.Generate();
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        user.MustChangePassword = true;
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        return password;
    }

    public static UserStatus Status(bool disabled, DateTime? lockedUntil, DateTime now) =>
        disabled ? UserStatus.Disabled : lockedUntil is { } until && until > now ? UserStatus.Locked : UserStatus.Active;
}

public enum UserStatus { Active, Locked, Disabled }

/// <summary>Organisations: names are unique (ignoring case) and 1–200 characters.</summary>
public static class OrganisationAdmin
{
    public const int NameMax = 200;

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter the organisation's name"
        : name.Trim().Length > NameMax ? $"Organisation name must be {NameMax} characters or fewer"
        : null;

    public static Task<Organisation?> FindByNameAsync(CohesionDb db, string name, CancellationToken ct = default)
    {
        var lower = name.Trim().ToLowerInvariant();
        return db.Organisations.FirstOrDefaultAsync(o => o.Name.ToLower() == lower, ct);
    }

    /// <summary>The other organisation that already has this name (ignoring case), if any.</summary>
    public static async Task<Organisation?> NameTakenAsync(CohesionDb db, string name, int? exceptId, CancellationToken ct = default) =>
        await FindByNameAsync(db, name, ct) is { } other && other.Id != exceptId ? other : null;

    public static string DuplicateName(Organisation existing) => $"An organisation called {existing.Name} already exists";

    /// <summary>Adds an organisation (already validated) to the context; saved with the caller's SaveChanges.</summary>
    public static Organisation Add(CohesionDb db, string name, OrganisationKind kind, string actor, string ip)
    {
        var org = db.Organisations.Add(new Organisation { Name = name.Trim(), Kind = kind, CreatedAt = DateTime.UtcNow }).Entity;
        db.Record(actor, AuditActions.OrganisationCreated, org.Name, $"kind {kind}", ip);
        return org;
    }
}

/// <summary>Plain-English names for roles, kinds and statuses, as pages and exports show them.</summary>
public static class AccountLabels
{
    public static string Label(this Role role) => role switch
    {
        Role.Admin => "Administrator",
        _ => role.ToString(),
    };

    public static string Description(this Role role) => role switch
    {
        Role.Viewer => "Sees the information shared with their organisation.",
        Role.Contributor => "Also adds reports, assets, events and stories.",
        Role.Analyst => "Also imports partners' extracts, runs analyses and exports tables.",
        _ => "Also manages users, organisations and reads the audit log.",
    };

    public static string Label(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Nhs => "NHS",
        OrganisationKind.Voluntary => "Voluntary or community group",
        _ => kind.ToString(),
    };

    public static string Label(this UserStatus status) => status.ToString();
}

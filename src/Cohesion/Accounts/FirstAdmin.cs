using Cohesion.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts;

public static class FirstAdmin
{
    public const string Email = "admin@cohesion.local";
    public const string OrganisationName = "Cohesion partnership";

    /// <summary>
    /// On a database with no users, creates an administrator with a random one-time password that is
    /// returned once to be printed, never stored in clear and never a fixed default.
    /// </summary>
    public static async Task<(string Email, string Password)?> CreateIfNoUsersAsync(CohesionDb db, CancellationToken ct = default)
    {
        if (await db.AnyRowsAsync("users", ct)) return null;
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == OrganisationName, ct)
            ?? db.Organisations.Add(new Organisation { Name = OrganisationName, Kind = OrganisationKind.Council, CreatedAt = DateTime.UtcNow }).Entity;
        var password = Passwords.Generate();
        var user = new User { Email = Email, DisplayName = "Administrator", Organisation = org, Role = Role.Admin, MustChangePassword = true, CreatedAt = DateTime.UtcNow };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        db.Users.Add(user);
        db.Record(Audit.SystemActor, AuditActions.UserCreated, Email, "first administrator, one-time password");
        await db.SaveChangesAsync(ct);
        return (Email, password);
    }
}

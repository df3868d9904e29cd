using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.Accounts;

public enum SignInOutcome { Success, Failed, LockedOut, Disabled }

public sealed class SignInService(CohesionDb db, IPasswordHasher<User> hasher, IOptions<SecurityOptions> options)
{
    /// <summary>
    /// Checks a password, counting failures towards lockout and auditing every attempt. The same answer is
    /// given for unknown users and wrong passwords so the form does not reveal which e-mails exist.
    /// </summary>
    public async Task<(SignInOutcome Outcome, User? User)> CheckAsync(string email, string password, string ip, CancellationToken ct = default)
    {
        var normalised = email.Trim().ToLowerInvariant();
        var user = await db.Users.Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Email == normalised, ct);
        var now = DateTime.UtcNow;
        if (user is null)
        {
            // Hash anyway so the time taken does not tell an attacker the account is missing.
            hasher.HashPassword(new User { Email = "", DisplayName = "" }, password);
            db.Record(normalised, AuditActions.SignInFailed, normalised, "unknown user", ip);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.Failed, null);
        }
        if (user.Disabled)
        {
            db.Record(normalised, AuditActions.SignInFailed, normalised, "account disabled", ip);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.Disabled, null);
        }
        if (user.LockedUntil is { } until && until > now)
        {
            db.Record(normalised, AuditActions.SignInFailed, normalised, "account locked", ip);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.LockedOut, null);
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= options.Value.MaxFailedSignIns;
            if (locked)
            {
                user.LockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                user.FailedSignIns = 0;
            }
            db.Record(normalised, AuditActions.SignInFailed, normalised, locked ? "wrong password; account locked" : "wrong password", ip);
            await db.SaveChangesAsync(ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        db.Record(normalised, AuditActions.SignIn, normalised, "", ip);
        await db.SaveChangesAsync(ct);
        return (SignInOutcome.Success, user);
    }
}

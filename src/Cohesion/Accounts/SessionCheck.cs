using System.Security.Claims;
using Cohesion.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Accounts;

/// <summary>What a session cookie says about its user, as the database has it now.</summary>
public sealed record SessionFacts(int Id, string Email, string DisplayName, Role Role, int OrganisationId, string OrganisationName, bool MustChangePassword, bool Disabled);

/// <summary>
/// Keeps a session cookie in step with the account on every request: an administrator's change takes effect at
/// once rather than when the cookie expires. A disabled or deleted account, or one given a new one-time password
/// by an administrator, loses its sessions; a changed role or organisation is written into a renewed cookie.
/// One primary-key read per signed-in request is the price.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal?.UserId() is not { } id)
        {
            await RejectAsync(ctx);
            return;
        }
        var db = ctx.HttpContext.RequestServices.GetRequiredService<CohesionDb>();
        var now = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SessionFacts(u.Id, u.Email, u.DisplayName, u.Role, u.OrganisationId, u.Organisation!.Name, u.MustChangePassword, u.Disabled))
            .SingleOrDefaultAsync(ctx.HttpContext.RequestAborted);
        var hadOneTimePassword = ctx.Principal.HasClaim(CohesionClaims.MustChangePassword, "true");
        if (now is null || now.Disabled || (now.MustChangePassword && !hadOneTimePassword))
        {
            await RejectAsync(ctx);
            return;
        }
        var fresh = AccountsSetup.Principal(now);
        if (!SameClaims(ctx.Principal, fresh))
        {
            ctx.ReplacePrincipal(fresh);
            ctx.ShouldRenew = true;
        }
    }

    static async Task RejectAsync(CookieValidatePrincipalContext ctx)
    {
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        b.Claims.All(c => a.HasClaim(c.Type, c.Value)) && a.Claims.Count() == b.Claims.Count();
}

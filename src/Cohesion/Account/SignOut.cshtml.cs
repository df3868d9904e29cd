using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Account;

[AllowAnonymous]
public sealed class SignOutModel(CohesionDb db) : PageModel
{
    public void OnGet() { }

    /// <summary>Sign-out is a POST with an antiforgery token so another site cannot sign a user out.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            db.Record(HttpContext.Actor(), AuditActions.SignOut, HttpContext.Actor(), "", HttpContext.Ip());
            await db.SaveChangesAsync(ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/");
    }
}

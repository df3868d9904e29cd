using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Account;

public sealed class ChangePasswordModel(CohesionDb db, IPasswordHasher<User> hasher) : PageModel
{
    public List<FieldError> Errors { get; } = [];
    public bool MustChange => User.HasClaim(CohesionClaims.MustChangePassword, "true");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "current")] string? current, [FromForm(Name = "new")] string? next, [FromForm(Name = "confirm")] string? confirm, CancellationToken ct)
    {
        var id = int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Id == id, ct);
        if (string.IsNullOrEmpty(current) || current.Length > Passwords.MaxLength || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
            Errors.Add(new FieldError("current", "Enter your current password correctly"));
        if (Passwords.Check(next, user.Email) is { } problem) Errors.Add(new FieldError("new", problem));
        else if (next == current) Errors.Add(new FieldError("new", "New password must be different from your current password"));
        if (Errors.All(e => e.FieldId != "new") && next != confirm) Errors.Add(new FieldError("confirm", "Passwords must match"));
        if (Errors.Count > 0) return Page();

        user.PasswordHash = hasher.HashPassword(user, next!);
        user.MustChangePassword = false;
        db.Record(HttpContext.Actor(), AuditActions.PasswordChanged, user.Email, "", HttpContext.Ip());
        await db.SaveChangesAsync(ct);
        // A fresh cookie without the one-time flag.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsSetup.Principal(user, user.Organisation!));
        TempData["Notice"] = "Your password has been changed";
        return Redirect("/");
    }
}

using Cohesion.Accounts;
using Cohesion.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cohesion.Account;

public sealed class SignInModel(SignInService signIn, IOptions<SecurityOptions> security) : PageModel
{
    public SecurityOptions Security => security.Value;
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public List<FieldError> Errors { get; } = [];

    public const string FailedMessage = "Enter a correct email address and password";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors.Add(new FieldError("email", "Enter your email address"));
        else if (Email.Length > UserAdmin.EmailMax) Errors.Add(new FieldError("email", $"Email address must be {UserAdmin.EmailMax} characters or fewer"));
        if (string.IsNullOrEmpty(Password)) Errors.Add(new FieldError("password", "Enter your password"));
        else if (Password.Length > Passwords.MaxLength) Errors.Add(new FieldError("password", $"Password must be {Passwords.MaxLength} characters or fewer"));
        if (Errors.Count > 0) return Page();

        var (outcome, user) = await signIn.CheckAsync(Email!, Password!, HttpContext.Ip(), ct);
        if (outcome == SignInOutcome.Success)
        {
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsSetup.Principal(user!, user!.Organisation!));
            if (user.MustChangePassword) return Redirect("/account/change-password");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // One message for unknown, wrong, locked and disabled: a different answer for a locked account would tell
        // anyone who can trip the lockout which addresses have accounts. The page explains the lockout rule.
        Errors.Add(new FieldError("email", FailedMessage));
        Password = null;
        return Page();
    }
}

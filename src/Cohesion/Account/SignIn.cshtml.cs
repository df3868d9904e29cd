using Cohesion.Accounts;
using Cohesion.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Account;

public sealed class SignInModel(SignInService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public List<FieldError> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors.Add(new FieldError("email", "Enter your email address"));
        else if (Email.Length > 254) Errors.Add(new FieldError("email", "Email address must be 254 characters or fewer"));
        if (string.IsNullOrEmpty(Password)) Errors.Add(new FieldError("password", "Enter your password"));
        else if (Password.Length > Passwords.MaxLength) Errors.Add(new FieldError("password", $"Password must be {Passwords.MaxLength} characters or fewer"));
        if (Errors.Count > 0) return Page();

        var (outcome, user) = await signIn.CheckAsync(Email!, Password!, HttpContext.Ip(), ct);
        switch (outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsSetup.Principal(user!, user!.Organisation!));
                if (user.MustChangePassword) return Redirect("/account/change-password");
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                Errors.Add(new FieldError("email", "Your account is locked after too many failed attempts. Try again later or ask your administrator"));
                break;
            default:
                // One message for unknown, wrong and disabled so the form does not reveal which accounts exist.
                Errors.Add(new FieldError("email", "Enter a correct email address and password"));
                break;
        }
        Password = null;
        return Page();
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using Cohesion.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohesion.Accounts;

public static class Policies
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Contributor = "contributor";
    public const string SignedIn = "signed-in";
}

public static class CohesionClaims
{
    public const string Organisation = "cohesion:org";
    public const string OrganisationName = "cohesion:org-name";
    public const string MustChangePassword = "cohesion:must-change-password";
}

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<ApiKeys.ApiKeyCache>();
        services.AddScoped<SignInService>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "cohesion-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = Forbidden;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((o, s) => o.ExpireTimeSpan = TimeSpan.FromMinutes(s.Value.SessionMinutes));
        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint or page is private unless it says it is public.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Contributor, p => p.RequireRole(nameof(Role.Contributor), nameof(Role.Analyst), nameof(Role.Admin)))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(nameof(Role.Analyst), nameof(Role.Admin)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Admin)));
        return services;
    }

    /// <summary>
    /// A signed-in user without the role gets 403 at the address they asked for (the status-code page explains),
    /// rather than a redirect that would make the refusal look like a success to anything reading the status.
    /// </summary>
    static Task Forbidden(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) return ApiAware(ctx, StatusCodes.Status403Forbidden);
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>The API answers 401/403 as ProblemDetails; pages redirect to sign-in.</summary>
    static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Results.Problem(statusCode: status, title: status == 401 ? "Sign in required" : "Not allowed").ExecuteAsync(ctx.HttpContext);
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public const string SignInRateLimit = "sign-in";

    /// <summary>Limits sign-in POSTs per client address; everything else is unlimited here.</summary>
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method) || !ctx.Request.Path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetNoLimiter("");
                var permit = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInPermitPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>A user holding a one-time password can only change it (or sign out) until they do.</summary>
    public static IApplicationBuilder UseAccountGuards(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.HasClaim(CohesionClaims.MustChangePassword, "true")
            && !ctx.Request.Path.StartsWithSegments("/account")
            && !ctx.Request.Path.StartsWithSegments("/lib") && !ctx.Request.Path.StartsWithSegments("/css") && !ctx.Request.Path.StartsWithSegments("/js"))
        {
            ctx.Response.Redirect("/account/change-password");
            return;
        }
        await next();
    });

    public static ClaimsPrincipal Principal(User user, Organisation org) =>
        Principal(new SessionFacts(user.Id, user.Email, user.DisplayName, user.Role, org.Id, org.Name, user.MustChangePassword, user.Disabled));

    public static ClaimsPrincipal Principal(SessionFacts f) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, f.Email),
        new Claim(ClaimTypes.GivenName, f.DisplayName),
        new Claim(ClaimTypes.Role, f.Role.ToString()),
        new Claim(CohesionClaims.Organisation, f.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(CohesionClaims.OrganisationName, f.OrganisationName),
        new Claim(CohesionClaims.MustChangePassword, f.MustChangePassword ? "true" : "false"),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The signed-in user's id, or null when the request is anonymous.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The audit actor for a request.</summary>
    public static string Actor(this HttpContext ctx) => ctx.User.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name ?? "unknown" : "anonymous";
    public static string Ip(this HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "";
}

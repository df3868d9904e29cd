using Cohesion.Accounts;
using Cohesion.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.OpenReferral;

/// <summary>Open Referral UK exchange: the read API, the HSDS download and the import page, added by one line each in <see cref="AssetsSetup"/>.</summary>
public static class OpenReferralSetup
{
    /// <summary>Contributors and above; the page itself keeps a contributor to records their organisation maintains.</summary>
    static readonly string[] StaffPages = ["/Assets/OpenReferral/ImportOruk"];

    public static IServiceCollection AddOpenReferral(this IServiceCollection services)
    {
        // Named, and applied to the /openreferral group only: the rest of the app stays same-origin.
        services.AddCors(o => o.AddPolicy(OrukApi.CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in StaffPages) o.Conventions.AuthorizePage(page, Policies.Contributor);
        });
        return services;
    }

    public static void MapOpenReferral(this WebApplication app)
    {
        app.MapOrukApi();
        app.MapGet("/assets/export.json", DownloadAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
    }

    /// <summary>The published directory as HSDS JSON for signed-in staff, audited before a byte is sent.</summary>
    static async Task DownloadAsync(HttpContext http, CohesionDb db, CancellationToken ct)
    {
        db.Record(http.Actor(), AuditActions.Export, "assets.json", "published directory as HSDS JSON (offers left out)", http.Ip());
        await db.SaveChangesAsync(ct);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"cohesion-assets-hsds.json\"";
        http.Response.Headers.CacheControl = "no-store";
        await HsdsExport.WriteAsync(db, http.Response.Body, ct);
    }
}

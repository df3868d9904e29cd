using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Gaps;

/// <summary>The gap analysis: open to anyone, like the other statistics pages (it counts only published records).</summary>
public static class GapsSetup
{
    public static IServiceCollection AddAssetGaps(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Assets/Gaps/Gaps"));
        return services;
    }

    public static void MapAssetGaps(this WebApplication app) => app.MapGapExports();
}

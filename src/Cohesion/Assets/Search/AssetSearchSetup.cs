using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Assets.Search;

/// <summary>The directory's search, its pages, API and download, added to the Assets module in two lines.</summary>
public static class AssetSearchSetup
{
    /// <summary>Open to anyone: the published directory is public (what each viewer sees of an offer is decided on the page).</summary>
    static readonly string[] PublicPages = ["/Assets/Pages/Index", "/Assets/Pages/Asset"];

    public static IServiceCollection AddAssetSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchVocabulary>();
        services.AddSingleton<AssetSearch>();
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
        });
        return services;
    }

    public static void MapAssetSearch(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapAssetApi().AllowAnonymous();
        app.MapAssetResultsExport().AllowAnonymous();
    }
}

using Cohesion.Assets.Csv;
using Cohesion.Assets.Demo;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Gaps;
using Cohesion.Assets.OpenReferral;
using Cohesion.Assets.Search;
using Cohesion.Assets.Taxonomy;

namespace Cohesion.Assets;

/// <summary>The Assets module's services, page rules and endpoints, added to the app in two lines.</summary>
public static class AssetsSetup
{
    public static IServiceCollection AddAssets(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Geo.AreaShapes>();
        services.AddHostedService<TaxonomySeeder>();
        services.AddAssetEditing();
        services.AddAssetDemo(config).AddAssetGaps().AddAssetCsv();
        services.AddOpenReferral();
        services.AddAssetSearch();
        return services;
    }

    public static void MapAssets(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapAssetGaps();
        app.MapAssetCsv();
        app.MapOpenReferral();
        app.MapAssetSearch(api);
    }
}

namespace Cohesion.Assets.Demo;

/// <summary>The demo directory's seeder, on unless <c>Cohesion:Demo:Assets</c> is false.</summary>
public static class DemoSetup
{
    public const string DemoSetting = "Cohesion:Demo:Assets";

    public static IServiceCollection AddAssetDemo(this IServiceCollection services, IConfiguration config)
    {
        // Tests that do not look at the demo directory turn this off, so their counts are their own.
        if (config.GetValue(DemoSetting, true))
        {
            services.AddSingleton<DemoAssetSeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoAssetSeeder>());
        }
        return services;
    }
}

using Cohesion.Tensions.Demo;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cohesion.Tensions.Watch;

/// <summary>Counts, scheduled detection, alerts and e-mail: the services early warning needs.</summary>
public static class WatchSetup
{
    /// <summary>Turn the worker off (tests that drive <see cref="DetectionRunner"/> themselves at a fixed time).</summary>
    public const string WorkerSetting = "Cohesion:Tensions:Worker";

    public static IServiceCollection AddTensionWatch(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WatchOptions>().BindConfiguration(WatchOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.DetectEvery >= TimeSpan.FromMinutes(1) && o.DetectDebounce >= TimeSpan.Zero, "Cohesion:Tensions:DetectEvery must be at least a minute and DetectDebounce not negative")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DetectionStatus>();
        services.AddSingleton<AlertMailer>();
        services.AddSingleton<DetectionRunner>();
        services.AddScoped<SeriesHistory>(); // remembers a request's counts: see the class
        services.AddScoped<Cohesion.Tensions.Inbox.InboxCounter>();
        if (config.GetValue(WorkerSetting, true)) services.AddHostedService<DetectionWorker>();
        services.AddTensionDemo(config);
        return services;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cohesion.Tests.Infrastructure;

/// <summary>The real web app on a real loopback port, over a fresh database, prepared as on first start.</summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required TestDatabase Database { get; init; }
    public required Uri BaseAddress { get; init; }
    public required string AdminPassword { get; init; }
    public string StartupOutput { get; init; } = "";

    /// <summary>
    /// Starts the app; the demo's synthetic change data, Place Standard engagements, surveys and asset directory are seeded only when a
    /// test asks for them with <see cref="WithChangeData"/>, <see cref="WithPlaceStandardData"/>, <see cref="WithSurveyData"/> or <see cref="WithAssetData"/>.
    /// </summary>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, params string[] extraArgs)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        string[] args = ["--urls", "http://127.0.0.1:0", "--Cohesion:Security:SignInPermitPerMinute", "1000",
            "--Cohesion:Security:PublicFormPermitPerMinute", "1000", "--Cohesion:Demo:ChangeData", "false",
            "--Cohesion:Demo:PlaceStandard", "false", "--Cohesion:Demo:Surveys", "false", "--Cohesion:Demo:Assets", "false", "--Cohesion:Demo:Tensions", "false", .. database.Args, .. extraArgs];
        var app = CohesionWebApp.Build(args, b => b.Logging.ClearProviders());
        var output = new StringWriter();
        await CohesionWebApp.PrepareAsync(app, output);
        await app.StartAsync();
        if (Asks(extraArgs, WithPlaceStandardData))
        {
            // Seeded in the background once the app listens, like the change data; tests that asked for it wait.
            await app.Services.GetRequiredService<Cohesion.PlaceStandard.Demo.DemoPlaceStandardSeeder>().Status.Done.WaitAsync(TimeSpan.FromMinutes(2));
        }
        if (Asks(extraArgs, WithSurveyData))
        {
            // Seeded in the background like the others; tests that asked for the demo's surveys wait, and fail if it failed.
            var status = app.Services.GetRequiredService<Cohesion.Surveys.Demo.DemoSurveySeeder>().Status;
            await status.Done.WaitAsync(TimeSpan.FromMinutes(2));
            if (status.Current == SeedStatus.State.Failed) throw new InvalidOperationException($"Demo surveys: {status.Error}");
        }
        if (Asks(extraArgs, WithAssetData))
        {
            // Seeded in the background like the others; tests that asked for the demo directory wait, and fail if it failed.
            var status = app.Services.GetRequiredService<Cohesion.Assets.Demo.DemoAssetSeeder>().Status;
            await status.Done.WaitAsync(TimeSpan.FromMinutes(2));
            if (status.Current == SeedStatus.State.Failed) throw new InvalidOperationException($"Demo asset directory: {status.Error}");
        }
        if (Asks(extraArgs, WithTensionData))
        {
            // Seeded in the background like the others; tests that asked for the demo's tension log wait, and fail if it failed.
            var status = app.Services.GetRequiredService<Cohesion.Tensions.Demo.DemoTensionSeeder>().Status;
            await status.Done.WaitAsync(TimeSpan.FromMinutes(2));
            if (status.Current == SeedStatus.State.Failed) throw new InvalidOperationException($"Demo tension log: {status.Error}");
        }
        if (Asks(extraArgs, WithChangeData))
        {
            // The demo's change data is seeded in the background once the app listens; tests that asked for it wait.
            var status = app.Services.GetRequiredService<Cohesion.Change.DemoChangeSeeder>().Status;
            await status.Done.WaitAsync(TimeSpan.FromMinutes(5));
            if (status.Current == SeedStatus.State.Failed) throw new InvalidOperationException($"Demo change data: {status.Error}");
        }
        var password = PasswordLine().Match(output.ToString()).Groups[1].Value;
        return new TestApp { App = app, Database = database, BaseAddress = new Uri(app.Urls.First()), AdminPassword = password, StartupOutput = output.ToString() };
    }

    /// <summary>The extra arguments that seed the demo's synthetic GP registrations, as a first start does.</summary>
    public static readonly string[] WithChangeData = ["--Cohesion:Demo:ChangeData", "true"];

    /// <summary>The extra arguments that seed the demo's synthetic Place Standard engagements, as a first start does.</summary>
    public static readonly string[] WithPlaceStandardData = ["--Cohesion:Demo:PlaceStandard", "true"];

    /// <summary>The extra arguments that seed the demo's synthetic residents' surveys, as a first start does.</summary>
    public static readonly string[] WithSurveyData = ["--Cohesion:Demo:Surveys", "true"];

    /// <summary>The extra arguments that seed the demo's synthetic asset directory, as a first start does.</summary>
    public static readonly string[] WithAssetData = ["--Cohesion:Demo:Assets", "true"];

    /// <summary>The extra arguments that seed the demo's synthetic tension log (reports, media, assessments, a flashpoint), as a first start does.</summary>
    public static readonly string[] WithTensionData = ["--Cohesion:Demo:Tensions", "true"];

    /// <summary>Whether the arguments hold the setting (a name followed by its value).</summary>
    static bool Asks(string[] args, string[] setting) =>
        Enumerable.Range(0, Math.Max(0, args.Length - 1)).Any(i => args[i] == setting[0] && args[i + 1] == setting[1]);

    [GeneratedRegex(@"One-time password \(shown once, change it at first sign-in\): (\S+)")]
    private static partial Regex PasswordLine();

    /// <summary>A client with its own cookie jar that does not follow redirects (tests assert them).</summary>
    public HttpClient Client(bool followRedirects = false) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

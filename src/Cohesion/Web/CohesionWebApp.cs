using Cohesion.Accounts;
using Cohesion.Change;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Assets;
using Cohesion.Tensions;
using Cohesion.PlaceStandard;
using Cohesion.Surveys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Cohesion.Web;

/// <summary>Builds and prepares the web application; tests use the same path as <c>cohesion serve</c>.</summary>
public static class CohesionWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--postgres"] = "ConnectionStrings:Postgres",
        ["--database"] = "Cohesion:Database:SqlitePath",
    };

    /// <summary>Published statistics and the pages anyone needs; everything else requires sign-in (the fallback policy).</summary>
    static readonly string[] PublicPages =
    [
        "/Home/Index", "/Home/Glossary", "/Home/Accessibility", "/Home/DataSources", "/Home/Error",
        "/Places/Index", "/Places/Overview", "/Places/Profile",
        // Change pages are open to anyone; each dataset's own sensitivity decides who sees it (a 404 otherwise).
        "/Change/Pages/Index", "/Change/Pages/District", "/Change/Pages/Area",
        "/Segregation/Pages/Index", "/Segregation/Pages/District",
        "/Account/SignIn", "/Account/AccessDenied",
    ];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Dates and numbers on pages in UK format; file formats always use the invariant culture explicitly.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        // ApplicationName pins Razor Pages discovery to this assembly, also when a test host is the entry assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(CohesionWebApp).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        // Relative SQLite paths are relative to where the user ran the command, not to the binaries.
        var sqlitePath = builder.Configuration["Cohesion:Database:SqlitePath"];
        builder.Configuration["Cohesion:Database:SqlitePath"] = Path.GetFullPath(string.IsNullOrWhiteSpace(sqlitePath) ? DatabaseSettings.DefaultSqlitePath : sqlitePath, Environment.CurrentDirectory);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        configure?.Invoke(builder);

        var database = DatabaseSettings.From(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContext<CohesionDb>(database.Configure);
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var protection = builder.Services.AddDataProtection().SetApplicationName("cohesion");
        // The key ring lives in the database so any node can read any cookie; a certificate, when configured,
        // encrypts it at rest so a copy of the database alone cannot forge sign-in cookies.
        if (builder.Configuration["Cohesion:DataProtection:CertificatePath"] is { Length: > 0 } certPath)
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certPath, builder.Configuration["Cohesion:DataProtection:CertificatePassword"]));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddRazorPages(o =>
        {
            // Feature folders: pages live beside their module's code, not under /Pages.
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
        });
        builder.Services.AddAntiforgery(o => { o.Cookie.Name = "cohesion-af"; o.Cookie.SameSite = SameSiteMode.Strict; });
        builder.Services.AddAccounts();
        builder.Services.AddSignInRateLimit();
        builder.Services.AddSingleton<AreaStatsCache>();
        builder.Services.AddSingleton<Cohesion.Change.Read.ChangeCache>();
        builder.Services.AddSingleton<Cohesion.Segregation.Read.SegregationCache>();
        builder.Services.AddSingleton<SeedConsole>();
        // Always there, so /change can ask its status; it runs only when enabled. Tests that do not look at change
        // data turn it off: generating and importing the extracts costs seconds.
        builder.Services.AddSingleton<DemoChangeSeeder>();
        if (builder.Configuration.GetValue("Cohesion:Demo:ChangeData", true)) builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoChangeSeeder>());
        builder.Services.AddPlaceStandard(builder.Configuration);
        builder.Services.AddSurveys(builder.Configuration);
        builder.Services.AddAssets(builder.Configuration);
        builder.Services.AddTensions(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", AllowStatusCode404Response = true });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        // Acts only on endpoints that name a CORS policy (the Open Referral API); everything else stays same-origin.
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAccountGuards();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        var api = app.MapGroup("/api/v1").WithTags("api");
        api.MapPlacesApi().AllowAnonymous();
        api.MapChangeApi().AllowAnonymous();
        Cohesion.Segregation.SegregationApi.MapSegregationApi(api).AllowAnonymous();
        app.MapExports().AllowAnonymous();
        app.MapChangeExports().AllowAnonymous();
        app.MapChangeTableExports().AllowAnonymous();
        Cohesion.Segregation.SegregationExports.MapSegregationExports(app).AllowAnonymous();
        app.MapPlaceStandard(api);
        app.MapSurveys(api);
        app.MapAssets(api);
        app.MapTensions(api);
        app.MapRazorPages();
        // Unknown addresses are a 404 page for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }

    /// <summary>Brings the schema up to date, seeds the demo place and creates the first admin when missing.</summary>
    public static async Task PrepareAsync(WebApplication app, TextWriter console, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
        await SchemaMigrator.MigrateAsync(db, ct);
        if (await DemoPlace.SeedIfEmptyAsync(db, ct))
            await console.WriteLineAsync("Seeded the demo place: Oldham (Census 2011, ONS, OGL v3.0).");
        // The demo's change data and engagements are seeded in the background once the app listens; they report here.
        app.Services.GetRequiredService<SeedConsole>().Use(console);
        if (await FirstAdmin.CreateIfNoUsersAsync(db, ct) is { } created)
        {
            await console.WriteLineAsync($"Created the first administrator: {created.Email}");
            await console.WriteLineAsync($"One-time password (shown once, change it at first sign-in): {created.Password}");
        }
    }
}

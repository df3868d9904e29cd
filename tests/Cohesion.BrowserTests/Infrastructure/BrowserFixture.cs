using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>
/// One app (fresh database, demo place, change data, Place Standard engagements and surveys seeded) and one headless Chromium for a test class. Each
/// test opens its own browser context, so cookies never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@cohesion.local";

    TestApp? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;
    string? _adminState;
    readonly SemaphoreSlim _signInGate = new(1, 1);

    public TestApp App => _app ?? throw new InvalidOperationException("The app did not start.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    /// <summary>The admin's password now: the one-time one until a test (or <see cref="AdminStateAsync"/>) changes it.</summary>
    public string AdminPassword { get; set; } = "";

    /// <summary>The demo data the app is started with; a fixture for pages that need none of it starts faster without.</summary>
    protected virtual string[] DemoData => [.. TestApp.WithChangeData, .. TestApp.WithPlaceStandardData, .. TestApp.WithSurveyData, .. TestApp.WithAssetData];

    public async Task InitializeAsync()
    {
        var chromium = BrowserEnvironment.Chromium; // fail before starting anything
        // With the demo's synthetic change data, Place Standard engagements, surveys and asset directory: their pages are among the pages checked.
        _app = await TestApp.StartAsync(Cohesion.Data.DatabaseProvider.Sqlite, DemoData);
        AdminPassword = _app.AdminPassword;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = BrowserEnvironment.ChromiumArgs });
    }

    /// <param name="javaScript">false to see the page as a browser without JavaScript does.</param>
    /// <param name="bypassCsp">true only where axe-core is injected; the app's own CSP stays in force otherwise.</param>
    /// <param name="storageState">cookies of a signed-in user, from <see cref="AdminStateAsync"/>.</param>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, bool bypassCsp = false, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            StorageState = storageState,
            AcceptDownloads = true,
            Locale = "en-GB",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>Opens a page (as the admin when asked) in a context axe-core can be injected into, checks its status and runs axe on it.</summary>
    public async Task AssertNoViolationsAsync(string path, int status, bool asAdmin = false)
    {
        await using var context = await NewContextAsync(bypassCsp: true, storageState: asAdmin ? await AdminStateAsync() : null);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status);
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>Cookies of the admin, signed in with the one-time password changed (done once per fixture).</summary>
    public async Task<string> AdminStateAsync()
    {
        await _signInGate.WaitAsync();
        try
        {
            if (_adminState is not null) return _adminState;
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await page.SignInAsync(AdminEmail, AdminPassword);
            if (page.Path() == "/account/change-password") AdminPassword = await page.ChangePasswordAsync(AdminPassword);
            Assert.Equal("/", page.Path());
            return _adminState = await context.StorageStateAsync();
        }
        finally { _signInGate.Release(); }
    }

    /// <summary>A user made straight in the app's database with a known password (the first organisation unless one is named).</summary>
    public async Task AddUserAsync(string email, string password, Cohesion.Accounts.Role role, string? organisation = null, bool mustChangePassword = false)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Cohesion.Data.CohesionDb>();
        var org = organisation is null ? await db.Organisations.FirstAsync() : await db.Organisations.SingleAsync(o => o.Name == organisation);
        var user = new Cohesion.Accounts.User { Email = email, DisplayName = email, Organisation = org, Role = role, MustChangePassword = mustChangePassword, CreatedAt = DateTime.UtcNow };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<Cohesion.Accounts.User>>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _signInGate.Dispose();
    }
}

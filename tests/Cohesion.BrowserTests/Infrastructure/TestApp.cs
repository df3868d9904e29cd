using System.Text.RegularExpressions;
using Cohesion.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cohesion.BrowserTests.Infrastructure;

/// <summary>
/// The real web app on a real loopback port over a fresh SQLite database, prepared as on first start
/// (Oldham seeded, first admin created). A small copy of Cohesion.Tests' TestApp.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required TestDatabase Database { get; init; }
    public required Uri BaseAddress { get; init; }
    /// <summary>The first admin's one-time password, read from what first start prints.</summary>
    public required string AdminPassword { get; init; }

    public static async Task<TestApp> StartAsync()
    {
        var database = TestDatabase.Create();
        string[] args = ["--urls", "http://127.0.0.1:0", "--Cohesion:Security:SignInPermitPerMinute", "1000", .. database.Args];
        var app = CohesionWebApp.Build(args, b => b.Logging.ClearProviders());
        var output = new StringWriter();
        await CohesionWebApp.PrepareAsync(app, output);
        await app.StartAsync();
        var password = PasswordLine().Match(output.ToString()).Groups[1].Value;
        if (password.Length == 0) throw new InvalidOperationException("First start printed no one-time admin password:\n" + output);
        return new TestApp { App = app, Database = database, BaseAddress = new Uri(app.Urls.First()), AdminPassword = password };
    }

    [GeneratedRegex(@"One-time password \(shown once, change it at first sign-in\): (\S+)")]
    private static partial Regex PasswordLine();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

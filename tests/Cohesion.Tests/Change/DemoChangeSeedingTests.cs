using Cohesion.Change;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Cohesion.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cohesion.Tests.Change;

/// <summary>
/// The demo's change data is seeded after the app starts listening: the first start is not kept waiting for
/// 800,000 synthetic rows, the change page says the data is being prepared, and a start stopped part-way leaves
/// nothing behind and is finished by the next start.
/// </summary>
public class DemoChangeSeedingTests
{
    static async Task<(WebApplication App, StringWriter Output)> StartAsync(TestDatabase database)
    {
        var app = CohesionWebApp.Build(["--urls", "http://127.0.0.1:0", "--Cohesion:Demo:ChangeData", "true", .. database.Args], b => b.Logging.ClearProviders());
        var output = new StringWriter();
        await CohesionWebApp.PrepareAsync(app, output);
        await app.StartAsync();
        return (app, output);
    }

    [Fact]
    public async Task FirstStartListensAtOnceSaysTheDataIsBeingPreparedAndAStoppedSeedLeavesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        var (first, firstOutput) = await StartAsync(database);
        var status = first.Services.GetRequiredService<DemoChangeSeeder>().Status;
        Assert.Equal(SeedStatus.State.Preparing, status.Current);
        using (var client = new HttpClient { BaseAddress = new Uri(first.Urls.First()) })
        {
            var html = await client.GetStringAsync("/change");
            Assert.Contains("are being prepared", html);
            Assert.Contains("No datasets", html);
        }
        // Stopping mid-seed cancels the import, whose single transaction then leaves the database as it was.
        await first.StopAsync();
        await first.DisposeAsync();
        Assert.Equal(SeedStatus.State.Failed, status.Current);
        Assert.DoesNotContain("Seeded synthetic GP registrations", firstOutput.ToString());
        await using (var db = database.Context())
        {
            Assert.Equal(0, await db.Datasets.CountAsync(d => d.Name == DemoChange.GpDataset || d.Name == DemoChange.SchoolDataset));
            Assert.Equal(0, await db.ChangeFigures.CountAsync());
        }

        var (second, secondOutput) = await StartAsync(database);
        try
        {
            var again = second.Services.GetRequiredService<DemoChangeSeeder>().Status;
            await again.Done.WaitAsync(TimeSpan.FromMinutes(5));
            Assert.Equal(SeedStatus.State.Ready, again.Current);
            Assert.Contains("Seeded synthetic GP registrations (gp-oldham-synthetic) and school census (school-oldham-synthetic)", secondOutput.ToString());
            using var client = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
            var html = await client.GetStringAsync("/change");
            Assert.DoesNotContain("are being prepared", html);
            Assert.Contains("GP registrations in Oldham (synthetic)", html);
            Assert.Contains("School census in Oldham (synthetic)", html);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }

        // A third start finds both and seeds nothing.
        var (third, thirdOutput) = await StartAsync(database);
        Assert.Equal(SeedStatus.State.NotNeeded, third.Services.GetRequiredService<DemoChangeSeeder>().Status.Current);
        await third.StopAsync();
        await third.DisposeAsync();
        Assert.DoesNotContain("Preparing", thirdOutput.ToString());
    }
}

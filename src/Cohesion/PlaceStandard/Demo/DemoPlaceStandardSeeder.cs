using Cohesion.Change;
using Cohesion.Data;

namespace Cohesion.PlaceStandard.Demo;

/// <summary>
/// Seeds the demo's synthetic Place Standard engagements once the app is listening, so the first start's first
/// request does not wait for them (they take well under a second, but EF's first save costs more than the start-up
/// budget). One transaction: a start stopped part-way leaves nothing, and the next start seeds again.
/// </summary>
public sealed class DemoPlaceStandardSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, DemoChangeConsole console, ILogger<DemoPlaceStandardSeeder> log)
    : BackgroundService
{
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when seeding has finished, failed or was not needed (tests wait on it).</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var made = await DemoPlaceStandard.SeedAsync(scope.ServiceProvider.GetRequiredService<CohesionDb>(), stoppingToken);
            if (made > 0)
                await console.WriteLineAsync($"Seeded synthetic Place Standard engagements for Oldham ({made} assessments): synthetic data, describing no real person's views.");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "Seeding the demo's Place Standard engagements failed; it will be tried again at the next start");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}

using Cohesion.Data;

namespace Cohesion.Change;

/// <summary>Where the demo's change data stands: pages say "being prepared" rather than "no datasets" while it is seeded.</summary>
public sealed class DemoChangeStatus
{
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public enum State { NotNeeded, Preparing, Ready, Failed }

    public State Current { get; private set; } = State.NotNeeded;
    public DateTime? StartedAt { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Completes when seeding has finished, failed or was not needed (tests wait on it).</summary>
    public Task Done => _done.Task;

    internal void Preparing() { Current = State.Preparing; StartedAt = DateTime.UtcNow; }
    internal void Finish(State state, string? error = null) { Current = state; Error = error; _done.TrySetResult(); }
}

/// <summary>
/// Seeds the demo's synthetic GP registrations and school census once the app is listening. Generating and importing
/// 800,000 synthetic rows takes several seconds; on the start-up path it made the first start five times slower,
/// so it runs in the background and the change pages say the data is being prepared until it is there.
/// The import is one transaction, so stopping the app part-way leaves nothing behind and the next start seeds again.
/// </summary>
public sealed class DemoChangeSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, DemoChangeStatus status, DemoChangeConsole console,
    ILogger<DemoChangeSeeder> log) : IHostedService
{
    Task? _run;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The check is one cheap query; making it here means the status is settled before the first request.
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await DemoChange.NeedsSeedingAsync(scope.ServiceProvider.GetRequiredService<CohesionDb>(), cancellationToken))
            {
                status.Finish(DemoChangeStatus.State.NotNeeded);
                return;
            }
        }
        status.Preparing();
        lifetime.ApplicationStarted.Register(() => _run = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_run is { } run) await run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CohesionDb>();
            await console.WriteLineAsync("Preparing the demo's synthetic GP registrations and school census for Oldham in the background (the change pages say so until they are ready).");
            await DemoChange.SeedIfMissingAsync(db, ct);
            status.Finish(DemoChangeStatus.State.Ready);
            await console.WriteLineAsync($"Seeded synthetic GP registrations ({DemoChange.GpDataset}) and school census ({DemoChange.SchoolDataset}) for Oldham: synthetic data, describing no real person.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status.Finish(DemoChangeStatus.State.Failed, "the app stopped before the demo data was ready; it will be prepared at the next start");
        }
        catch (Exception e)
        {
            log.LogError(e, "Seeding the demo's change data failed");
            status.Finish(DemoChangeStatus.State.Failed, e.Message);
        }
    }
}

/// <summary>Where the seeder reports progress: the console for <c>cohesion serve</c>, the start-up transcript in tests.</summary>
public sealed class DemoChangeConsole
{
    readonly Lock _gate = new();
    TextWriter _writer = TextWriter.Null;

    public void Use(TextWriter writer) { lock (_gate) _writer = writer; }

    public Task WriteLineAsync(string line)
    {
        lock (_gate) _writer.WriteLine(line);
        return Task.CompletedTask;
    }
}

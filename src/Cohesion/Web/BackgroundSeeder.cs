using Cohesion.Data;

namespace Cohesion.Web;

/// <summary>Where a background seeder stands: pages say "being prepared" rather than "nothing here" while it works.</summary>
public sealed class SeedStatus
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

/// <summary>Where seeders report progress: the console for <c>cohesion serve</c>, the start-up transcript in tests.</summary>
public sealed class SeedConsole
{
    readonly Lock _gate = new();
    TextWriter _writer = TextWriter.Null;

    public void Use(TextWriter writer) { lock (_gate) _writer = writer; }

    public void WriteLine(string line) { lock (_gate) _writer.WriteLine(line); }
}

/// <summary>
/// Seeds demo data once the app is listening, so a first start is not kept waiting for it. Whether seeding is
/// needed is settled before the server starts (one cheap query, so <see cref="Status"/> is right for the first
/// request); the work itself runs after. Seeders write in one transaction: stopping the app part-way leaves
/// nothing, and the next start seeds again.
/// </summary>
public abstract class BackgroundSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, SeedConsole console, ILogger log) : IHostedService
{
    Task? _run;

    public SeedStatus Status { get; } = new();

    /// <summary>Whether there is anything to seed; plain SQL, so no EF model is built on the start-up path.</summary>
    protected abstract Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct);

    /// <summary>Seeds, and returns the line to report when done.</summary>
    protected abstract Task<string> SeedAsync(CohesionDb db, CancellationToken ct);

    /// <summary>A line to report when seeding starts, if any.</summary>
    protected virtual string? Preparing => null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await NeedsSeedingAsync(scope.ServiceProvider.GetRequiredService<CohesionDb>(), cancellationToken))
            {
                Status.Finish(SeedStatus.State.NotNeeded);
                return;
            }
        }
        Status.Preparing();
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
            if (Preparing is { } line) console.WriteLine(line);
            await using var scope = scopes.CreateAsyncScope();
            var done = await SeedAsync(scope.ServiceProvider.GetRequiredService<CohesionDb>(), ct);
            Status.Finish(SeedStatus.State.Ready);
            console.WriteLine(done);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Status.Finish(SeedStatus.State.Failed, "the app stopped before the demo data was ready; it will be prepared at the next start");
        }
        catch (Exception e)
        {
            log.LogError(e, "Seeding demo data ({Seeder}) failed; it will be tried again at the next start", GetType().Name);
            Status.Finish(SeedStatus.State.Failed, e.Message);
        }
    }
}

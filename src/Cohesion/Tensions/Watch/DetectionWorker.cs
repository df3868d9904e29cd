using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Runs detection once the app has started, then every <see cref="WatchOptions.DetectEvery"/>, and soon after reports
/// change (<see cref="DetectionSignal"/>, debounced so an import costs one run). A failed run (the database busy with
/// a long import, say) is logged and tried again after <see cref="RetryAfter"/>: the worker never stops the app.
/// </summary>
public sealed class DetectionWorker(DetectionRunner runner, DetectionSignal signal, IOptions<WatchOptions> options, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<DetectionWorker> log) : BackgroundService
{
    /// <summary>How soon a failed run is tried again, rather than at the next hour.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not on the start-up path: wait until the app listens.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            try { await runner.RunAsync(clock.GetUtcNow().UtcDateTime, stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                failed = true;
                log.LogError(e, "Tension detection failed; it will run again in {Retry}", RetryAfter);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(failed && RetryAfter < o.DetectEvery ? RetryAfter : o.DetectEvery);
            try
            {
                await signal.Reader.ReadAsync(wait.Token);
                await Task.Delay(o.DetectDebounce, stoppingToken);
                while (signal.Reader.TryRead(out _)) { } // reports during the pause ride on this run
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { } // the hour is up
            catch (OperationCanceledException) { return; }
        }
    }
}

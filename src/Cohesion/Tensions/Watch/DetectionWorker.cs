using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// Runs detection once the app has started, then every <see cref="WatchOptions.DetectEvery"/>, and soon after reports
/// change (<see cref="DetectionSignal"/>, debounced so an import costs one run). A failed run is logged and the next
/// one tried as usual: the worker never stops the app.
/// </summary>
public sealed class DetectionWorker(DetectionRunner runner, DetectionSignal signal, IOptions<WatchOptions> options, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<DetectionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not on the start-up path: wait until the app listens.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await runner.RunAsync(clock.GetUtcNow().UtcDateTime, stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogError(e, "Tension detection failed; it will run again at the next report or in {Every}", o.DetectEvery); }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(o.DetectEvery);
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

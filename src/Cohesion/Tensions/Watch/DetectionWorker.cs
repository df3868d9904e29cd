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
            catch (Exception e) when (Busy(e))
            {
                // SQLite has one writer: a long write (the demo seeding on first start, a big import) makes the run wait
                // its turn. Expected, so a warning without a stack trace.
                failed = true;
                log.LogWarning("Tension detection waited for another write to the database to finish; it will run again in {Retry}", RetryAfter);
            }
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

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6) anywhere in the chain of exceptions.</summary>
    static bool Busy(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true;
        return false;
    }
}

namespace Cohesion.Tensions.Watch;

/// <summary>What the last detection run did, for the dashboard and the log; tests wait on <see cref="NextRun"/>.</summary>
public sealed class DetectionStatus
{
    readonly Lock _gate = new();
    TaskCompletionSource<RunSummary> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunSummary? Last { get; private set; }

    /// <summary>Completes when the next run finishes (or fails).</summary>
    public Task<RunSummary> NextRun { get { lock (_gate) return _next.Task; } }

    internal void Finished(RunSummary summary)
    {
        TaskCompletionSource<RunSummary> done;
        lock (_gate)
        {
            Last = summary;
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult(summary);
    }
}

/// <summary>One run: when, over how many series and weeks, what it raised and extended, and the error if it failed.</summary>
public sealed record RunSummary(DateTime StartedAt, TimeSpan Took, int Series, int FirstWeek, int LastWeek, int Alarms, int Raised, int Extended, int Messages, int Emailed, string? Error = null);

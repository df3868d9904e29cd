using System.Threading.RateLimiting;
using Cohesion.Tensions.Reports;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Api;

/// <summary>
/// Limits each API key to <see cref="ReportOptions.ApiPermitPerMinute"/> requests in a sliding minute, so a partner's
/// system stuck in a loop slows down instead of filling the log; keys are limited apart, so one cannot starve another.
/// </summary>
public sealed class ApiKeyLimiter : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter;

    public ApiKeyLimiter(IOptions<ReportOptions> options)
    {
        var permit = options.Value.ApiPermitPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
    }

    public bool TryAcquire(string keyPrefix)
    {
        using var lease = _limiter.AttemptAcquire(keyPrefix);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

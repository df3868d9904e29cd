using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cohesion.Web.PublicForms;

/// <summary>
/// Limits the writes anyone can make without signing in (submitting a public form, saving its answers) per client
/// address: <see cref="SecurityOptions.PublicFormPermitPerMinute"/> in each fixed minute, shared by every public form,
/// so a script cannot flood a survey with made-up responses or the draft tables with rows. Moving between pages is not
/// limited: it writes nothing. It is asked in the page handler, not by the rate-limiting middleware, because only the
/// handler knows which button was pressed (every page of a form posts to one address), and so that a respondent who is
/// told to wait keeps their answers.
/// </summary>
public sealed class PublicFormLimiter : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter;

    public PublicFormLimiter(IOptions<SecurityOptions> options)
    {
        var permit = options.Value.PublicFormPermitPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one permit for the request's client; false when its minute's permits are used up.</summary>
    public bool TryAcquire(HttpContext ctx)
    {
        using var lease = _limiter.AttemptAcquire(Client(ctx.Connection.RemoteIpAddress));
        return lease.IsAcquired;
    }

    /// <summary>
    /// The partition: an IPv4 address, or an IPv6 address's /64 (one household or device is given a whole /64 and can
    /// pick any address in it, so limiting single IPv6 addresses would limit nothing).
    /// </summary>
    public static string Client(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();
}

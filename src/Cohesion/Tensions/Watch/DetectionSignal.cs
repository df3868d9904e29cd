using System.Threading.Channels;

namespace Cohesion.Tensions.Watch;

/// <summary>
/// How whatever writes reports (the form, the CSV import, the API, the public form, the demo) tells the detection
/// worker that counts changed, without waiting for it: a bounded channel of one pending wake-up, so a burst of
/// reports costs one detection run, not one per report.
/// </summary>
public sealed class DetectionSignal
{
    readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Reports were added, changed or removed: detection should run again soon.</summary>
    public void ReportsChanged() => channel.Writer.TryWrite(true);

    public ChannelReader<bool> Reader => channel.Reader;
}

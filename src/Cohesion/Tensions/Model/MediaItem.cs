namespace Cohesion.Tensions.Model;

/// <summary>A news or social media item the monitoring team logged because it may affect relations between groups.</summary>
public sealed class MediaItem
{
    public int Id { get; set; }
    public int OwnerOrganisationId { get; set; }
    /// <summary>The outlet or account (Oldham Chronicle, a Facebook group, …).</summary>
    public string Source { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public string Headline { get; set; } = "";
    public string? Url { get; set; }
    public MediaTone Tone { get; set; }
    public string? GroupsMentioned { get; set; }
    /// <summary>The area it is about, when it is about one.</summary>
    public int? AreaId { get; set; }
    public int? CreatedByUserId { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
}

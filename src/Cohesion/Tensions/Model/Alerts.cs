namespace Cohesion.Tensions.Model;

/// <summary>
/// An early warning: one per episode of a count series (area × type × strand, or a district total) — consecutive alarm
/// weeks extend the open alert instead of raising new ones, so leads get one alert per rise, not one per week.
/// </summary>
public sealed class TensionAlert
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    /// <summary>The series, as <c>Tensions/Watch</c> names it (e.g. "E05000730|hate-incident|race-or-ethnicity").</summary>
    public string SeriesKey { get; set; } = "";
    /// <summary>The detection method and its parameters, as a person reads them.</summary>
    public string Method { get; set; } = "";
    /// <summary>Monday of the first and of the latest alarm week of the episode.</summary>
    public DateOnly FirstWeek { get; set; }
    public DateOnly LastWeek { get; set; }
    public int Observed { get; set; }
    public double? Expected { get; set; }
    public double? Upper { get; set; }
    public double? Score { get; set; }
    public AlertState State { get; set; }
    public int? AcknowledgedByUserId { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public int? AssessmentId { get; set; }
    public string? Outcome { get; set; }
    public int? ClosedByUserId { get; set; }
    public DateTime? ClosedAt { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A message in a user's in-app inbox (alerts today; anything that needs a person's attention later).</summary>
public sealed class InboxMessage
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The page the message is about, as a local path.</summary>
    public string? Link { get; set; }
    public int? AlertId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When an e-mail copy was handed to the SMTP server, if one is configured and the user wants it.</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>A user who leads tension monitoring for an area (a ward, or the district): alerts there reach them.</summary>
public sealed class MonitoringLead
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public int AreaId { get; set; }
    /// <summary>Send alerts by e-mail as well as to the inbox.</summary>
    public bool EmailAlerts { get; set; }
    public DateTime CreatedAt { get; set; }
}

namespace Cohesion.Assets.Model;

/// <summary>
/// A saved version of a directory record: the whole service with its parts as JSON, who saved it and when. Restoring
/// an old version saves it again as the newest, so history is never rewritten.
/// </summary>
public sealed class AssetRevision
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public int Version { get; set; }
    public required string SnapshotJson { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string Summary { get; set; } = "";
}

/// <summary>A resident's proposal of an asset the directory lacks, waiting for a moderator.</summary>
public sealed class AssetProposal
{
    public int Id { get; set; }
    public AssetKind Kind { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Where it is, in the resident's words.</summary>
    public string? Where { get; set; }
    public int? AreaId { get; set; }
    public Guid? TermId { get; set; }
    public string? Website { get; set; }
    /// <summary>How the moderator may reach the proposer, if they chose to say; never published.</summary>
    public string? ProposerContact { get; set; }
    public DateTime SubmittedAt { get; set; }
    public ModerationState State { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
    /// <summary>The draft record made from an accepted proposal.</summary>
    public Guid? ServiceId { get; set; }
}

/// <summary>A resident's report that something about a record is wrong, waiting for a moderator.</summary>
public sealed class ProblemReport
{
    public int Id { get; set; }
    public Guid ServiceId { get; set; }
    public ProblemKind Kind { get; set; }
    public string Details { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public ModerationState State { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}

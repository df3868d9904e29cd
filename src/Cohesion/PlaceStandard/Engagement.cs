using Cohesion.Places;

namespace Cohesion.PlaceStandard;

/// <summary>
/// A Place Standard exercise: people assess one area over one period (a year, a season). Its owner organisation's
/// staff run it: they open it to responses, close it, moderate its comments and decide when its results are public.
/// </summary>
public sealed class Engagement
{
    public int Id { get; set; }
    /// <summary>Short name for addresses, the API and <c>cohesion import place-standard --engagement</c>: letters, digits, '-' and '_'.</summary>
    public required string Name { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    /// <summary>When it ran, as people say it: "2025", "Spring 2025". Comparisons order by it.</summary>
    public required string Period { get; set; }
    public int OwnerOrganisationId { get; set; }
    /// <summary>Accepting responses through the online form.</summary>
    public bool IsOpen { get; set; }
    /// <summary>Results and approved comments visible to everyone; otherwise only to the owner's users.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Generated for demonstration: labelled wherever it is shown.</summary>
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

public enum AssessmentKind { Individual, Group }

/// <summary>
/// One completed assessment: a person's, or a group's agreed one. Nothing in it says who gave it: the answers about
/// the respondent are optional, broad and only ever shown for groups of people (see <see cref="RespondentGroups"/>).
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public int EngagementId { get; set; }
    public AssessmentKind Kind { get; set; }
    /// <summary>1 for an individual; for a group, how many took part (its weight in the results).</summary>
    public int Participants { get; set; } = 1;
    /// <summary>A group's name as the facilitator gave it ("Youth club"); groups only.</summary>
    public string? GroupLabel { get; set; }
    public string? AgeBand { get; set; }
    public string? Sex { get; set; }
    public string? EthnicGroup { get; set; }
    public string? Disability { get; set; }
    /// <summary>The day it was submitted or imported; no time, so it cannot be matched to a visit.</summary>
    public DateOnly SubmittedOn { get; set; }
    /// <summary>online, import or demo.</summary>
    public required string Source { get; set; }
    /// <summary>
    /// A random key the online form carries until it is submitted, so pressing submit twice (or going back and
    /// submitting again) stores one assessment; null for imports.
    /// </summary>
    public string? Receipt { get; set; }
    public List<ThemeScore> Scores { get; set; } = [];
    public List<ThemeComment> Comments { get; set; } = [];
}

/// <summary>A theme's score, 1 (a lot of room for improvement) to 7 (very little); a theme not answered has no row.</summary>
public sealed class ThemeScore
{
    public long AssessmentId { get; set; }
    public short Theme { get; set; }
    public short Score { get; set; }
}

public enum CommentKind { GoodNow, CouldBeBetter }

/// <summary>
/// Where a comment stands: every comment waits (Pending) until a member of the owner's staff approves it, redacts
/// it (its personal data replaced, then published) or rejects it (its text deleted, never published).
/// </summary>
public enum ModerationState { Pending, Approved, Redacted, Rejected }

/// <summary>A "what is good now" or "what could be better" comment on one theme of an assessment.</summary>
public sealed class ThemeComment
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public short Theme { get; set; }
    public CommentKind Kind { get; set; }
    public required string Text { get; set; }
    public ModerationState State { get; set; }
    /// <summary>What the personal-data screen found when the comment arrived: "email,phone,postcode", or empty.</summary>
    public string Flags { get; set; } = "";
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
}

/// <summary>
/// Answers saved part-way through the online form, kept only because the respondent asked to come back to them:
/// found by the hash of a random code (the code itself is not stored), encrypted, and deleted on submission or
/// when they expire. A draft is not an assessment and counts in no result.
/// </summary>
public sealed class AssessmentDraft : Cohesion.Web.PublicForms.IFormDraft
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string CodeHash { get; set; }
    public required string Payload { get; set; }
    public DateTime SavedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

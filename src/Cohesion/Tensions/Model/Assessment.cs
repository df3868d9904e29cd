namespace Cohesion.Tensions.Model;

/// <summary>The monitoring lead's weekly judgement of an area's tension level, with its evidence and actions.</summary>
public sealed class TensionAssessment
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    /// <summary>Monday of the ISO week assessed.</summary>
    public DateOnly WeekStart { get; set; }
    /// <summary><see cref="TensionWords.MinLevel"/> (low) to <see cref="TensionWords.MaxLevel"/> (critical).</summary>
    public int Level { get; set; }
    public string Summary { get; set; } = "";
    public TensionFactors Factors { get; set; }
    /// <summary>The groups involved, in the lead's words.</summary>
    public string? GroupsInvolved { get; set; }
    public int OrganisationId { get; set; }
    public int? AssessedByUserId { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<AssessmentEvidence> Evidence { get; set; } = [];
    public List<TensionAction> Actions { get; set; } = [];
}

public sealed class AssessmentEvidence
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public EvidenceKind Kind { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The report it rests on, when there is one.</summary>
    public Guid? ReportId { get; set; }
}

/// <summary>An action with an owner and a due date, agreed in an assessment or on an alert.</summary>
public sealed class TensionAction
{
    public int Id { get; set; }
    public int? AssessmentId { get; set; }
    public int? AlertId { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Who will do it, in words (a person or an organisation), and the user when they have an account.</summary>
    public string Owner { get; set; } = "";
    public int? OwnerUserId { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionState State { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

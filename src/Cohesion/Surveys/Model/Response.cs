namespace Cohesion.Surveys.Model;

/// <summary>
/// One submitted (or imported) questionnaire. Nothing in it says who gave it: the day, not the time; the area picked,
/// not an address; answers about the respondent are optional and only ever shown for groups of people.
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public DateOnly SubmittedOn { get; set; }
    /// <summary>online, import or demo.</summary>
    public required string Source { get; set; }
    /// <summary>The online form's random key, so submitting twice stores one response; null for imports.</summary>
    public string? Receipt { get; set; }
    /// <summary>The area at the survey's residence level the respondent lives in, when they said.</summary>
    public int? ResidenceAreaId { get; set; }
    /// <summary>Design weight an import supplied (a sample's inverse selection probability); null = 1.</summary>
    public double? DesignWeight { get; set; }
    /// <summary>Design stratum and primary sampling unit an import supplied, for variance estimation.</summary>
    public string? Stratum { get; set; }
    public string? Cluster { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>An answer: the option code for a choice, the number for a thermometer or number item. No row when not answered.</summary>
public sealed class SurveyAnswer
{
    public long ResponseId { get; set; }
    public required string ItemCode { get; set; }
    public string? Choice { get; set; }
    public double? Value { get; set; }
}

/// <summary>
/// Answers saved part-way through the online form because the respondent asked to come back: found by the hash of a
/// random code (the code itself is not stored), encrypted, deleted on submission or expiry. Counts in no result.
/// </summary>
public sealed class SurveyDraft : Cohesion.Web.PublicForms.IFormDraft
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string CodeHash { get; set; }
    public required string Payload { get; set; }
    public DateTime SavedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

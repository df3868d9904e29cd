using System.ComponentModel.DataAnnotations;

namespace Cohesion.Surveys;

/// <summary><c>Cohesion:Surveys:*</c> settings.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Cohesion:Surveys";

    /// <summary>Estimates resting on fewer responses (unweighted) than this are withheld ([c]); the base itself is shown.</summary>
    [Range(1, 1000)] public int MinimumBase { get; set; } = 10;

    /// <summary>How long answers saved part-way through the online form are kept.</summary>
    [Range(1, 365)] public int DraftDays { get; set; } = 30;
}

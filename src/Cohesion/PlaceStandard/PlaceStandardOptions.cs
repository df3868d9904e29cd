using System.ComponentModel.DataAnnotations;

namespace Cohesion.PlaceStandard;

/// <summary><c>Cohesion:PlaceStandard:*</c> settings.</summary>
public sealed class PlaceStandardOptions
{
    public const string Section = "Cohesion:PlaceStandard";

    /// <summary>
    /// Means, medians and distributions resting on fewer people than this are withheld ([c]); counts are always
    /// shown. People, not assessments: a group assessment counts its participants.
    /// </summary>
    [Range(1, 100)] public int MinimumBase { get; set; } = 5;

    /// <summary>How long answers saved part-way through the online form are kept.</summary>
    [Range(1, 365)] public int DraftDays { get; set; } = 30;
}

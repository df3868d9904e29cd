using Cohesion.Places;

namespace Cohesion.Surveys.Model;

/// <summary>How a survey's responses are weighted to the population before estimates are made.</summary>
public enum SurveyWeighting
{
    /// <summary>Each response counts once (or by the weight an import supplied).</summary>
    None,
    /// <summary>Post-stratified to the census population of each residence area.</summary>
    Area,
    /// <summary>Raked to the census population by residence area and by broad ethnic group.</summary>
    AreaAndEthnicGroup,
}

/// <summary>
/// A survey of one place over one period, built from the item bank and local questions by its owner organisation's
/// staff, who open it to responses, close it, and decide when its results are public.
/// </summary>
public sealed class Survey
{
    public int Id { get; set; }
    /// <summary>Short name for addresses, the API and imports: letters, digits, '-' and '_'.</summary>
    public required string Name { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The place surveyed (a district, usually); respondents pick where they live from its areas.</summary>
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    /// <summary>The level of the areas respondents pick from and results are broken down by (ward, MSOA or LSOA).</summary>
    public AreaLevel ResidenceLevel { get; set; } = AreaLevel.Ward;
    /// <summary>When it ran, as people say it: "2025", "Autumn 2025". Trends order by it.</summary>
    public required string Period { get; set; }
    public int OwnerOrganisationId { get; set; }
    public bool IsOpen { get; set; }
    public bool IsPublished { get; set; }
    public bool IsSynthetic { get; set; }
    public SurveyWeighting Weighting { get; set; } = SurveyWeighting.None;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    // Declared after the original columns because migration 0005 appends them: a fresh database from the model must
    // list its columns in the migrated order.
    /// <summary>
    /// Optional weight trimming, as multiples of the mean weight (the population weighted to over the number of
    /// responses): no weight below <see cref="WeightTrimLower"/> (0 to under 1) or above <see cref="WeightTrimUpper"/>
    /// (over 1, at most <see cref="SurveyLimits.MaxTrimUpper"/>). Used only when the survey is weighted.
    /// </summary>
    public double? WeightTrimLower { get; set; }
    /// <inheritdoc cref="WeightTrimLower"/>
    public double? WeightTrimUpper { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
    public List<LocalItem> LocalItems { get; set; } = [];
}

/// <summary>An item the survey asks, in its order: a standard item's code or one of the survey's local items' codes.</summary>
public sealed class SurveyQuestion
{
    public int SurveyId { get; set; }
    public required string ItemCode { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// A question the survey's owner wrote for this survey. Its code starts with <c>local-</c> so it can never be taken for
/// a standard item; options are stored as lines of <c>code|label</c>.
/// </summary>
public sealed class LocalItem
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string Code { get; set; }
    public required string Question { get; set; }
    public string? Hint { get; set; }
    public ItemBank.ItemKind Kind { get; set; }
    public string Options { get; set; } = "";
    public int Min { get; set; }
    public int Max { get; set; }
}

/// <summary>
/// A target an organisation set for an indicator in an area: the value it aims for (percentage or score) by a period.
/// </summary>
public sealed class IndicatorTarget
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public required string Indicator { get; set; }
    public double Value { get; set; }
    public required string ByPeriod { get; set; }
    public int OwnerOrganisationId { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

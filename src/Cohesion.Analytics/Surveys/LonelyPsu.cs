namespace Cohesion.Analytics.Surveys;

/// <summary>
/// What to do with a stratum that has a single primary sampling unit (PSU), whose variance cannot be estimated
/// from within the stratum. The names and the arithmetic are those of R <c>survey</c>'s
/// <c>options(survey.lonely.psu)</c> (Lumley 2010, §3.2; survey 4.1-1 <c>onestrat</c>).
/// </summary>
public enum LonelyPsu
{
    /// <summary>Refuse the design, naming the stratum (R's default).</summary>
    Fail,

    /// <summary>The stratum contributes nothing to the variance. In survey 4.1-1 this gives the same numbers as
    /// <see cref="Certainty"/>; the names differ in intent (left out versus sampled with certainty).</summary>
    Remove,

    /// <summary>The stratum's single PSU total is measured from the overall mean (zero for an influence function)
    /// instead of its stratum mean: a conservative contribution.</summary>
    Adjust,

    /// <summary>The stratum is left out and the variance of the other strata is scaled up by
    /// (number of strata) / (number of strata with two or more PSUs): each lonely stratum gets the average variance.</summary>
    Average,

    /// <summary>The single PSU is taken to have been sampled with certainty: it contributes no sampling variance.</summary>
    Certainty,
}

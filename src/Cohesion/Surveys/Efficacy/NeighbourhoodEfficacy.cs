using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Results;

namespace Cohesion.Surveys.Efficacy;

/// <summary>A residence area's collective efficacy: respondents with a score, their mean, its reliability λ and the shrunken mean; figures withheld under the minimum base.</summary>
public sealed record EfficacyArea(ResidenceAreas.Choice Area, int N, double Mean, double Reliability, double Shrunken, bool Withheld)
{
    public bool LowReliability => Reliability < NeighbourhoodEfficacy.ReliableEnough;
}

/// <summary>
/// One collective-efficacy scale of a survey: the weighted overall mean (design-based, as every survey figure) and the
/// ecometrics of its residence areas (unweighted: a model of respondents within neighbourhoods); null ecometrics with
/// the reason when they cannot be estimated.
/// </summary>
public sealed record EfficacyScale(Indicator Scale, DomainEstimate Overall, EcometricResult? Ecometrics, IReadOnlyList<EfficacyArea> Areas, string? Problem);

/// <summary>
/// Collective efficacy by neighbourhood (Sampson, Raudenbush &amp; Earls 1997) with the reliability of each
/// neighbourhood's mean (Raudenbush &amp; Sampson 1999): each respondent's scale score (<see cref="IndicatorValues"/>),
/// grouped by residence area, into <see cref="Ecometrics.NeighbourhoodReliability"/>. Unweighted on purpose: the
/// variance components τ (between areas) and σ² (within) are parameters of a random-effects model of the
/// respondents, not estimates of a population total, and the source computes them unweighted.
/// </summary>
public static class NeighbourhoodEfficacy
{
    /// <summary>
    /// Below this reliability an area's mean is mostly noise relative to the differences between areas, and it should
    /// not be ranked: 0.7 is the usual threshold for a scale's reliability (Nunnally 1978), also used for ecometric
    /// neighbourhood reliabilities.
    /// </summary>
    public const double ReliableEnough = 0.7;

    /// <summary>The collective-efficacy scale and its two subscales that the survey can report, the whole scale first.</summary>
    public static IReadOnlyList<Indicator> Scales(SurveyResults r) =>
        r.Indicators.Where(i => i.Code is Indicators.CollectiveEfficacy or Indicators.CohesionTrust or Indicators.SocialControl).ToList();

    public static EfficacyScale Of(SurveyResults r, Indicator scale)
    {
        var overall = r.Overall(scale);
        var scores = r.Values(scale);
        var areas = r.Areas.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var index = areas.Select((a, k) => (a.Id, k)).ToDictionary(x => x.Id, x => x.k);
        // Respondents with a score who said where they live: the others have no neighbourhood in the model.
        var kept = Enumerable.Range(0, r.Data.Rows).Where(i => !double.IsNaN(scores[i]) && r.Data.Residence[i] is { } a && index.ContainsKey(a)).ToList();
        var y = kept.Select(i => scores[i]).ToArray();
        var j = kept.Select(i => index[r.Data.Residence[i]!.Value]).ToArray();
        EcometricResult result;
        try
        {
            result = Ecometrics.NeighbourhoodReliability(y, j, areas.Count);
        }
        catch (SurveyDesignException e)
        {
            return new EfficacyScale(scale, overall, null, [], e.Message);
        }
        var minimum = Math.Max(1, r.MinimumBase);
        var rows = result.Neighbourhoods.Select(n => n.N < minimum
                ? new EfficacyArea(areas[n.Neighbourhood], n.N, double.NaN, double.NaN, double.NaN, true)
                : new EfficacyArea(areas[n.Neighbourhood], n.N, n.Mean, n.Reliability, n.Shrunken, false))
            .ToList();
        return new EfficacyScale(scale, overall, result, rows, null);
    }
}

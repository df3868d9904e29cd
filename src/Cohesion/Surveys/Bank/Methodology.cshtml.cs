using Cohesion.Analytics.Surveys;
using Cohesion.Places.Import;
using Cohesion.Surveys.Results;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cohesion.Surveys.Bank;

/// <summary>
/// /surveys/methodology: how every survey figure is made, written from the item bank and the indicators themselves
/// (so it cannot drift from them), the weighting library's settings and the configured minimum base.
/// </summary>
public sealed class MethodologyModel(IOptions<SurveyOptions> options) : PageModel
{
    public int MinimumBase => options.Value.MinimumBase;
    public static CalibrationOptions Calibration { get; } = new();

    /// <summary>The indicators by measure, in the bank's order.</summary>
    public static IReadOnlyList<(string Measure, IReadOnlyList<Indicator> Indicators)> ByMeasure { get; } =
        Indicators.All.GroupBy(i => i.Measure).Select(g => (g.Key, (IReadOnlyList<Indicator>)g.ToList())).ToList();

    /// <summary>The scales and their items: the full collective efficacy scale first, then its two subscales.</summary>
    public static IReadOnlyList<Indicator> Scales { get; } = Indicators.All.Where(i => i.Kind == IndicatorKind.Scale).ToList();

    /// <summary>
    /// The broad ethnic groups results are weighted and broken down by: the survey answers in each, and the Census 2011
    /// groups whose residents make its population (as the weighting maps them).
    /// </summary>
    public static IReadOnlyList<(string Broad, IReadOnlyList<string> Answers, IReadOnlyList<string> Census)> BroadEthnicGroups { get; } =
        StandardItems.Find("ethnic-group")!.Options.Where(o => o.Broad is not null).GroupBy(o => o.Broad!)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(o => o.Label[(o.Label.IndexOf(':') + 1)..].Trim()).ToList(),
                (IReadOnlyList<string>)CensusPopulation.BroadGroup.Where(c => c.Value == g.Key).Select(c => Census2011.Labels[c.Key]).ToList())).ToList();

    /// <summary>Residence areas with fewer respondents than this are combined into one weighting cell.</summary>
    public static int MinimumCell => SurveyWeights.MinimumCell;

    /// <summary>Every source the items cite, once each.</summary>
    public static IReadOnlyList<string> ItemSources { get; } = StandardItems.All.Select(i => i.Source).Distinct().ToList();

    public static string Kind(Indicator i) => i.Kind switch
    {
        IndicatorKind.PositiveShare => "Percentage (positive share)",
        IndicatorKind.AnyPositive => "Percentage positive on any of its items",
        IndicatorKind.Mean => $"Mean, {i.Low:0} to {i.High:0}",
        _ => $"Scale score, {i.Low:0} to {i.High:0}",
    };

    public void OnGet() { }
}

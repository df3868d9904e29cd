using Cohesion.Analytics.Surveys;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Results;

/// <summary>
/// A survey's results: its responses, the weighted design, and estimates of any indicator overall, by residence area
/// or by a characteristic's (broad) groups, with standard errors, 95% intervals, unweighted bases and suppression.
/// Percentages are proportions 0–1 here; pages multiply.
/// </summary>
public sealed class SurveyResults
{
    public required SurveyData Data { get; init; }
    public required SurveyDesign Design { get; init; }
    public required WeightingSummary Weighting { get; init; }
    public required IReadOnlyDictionary<int, ResidenceAreas.Choice> Areas { get; init; }
    public required int MinimumBase { get; init; }
    public Survey Survey => Data.Survey;

    /// <summary>The indicators this survey can report, in the bank's order.</summary>
    public IReadOnlyList<Indicator> Indicators => ItemBank.Indicators.For(Data.Columns.Keys.ToHashSet());

    public const string ByArea = "area";

    public static async Task<SurveyResults> LoadAsync(CohesionDb db, Survey survey, int minimumBase, CancellationToken ct)
    {
        var data = await SurveyData.LoadAsync(db, survey, ct);
        var choices = await ResidenceAreas.ForAsync(db, survey, ct);
        var areas = choices.ToDictionary(c => c.Id);
        var census = survey.Weighting == SurveyWeighting.None ? null : await CensusPopulation.LoadAsync(db, survey.ResidenceLevel, areas.Keys, ct);
        var (design, summary) = SurveyWeights.Build(data, census, id => areas.TryGetValue(id, out var c) ? c.Name : id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SurveyResults { Data = data, Design = design, Weighting = summary, Areas = areas, MinimumBase = minimumBase };
    }

    /// <summary>Each respondent's value of the indicator (NaN outside its base).</summary>
    public double[] Values(Indicator indicator) => IndicatorValues.Of(indicator, Data);

    EstimateOptions Options => new() { MinimumBase = MinimumBase };

    static Statistic StatisticOf(Indicator i) => i.IsPercentage ? Statistic.Proportion : Statistic.Mean;

    /// <summary>The indicator for everyone who answered.</summary>
    public DomainEstimate Overall(Indicator indicator) =>
        SurveyEstimator.Estimate(Design, StatisticOf(indicator), Values(indicator), null, Options)[0];

    /// <summary>
    /// The indicator by <paramref name="by"/>: <see cref="ByArea"/> (residence areas, by name) or a characteristic code
    /// (<c>ethnic-group</c>, <c>age</c>, …) by its broad groups. Respondents who did not say are in no domain.
    /// Domains with no respondents are absent.
    /// </summary>
    public IReadOnlyList<DomainEstimate> Breakdown(Indicator indicator, string by)
    {
        var domains = DomainsBy(by);
        return domains is null ? [] : SurveyEstimator.Estimate(Design, StatisticOf(indicator), Values(indicator), domains, Options);
    }

    /// <summary>The difference between two groups of a breakdown, with its design-based test (null when either is missing).</summary>
    public Difference? Compare(Indicator indicator, string by, string first, string second)
    {
        if (DomainsBy(by) is not { } domains) return null;
        var a = IndexOf(domains, first);
        var b = IndexOf(domains, second);
        return a < 0 || b < 0 ? null : SurveyEstimator.DomainDifference(Design, StatisticOf(indicator), Values(indicator), domains, a, b, Options);
    }

    /// <summary>The indicator by domains the caller made (e.g. a group against everyone else who stated theirs); domains with no respondents are absent.</summary>
    public IReadOnlyList<DomainEstimate> Breakdown(Indicator indicator, Domains domains) =>
        SurveyEstimator.Estimate(Design, StatisticOf(indicator), Values(indicator), domains, Options);

    /// <summary>The difference between two of the caller's domains with its design-based test (their covariance included); both must have respondents.</summary>
    public Difference Compare(Indicator indicator, Domains domains, int first, int second) =>
        SurveyEstimator.DomainDifference(Design, StatisticOf(indicator), Values(indicator), domains, first, second, Options);

    static int IndexOf(Domains d, string name)
    {
        for (var i = 0; i < d.Names.Count; i++) if (d.Names[i] == name) return i;
        return -1;
    }

    /// <summary>Each row's group for a breakdown: the area's name, or the answer's broad group (its label when it has none).</summary>
    public string?[]? Labels(string by)
    {
        if (by == ByArea)
            return Data.Residence.Select(a => a is { } id && Areas.TryGetValue(id, out var c) ? c.Name : null).ToArray();
        if (Data.Columns.Values.FirstOrDefault(c => c.Item.Characteristic == by) is not { } column) return null;
        return column.Choices.Select(code => column.Item.Option(code) is { Opinion: true } o ? o.Broad ?? o.Label : null).ToArray();
    }

    public Domains? DomainsBy(string by) => Labels(by) is { } labels ? Domains.FromLabels(labels) : null;

    /// <summary>The breakdowns this survey offers: by area when it asked where people live, and each demographic it asked.</summary>
    public IReadOnlyList<(string Code, string Label)> Breakdowns =>
    [
        .. Data.Residence.Any(a => a is not null) ? [(ByArea, Survey.ResidenceLevel.Label())] : Array.Empty<(string, string)>(),
        .. Data.Columns.Values.Where(c => c.Item.Characteristic is not null).Select(c => (c.Item.Characteristic!, BreakdownLabel(c.Item.Characteristic!))),
    ];

    public static string BreakdownLabel(string characteristic) => characteristic switch
    {
        "age" => "Age",
        "sex" => "Sex",
        "gender-identity" => "Gender identity",
        "ethnic-group" => "Ethnic group",
        "religion" => "Religion",
        "disability" => "Disability",
        "sexual-orientation" => "Sexual orientation",
        "country-of-birth" => "Country of birth",
        "main-language" => "Main language",
        "english-proficiency" => "Proficiency in English",
        _ => characteristic,
    };
}

using System.Collections.Concurrent;
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

    /// <summary>The indicator for everyone who answered (base 0 and no estimate when nobody did).</summary>
    public DomainEstimate Overall(Indicator indicator) => Memo($"overall|{indicator.Code}", () => Whole(StatisticOf(indicator), Values(indicator)));

    readonly ConcurrentDictionary<string, object?> _memo = new(StringComparer.Ordinal);

    /// <summary>
    /// A figure worked out from these results once and kept with them: the results are cached until a response or the
    /// survey changes (<see cref="SurveyResultsCache"/>), and every page, download and API call of a survey asks for the
    /// same estimates, each a pass over the design. Keys name what is computed; the set of keys is bounded by the
    /// survey's indicators × breakdowns.
    /// </summary>
    public T Memo<T>(string key, Func<T> compute) where T : class? => (T)_memo.GetOrAdd(key, _ => compute())!;

    /// <summary>The weighted share of rows whose <paramref name="indicator"/> is 1 among those with 0 or 1 (NaN: not in the base).</summary>
    public DomainEstimate Proportion(double[] indicator) => Whole(Statistic.Proportion, indicator);

    DomainEstimate Whole(Statistic statistic, double[] values) =>
        // The estimator lists no domain in which nobody has a value, the whole sample included.
        SurveyEstimator.Estimate(Design, statistic, values, null, Options) is [var e] ? e : Nobody("all");

    /// <summary>A group nobody in the base belongs to: no estimate, base 0, not withheld (shown as [x]).</summary>
    public static DomainEstimate Nobody(string domain) =>
        new(domain, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, double.PositiveInfinity, false);

    /// <summary>
    /// The indicator by <paramref name="by"/>: <see cref="ByArea"/> (residence areas, by name) or a characteristic code
    /// (<c>ethnic-group</c>, <c>age</c>, …) by its broad groups. Respondents who did not say are in no domain.
    /// Domains with no respondents are absent.
    /// </summary>
    public IReadOnlyList<DomainEstimate> Breakdown(Indicator indicator, string by)
    {
        var domains = DomainsBy(by);
        return domains is null ? [] : Breakdown(indicator, Values(indicator), domains);
    }

    /// <summary>As <see cref="Breakdown(Indicator, string)"/>, from values and domains the caller already has.</summary>
    public IReadOnlyList<DomainEstimate> Breakdown(Indicator indicator, double[] values, Domains domains) =>
        SurveyEstimator.Estimate(Design, StatisticOf(indicator), values, domains, Options);

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

    /// <summary>
    /// One group of a breakdown against the rest of the breakdown (everyone else who gave the characteristic or their
    /// area): the design-based difference group − rest, with the complement as the second domain of the same design,
    /// so the covariance between the two is taken into account (Lumley 2010 §2.3.1). Null when either side has fewer
    /// respondents with a value than the minimum base: a test of a withheld group would give its figure away.
    /// </summary>
    public Difference? CompareWithRest(Indicator indicator, string by, string group) =>
        Labels(by) is { } labels ? CompareWithRest(indicator, Values(indicator), labels, group) : null;

    /// <summary>
    /// As <see cref="CompareWithRest(Indicator, string, string)"/>, for a caller testing every group of one breakdown;
    /// with <paramref name="within"/>, only among the rows it keeps (a group against the rest of one area): the rows
    /// outside stay in the design with no influence, as any domain's do, so the test is still design-based.
    /// </summary>
    public Difference? CompareWithRest(Indicator indicator, double[] values, string?[] labels, string group, Func<int, bool>? within = null)
    {
        var codes = new int[labels.Length];
        int inGroup = 0, rest = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            codes[r] = labels[r] is not { } l || (within is not null && !within(r)) ? -1 : l == group ? 0 : 1;
            if (codes[r] < 0 || double.IsNaN(values[r])) continue;
            if (codes[r] == 0) inGroup++;
            else rest++;
        }
        var minimum = Math.Max(1, MinimumBase);
        if (inGroup < minimum || rest < minimum) return null;
        return SurveyEstimator.DomainDifference(Design, StatisticOf(indicator), values, Domains.FromCodes(codes, [group, "the rest"]), 0, 1, Options);
    }

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

    /// <summary>The characteristics the survey asked (every breakdown but the area), for a picker.</summary>
    public IReadOnlyList<(string Code, string Label)> Characteristics => Breakdowns.Where(b => b.Code != ByArea).ToList();

    public const string DefaultCharacteristic = "ethnic-group";

    /// <summary>
    /// The characteristic to break down by when none is asked for: ethnic group, the one cohesion is most often read
    /// by, when the survey asked it; else the first it asked; null when it asked none.
    /// </summary>
    public string? DefaultBy => Characteristics.Any(c => c.Code == DefaultCharacteristic) ? DefaultCharacteristic : Characteristics.FirstOrDefault().Code;

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

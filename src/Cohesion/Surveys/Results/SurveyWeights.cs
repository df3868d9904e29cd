using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.Model;

namespace Cohesion.Surveys.Results;

/// <summary>
/// Bounds on a survey's weights as multiples of the mean weight, either optional: what the analytics'
/// <see cref="CalibrationOptions.TrimLower"/> and <see cref="CalibrationOptions.TrimUpper"/> mean.
/// </summary>
public sealed record WeightBounds(double? Lower, double? Upper)
{
    /// <summary>The survey's bounds, or null when it does not trim.</summary>
    public static WeightBounds? Of(Survey s) => s.WeightTrimLower is null && s.WeightTrimUpper is null ? null : new(s.WeightTrimLower, s.WeightTrimUpper);

    public CalibrationOptions Options => new() { TrimLower = Lower, TrimUpper = Upper };

    /// <summary>A bound as people write it: 0.3, 3, 2.25.</summary>
    public static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"between 0.3 and 3 times the mean weight", "at least 0.3 times …", "at most 3 times …".</summary>
    public override string ToString() => (Lower, Upper) switch
    {
        ({ } lo, { } hi) => $"between {Number(lo)} and {Number(hi)} times the mean weight",
        ({ } lo, null) => $"at least {Number(lo)} times the mean weight",
        (null, { } hi) => $"at most {Number(hi)} times the mean weight",
        _ => "not trimmed",
    };
}

/// <summary>What weighting did to a survey, in words for the results page and the numbers behind them.</summary>
/// <param name="Requested">The weighting the survey's owner chose.</param>
/// <param name="Applied">What was applied: the request, or None when it could not be (see <paramref name="Error"/>).</param>
/// <param name="Report">Iterations, convergence, weights held at a trimming bound, design effects from the analytics (null when unweighted).</param>
/// <param name="DesignEffect">Kish's design effect of the final weights (trimmed, when they are), 1 + CV².</param>
/// <param name="Notes">Cells combined or left out, respondents who did not say: what a reader needs to judge the weights.</param>
/// <param name="Error">Why the requested weighting could not be done (figures are then unweighted and say so).</param>
/// <param name="Trim">The survey's trimming bounds when it is weighted (null: no trimming asked for); applied unless <paramref name="TrimError"/>.</param>
/// <param name="UntrimmedDesignEffect">When trimmed: the design effect the same weighting gives without trimming.</param>
/// <param name="TrimError">Why the bounds could not be met (the weights are then the untrimmed ones and say so).</param>
public sealed record WeightingSummary(SurveyWeighting Requested, SurveyWeighting Applied, CalibrationReport? Report, double DesignEffect,
    IReadOnlyList<string> Notes, string? Error, WeightBounds? Trim = null, double? UntrimmedDesignEffect = null, string? TrimError = null)
{
    public int EffectiveSampleSize(int n) => DesignEffect > 0 ? (int)Math.Round(n / DesignEffect) : n;

    /// <summary>Whether the weights were held within the survey's bounds.</summary>
    public bool IsTrimmed => Trim is not null && TrimError is null && Applied != SurveyWeighting.None;

    /// <summary>Weights held at a trimming bound (0 when not trimmed).</summary>
    public int Trimmed => IsTrimmed ? Report?.Trimmed ?? 0 : 0;
}

/// <summary>
/// The design a survey's estimates use: the import's design weights, strata and clusters where given (weight 1, one
/// stratum, each response its own unit otherwise), calibrated to the census population as the survey asks.
/// </summary>
public static class SurveyWeights
{
    /// <summary>Cells (residence areas) with fewer respondents than this are combined before weighting, so no weight rests on one or two people.</summary>
    public const int MinimumCell = 5;
    const string NotStated = "not stated";

    /// <summary>
    /// Builds the design. Area: post-stratification to each residence area's census residents. AreaAndEthnicGroup:
    /// raking (iterative proportional fitting) to residence area and to broad ethnic group.
    /// <para>Respondents who did not give the weighting variable form a "not stated" cell whose population is their
    /// current weighted share of the total; the stated cells share the rest in census proportion. Areas with fewer than
    /// <see cref="MinimumCell"/> respondents are combined into one cell. Sources: Lumley (2010) §7.2–7.3; Kalton &amp;
    /// Flores-Cervantes (2003) "Weighting methods", J. Off. Stat. 19, 81–97 (cell collapsing, nonresponse cells).</para>
    /// <para>With the survey's trimming bounds (<see cref="WeightBounds"/>) the weights are also held within them, the
    /// margins still met (the analytics alternate the margin steps with trimming); the untrimmed weighting is done too,
    /// for its design effect and as the fallback when the bounds and the margins cannot both hold. Sources: Potter, F. J.
    /// (1990) "A study of procedures to identify and trim extreme sampling weights", Proc. ASA Section on Survey Research
    /// Methods, 225–230; Kalton &amp; Flores-Cervantes (2003), above, on trimming within weighting.</para>
    /// </summary>
    public static (SurveyDesign Design, WeightingSummary Summary) Build(SurveyData data, CensusPopulation? census, Func<int, string> areaName)
    {
        var baseDesign = SurveyDesign.Create(Columns(data));
        var requested = data.Survey.Weighting;
        if (requested == SurveyWeighting.None || data.Rows == 0)
            return (baseDesign, new WeightingSummary(requested, SurveyWeighting.None, null, Weighting.KishDesignEffect(baseDesign.Weights), [], null));
        if (census is null)
            return Unweighted(baseDesign, requested, $"the census population ({CensusPopulation.Source}) is not loaded for the survey's areas");
        var notes = new List<string>();
        List<CalibrationMargin> margins;
        SurveyDesign design;
        try
        {
            var weights = baseDesign.Weights.ToArray();
            margins = [AreaMargin(data, census, weights, areaName, notes)];
            if (requested == SurveyWeighting.AreaAndEthnicGroup) margins.Add(EthnicMargin(data, census, weights, margins[0].Population.Sum(), notes));
            design = Calibrate(baseDesign, requested, margins, null);
        }
        catch (SurveyDesignException e)
        {
            // Raking that does not converge is one of these too: the page says so and shows unweighted figures.
            return Unweighted(baseDesign, requested, e.Message);
        }
        var untrimmed = new WeightingSummary(requested, requested, design.Calibration, Weighting.KishDesignEffect(design.Weights), notes, null);
        if (WeightBounds.Of(data.Survey) is not { } bounds) return (design, untrimmed);
        try
        {
            var trimmed = Calibrate(baseDesign, requested, margins, bounds);
            return (trimmed, untrimmed with { Report = trimmed.Calibration, DesignEffect = Weighting.KishDesignEffect(trimmed.Weights), Trim = bounds, UntrimmedDesignEffect = untrimmed.DesignEffect });
        }
        catch (SurveyDesignException e)
        {
            // The margins can be met, but not within the bounds (with post-stratification alone everyone in an area has
            // the same weight, so one area needing a weight beyond a bound is enough): the census-weighted figures
            // without trimming are better than unweighted ones, and the page says the trimming was not done.
            var why = e is RakingNotConvergedException r
                ? $"after {r.Iterations.ToString("N0", CultureInfo.InvariantCulture)} cycles the weighted responses were still off the census counts by {r.Margin}"
                : e.Message;
            return (design, untrimmed with { Trim = bounds, TrimError = $"the weights cannot be limited to {bounds} and still match the census ({why})" });
        }
    }

    static SurveyDesign Calibrate(SurveyDesign design, SurveyWeighting weighting, List<CalibrationMargin> margins, WeightBounds? bounds) =>
        weighting == SurveyWeighting.Area ? Weighting.PostStratify(design, margins[0], bounds?.Options) : Weighting.Rake(design, margins, bounds?.Options);

    static (SurveyDesign, WeightingSummary) Unweighted(SurveyDesign design, SurveyWeighting requested, string error) =>
        (design, new WeightingSummary(requested, SurveyWeighting.None, null, Weighting.KishDesignEffect(design.Weights), [], error));

    static DesignColumns Columns(SurveyData data)
    {
        var n = data.Rows;
        var columns = new DesignColumns(n) { LonelyPsu = LonelyPsu.Adjust };
        if (data.DesignWeight.Any(w => w is not null)) columns = columns with { Weights = data.DesignWeight.Select(w => w ?? 1).ToArray() };
        if (data.Stratum.Any(s => s is not null))
        {
            var d = Domains.FromLabels(data.Stratum.Select(s => s ?? NotStated).ToList());
            columns = columns with { Strata = Codes(data.Stratum.Select(s => s ?? NotStated), d.Names), StratumNames = d.Names };
        }
        if (data.Cluster.Any(c => c is not null))
        {
            // A response without a cluster is its own unit: give it a name no cluster can have.
            var labels = data.Cluster.Select((c, i) => c ?? $"\u0001{i}").ToList();
            columns = columns with { Clusters = Codes(labels, labels.Distinct(StringComparer.Ordinal).ToList()) };
        }
        return columns;
    }

    static int[] Codes(IEnumerable<string> labels, IReadOnlyList<string> names)
    {
        var index = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        return labels.Select(l => index[l]).ToArray();
    }

    static CalibrationMargin AreaMargin(SurveyData data, CensusPopulation census, double[] weights, Func<int, string> areaName, List<string> notes)
    {
        var counts = new Dictionary<int, int>();
        foreach (var a in data.Residence) if (a is { } id && census.ByArea.ContainsKey(id)) counts[id] = counts.GetValueOrDefault(id) + 1;
        var small = census.ByArea.Keys.Where(id => counts.GetValueOrDefault(id) < MinimumCell).OrderBy(areaName, StringComparer.OrdinalIgnoreCase).ToList();
        var cells = census.ByArea.Keys.Except(small).OrderBy(areaName, StringComparer.OrdinalIgnoreCase).ToList();
        var names = cells.Select(areaName).ToList();
        var population = cells.Select(id => census.ByArea[id]).ToList();
        var cellOf = cells.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var smallRespondents = small.Sum(id => counts.GetValueOrDefault(id));
        if (smallRespondents > 0)
        {
            var combined = names.Count;
            foreach (var id in small) cellOf[id] = combined;
            names.Add("areas with few respondents, combined");
            population.Add(small.Sum(id => census.ByArea[id]));
            notes.Add($"{small.Count} area(s) with fewer than {MinimumCell} respondents were combined into one weighting cell: {string.Join(", ", small.Select(areaName))}.");
        }
        else if (small.Count > 0)
        {
            // Nobody to weight up: the figures can only stand for the areas that had respondents, and the note says so.
            notes.Add($"{small.Count} area(s) had no respondents, so the figures stand for the other {cells.Count} area(s) only: {string.Join(", ", small.Select(areaName))}.");
        }
        var levels = data.Residence.Select(a => a is { } id && cellOf.TryGetValue(id, out var c) ? c : -1).ToArray();
        return WithNotStated("residence area", levels, population, names, weights, notes);
    }

    static CalibrationMargin EthnicMargin(SurveyData data, CensusPopulation census, double[] weights, double total, List<string> notes)
    {
        var groups = census.ByBroadEthnicGroup.Keys.Order(StringComparer.Ordinal).ToList();
        var index = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var column = data.Column("ethnic-group");
        var levels = new int[data.Rows];
        for (var r = 0; r < data.Rows; r++)
            levels[r] = column?.Item.Option(column.Choices[r]) is { Broad: { } broad } && index.TryGetValue(broad, out var l) ? l : -1;
        // A census group with no respondents cannot be weighted up from nobody: it is left out and the note says so.
        var present = levels.Where(l => l >= 0).ToHashSet();
        var missing = groups.Where((g, i) => !present.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            notes.Add($"No respondent in the broad ethnic group(s) {string.Join(", ", missing)}: the others were weighted to their census shares among the groups present.");
            var keep = groups.Where((g, i) => present.Contains(i)).ToList();
            var remap = keep.Select((g, i) => (old: index[g], i)).ToDictionary(x => x.old, x => x.i);
            levels = levels.Select(l => l >= 0 ? remap[l] : -1).ToArray();
            groups = keep;
        }
        var population = groups.Select(g => census.ByBroadEthnicGroup[g]).ToList();
        // Raking needs margins with one total: the groups' census shares scaled to the area margin's total (which
        // leaves out areas without respondents).
        var scale = total / population.Sum();
        return WithNotStated("broad ethnic group", levels, population.Select(p => p * scale).ToList(), groups, weights, notes);
    }

    /// <summary>Adds the "not stated" cell when some rows have no level (−1): its population is those rows' weighted share of the total.</summary>
    static CalibrationMargin WithNotStated(string name, int[] levels, List<double> population, List<string> names, double[] weights, List<string> notes)
    {
        double missingWeight = 0, totalWeight = 0;
        var missing = 0;
        for (var r = 0; r < levels.Length; r++)
        {
            totalWeight += weights[r];
            if (levels[r] < 0) { missingWeight += weights[r]; missing++; }
        }
        if (missing == 0) return new CalibrationMargin(name, levels, [.. population], names);
        var share = missingWeight / totalWeight;
        var total = population.Sum();
        var scaled = population.Select(p => p * (1 - share)).Append(total * share).ToArray();
        var notStated = names.Count;
        notes.Add($"{missing} respondent(s) did not give their {name}: they keep their share ({share:P1}) and the rest are weighted to the census distribution.");
        return new CalibrationMargin(name, levels.Select(l => l < 0 ? notStated : l).ToArray(), scaled, [.. names, NotStated]);
    }
}

using System.Globalization;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;

namespace Cohesion.Surveys;

/// <summary>
/// What every view of a survey's results says about them, in the same words on the pages, in the downloads' notes and
/// in the API: how the responses were weighted, where the questions and the population come from, and whether the
/// responses are real.
/// </summary>
public static class SurveyAbout
{
    public const string Synthetic = "Synthetic data: these responses are generated for demonstration and describe no real person's views.";
    public const string Methodology = "/surveys/methodology";

    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The weighting as a short phrase, for a summary list, a download's notes and the API.</summary>
    public static string Method(WeightingSummary w, AreaLevel level) => w switch
    {
        { Error: not null } => $"none: {Requested(w.Requested, level)} could not be done, so the figures are unweighted",
        { Applied: SurveyWeighting.Area } => $"post-stratification to the Census 2011 residents of each {level.Plural(1)}{Trimming(w)}",
        { Applied: SurveyWeighting.AreaAndEthnicGroup } => $"raking to the Census 2011 residents by {level.Plural(1)} and by broad ethnic group{Trimming(w)}",
        _ => "none: each response counts once (or by the design weight imported with it)",
    };

    /// <summary>The trimming, to follow the method: the bounds and how many weights are at one, or that it was not done.</summary>
    static string Trimming(WeightingSummary w) => w switch
    {
        { IsTrimmed: true, Trim: { } b } => $", with weights limited to {b} ({HeldAtABound(w.Trimmed)})",
        { TrimError: not null, Trim: { } b } => $", not trimmed (the weights could not be limited to {b} and still match the census)",
        _ => "",
    };

    static string HeldAtABound(int n) => n switch
    {
        0 => "none needed it",
        1 => "1 weight held at a bound",
        _ => $"{n.ToString("N0", Uk)} weights held at a bound",
    };

    static string Requested(SurveyWeighting requested, AreaLevel level) => requested == SurveyWeighting.AreaAndEthnicGroup
        ? $"raking to the census by {level.Plural(1)} and broad ethnic group"
        : $"post-stratification to the census by {level.Plural(1)}";

    /// <summary>
    /// The weighting in plain English: what was done, whether raking converged, the trimming bounds and how many weights
    /// are held at one, and what it cost in precision (Kish's design effect of weighting and the effective sample size,
    /// and the design effect without trimming). The notes and any error are shown apart.
    /// </summary>
    public static IReadOnlyList<string> Weighting(WeightingSummary w, AreaLevel level, int responses)
    {
        var area = level.Plural(1);
        var lines = new List<string>();
        switch (w.Applied)
        {
            case SurveyWeighting.Area:
                lines.Add($"The responses are weighted to the Census 2011 usual residents of each {area} (post-stratification): together, the people who answered in a {area} count for as many people as live there, so a {area} where few answered is not under-represented.");
                break;
            case SurveyWeighting.AreaAndEthnicGroup:
                lines.Add($"The responses are weighted to the Census 2011 usual residents by {area} and by broad ethnic group (raking, also called iterative proportional fitting): the weighted responses match both the number of residents of each {area} and the census mix of broad ethnic groups.");
                if (w.Report is { } r)
                    lines.Add($"Raking converged after {r.Iterations.ToString("N0", Uk)} cycle{(r.Iterations == 1 ? "" : "s")} through the two margins (the largest change of any weight in the last cycle was {r.MaxRelativeChange.ToString("G2", CultureInfo.InvariantCulture)}).");
                break;
            default:
                lines.Add(w.Error is null
                    ? "The responses are not weighted: each counts once (or by the design weight imported with it)."
                    : $"The figures are unweighted: each response counts once, because weighting ({Requested(w.Requested, level)}) could not be done.");
                break;
        }
        if (w is { IsTrimmed: true, Trim: { } bounds, Report: { } t })
        {
            var limits = string.Join(" or ", new[] { bounds.Upper is { } hi ? $"more than {WeightBounds.Number(hi)} average ones" : null, bounds.Lower is { } lo ? $"less than {WeightBounds.Number(lo)} of one" : null }.OfType<string>());
            // Raking's cycles are reported above; post-stratification only cycles because of the trimming.
            var cycles = w.Applied == SurveyWeighting.Area ? $" (after {t.Iterations.ToString("N0", Uk)} cycle{(t.Iterations == 1 ? "" : "s")} of weighting and trimming)" : "";
            lines.Add($"The weights are trimmed: each is limited to {bounds} (the mean weight is the population weighted to, divided by the number of responses), so no response counts for {limits}. "
                + $"What trimming cuts is shared among the others, so the weighted responses still match the census{cycles}. "
                + (w.Trimmed == 0 ? "No weight needed trimming." : $"{w.Trimmed.ToString("N0", Uk)} of the {responses.ToString("N0", Uk)} weights {(w.Trimmed == 1 ? "is" : "are")} held at a bound."));
        }
        if (w.Applied != SurveyWeighting.None || w.DesignEffect > 1 + 1e-9)
            lines.Add($"Unequal weights make estimates less precise. The design effect of weighting is {w.DesignEffect.ToString("0.00", Uk)} (Kish's 1 + CV²), so the {responses.ToString("N0", Uk)} responses are about as precise as a simple random sample of {w.EffectiveSampleSize(responses).ToString("N0", Uk)} people (the effective sample size)."
                + (w is { IsTrimmed: true, UntrimmedDesignEffect: { } u } ? $" Without trimming the design effect would be {u.ToString("0.00", Uk)}." : ""));
        return lines;
    }

    /// <summary>Where the survey's questions come from: each distinct source of the items it asks, in the order first asked.</summary>
    public static IReadOnlyList<string> QuestionSources(SurveyResults results) =>
        results.Data.Items.Where(i => i.Kind != ItemKind.Residence && i.Source.Length > 0).Select(i => i.Source).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The population weighting uses, with its licence; null when the survey is not weighted to it.</summary>
    public static string? Population(WeightingSummary w) =>
        w.Requested == SurveyWeighting.None ? null : $"{CensusPopulation.Source}. {Census2011.Attribution}";

    /// <summary>
    /// Where a download's figures come from in one line, for the CSV's source column: the survey, its owner and period,
    /// the synthetic label, and the census and its licence when the figures are weighted to it.
    /// </summary>
    public static string SourceLine(SurveyView v)
    {
        var s = v.Survey;
        var line = $"{s.Title} ({s.Name}), {v.Owner}, {s.Period}";
        if (s.IsSynthetic) line += "; SYNTHETIC DATA generated for demonstration, describing no real person's views";
        if (v.Results.Weighting.Applied != SurveyWeighting.None) line += "; weighted to Census 2011 usual residents (ONS, Open Government Licence v3.0)";
        return line;
    }

    /// <summary>
    /// The notes every download of a survey's results carries before its own: the survey's terms shared with the other
    /// survey downloads, then the weighting in full, what the columns mean and where the questions and population come from.
    /// </summary>
    public static List<(string, string)> Export(SurveyView v)
    {
        var s = v.Survey;
        var r = v.Results;
        var w = r.Weighting;
        List<(string, string)> about =
        [
            .. v.About,
            ("Responses", r.Data.Rows.ToString(CultureInfo.InvariantCulture)),
            ("Weighting detail", string.Join(" ", Weighting(w, s.ResidenceLevel, r.Data.Rows))),
        ];
        if (w.Error is not null) about.Add(("Weighting not done", w.Error));
        if (w.Applied != SurveyWeighting.None && w.TrimError is not null) about.Add(("Trimming not done", w.TrimError));
        if (w.Notes.Count > 0) about.Add(("Weighting notes", string.Join(" ", w.Notes)));
        about.AddRange(
        [
            ("Estimates", "Design-based: percentages (0–100, one decimal) are weighted shares among those who gave an opinion; scores are weighted means. ci_low and ci_high bound the 95% confidence interval (logit interval for percentages; linearised standard errors). base is the number of respondents the figure rests on (unweighted)."),
            ("Questions", string.Join("; ", QuestionSources(r))),
        ]);
        if (Population(w) is { } population) about.Add(("Population for weighting", population));
        about.Add(("Methodology", Methodology));
        return about;
    }
}

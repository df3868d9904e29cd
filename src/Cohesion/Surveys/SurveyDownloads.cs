using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Web;

namespace Cohesion.Surveys;

/// <summary>What every survey download says about where its figures come from, so each file stands on its own.</summary>
public static class SurveyDownloads
{
    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    /// <summary>A survey's download: the survey as the viewer sees it (null: 404 — not visible, or not a download format).</summary>
    public static async Task<SurveyView?> LoadAsync(CohesionDb db, SurveyResultsCache cache, string name, string format, HttpContext http, CancellationToken ct) =>
        IsFormat(format) ? await SurveyView.LoadAsync(db, cache, name, Viewer.Of(http.User), ct) : null;

    /// <summary>A survey's terms: title, area, period, owner, synthetic, published, weighting applied, minimum base.</summary>
    public static List<(string, string)> About(Survey s, SurveyResults r, string owner, string areaName) =>
    [
        ("Survey", $"{s.Title} ({s.Name})"),
        ("Area", areaName),
        ("Period", s.Period),
        ("Owner", owner),
        ("Synthetic data", s.IsSynthetic ? "Yes: generated for demonstration, describing no real person's views" : "No"),
        ("Published", s.IsPublished ? "Yes" : "No: visible to the owner organisation only"),
        ("Weighting", Weighting(r)),
        .. Symbols(r.MinimumBase),
    ];

    /// <summary>The weighting as the results page words it (<see cref="SurveyAbout.Method"/>), with the population's source and any error.</summary>
    public static string Weighting(SurveyResults r) =>
        SurveyAbout.Method(r.Weighting, r.Survey.ResidenceLevel)
        + (r.Weighting.Applied == SurveyWeighting.None ? "" : $" ({CensusPopulation.Source})")
        + (r.Weighting.Error is null ? "" : $"; the requested weighting could not be done: {r.Weighting.Error}");

    public static List<(string, string)> Symbols(int minimumBase) =>
    [
        (SurveyFigures.Withheld, $"Withheld: fewer than {minimumBase} people answered (it is never zero)"),
        (SurveyFigures.NotAvailable, "Not available: nobody answered"),
        ("Percentages", "0–100, of people giving an opinion; intervals are 95% confidence intervals"),
    ];

    public static (string, string) Exported(HttpContext http) => ExportFiles.Exported(http.Actor());

    public static (string, string) Rows(int count) => ("Rows", count.ToString(CultureInfo.InvariantCulture));
}

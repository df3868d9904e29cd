using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys;

/// <summary>What every survey download says about where its figures come from, so each file stands on its own.</summary>
public static class SurveyDownloads
{
    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    /// <summary>A survey's download: the survey when the viewer may see it (null: 404), its results, and its owner's name.</summary>
    public sealed record Source(Survey Survey, SurveyResults Results, string Owner)
    {
        public List<(string, string)> About => SurveyDownloads.About(Survey, Results, Owner, Survey.Area is { } a ? $"{a.Name} ({a.Code})" : "");
    }

    public static async Task<Source?> LoadAsync(CohesionDb db, SurveyResultsCache cache, string name, string format, HttpContext http, CancellationToken ct)
    {
        if (!IsFormat(format) || await SurveyAccess.FindAsync(db, name, Viewer.Of(http.User), ct) is not { } survey) return null;
        var owner = await db.Organisations.Where(o => o.Id == survey.OwnerOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return new Source(survey, await cache.GetAsync(db, survey, ct), owner);
    }

    /// <summary>A survey's terms: title, area, period, owner, synthetic, published, weighting applied, minimum base.</summary>
    public static List<(string, string)> About(Survey s, SurveyResults r, string owner, string areaName) =>
    [
        ("Survey", $"{s.Title} ({s.Name})"),
        ("Area", areaName),
        ("Period", s.Period),
        ("Owner", owner),
        ("Synthetic data", s.IsSynthetic ? "Yes: generated for demonstration, describing no real person's views" : "No"),
        ("Published", s.IsPublished ? "Yes" : "No: visible to the owner organisation only"),
        ("Weighting", Weighting(r.Weighting)),
        .. Symbols(r.MinimumBase),
    ];

    public static string Weighting(WeightingSummary w) => (w.Applied switch
    {
        SurveyWeighting.Area => $"post-stratified to the census residents of each residence area ({CensusPopulation.Source})",
        SurveyWeighting.AreaAndEthnicGroup => $"raked to the census residents by residence area and broad ethnic group ({CensusPopulation.Source})",
        _ => "unweighted: each response counts once (or by the design weight an import supplied)",
    }) + (w.Error is null ? "" : $"; the requested weighting could not be done: {w.Error}");

    public static List<(string, string)> Symbols(int minimumBase) =>
    [
        (SurveyFigures.Withheld, $"Withheld: fewer than {minimumBase} people answered (it is never zero)"),
        (SurveyFigures.NotAvailable, "Not available: nobody answered"),
        ("Percentages", "0–100, of people giving an opinion; intervals are 95% confidence intervals"),
    ];

    public static (string, string) Exported(HttpContext http) =>
        ("Exported", DateTime.UtcNow.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")) + " by " + http.Actor());

    public static (string, string) Rows(int count) => ("Rows", count.ToString(CultureInfo.InvariantCulture));
}

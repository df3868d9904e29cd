using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys;

/// <summary>
/// A survey as its results pages, downloads and API show it to one viewer: the survey (with area, questions and local
/// items), its owner's name and its cached results. Null when the viewer may not see it, so every caller answers 404.
/// </summary>
public sealed record SurveyView(Survey Survey, string Owner, SurveyResults Results)
{
    public static async Task<SurveyView?> LoadAsync(CohesionDb db, SurveyResultsCache cache, string name, Viewer viewer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(name) || name.Length > SurveyLimits.NameLength) return null;
        if (await SurveyAccess.FindAsync(db, name, viewer, ct) is not { } survey) return null;
        var owner = await db.Organisations.AsNoTracking().Where(o => o.Id == survey.OwnerOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return new SurveyView(survey, owner, await cache.GetAsync(db, survey, ct));
    }

    public string Path => $"/surveys/{Uri.EscapeDataString(Survey.Name)}";

    /// <summary>The survey's terms every download of it carries first (<see cref="SurveyDownloads.About(Survey, SurveyResults, string, string)"/>).</summary>
    public List<(string, string)> About => SurveyDownloads.About(Survey, Results, Owner, $"{AreaName} ({AreaCode})");

    public string AreaName => Survey.Area?.Name ?? "";
    public string AreaCode => Survey.Area?.Code ?? "";

    /// <summary>The indicator with this code when the survey reports it.</summary>
    public Indicator? Indicator(string? code) => Results.Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>Whether the survey asks feeling thermometers (the attitudes matrix has something to show).</summary>
    public bool AsksThermometers => Results.Data.Items.Any(i => i.Kind == ItemKind.Thermometer);

    /// <summary>Whether it asks enough collective efficacy items for the scale.</summary>
    public bool AsksCollectiveEfficacy => Results.Indicators.Any(i => i.Code == Indicators.CollectiveEfficacy);
}

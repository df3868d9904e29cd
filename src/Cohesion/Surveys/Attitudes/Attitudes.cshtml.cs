using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Attitudes;

/// <summary>
/// /surveys/{name}/attitudes: the feeling-thermometer matrix (respondent groups by a chosen characteristic × the target
/// groups the survey asked about), the in-group gaps, and a summary of the coolest and warmest ratings.
/// </summary>
public sealed class SurveyAttitudesModel(CohesionDb db, SurveyResultsCache cache) : PageModel
{
    public const string DefaultBy = "ethnic-group";

    public Survey Survey { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;
    public AttitudeMatrix? Matrix { get; private set; }
    public IReadOnlyList<AttitudeGap> Gaps { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> Choices { get; private set; } = [];
    public string By { get; private set; } = DefaultBy;

    public string Base => $"/surveys/{Uri.EscapeDataString(Survey.Name)}";
    public string ByLabel => Choices.FirstOrDefault(c => c.Code == By).Label ?? By;

    public async Task<IActionResult> OnGetAsync(string name, string? by, CancellationToken ct)
    {
        if (await SurveyAccess.FindAsync(db, name, Viewer.Of(User), ct) is not { } survey) return NotFound();
        Survey = survey;
        Results = await cache.GetAsync(db, survey, ct);
        Choices = AttitudeMatrix.RowChoices(Results);
        By = Choices.Any(c => c.Code == by) ? by! : Choices.Any(c => c.Code == DefaultBy) ? DefaultBy : Choices.FirstOrDefault().Code ?? DefaultBy;
        if (AttitudeMatrix.ThermometersOf(Results).Count > 0)
        {
            Matrix = AttitudeMatrix.Of(Results, By);
            Gaps = AttitudeMatrix.Gaps(Results);
        }
        return Page();
    }

    /// <summary>A thermometer's target group as asked ("Muslims").</summary>
    public static string Target(Indicator thermometer) => StandardItems.Find(thermometer.ItemCodes[0])?.TargetGroup ?? thermometer.Title;

    /// <summary>A respondent group's name in a sentence: "Muslim respondents", "respondents in Coldhurst".</summary>
    public string Respondents(string group) => group == AttitudeMatrix.Everyone ? "everyone" : By == SurveyResults.ByArea ? $"respondents in {group}" : $"{group} respondents";
}

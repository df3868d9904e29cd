using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys/{name}/manage/details: change a survey's title, description, period, weighting and its trimming, and (until anyone has answered) its area.</summary>
public sealed class SurveysDetailsModel(CohesionDb db, AreaStatsCache places) : SurveyStaffPage(db)
{
    public SurveyDetailsForm Form { get; private set; } = new();
    public IReadOnlyList<AreaChoices.Group> Areas { get; private set; } = [];
    /// <summary>Once responses say where people live, the area and residence level stay as they are.</summary>
    public bool PlaceLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        var page = await ShowAsync(name, ct);
        if (page is PageResult) Form = SurveyDetailsForm.Of(Survey);
        return page;
    }

    PlaceDirectory? _places;

    protected override async Task ReadAsync(CancellationToken ct)
    {
        _places = await places.DirectoryAsync(Db, ct);
        Areas = AreaChoices.For(_places);
        PlaceLocked = await Db.SurveyResponses.AnyAsync(r => r.SurveyId == Survey.Id, ct);
    }

    public async Task<IActionResult> OnPostAsync(string name, SurveyDetailsForm form, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        await ReadAsync(ct);
        Form = form;
        if (await SurveyDetails.CheckAsync(form, Db, _places!, Survey, PlaceLocked, Fail, ct) is not { } d) return Page();
        d.ApplyTo(Survey);
        Audit($"details changed: {d.Describe()}");
        await Db.SaveChangesAsync(ct);
        Notice($"{d.Title}: details saved");
        return Redirect(Manage);
    }

    public string PlaceText => $"The survey covers {Survey.Area!.Name} ({Survey.Area.Code}), and respondents say which {Survey.ResidenceLevel.Label()} they live in. "
        + "People have answered it, so these cannot change: their answers say where they live in these areas.";
}

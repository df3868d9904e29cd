using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.Builder;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys/new: a contributor (or above) starts a survey for their own organisation, closed and unpublished, asking the questions about the respondent.</summary>
public sealed class SurveysNewModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    public SurveyDetailsForm Form { get; private set; } = new();
    public IReadOnlyList<AreaChoices.Group> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var dir = await places.DirectoryAsync(db, ct);
        Areas = AreaChoices.For(dir);
        Form = new SurveyDetailsForm { Area = DemoPlace.DistrictCode, Level = AreaLevel.Ward.Token(), Weighting = nameof(SurveyWeighting.None) };
    }

    public async Task<IActionResult> OnPostAsync(SurveyDetailsForm form, CancellationToken ct)
    {
        Form = form;
        var dir = await places.DirectoryAsync(db, ct);
        Areas = AreaChoices.For(dir);
        if (await SurveyDetails.CheckAsync(form, db, dir, existing: null, placeLocked: false, Fail, ct) is not { } d) return Page();

        var survey = new Survey
        {
            Name = d.Name, Title = d.Title, Period = d.Period, OwnerOrganisationId = Viewer.Of(User).OrganisationId!.Value,
            IsOpen = false, IsPublished = false, CreatedAt = DateTime.UtcNow, CreatedBy = Actor,
            // The questions about the respondent come first to mind last: they are asked at the end, and results are broken down by them.
            Questions = StandardItems.Characteristics.Select((i, n) => new SurveyQuestion { ItemCode = i.Code, Position = n + 1 }).ToList(),
        };
        d.ApplyTo(survey);
        db.Surveys.Add(survey);
        db.Record(Actor, AuditActions.SurveyCreated, $"survey {d.Name}", $"{d.Describe()}; closed; not published; {survey.Questions.Count} questions about the respondent", Ip);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people choosing the same name at once: the unique index decides, and the loser is told.
            db.ChangeTracker.Clear();
            if (!await db.Surveys.AsNoTracking().AnyAsync(x => x.Name == d.Name, ct)) throw;
            Fail("name", $"A survey called {d.Name} already exists: choose another short name");
            return Page();
        }
        Notice($"{d.Title} created. It is closed and not published: choose its questions, then open it to responses.");
        return Redirect(SurveysIndexModel.Link(d.Name, "/manage"));
    }
}

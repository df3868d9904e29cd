using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Surveys.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Pages;

/// <summary>
/// A page that runs one survey (manage, edit, questions, import, delete): only its owner organisation's contributors and
/// above. For anyone else the survey does not exist (404), whether or not its results are published, so the staff
/// pages give nothing away.
/// </summary>
public abstract class SurveyStaffPage(CohesionDb db) : AdminPage
{
    protected CohesionDb Db => db;
    public Survey Survey { get; private set; } = null!;
    public string Base => SurveysIndexModel.Link(Survey.Name);
    public string Manage => Base + "/manage";

    /// <summary>Loads the survey (tracked, for changes) with its area, questions and local items; the refusal to return when the user may not run it.</summary>
    protected async Task<IActionResult?> LoadAsync(string name, CancellationToken ct)
    {
        var s = await db.Surveys.Include(x => x.Area).Include(x => x.Questions).Include(x => x.LocalItems).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Name == name, ct);
        if (s is null || !SurveyAccess.CanManage(s, User)) return NotFound();
        Survey = s;
        return null;
    }

    /// <summary>What the page shows besides the survey (counts, items, areas), read for a GET and again when a POST shows the page with errors.</summary>
    protected virtual Task ReadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The page for a GET: the survey, or the refusal.</summary>
    protected async Task<IActionResult> ShowAsync(string name, CancellationToken ct) =>
        await LoadAsync(name, ct) ?? await RedisplayAsync(ct);

    /// <summary>The page again, as it stands, with the errors reported so far.</summary>
    protected async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        return Page();
    }

    /// <summary>Records a change to the survey in the audit log (saved with the caller's SaveChanges).</summary>
    protected void Audit(string detail) => db.Record(Actor, AuditActions.SurveyChanged, $"survey {Survey.Name}", detail, Ip);
}

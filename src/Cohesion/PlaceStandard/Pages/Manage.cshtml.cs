using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.PlaceStandard.Import;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard/{name}/manage: open or close it, publish or withdraw its results, import assessments from a CSV file.</summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
public sealed class PlaceStandardManageModel(CohesionDb db) : EngagementStaffPage(db)
{
    public const int MaxUpload = 10 * 1024 * 1024;

    public int Assessments { get; private set; }
    public int Waiting { get; private set; }
    public int ImportErrorsTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        await CountAsync(ct);
        return Page();
    }

    async Task CountAsync(CancellationToken ct)
    {
        Assessments = await Db.PsAssessments.CountAsync(a => a.EngagementId == Engagement.Id, ct);
        Waiting = await Db.PsComments.CountAsync(c => c.Assessment!.EngagementId == Engagement.Id && c.State == ModerationState.Pending, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(string name, string? open, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (open is not ("yes" or "no")) return BadRequest();
        Engagement.IsOpen = open == "yes";
        Db.Record(Actor, AuditActions.PlaceStandardChanged, $"place-standard {Engagement.Name}", Engagement.IsOpen ? "opened to responses" : "closed to responses", Ip);
        await Db.SaveChangesAsync(ct);
        Notice(Engagement.IsOpen ? $"{Engagement.Title} is open to responses" : $"{Engagement.Title} is closed: the form takes no more responses");
        return Redirect($"{Base}/manage");
    }

    public async Task<IActionResult> OnPostPublishAsync(string name, string? publish, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (publish is not ("yes" or "no")) return BadRequest();
        Engagement.IsPublished = publish == "yes";
        Db.Record(Actor, AuditActions.PlaceStandardChanged, $"place-standard {Engagement.Name}", Engagement.IsPublished ? "results published" : "results withdrawn from publication", Ip);
        await Db.SaveChangesAsync(ct);
        Notice(Engagement.IsPublished ? $"{Engagement.Title}: results published" : $"{Engagement.Title}: results withdrawn, only your organisation sees them");
        return Redirect($"{Base}/manage");
    }

    public async Task<IActionResult> OnPostImportAsync(string name, IFormFile? file, string? approved, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (Uploads.Problem(file, MaxUpload, "assessments") is { } problem)
        {
            Fail("file", problem);
            await CountAsync(ct);
            return Page();
        }
        try
        {
            var r = await Uploads.WithSavedCopyAsync(file!, (path, fileName) =>
                AssessmentImport.SaveAsync(Db, Engagement, AssessmentImport.Read(path), fileName, approved == "yes", Actor, Ip, ct), ct);
            Notice($"Imported {ImportCounts.Count(r.Assessments, "assessment", "assessments")} from {Path.GetFileName(file!.FileName)}: {r.ScoresAndComments}, {r.CommentsHeld:N0} waiting for moderation");
            return Redirect($"{Base}/manage");
        }
        catch (ImportFailedException e)
        {
            ImportErrorsTotal = e.TotalErrors;
            foreach (var x in e.Errors) Fail("file", x.ToString());
            await CountAsync(ct);
            return Page();
        }
    }
}

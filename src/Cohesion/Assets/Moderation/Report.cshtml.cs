using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>/assets/{id}/report: anyone reports a problem with a published record; a moderator decides, and an accepted report reaches the record's maintainer.</summary>
public sealed class AssetReportModel(CohesionDb db, PublicFormLimiter limiter) : ResidentPage(limiter)
{
    public Guid Id { get; private set; }
    public string RecordName { get; private set; } = "";
    public string? Kind { get; private set; }
    public string? Details { get; private set; }

    public static readonly IReadOnlyList<Choice> Kinds = Enum.GetValues<ProblemKind>().Select(k => new Choice(k.ToString(), k.Label(), k switch
    {
        ProblemKind.InformationUnclear => "The description or times are hard to understand.",
        ProblemKind.ContactDetailsWrong => "A phone number, email address or website does not work.",
        ProblemKind.NoLongerExists => "It has closed or stopped running.",
        ProblemKind.NotInMyArea => "It is listed in the wrong place.",
        _ => null,
    })).ToList();

    async Task<bool> FindAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        RecordName = await db.AssetServices.AsNoTracking().Published().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        return RecordName.Length > 0;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? kind, string? details, CancellationToken ct)
    {
        if (!await FindAsync(id, ct)) return NotFound();
        NoStore();
        (Kind, Details) = (kind, details);
        var k = Enum.TryParse<ProblemKind>(kind, out var pk) && Enum.IsDefined(pk) && !int.TryParse(kind, out _) ? pk : (ProblemKind?)null;
        if (k is null) Fail("kind", "Choose what is wrong");
        var text = Take(ResidentRules.Screened(details, "What is wrong", ResidentRules.MaxText, required: k == ProblemKind.Other), "details");
        if (Errors.Count > 0) return Page();
        if (Limited() is { } wait) return wait;
        var report = new ProblemReport { ServiceId = id, Kind = k!.Value, Details = text ?? "", SubmittedAt = DateTime.UtcNow, State = ModerationState.Pending };
        db.AssetProblemReports.Add(report);
        await db.SaveChangesAsync(ct);
        db.Record(Actor, AuditActions.AssetSubmitted, $"asset problem report {report.Id}", $"{report.Kind} reported on asset {id:D}", Ip);
        await db.SaveChangesAsync(ct);
        return Redirect($"/assets/{id:D}/report/sent");
    }
}

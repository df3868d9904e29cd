using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>/assets/moderation/proposals/{id}: one resident's proposal; accept it (a draft record, opened for editing) or reject it with a reason.</summary>
public sealed class AssetProposalModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    public AssetProposal Proposal { get; private set; } = null!;
    public string? AreaName { get; private set; }
    public string? TermName { get; private set; }
    public string? Reason { get; private set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.AssetProposals.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } p) return false;
        Proposal = p;
        AreaName = p.AreaId is { } a && (await places.DirectoryAsync(db, ct)).ById.TryGetValue(a, out var area) ? area.Name : null;
        TermName = p.TermId is { } t ? await db.AssetTaxonomyTerms.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Proposal.State != ModerationState.Pending) return Redirect($"/assets/moderation/proposals/{id}");
        var service = await ModerationActions.AcceptAsync(db, Proposal, await places.DirectoryAsync(db, ct), Actor, Ip, ct);
        await db.SaveChangesAsync(ct);
        Notice($"Proposal accepted: {service.Name} is a draft. Check and finish its details, then publish it.");
        return Redirect(AssetStaffPage.Link(service.Id) + "/edit");
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Proposal.State != ModerationState.Pending) return Redirect($"/assets/moderation/proposals/{id}");
        Reason = reason;
        var r = FieldRules.Text(reason, "The reason", AssetLimits.SummaryLength, required: true);
        if (r.Problem is { } problem)
        {
            Fail("reason", problem);
            return Page();
        }
        ModerationActions.Reject(db, Proposal, r.Value!, Actor, Ip);
        await db.SaveChangesAsync(ct);
        Notice($"Proposal of {Proposal.Name} rejected");
        return Redirect("/assets/moderation");
    }
}

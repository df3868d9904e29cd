using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Moderation;

/// <summary>What a resident typed into the proposal form.</summary>
public sealed record ProposalForm(string? Kind, string? Name, string? Description, string? Where, string? Area, string? Term, string? Website, string? Contact);

/// <summary>/assets/propose: anyone proposes an asset the directory lacks; a moderator decides. Nothing is published from it directly.</summary>
public sealed class AssetProposeModel(CohesionDb db, AreaStatsCache places, PublicFormLimiter limiter) : ResidentPage(limiter)
{
    public ProposalForm Form { get; private set; } = new(null, null, null, null, null, null, null, null);
    public List<Choice> Areas { get; private set; } = [];
    public List<Choice> Terms { get; private set; } = [];

    async Task ChoicesAsync(CancellationToken ct)
    {
        var dir = await places.DirectoryAsync(db, ct);
        Areas = [new("", "I do not know"), .. dir.Districts.SelectMany(d => new[] { new Choice(d.Code, $"Somewhere in {d.Name}") }
            .Concat(dir.Descendants(d).Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new Choice(a.Code, $"{a.Name} ({d.Name})"))))];
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == CohesionTaxonomy.ActivityId).ToListAsync(ct);
        var order = CohesionTaxonomy.Activities.Select(t => t.Code).ToList();
        Terms = [new("", "Choose what it is for"), .. terms.OrderBy(t => order.IndexOf(t.Code) is var i && i < 0 ? int.MaxValue : i).Select(t => new Choice(t.Id.ToString(), t.Name))];
    }

    public async Task OnGetAsync(CancellationToken ct) => await ChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(ProposalForm form, CancellationToken ct)
    {
        NoStore();
        Form = form;
        await ChoicesAsync(ct);
        var kind = Enum.TryParse<AssetKind>(form.Kind, out var k) && Enum.IsDefined(k) && !int.TryParse(form.Kind, out _) ? k : (AssetKind?)null;
        if (kind is null) Fail("kind", "Choose what kind of asset it is");
        var name = Take(ResidentRules.Screened(form.Name, "Its name", AssetLimits.NameLength, required: true), "name");
        var description = Take(ResidentRules.Screened(form.Description, "What it is", ResidentRules.MaxText, required: true), "description");
        var where = Take(ResidentRules.Screened(form.Where, "Where it is", AssetLimits.ShortTextLength), "where");
        var website = Take(FieldRules.Url(form.Website, "Website", AssetLimits.UrlLength), "website");
        var contact = Take(ResidentRules.Contact(form.Contact), "contact");
        var area = string.IsNullOrEmpty(form.Area) ? null : Areas.Any(a => a.Value == form.Area) ? (await places.DirectoryAsync(db, ct)).Find(form.Area) : null;
        if (!string.IsNullOrEmpty(form.Area) && area is null) Fail("area", $"Choose the area from the list (you sent '{FieldRules.Clip(form.Area)}')");
        Guid? term = Guid.TryParse(form.Term, out var g) && Terms.Any(t => t.Value == form.Term) ? g : null;
        if (!string.IsNullOrEmpty(form.Term) && term is null) Fail("term", "Choose what it is for from the list");
        if (Errors.Count > 0) return Page();
        if (Limited() is { } wait) return wait;

        var proposal = new AssetProposal
        {
            Kind = kind!.Value, Name = name!, Description = description!, Where = where, AreaId = area?.Id, TermId = term, Website = website,
            ProposerContact = contact, SubmittedAt = DateTime.UtcNow, State = ModerationState.Pending,
        };
        db.AssetProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        // What was proposed and where; never the text or the contact.
        db.Record(Actor, AuditActions.AssetSubmitted, $"asset proposal {proposal.Id}", $"{proposal.Kind} proposed{(area is null ? "" : $" in {area.Code}")}", Ip);
        await db.SaveChangesAsync(ct);
        return Redirect("/assets/propose/sent");
    }
}

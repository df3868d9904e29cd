using Cohesion.Admin;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Publication = Cohesion.Assets.Model.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Assets.Editing;

/// <summary>
/// /assets/new: a contributor (or above) adds a record, kept up to date by their own organisation unless they are
/// directory staff and choose otherwise. It starts as a draft unless published here; saving records version 1.
/// </summary>
public sealed class AssetNewModel(CohesionDb db, AreaStatsCache places, AreaShapes shapes) : AdminPage
{
    public AssetForm Form { get; private set; } = new();
    public EditorChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        Choices = await AssetPlaces.ChoicesAsync(db, places, User, null, ct);
        var own = Viewer.Of(User).OrganisationId;
        Form = new AssetForm
        {
            Kind = Enum.TryParse<AssetKind>(kind, true, out var k) && Enum.IsDefined(k) ? k.ToString() : nameof(AssetKind.Service),
            Status = nameof(ServiceStatus.Active), Publication = nameof(Publication.Draft),
            Maintainer = Choices.Maintainers.FirstOrDefault(m => m.Value == EditorChoices.MaintainerValue(own))?.Value ?? Choices.Maintainers.FirstOrDefault()?.Value,
        }.WithEmptySlots();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices = await AssetPlaces.ChoicesAsync(db, places, User, null, ct);
        Form = AssetForm.From(Request.Form);
        if (Form.Adding is not null) return Page();
        var check = new AssetFormCheck(Choices, null, await shapes.AllAsync(db, ct), await AssetPlaces.LsoasAsync(places, db, ct), UkTime.Today, Fail);
        if (check.Check(Form) is not { } ok)
        {
            Form.WithEmptySlots();
            return Page();
        }
        var now = DateTime.UtcNow;
        var wanted = ok.Record with { OrganisationId = await AssetWriter.OrganisationAsync(db, ok.OrganisationName, null, ok.Record.MaintainerOrganisationId, now, ct) };
        var service = await AssetWriter.CreateAsync(db, wanted, Actor, Ip, "Added", now, ct);
        await db.SaveChangesAsync(ct);
        Notice($"{service.Name} added as {(service.Publication == Publication.Published ? "a published record" : "a draft")}");
        return Redirect(AssetStaffPage.Link(service.Id) + "/edit");
    }
}

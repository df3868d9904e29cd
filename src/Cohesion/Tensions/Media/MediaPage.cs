using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Tensions.Reports;
using Microsoft.AspNetCore.Mvc;
using Cohesion.Accounts;
using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Media;

/// <summary>The media item form's pages (add, change): the areas offered, the checks, the audited save.</summary>
public abstract class MediaPage(CohesionDb db, AreaStatsCache places) : AdminPage
{
    protected CohesionDb Db => db;
    public MediaForm Form { get; protected set; } = new();
    public IReadOnlyList<Choice> Areas { get; private set; } = [];
    PlaceDirectory directory = null!;

    protected async Task LoadAreasAsync(CancellationToken ct)
    {
        directory = await places.DirectoryAsync(db, ct);
        Areas = ReportPlaces.WardChoices(directory, "Not about one area");
    }

    protected string? AreaCode(int? id) => id is { } i ? directory.ById.GetValueOrDefault(i)?.Code : null;

    /// <summary>Checks the posted form into the item and saves it with an audit entry; null when saved, else the page with its errors.</summary>
    protected async Task<IActionResult?> SaveAsync(MediaItem item, string what, CancellationToken ct)
    {
        Form = MediaForm.From(Request.Form);
        if (!Form.ApplyTo(item, directory, UkTime.Today, Fail)) return Page();
        if (item.Id == 0) Db.MediaItems.Add(item);
        await Db.SaveChangesAsync(ct);
        Db.Record(Actor, AuditActions.MediaItemChanged, $"media item {item.Id}", $"{what}: {item.Tone.ToString().ToLowerInvariant()}, {item.Source}", Ip);
        await Db.SaveChangesAsync(ct);
        return null;
    }

    public MediaFieldsView Fields => new(Form, Errors, Areas);

    protected int? Organisation => Viewer.Of(User).OrganisationId;
}

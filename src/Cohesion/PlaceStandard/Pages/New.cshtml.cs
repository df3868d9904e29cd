using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard/new: a contributor (or above) starts an engagement for their own organisation.</summary>
public sealed partial class PlaceStandardNewModel(CohesionDb db, AreaStatsCache places) : AdminPage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Open { get; set; }
    [BindProperty] public string? Publish { get; set; }

    /// <summary>Names the engagement pages' own addresses use.</summary>
    static readonly string[] Reserved = ["new", "compare", "export"];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) Fail("title", "Enter a title");
        else if (title.Length > PlaceStandardLimits.TitleLength) Fail("title", $"Title must be {PlaceStandardLimits.TitleLength} characters or fewer");

        var name = string.IsNullOrWhiteSpace(Name) ? Slug(title) : Name.Trim().ToLowerInvariant();
        if (name.Length == 0) Fail("name", "Enter a short name of letters, digits and hyphens");
        else if (name.Length > PlaceStandardLimits.NameLength || !NamePattern().IsMatch(name))
            Fail("name", $"Short name must be letters, digits, hyphens and underscores, starting with a letter or digit, {PlaceStandardLimits.NameLength} characters or fewer");
        else if (Reserved.Contains(name)) Fail("name", $"Short name cannot be '{name}': choose another");
        else if (await db.PsEngagements.AnyAsync(e => e.Name == name, ct)) Fail("name", $"An engagement called {name} already exists: choose another short name");

        var area = await FindAreaAsync(ct);
        var period = Period?.Trim() ?? "";
        if (period.Length == 0) Fail("period", "Enter the period, for example 2025 or Spring 2025");
        else if (period.Length > PlaceStandardLimits.PeriodLength) Fail("period", $"Period must be {PlaceStandardLimits.PeriodLength} characters or fewer");
        var description = Description?.Trim() ?? "";
        if (description.Length > PlaceStandardLimits.DescriptionLength) Fail("description", $"Description must be {PlaceStandardLimits.DescriptionLength:N0} characters or fewer");
        if (Open is not ("yes" or "no")) Fail("open", "Select whether to open it to responses now");
        if (Publish is not ("yes" or "no")) Fail("publish", "Select whether to publish its results");
        if (Errors.Count > 0) return Page();

        var org = Viewer.Of(User).OrganisationId!.Value;
        var e = new Engagement
        {
            Name = name, Title = title, Description = description, AreaId = area!.Id, Period = period, OwnerOrganisationId = org,
            IsOpen = Open == "yes", IsPublished = Publish == "yes", CreatedAt = DateTime.UtcNow, CreatedBy = Actor,
        };
        db.PsEngagements.Add(e);
        db.Record(Actor, AuditActions.PlaceStandardCreated, $"place-standard {name}",
            $"\"{title}\"; area {area.Code}; period {period}; {(e.IsOpen ? "open" : "closed")}; {(e.IsPublished ? "published" : "not published")}", Ip);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people choosing the same name at once: the unique index decides, and the loser is told.
            db.ChangeTracker.Clear();
            if (!await db.PsEngagements.AsNoTracking().AnyAsync(x => x.Name == name, ct)) throw;
            Fail("name", $"An engagement called {name} already exists: choose another short name");
            return Page();
        }
        Notice($"{title} created");
        return Redirect($"/place-standard/{Uri.EscapeDataString(name)}/manage");
    }

    async Task<AreaInfo?> FindAreaAsync(CancellationToken ct)
    {
        var text = Area?.Trim() ?? "";
        if (text.Length == 0)
        {
            Fail("area", "Enter the area's code or name, for example E05000723 or Coldhurst");
            return null;
        }
        var dir = await places.DirectoryAsync(db, ct);
        if (dir.Find(text) is { } byCode) return byCode;
        var named = dir.ById.Values.Where(a => string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 1) return named[0];
        Fail("area", named.Count == 0
            ? $"No area has the code or name {text}: check the spelling, or find the area under Places"
            : $"{named.Count} areas are called {text} ({string.Join(", ", named.Select(a => $"{a.Level.Label()} {a.Code}"))}): enter its code");
        return null;
    }

    /// <summary>A short name from a title: "Coldhurst Place Standard 2025" → "coldhurst-place-standard-2025".</summary>
    public static string Slug(string title)
    {
        var s = Regex.Replace(title.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return s.Length <= PlaceStandardLimits.NameLength ? s : s[..PlaceStandardLimits.NameLength].TrimEnd('-');
    }
}

using System.Globalization;
using System.Security.Claims;
using Cohesion.Admin;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>A taxonomy term as a checkbox; narrower terms are indented under their parent.</summary>
public sealed record TermChoice(Guid Id, string Name, string Description, bool IsNarrower);

/// <summary>A group of area checkboxes: a district and its wards.</summary>
public sealed record AreaGroup(string Label, IReadOnlyList<Choice> Areas);

/// <summary>
/// What the add and edit form offers: the seeded activity and audience terms, common languages, the districts and
/// wards, accessibility features, whom the user may make the maintainer, and the organisations already listed. A
/// record's own values that are not on a list (a language or area an import brought) are added, so editing never
/// silently drops them.
/// </summary>
public sealed record EditorChoices(IReadOnlyList<TermChoice> Activities, IReadOnlyList<TermChoice> Audiences, IReadOnlyList<Choice> Languages,
    IReadOnlyList<AreaGroup> Areas, IReadOnlyList<string> Accessibility, IReadOnlyList<Choice> Maintainers, IReadOnlyList<string> OrganisationNames)
{
    /// <summary>More organisations than this and the suggestions list is left out: typing the name still finds it.</summary>
    public const int MaxSuggestions = 2000;
    public const string DirectoryStaff = "directory";

    public static string MaintainerValue(int? org) => org is { } id ? id.ToString(CultureInfo.InvariantCulture) : DirectoryStaff;
    public static string LanguageValue(ServiceLanguage l) => string.IsNullOrWhiteSpace(l.Code) ? "name:" + l.Name : l.Code;
    public static string AreaValue(ServiceArea a) => a.AreaId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "name:" + a.Name;

    public static async Task<EditorChoices> LoadAsync(CohesionDb db, PlaceDirectory places, ClaimsPrincipal user, ServiceSnapshot? current, CancellationToken ct)
    {
        var terms = await db.AssetTaxonomyTerms.AsNoTracking()
            .Where(t => t.TaxonomyId == CohesionTaxonomy.ActivityId || t.TaxonomyId == CohesionTaxonomy.AudienceId).ToListAsync(ct);
        var languages = Model.AssetLanguages.All.Select(l => new Choice(l.Code, l.Name)).ToList();
        var accessibility = EditorLists.Accessibility.ToList();
        var areas = places.Districts.Select(d => new AreaGroup(d.Name,
            [new Choice(Id(d.Id), $"The whole of {d.Name}"), .. places.Descendants(d).Where(a => a.Level == AreaLevel.Ward)
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new Choice(Id(a.Id), a.Name))])).ToList();
        if (current is not null)
        {
            languages.AddRange(current.Languages.Where(l => !languages.Any(c => c.Value == LanguageValue(l))).Select(l => new Choice(LanguageValue(l), l.Name)));
            accessibility.AddRange(current.Locations.SelectMany(l => l.Accessibility).Select(a => a.Description).Where(d => !accessibility.Contains(d)).Distinct());
            var listed = areas.SelectMany(g => g.Areas).Select(c => c.Value).ToHashSet();
            var others = current.ServiceAreas.Where(a => !listed.Contains(AreaValue(a)))
                .Select(a => new Choice(AreaValue(a), a.AreaId is { } id && places.ById.TryGetValue(id, out var info) ? $"{info.Name} ({info.Level.Label()})" : a.Name)).ToList();
            if (others.Count > 0) areas.Add(new AreaGroup("Other areas on this record", others));
        }
        var orgNames = await db.AssetOrganisations.AsNoTracking().Select(o => o.Name).Distinct().OrderBy(n => n).Take(MaxSuggestions + 1).ToListAsync(ct);
        return new EditorChoices(TermChoices(terms, CohesionTaxonomy.ActivityId), TermChoices(terms, CohesionTaxonomy.AudienceId), languages, areas, accessibility,
            await MaintainersAsync(db, user, current?.MaintainerOrganisationId, ct), orgNames.Count > MaxSuggestions ? [] : orgNames);
    }

    static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Broader terms in the seeded order, each followed by its narrower ones.</summary>
    static List<TermChoice> TermChoices(List<TaxonomyTerm> terms, Guid taxonomy)
    {
        var seeded = (taxonomy == CohesionTaxonomy.ActivityId ? CohesionTaxonomy.Activities : CohesionTaxonomy.Audiences).Select(t => t.Code).ToList();
        var mine = terms.Where(t => t.TaxonomyId == taxonomy).OrderBy(t => seeded.IndexOf(t.Code) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Name).ToList();
        var result = new List<TermChoice>();
        foreach (var broad in mine.Where(t => t.ParentId is null))
        {
            result.Add(new TermChoice(broad.Id, broad.Name, broad.Description, false));
            result.AddRange(mine.Where(t => t.ParentId == broad.Id).Select(t => new TermChoice(t.Id, t.Name, t.Description, true)));
        }
        return result;
    }

    /// <summary>
    /// Contributors maintain their own organisation's records; directory staff may also leave a record to the
    /// directory; administrators may hand it to any partner. The record's current maintainer is always offered.
    /// </summary>
    static async Task<List<Choice>> MaintainersAsync(CohesionDb db, ClaimsPrincipal user, int? current, CancellationToken ct)
    {
        var own = Viewer.Of(user).OrganisationId;
        var admin = AssetAccess.IsAdmin(user);
        var orgs = await db.Organisations.AsNoTracking().Where(o => admin || o.Id == own || o.Id == current).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var choices = orgs.Select(o => new Choice(Id(o.Id), o.Name + (o.Id == own ? " (your organisation)" : ""))).ToList();
        if (AssetAccess.IsDirectoryStaff(user)) choices.Insert(0, new Choice(DirectoryStaff, "The directory's own staff"));
        return choices;
    }
}

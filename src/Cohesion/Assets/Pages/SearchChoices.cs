using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Pages;

/// <summary>An option of a filter: the value sent and what the person reads.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// What the search form offers: activity terms (broader terms before their narrower ones), audiences, and the areas to
/// search in or near (wards with boundaries, and their districts). The API takes any term id or area code.
/// </summary>
public sealed record SearchChoices(IReadOnlyList<Choice> Terms, IReadOnlyList<Choice> Audiences, IReadOnlyList<Choice> Areas, AreaInfo? District)
{
    /// <summary>More areas than this (a national install) and the form lists districts only.</summary>
    const int MaxAreas = 400;

    public static async Task<SearchChoices> LoadAsync(CohesionDb db, PlaceDirectory directory, CancellationToken ct)
    {
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId != CohesionTaxonomy.AudienceId)
            .Select(t => new { t.Id, t.TaxonomyId, t.Name, t.ParentId }).ToListAsync(ct);
        // Cohesion's own taxonomy first, then any imported ones; a narrower term straight after its broader one.
        var children = terms.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var ordered = new List<Choice>();
        foreach (var root in terms.Where(t => t.ParentId is null).OrderBy(t => t.TaxonomyId != CohesionTaxonomy.ActivityId).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            ordered.Add(new Choice(root.Id.ToString(), root.Name));
            foreach (var c in children[root.Id].OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
                ordered.Add(new Choice(c.Id.ToString(), $"{c.Name} ({root.Name.ToLowerInvariant()})"));
        }
        var audiences = await db.AssetTaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == CohesionTaxonomy.AudienceId)
            .OrderBy(t => t.Name).Select(t => new Choice(t.Id.ToString(), t.Name)).ToListAsync(ct);

        var wards = directory.InCodeOrder(AreaLevel.Ward).Where(w => directory.WithBoundary.Contains(w.Id)).ToList();
        var districts = wards.Select(directory.District).OfType<AreaInfo>().DistinctBy(d => d.Id).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var areas = new List<Choice>();
        foreach (var d in districts)
        {
            areas.Add(new Choice(d.Code, $"{d.Name} (the whole district)"));
            if (wards.Count <= MaxAreas)
                areas.AddRange(wards.Where(w => directory.District(w)?.Id == d.Id).OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(w => new Choice(w.Code, $"{w.Name} ward")));
        }
        return new SearchChoices(ordered, audiences, areas, districts.Count == 1 ? districts[0] : districts.FirstOrDefault());
    }
}

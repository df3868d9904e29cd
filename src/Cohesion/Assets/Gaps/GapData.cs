using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Gaps;

/// <summary>One place a published asset is found: the asset, and the point and area of one of its locations.</summary>
public sealed record LocatedAsset(Guid Id, string Name, AssetKind Kind, bool IsSynthetic, int? AreaId, double? Latitude, double? Longitude);

/// <summary>An activity term, with its depth under its broader terms (for the choice list).</summary>
public sealed record ActivityTerm(Guid Id, string Code, string Name, Guid? ParentId, int Depth);

/// <summary>Language learning: the term and its narrower ones (ESOL, language cafés, conversation clubs, buddy schemes).</summary>
public static class LanguageTerms
{
    public const string Root = "language-learning";
}

/// <summary>
/// What the gap analysis reads from the directory: only published records (<see cref="ServiceQueries.Published"/>),
/// each location of each, with the activity terms of each asset.
/// </summary>
public sealed record GapData(IReadOnlyList<LocatedAsset> Located, ILookup<Guid, Guid> TermsOf, IReadOnlyList<ActivityTerm> Terms)
{
    public static async Task<GapData> LoadAsync(CohesionDb db, CancellationToken ct)
    {
        var published = db.AssetServices.Published();
        var located = await (
            from sl in db.AssetServiceLocations
            join s in published on sl.ServiceId equals s.Id
            join l in db.AssetLocations on sl.LocationId equals l.Id
            select new LocatedAsset(s.Id, s.Name, s.Kind, s.IsSynthetic, l.AreaId, l.Latitude, l.Longitude)).AsNoTracking().ToListAsync(ct);
        var terms = await (from t in db.AssetServiceTerms join s in published on t.ServiceId equals s.Id select new { t.ServiceId, t.TermId }).ToListAsync(ct);
        var activity = await db.AssetTaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == CohesionTaxonomy.ActivityId)
            .Select(t => new { t.Id, t.Code, t.Name, t.ParentId }).ToListAsync(ct);
        var byId = activity.ToDictionary(t => t.Id);
        int Depth(Guid? parent) { var d = 0; for (var p = parent; p is { } id && byId.TryGetValue(id, out var x) && d < 10; p = x.ParentId) d++; return d; }
        // Broader terms first, each followed by its narrower ones, in the seeded order where there is one.
        var order = CohesionTaxonomy.Activities.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var list = activity.Select(t => new ActivityTerm(t.Id, t.Code, t.Name, t.ParentId, Depth(t.ParentId))).ToList();
        var ordered = new List<ActivityTerm>();
        void Add(Guid? parent)
        {
            foreach (var t in list.Where(t => t.ParentId == parent).OrderBy(t => order.GetValueOrDefault(t.Code, int.MaxValue)).ThenBy(t => t.Name, StringComparer.Ordinal))
            {
                ordered.Add(t);
                Add(t.Id);
            }
        }
        Add(null);
        return new GapData(located, terms.ToLookup(t => t.ServiceId, t => t.TermId), ordered);
    }

    /// <summary>The term with this code and every narrower term under it; empty code: null (every asset).</summary>
    public IReadOnlySet<Guid>? TermAndNarrower(string code)
    {
        if (code.Length == 0) return null;
        var root = Terms.FirstOrDefault(t => t.Code == code);
        if (root is null) return new HashSet<Guid>();
        var set = new HashSet<Guid> { root.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var t in Terms)
                if (t.ParentId is { } p && set.Contains(p) && set.Add(t.Id)) grew = true;
        }
        return set;
    }

    /// <summary>The located assets classed under any of the terms (all of them when null).</summary>
    public IEnumerable<LocatedAsset> Under(IReadOnlySet<Guid>? terms) =>
        terms is null ? Located : Located.Where(a => TermsOf[a.Id].Any(terms.Contains));

    /// <summary>The area at <paramref name="level"/> that a location's area is in: itself, an ancestor, or (wards) a grouping of it or of an ancestor.</summary>
    public static int? AreaAt(PlaceDirectory dir, int areaId, AreaLevel level)
    {
        if (!dir.ById.TryGetValue(areaId, out var a)) return null;
        for (var x = a; x is not null; x = dir.Parent(x))
        {
            if (x.Level == level) return x.Id;
            if (x.Level > level) return null;
            foreach (var g in dir.Groups(x)) if (g.Level == level) return g.Id;
        }
        return null;
    }
}

using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Change.Read;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.Results;

namespace Cohesion.Assets.Gaps;

/// <summary>One area's provision: residents (the base), assets located in it, and assets per 1,000 residents.</summary>
/// <param name="Relative">The rate as a multiple of the district's (1 = the same).</param>
public sealed record GapRow(AreaInfo Area, double? Residents, int Assets, double? Per1000, double? Relative);

/// <summary>An area whose centroid has no language-learning provision within the distance, with its need and the nearest provision.</summary>
public sealed record ReachRow(AreaInfo Area, double? Residents, NeedFigure? Need, LocatedAsset? Nearest, double? NearestKm);

/// <summary>The whole analysis for one query: the provision table, the district row, and the language-learning reach.</summary>
public sealed record GapView(GapQuery Query, AreaInfo District, IReadOnlyList<ActivityTerm> Terms, ActivityTerm? Term, IReadOnlyList<GapRow> Rows, GapRow DistrictRow,
    IReadOnlyList<ReachRow> Unreached, int ReachedAreas, int ProvisionPoints, int AreasWithoutCentroid, NeedSource? Need, bool AnySynthetic, bool HasResidents)
{
    public const string ResidentsSource = CensusPopulation.Source;
}

/// <summary>
/// The gap analysis for planners, from published records only: per area of the chosen level, the assets located in it
/// (a record counts once in an area however many of its locations are there) and the rate per 1,000 Census 2011
/// usual residents (<see cref="Provision.Per1000"/>) against the district's; then the areas whose centroid is more
/// than the chosen distance from every language-learning location (<see cref="Provision.NearestTo"/>), by need.
/// </summary>
public static class GapAnalysis
{
    public static async Task<GapView?> RunAsync(CohesionDb db, AreaStatsCache places, ChangeCache change, AreaShapes shapes, Viewer viewer,
        IQueryCollection request, CancellationToken ct)
    {
        var data = await GapData.LoadAsync(db, ct);
        var query = GapQuery.From(request, data.Terms.Select(t => t.Code).ToHashSet());
        var dir = await places.DirectoryAsync(db, ct);
        var district = PickDistrict(dir, data, query.District);
        if (district is null) return null;
        var within = dir.Descendants(district);
        var areas = within.Where(a => a.Level == query.Level).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var inDistrict = areas.Select(a => a.Id).ToHashSet();
        var lsoas = within.Where(a => a.Level == AreaLevel.Lsoa).ToList();
        var lsoaIds = lsoas.Select(a => a.Id).ToHashSet();
        int? AreaOf(int areaId) => GapData.AreaAt(dir, areaId, query.Level) is { } id && inDistrict.Contains(id) ? id : null;

        var residents = (await CensusPopulation.LoadAsync(db, query.Level, inDistrict, ct))?.ByArea;
        var districtResidents = (await CensusPopulation.LoadAsync(db, AreaLevel.Lsoa, lsoaIds, ct))?.ByArea.Values.Sum();

        // Assets under the term, each counted once per area (and once in the district).
        var chosen = data.Under(data.TermAndNarrower(query.Term)).ToList();
        var perArea = new Dictionary<int, HashSet<Guid>>();
        var inAll = new HashSet<Guid>();
        foreach (var a in chosen)
        {
            if (a.AreaId is not { } areaId || AreaOf(areaId) is not { } area) continue;
            if (!perArea.TryGetValue(area, out var set)) perArea[area] = set = [];
            set.Add(a.Id);
            inAll.Add(a.Id);
        }
        var districtRate = districtResidents is { } dr ? Provision.Per1000(inAll.Count, dr) : null;
        var districtRow = new GapRow(district, districtResidents, inAll.Count, districtRate, districtRate is null ? null : 1);
        var rows = areas.Select(a =>
        {
            var n = perArea.GetValueOrDefault(a.Id)?.Count ?? 0;
            var r = residents?.GetValueOrDefault(a.Id);
            var rate = r is { } x ? Provision.Per1000(n, x) : null;
            return new GapRow(a, r, n, rate, Provision.RelativeTo(rate, districtRate));
        }).ToList();

        // Reach: from each area's centroid to the nearest language-learning location, wherever it is (across the district boundary too).
        var language = data.Under(data.TermAndNarrower(LanguageTerms.Root))
            .Where(a => a.Latitude is not null && a.Longitude is not null).ToList();
        var points = language.Select(a => new GeoPoint(a.Latitude!.Value, a.Longitude!.Value)).ToArray();
        var all = await shapes.AllAsync(db, ct);
        var need = await LanguageNeed.LoadAsync(db, change, places, viewer, dir, lsoas, AreaOf, ct);
        var unreached = new List<ReachRow>();
        var reached = 0;
        var noCentroid = 0;
        foreach (var a in areas)
        {
            if (!all.TryGetValue(a.Id, out var shape)) { noCentroid++; continue; }
            var nearest = Provision.NearestTo(shape.Centroid, points);
            if (nearest is { } n && n.Km <= query.Km) { reached++; continue; }
            unreached.Add(new ReachRow(a, residents?.GetValueOrDefault(a.Id), need?.ByArea.GetValueOrDefault(a.Id),
                nearest is { } m ? language[m.Index] : null, nearest?.Km));
        }
        // Greatest need first; withheld or unknown need after every known one, then farthest first.
        var sorted = unreached.OrderBy(r => r.Need?.Percent is null).ThenByDescending(r => r.Need?.Percent ?? 0)
            .ThenByDescending(r => r.NearestKm ?? double.MaxValue).ThenBy(r => r.Area.Code, StringComparer.Ordinal).ToList();
        var term = data.Terms.FirstOrDefault(t => t.Code == query.Term);
        return new GapView(query, district, data.Terms, term, rows, districtRow, sorted, reached, points.Length, noCentroid, need?.Source,
            chosen.Any(a => a.IsSynthetic) || language.Any(a => a.IsSynthetic), residents is not null);
    }

    /// <summary>The district asked for, else the one with most located assets, else the first by name.</summary>
    static AreaInfo? PickDistrict(PlaceDirectory dir, GapData data, string? code)
    {
        if (code is not null && dir.Find(code) is { Level: AreaLevel.LocalAuthority } asked) return asked;
        var counts = data.Located.Where(a => a.AreaId is not null)
            .Select(a => dir.ById.TryGetValue(a.AreaId!.Value, out var area) ? dir.District(area) : null)
            .Where(d => d is not null).GroupBy(d => d!.Id).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        return counts.Count > 0 ? dir.ById[counts[0]] : dir.Districts.FirstOrDefault();
    }
}

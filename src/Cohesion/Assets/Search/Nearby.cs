using Cohesion.Analytics.Geography;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Search;

/// <summary>A published asset near a point, with its distance.</summary>
public sealed record NearbyAsset(Guid Id, string Name, string Kind, double DistanceKm, GeoPoint Point, bool IsSynthetic);

/// <summary>Published assets near a point, nearest first: the bounding box in SQL, the exact distance (haversine) in memory.</summary>
public static class Nearby
{
    public const double DefaultKm = 1;
    public const int DefaultLimit = 10;

    public static async Task<List<NearbyAsset>> FindAsync(CohesionDb db, GeoPoint centre, Guid? except, CancellationToken ct,
        double km = DefaultKm, int limit = DefaultLimit)
    {
        var (minLat, minLon, maxLat, maxLon) = centre.BoxAround(km);
        var rows = await (from s in db.AssetServices.AsNoTracking().Published()
                          join sl in db.AssetServiceLocations on s.Id equals sl.ServiceId
                          join l in db.AssetLocations on sl.LocationId equals l.Id
                          where s.Status == Model.ServiceStatus.Active && s.Id != except
                                && l.Latitude >= minLat && l.Latitude <= maxLat && l.Longitude >= minLon && l.Longitude <= maxLon
                          select new { s.Id, s.Name, s.Kind, s.IsSynthetic, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value }).ToListAsync(ct);
        return rows
            .Select(r => new NearbyAsset(r.Id, r.Name, r.Kind.ToString(), centre.DistanceKm(new GeoPoint(r.Latitude, r.Longitude)), new GeoPoint(r.Latitude, r.Longitude), r.IsSynthetic))
            .Where(r => r.DistanceKm <= km)
            .GroupBy(r => r.Id).Select(g => g.MinBy(r => r.DistanceKm)!)
            .OrderBy(r => r.DistanceKm).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
    }
}

namespace Cohesion.Analytics.Geography;

/// <summary>A point in WGS84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean Earth radius in kilometres (IUGG), the usual choice for the haversine formula.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>
    /// Great-circle distance in kilometres by the haversine formula:
    /// d = 2R·asin(√(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2))). Source: Sinnott (1984) "Virtues of the haversine",
    /// Sky and Telescope 68(2), 159. Within 0.5% of the ellipsoidal distance, far closer than "near" needs.
    /// </summary>
    public double DistanceKm(GeoPoint other)
    {
        const double rad = Math.PI / 180;
        var dLat = (other.Latitude - Latitude) * rad;
        var dLon = (other.Longitude - Longitude) * rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Latitude * rad) * Math.Cos(other.Latitude * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The latitude/longitude box that holds every point within <paramref name="km"/> of this one, for an index
    /// pre-filter before the exact distance: Δφ = d/R, Δλ = d/(R cos φ) (Chamberlain's bounding-box method).
    /// </summary>
    public (double MinLat, double MinLon, double MaxLat, double MaxLon) BoxAround(double km)
    {
        var dLat = km / EarthRadiusKm * 180 / Math.PI;
        var cos = Math.Max(1e-6, Math.Cos(Latitude * Math.PI / 180));
        var dLon = dLat / cos;
        return (Latitude - dLat, Longitude - dLon, Latitude + dLat, Longitude + dLon);
    }
}

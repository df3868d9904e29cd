namespace Cohesion.Analytics.Geography;

/// <summary>The nearest of a set of points to a place, and how far it is.</summary>
/// <param name="Index">Its position in the list searched.</param>
/// <param name="Km">Great-circle distance in kilometres.</param>
public readonly record struct Nearest(int Index, double Km);

/// <summary>
/// Measures of how well a place is provided with something (community assets, services): a rate per 1,000 residents
/// and the distance to the nearest provision. Used by the asset gap analysis.
/// </summary>
public static class Provision
{
    /// <summary>
    /// Provision per 1,000 residents: r = 1000 · n / P, where n is the number of assets and P the residents (the
    /// population base, e.g. Census usual residents). Null when P is not positive: with no residents there is no rate,
    /// which is not the same as a rate of zero. A crude rate in the sense of ONS's rates per 1,000 population.
    /// </summary>
    public static double? Per1000(long count, double residents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return residents > 0 && double.IsFinite(residents) ? 1000.0 * count / residents : null;
    }

    /// <summary>
    /// The rate of an area relative to a reference (the district): rate / reference, so 1 is the same provision per
    /// resident, 0.5 half. Null when either is missing or the reference is zero.
    /// </summary>
    public static double? RelativeTo(double? rate, double? reference) =>
        rate is { } r && reference is { } d && d > 0 ? r / d : null;

    /// <summary>
    /// The nearest point to <paramref name="from"/> by great-circle distance (<see cref="GeoPoint.DistanceKm"/>,
    /// haversine), found by checking every point: the lists are a district's provision (hundreds), so an index is not
    /// worth its keep. Ties go to the earlier point. Null when there are no points.
    /// </summary>
    public static Nearest? NearestTo(GeoPoint from, ReadOnlySpan<GeoPoint> points)
    {
        if (points.IsEmpty) return null;
        var best = 0;
        var bestKm = from.DistanceKm(points[0]);
        for (var i = 1; i < points.Length; i++)
        {
            var d = from.DistanceKm(points[i]);
            if (d < bestKm) (best, bestKm) = (i, d);
        }
        return new Nearest(best, bestKm);
    }
}

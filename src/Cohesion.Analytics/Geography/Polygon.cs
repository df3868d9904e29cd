namespace Cohesion.Analytics.Geography;

/// <summary>
/// A polygon area as rings of (longitude, latitude) vertices: the first ring is the outer boundary, the rest holes
/// (GeoJSON order). A multipolygon is a list of these.
/// </summary>
public sealed record Polygon(IReadOnlyList<double[]> Rings)
{
    /// <summary>Whether the point is inside the outer ring and outside every hole (even–odd ray casting).</summary>
    public bool Contains(GeoPoint p)
    {
        if (!RingContains(Rings[0], p)) return false;
        for (var h = 1; h < Rings.Count; h++) if (RingContains(Rings[h], p)) return false;
        return true;
    }

    /// <summary>
    /// Ray casting: count crossings of a ray from the point with the ring's edges; odd means inside. Source: Shimrat
    /// (1962) "Algorithm 112: position of point relative to polygon", CACM 5(8), 434. Ring: x0,y0,x1,y1,… (lon, lat).
    /// </summary>
    static bool RingContains(double[] ring, GeoPoint p)
    {
        var inside = false;
        var n = ring.Length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
            if ((yi > p.Latitude) != (yj > p.Latitude) && p.Longitude < (xj - xi) * (p.Latitude - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    /// <summary>Signed planar area and centroid of a ring by the shoelace formula (degrees², fine for small areas).</summary>
    static (double Area, double Cx, double Cy) RingMoments(double[] ring)
    {
        double a = 0, cx = 0, cy = 0;
        var n = ring.Length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
            var cross = xj * yi - xi * yj;
            a += cross;
            cx += (xj + xi) * cross;
            cy += (yj + yi) * cross;
        }
        return (a / 2, cx, cy);
    }

    /// <summary>
    /// The area-weighted centroid of several polygons (holes subtracted): C = Σ Aᵢcᵢ / Σ Aᵢ with each ring's
    /// shoelace area Aᵢ and centroid cᵢ = (1/6A) Σ (xⱼ + xⱼ₊₁)(xⱼyⱼ₊₁ − xⱼ₊₁yⱼ). Planar in degrees: the error over a
    /// small area (an LSOA, a district) is far below a street's width. Null when the area is zero.
    /// </summary>
    public static GeoPoint? Centroid(IReadOnlyList<Polygon> polygons)
    {
        double area = 0, sx = 0, sy = 0;
        foreach (var polygon in polygons)
            for (var r = 0; r < polygon.Rings.Count; r++)
            {
                var (a, cx, cy) = RingMoments(polygon.Rings[r]);
                // The outer ring adds, holes take away, whichever way round each was drawn.
                var sign = (r == 0 ? 1 : -1) * Math.Sign(a);
                area += sign * a;
                sx += sign * cx;
                sy += sign * cy;
            }
        if (Math.Abs(area) < 1e-15) return null;
        return new GeoPoint(sy / (6 * area), sx / (6 * area));
    }
}

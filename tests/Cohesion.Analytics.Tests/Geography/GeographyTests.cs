using Cohesion.Analytics.Geography;

namespace Cohesion.Analytics.Tests.Geography;

public class GeographyTests
{
    [Fact]
    public void OneDegreeAlongTheEquatorIsRTimesPiOver180()
    {
        var d = new GeoPoint(0, 0).DistanceKm(new GeoPoint(0, 1));
        Assert.Equal(GeoPoint.EarthRadiusKm * Math.PI / 180, d, 9);
        // Along a meridian too, and symmetric.
        Assert.Equal(d, new GeoPoint(53.5, -2.1).DistanceKm(new GeoPoint(54.5, -2.1)), 9);
        Assert.Equal(new GeoPoint(53.54, -2.11).DistanceKm(new GeoPoint(53.48, -2.24)), new GeoPoint(53.48, -2.24).DistanceKm(new GeoPoint(53.54, -2.11)), 12);
    }

    [Fact]
    public void TheBoxAroundAPointHoldsEveryPointWithinTheDistance()
    {
        var centre = new GeoPoint(53.54, -2.11);
        var (minLat, minLon, maxLat, maxLon) = centre.BoxAround(2);
        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            // A point 1.99 km away on each bearing (small-distance approximation is enough to stay inside 2 km).
            var b = bearing * Math.PI / 180;
            var dLat = 1.99 * Math.Cos(b) / GeoPoint.EarthRadiusKm * 180 / Math.PI;
            var dLon = 1.99 * Math.Sin(b) / (GeoPoint.EarthRadiusKm * Math.Cos(centre.Latitude * Math.PI / 180)) * 180 / Math.PI;
            var p = new GeoPoint(centre.Latitude + dLat, centre.Longitude + dLon);
            Assert.True(centre.DistanceKm(p) < 2);
            Assert.InRange(p.Latitude, minLat, maxLat);
            Assert.InRange(p.Longitude, minLon, maxLon);
        }
    }

    static double[] Square(double x0, double y0, double size, bool clockwise = false) =>
        clockwise ? [x0, y0, x0, y0 + size, x0 + size, y0 + size, x0 + size, y0, x0, y0]
                  : [x0, y0, x0 + size, y0, x0 + size, y0 + size, x0, y0 + size, x0, y0];

    [Fact]
    public void APolygonWithAHoleContainsItsRingButNotTheHole()
    {
        var p = new Polygon([Square(0, 0, 4), Square(1, 1, 1, clockwise: true)]);
        Assert.True(p.Contains(new GeoPoint(0.5, 0.5)));
        Assert.True(p.Contains(new GeoPoint(3, 3)));
        Assert.False(p.Contains(new GeoPoint(1.5, 1.5)));
        Assert.False(p.Contains(new GeoPoint(5, 1)));
    }

    [Fact]
    public void CentroidWeighsPolygonsByAreaAndSubtractsHoles()
    {
        // A 2×2 square at the origin (area 4, centre (1,1)) and a 1×1 square at (4,0) (area 1, centre (4.5,0.5)):
        // x̄ = (4·1 + 1·4.5)/5 = 1.7, ȳ = (4·1 + 1·0.5)/5 = 0.9. Longitude is x, latitude y.
        var c = Polygon.Centroid([new Polygon([Square(0, 0, 2)]), new Polygon([Square(4, 0, 1, clockwise: true)])])!.Value;
        Assert.Equal(1.7, c.Longitude, 12);
        Assert.Equal(0.9, c.Latitude, 12);
        // A 4×4 square with the 2×2 corner hole at (2,2): area 12, x̄ = (16·2 − 4·3)/12 = 5/3.
        var holed = Polygon.Centroid([new Polygon([Square(0, 0, 4), Square(2, 2, 2)])])!.Value;
        Assert.Equal(5.0 / 3, holed.Longitude, 12);
        Assert.Equal(5.0 / 3, holed.Latitude, 12);
        Assert.Null(Polygon.Centroid([new Polygon([[0, 0, 1, 1, 2, 2, 0, 0]])]));
    }
}

using Cohesion.Analytics.Geography;

namespace Cohesion.Analytics.Tests.Geography;

public class ProvisionTests
{
    [Fact]
    public void RatePerThousandIsCountOverResidentsTimesAThousandAndUndefinedWithoutResidents()
    {
        Assert.Equal(2.5, Provision.Per1000(5, 2000));
        Assert.Equal(0.0, Provision.Per1000(0, 1500));
        Assert.Equal(1000.0 * 3 / 1642, Provision.Per1000(3, 1642)!.Value, 12);
        Assert.Null(Provision.Per1000(4, 0));
        Assert.Null(Provision.Per1000(4, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Provision.Per1000(-1, 100));
    }

    [Fact]
    public void RelativeRateIsTheRatioToTheReference()
    {
        Assert.Equal(0.5, Provision.RelativeTo(1.0, 2.0));
        Assert.Null(Provision.RelativeTo(1.0, 0));
        Assert.Null(Provision.RelativeTo(null, 2.0));
    }

    [Fact]
    public void NearestIsTheClosestByHaversineWithTiesToTheFirst()
    {
        var oldham = new GeoPoint(53.5409, -2.1114);
        // About 1.1 km north, 6.2 km west (Middleton), and the same point as the first again.
        GeoPoint[] points = [new(53.5509, -2.1114), new(53.5453, -2.2044), new(53.5509, -2.1114)];
        var n = Provision.NearestTo(oldham, points)!.Value;
        Assert.Equal(0, n.Index);
        // 0.01° of latitude is R·π/180·0.01 km whatever the longitude.
        Assert.Equal(GeoPoint.EarthRadiusKm * Math.PI / 180 * 0.01, n.Km, 9);
        Assert.Equal(1, Provision.NearestTo(new GeoPoint(53.5453, -2.20), points)!.Value.Index);
        Assert.Null(Provision.NearestTo(oldham, []));
        Assert.Equal(0, Provision.NearestTo(oldham, [oldham])!.Value.Km);
    }
}

using System.Globalization;
using Cohesion.Analytics.Surveillance;
using Cohesion.Tests.Shared;

namespace Cohesion.Analytics.Tests.Surveillance;

/// <summary>The values shared/reference/README.md gives for R surveillance 1.20.3 on salmonella.agona, weeks 282–312.</summary>
public class AgonaReferenceTests
{
    internal static double[] Agona() =>
        File.ReadLines(SharedFiles.Path("reference", "surveillance_salmonella_agona.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

    static readonly int[] Monitored = Enumerable.Range(282, 31).ToArray();

    static void Expect(IReadOnlyList<DetectionPoint> result, double[] firstFive, int[] alarms, double tolerance)
    {
        Assert.Equal(new double[] { 2, 4, 7, 6, 1, 4, 6, 4, 2, 4 }, result.Take(10).Select(p => p.Observed));
        for (var i = 0; i < firstFive.Length; i++)
            Assert.True(Math.Abs(result[i].Upper - firstFive[i]) <= tolerance, $"week {282 + i}: upper {result[i].Upper}, R {firstFive[i]}");
        Assert.Equal(alarms, result.Where(p => p.Alarm).Select(p => p.Time));
    }

    [Fact]
    public void FarringtonFlexibleMatchesR() =>
        Expect(Farrington.Detect(Agona(), Monitored, (FarringtonOptions)Configs.All["farrington"]),
            [3.0226, 2.9318, 3.2608, 3.3717, 2.8100], [283, 284, 285, 287, 288, 289, 291, 292, 294, 295, 304], 5e-5);

    [Fact]
    public void NoufailyMatchesR() =>
        Expect(Farrington.Detect(Agona(), Monitored, (FarringtonOptions)Configs.All["noufaily-delta"]),
            [3.6526, 3.6922, 4.1211, 4.5488, 4.8792], [283, 284, 285, 288, 294, 295], 5e-5);

    [Fact]
    public void NoufailyNegativeBinomialQuantilesMatchR()
    {
        var r = Farrington.Detect(Agona(), Monitored, (FarringtonOptions)Configs.All["noufaily-nbplugin"]);
        Assert.Equal(new double[] { 3, 3, 4, 4, 5, 5, 5, 5, 6, 7 }, r.Take(10).Select(p => p.Upper));
    }

    [Fact]
    public void EarsC1MatchesR() =>
        Expect(Ears.Detect(Agona(), Monitored, new EarsOptions()), [3.0503, 3.5232, 5.7465, 9.7538, 11.2068], [283, 284, 294], 5e-5);

    [Fact]
    public void ParametersOutOfRangeAreRefusedByName()
    {
        Assert.Contains("baseline 2", Assert.Throws<DetectionException>(() => Ears.Detect(Agona(), Monitored, new EarsOptions(Baseline: 2))).Message);
        Assert.Contains("alpha 1.5", Assert.Throws<DetectionException>(() => Farrington.Detect(Agona(), Monitored, new FarringtonOptions(Alpha: 1.5))).Message);
        Assert.Contains("limit54", Assert.Throws<DetectionException>(() => Farrington.Detect(Agona(), Monitored, new FarringtonOptions(Limit54Period: 0))).Message);
        var early = Assert.Throws<DetectionException>(() => Farrington.Detect(Agona(), [200], new FarringtonOptions()));
        Assert.Contains("first time that can be monitored is 264", early.Message);
    }
}

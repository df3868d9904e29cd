using Cohesion.Analytics.Surveillance;

namespace Cohesion.Analytics.Tests.Surveillance;

/// <summary>The configurations R/reference.R runs, by the same names, as our options.</summary>
static class Configs
{
    static readonly FarringtonOptions Noufaily = new(B: 4, W: 3, NoPeriods: 10, WeightsThreshold: 2.58, PastWeeksNotIncluded: 26, PThresholdTrend: 1, Alpha: 0.1);

    public static readonly IReadOnlyDictionary<string, object> All = new Dictionary<string, object>
    {
        ["ears-c1"] = new EarsOptions(EarsMethod.C1),
        ["ears-c2"] = new EarsOptions(EarsMethod.C2),
        ["ears-c3"] = new EarsOptions(EarsMethod.C3),
        ["farrington"] = new FarringtonOptions(B: 4, W: 3, NoPeriods: 1, WeightsThreshold: 1, PastWeeksNotIncluded: 3, PThresholdTrend: 0.05, Alpha: 0.1),
        ["farrington-defaults"] = new FarringtonOptions(),
        ["noufaily-delta"] = Noufaily,
        ["noufaily-nbplugin"] = Noufaily with { ThresholdMethod = ThresholdMethod.NbPlugin },
        ["noufaily-muan"] = Noufaily with { ThresholdMethod = ThresholdMethod.Muan },
        ["noufaily-b5"] = new FarringtonOptions(B: 5, W: 3, NoPeriods: 10, WeightsThreshold: 2.58, PastWeeksNotIncluded: 26, PThresholdTrend: 1, Alpha: 0.05, ThresholdMethod: ThresholdMethod.NbPlugin),
    };

    public static IReadOnlyList<DetectionPoint> Run(string config, double[] observed, IReadOnlyList<int> range) => All[config] switch
    {
        EarsOptions e => Ears.Detect(observed, range, e),
        FarringtonOptions f => Farrington.Detect(observed, range, f),
        _ => throw new ArgumentException(config),
    };
}

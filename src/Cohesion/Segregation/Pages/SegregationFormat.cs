using System.Globalization;
using Cohesion.Segregation.Read;

namespace Cohesion.Segregation.Pages;

/// <summary>How index values, intervals and p-values are written on the pages (the downloads carry full precision).</summary>
public static class SegregationFormat
{
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>An index to three decimal places; "–" where it cannot be worked out.</summary>
    public static string Index(double v) => double.IsFinite(v) ? v.ToString("0.000", Uk) : "–";

    public static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString(share < 0.01 ? "0.00" : "0.0", Uk) + "%" : "–";

    public static string Interval(Estimate e) => double.IsFinite(e.Low) && double.IsFinite(e.High) ? $"{Index(e.Low)} to {Index(e.High)}" : "–";

    /// <summary>With 999 simulations the smallest p-value is 0.001, meaning "at most 1 in 1,000".</summary>
    public static string PValue(double p, int iterations) => !double.IsFinite(p) ? "–" : p <= 1.0 / (iterations + 1) + 1e-12 ? $"≤ {(1.0 / (iterations + 1)).ToString("0.###", Uk)}" : p.ToString("0.000", Uk);

    /// <summary>Plain words for a p-value at the conventional 5% level.</summary>
    public static string Verdict(Estimate e) => !double.IsFinite(e.PValue) ? "" : e.PValue < 0.05 ? "More segregated than chance" : "Not clearly more than chance";

    public static string People(double v) => v.ToString("N0", Uk);

    public static string Rank((int Rank, int Of)? r) => r is { } x ? $"{x.Rank:N0} of {x.Of:N0}" : "–";

    /// <summary>One sentence on a difference between two districts, for the groups' dissimilarity.</summary>
    public static string? Compare(Difference d, string who, string here, string there)
    {
        if (!d.IsDefined) return null;
        var p = PValue(d.PValue, DistrictSegregation.DefaultIterations);
        if (!(d.PValue < 0.05))
            return $"The spread of {who} is not clearly different between {here} and {there} (dissimilarity {Index(d.Here)} against {Index(d.There)}; p = {p}).";
        return $"{who} are {(d.Value > 0 ? "more" : "less")} unevenly spread in {here} than in {there} (dissimilarity {Index(d.Here)} against {Index(d.There)}; p {(p.StartsWith('≤') ? p : "= " + p)}).";
    }
}

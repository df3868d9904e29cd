using System.Globalization;
using Cohesion.Change;

namespace Cohesion.Sharing;

/// <summary>How a disclosure policy is stored (<c>suppress:10</c>, <c>round:5</c>, <c>none</c>) and described to people.</summary>
public static class PolicyText
{
    public static string Code(DisclosurePolicy p) => p switch
    {
        DisclosurePolicy.Suppress s => "suppress:" + s.K.ToString(CultureInfo.InvariantCulture),
        DisclosurePolicy.Round r => "round:" + r.Base.ToString(CultureInfo.InvariantCulture),
        _ => "none",
    };

    public static DisclosurePolicy Parse(string? code)
    {
        var parts = (code ?? "").Split(':');
        return parts switch
        {
            ["suppress", var k] when int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var kk) => new DisclosurePolicy.Suppress(kk),
            ["round", var b] when int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bb) => new DisclosurePolicy.Round(bb),
            _ => new DisclosurePolicy.Exact(),
        };
    }

    public static string Describe(DisclosurePolicy p) => p switch
    {
        DisclosurePolicy.Suppress s => $"counts from 1 to {s.K - 1} are withheld, with further cells withheld so that none can be worked out from the totals",
        DisclosurePolicy.Round r => $"every count is rounded to the nearest {r.Base}",
        _ => "published as they are",
    };
}

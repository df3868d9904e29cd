using Cohesion.Analytics.Segregation;

namespace Cohesion.Analytics.Tests.Segregation;

/// <summary>
/// The Sacramento 2000 tract values that pysal segregation's own tests assert (shared/reference/README.md),
/// matched to 1e-9: Hispanic residents of the total population for the two-group indices, and White, Black, Asian
/// and Hispanic (their sum as the total) for the multigroup ones.
/// </summary>
public class SacramentoReferenceTests
{
    const double Tolerance = 1e-9;
    static readonly Dictionary<string, double[]> Sac = SharedData.Columns(SharedData.Path("reference", "sac1.csv"));
    static double[] Hisp => Sac["HISP"];
    static double[] Total => Sac["TOT_POP"];
    static GroupCounts Four => GroupCounts.FromColumns(Sac["WHITE"], Sac["BLACK"], Sac["ASIAN"], Sac["HISP"]);

    static void Near(double expected, double actual, double tolerance = Tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (difference {actual - expected:E2})");

    [Fact]
    public void TheFileHasTheTractsTheReferenceUsed() => Assert.Equal(403, Total.Length);

    [Fact]
    public void TwoGroupIndicesMatchPysal()
    {
        Near(0.32184656076566864, TwoGroup.Dissimilarity(Hisp, Total));
        Near(0.43506510676886234, TwoGroup.Gini(Hisp, Total));
        Near(0.2319615486459151, TwoGroup.Isolation(Hisp, Total));
        Near(0.7680384513540848, TwoGroup.Interaction(Hisp, Total));
        Near(0.15079259382667654, TwoGroup.Atkinson(Hisp, Total));
        Near(0.15079259382667654, TwoGroup.Atkinson(Hisp, Total, 0.5));
    }

    [Fact]
    public void EntropyMatchesPysalToFarMoreThanItsFourDecimals()
    {
        // pysal's test checks 4 decimals; with Eᵢ = 0 where pᵢ is 0 or 1 (two tracts have no Hispanic residents) this
        // agrees to rounding. Leaving those tracts out instead, as a NaN-skipping sum would, gives 0.0946: wrong.
        Near(0.09626774479970557, TwoGroup.Entropy(Hisp, Total), 1e-15);
    }

    [Fact]
    public void MultigroupIndicesMatchPysal()
    {
        var c = Four;
        Near(0.41340872573177806, MultiGroup.Dissimilarity(c));
        Near(0.1710160297858887, MultiGroup.InformationTheory(c));
        Near(0.15820019878220337, MultiGroup.RelativeDiversity(c));
        Near(0.5456349992598081, MultiGroup.Gini(c));
        Near(0.18821879029994157, MultiGroup.NormalizedExposure(c));
        Near(0.9733112243997906, MultiGroup.Diversity(c));
        Near(0.7020956383415715, MultiGroup.DiversityNormalized(c));
        Near(0.11875484641127525, MultiGroup.SquaredCoefficientOfVariation(c));
        Near(0.49182413151957904, MultiGroup.SimpsonsConcentration(c));
        Near(0.508175868480421, MultiGroup.SimpsonsInteraction(c));
    }

    [Fact]
    public void TheDispatcherGivesTheSameValuesByName()
    {
        Assert.True(IndexCatalogue.TryParse("multi_gini", out var gini));
        Near(0.5456349992598081, Indices.MultiGroup(gini, Four));
        Assert.True(IndexCatalogue.TryParse("Dissimilarity", out var d));
        Near(0.32184656076566864, Indices.TwoGroup(d, Hisp, Total));
    }

    [Fact]
    public void LocalContributionsSumToTheDistrictIndices()
    {
        var c = Four;
        var local = new double[c.Units];
        LocalContribution.InformationTheory(c, local);
        Near(0.1710160297858887, local.Sum(), 1e-12);
        Assert.All(local, v => Assert.True(v >= 0));
        LocalContribution.MultiDissimilarity(c, local);
        Near(0.41340872573177806, local.Sum(), 1e-12);
        LocalContribution.Dissimilarity(Hisp, Total, local);
        Near(0.32184656076566864, local.Sum(), 1e-12);
    }
}

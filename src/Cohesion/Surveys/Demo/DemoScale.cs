using Cohesion.Analytics.Surveys;

namespace Cohesion.Surveys.Demo;

/// <summary>
/// An ordered answer scale cut from a latent variable: the shares of each answer (top first) set where the cuts fall
/// on a standard normal latent, so a person's latent value picks the answer and answers to items that share latent
/// parts are correlated the way real answers are.
/// </summary>
sealed class DemoScale
{
    readonly string[] _codes;
    readonly double[] _cuts;

    /// <param name="shares">Answer codes with the share of people (expressing an opinion) who give each, from the top of the scale down.</param>
    public DemoScale(params (string Code, double Share)[] shares)
    {
        _codes = [.. shares.Select(s => s.Code)];
        var total = shares.Sum(s => s.Share);
        _cuts = new double[shares.Length - 1];
        var above = 0.0;
        for (var i = 0; i < _cuts.Length; i++)
        {
            above += shares[i].Share / total;
            // Computed once per scale, so a last-bit difference in the quantile between machines cannot move an answer
            // unless a draw lands on the cut itself.
            _cuts[i] = Distributions.NormalQuantile(1 - above);
        }
    }

    /// <summary>Cuts for a scale whose answers are the codes given, with these shares.</summary>
    public static DemoScale Of(string[] codes, params double[] shares) => new([.. codes.Zip(shares)]);

    public string Pick(double latent)
    {
        for (var i = 0; i < _cuts.Length; i++)
            if (latent > _cuts[i]) return _codes[i];
        return _codes[^1];
    }
}

using System.Globalization;
using Cohesion.Analytics.Surveys;

namespace Cohesion.Analytics.Tests.Surveys;

/// <summary>
/// Our estimates against R survey's on random synthetic samples (R/crosscheck.R): every design the library
/// supports, weighting, replicates, domains, proportions and a domain difference, to 1e-6 relative.
/// </summary>
public class SurveyCrossCheckTests
{
    static readonly int[] Seeds = [11, 29, 47];

    /// <remarks>Needs R with the survey package (./test.sh installs it); without it the test fails, never skips.</remarks>
    [Fact]
    public void EveryEstimateMatchesRSurveyToOneInAMillion()
    {
        var root = Directory.CreateTempSubdirectory("cohesion-svy-r-").FullName;
        try
        {
            var samples = Seeds.Select(s => (Seed: s, Sample: new SyntheticSample(s), Dir: Path.Combine(root, $"seed{s}"))).ToList();
            foreach (var (_, sample, dir) in samples) { Directory.CreateDirectory(dir); sample.Write(dir); }
            Rscript.Run(Cohesion.Tests.Shared.SharedFiles.Repo("tests", "Cohesion.Analytics.Tests", "Surveys", "R", "crosscheck.R"), [.. samples.Select(s => s.Dir)]);
            var compared = 0;
            var failures = new List<string>();
            foreach (var (seed, sample, dir) in samples)
            {
                var ours = Ours(sample);
                var theirs = ReadR(Path.Combine(dir, "r.csv"));
                Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
                foreach (var (key, r) in theirs)
                {
                    var o = ours[key];
                    for (var k = 0; k < 4; k++)
                    {
                        if (double.IsNaN(r[k])) continue;
                        compared++;
                        var rel = Math.Abs(o[k] - r[k]) / Math.Max(Math.Abs(r[k]), 1e-12);
                        if (!(rel <= 1e-6)) failures.Add($"seed {seed} {key} [{new[] { "estimate", "se", "lo", "hi" }[k]}]: R {r[k]:R}, ours {o[k]:R} ({rel:G2})");
                    }
                }
            }
            Assert.True(failures.Count == 0, $"{failures.Count} of {compared} figures differ from R:\n" + string.Join("\n", failures.Take(40)));
            Assert.True(compared > 1000, $"only {compared} figures compared");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    static Dictionary<string, double[]> ReadR(string path)
    {
        var result = new Dictionary<string, double[]>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',').Select(x => x.Trim('"')).ToArray();
            double P(string s) => s == "NA" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
            result.Add($"{f[0]}|{f[1]}|{f[2]}", [P(f[3]), P(f[4]), P(f[5]), P(f[6])]);
        }
        return result;
    }

    static Dictionary<string, double[]> Ours(SyntheticSample s)
    {
        var (stratum, stratumNames) = Code(s.Stratum);
        var (lonelyStrata, lonelyNames) = Code(s.StratumLonely);
        var w = s.W.ToArray();
        var psu = s.Psu.ToArray();
        var psuAll = s.PsuAll.ToArray();
        var margins = Enumerable.Range(0, 3).Select(k => new CalibrationMargin($"m{k + 1}", [.. s.MarginCodes[k]], s.Population[k], s.MarginLevels[k])).ToArray();
        SurveyDesign D(DesignColumns c) => SurveyDesign.Create(c);
        var n = s.Rows;
        var stratClus = D(new(n) { Strata = stratum, StratumNames = stratumNames, Clusters = psu, Weights = w });
        var clusFpc = D(new(n) { Clusters = psuAll, Weights = w, Fpc = [.. s.FpcClus] });
        var designs = new Dictionary<string, SurveyDesign>
        {
            ["srs"] = D(new(n) { Weights = w }),
            ["srs_fpc"] = D(new(n) { Weights = w, Fpc = [.. s.FpcRows] }),
            ["strat"] = D(new(n) { Strata = stratum, StratumNames = stratumNames, Weights = w }),
            ["strat_fraction"] = D(new(n) { Strata = stratum, StratumNames = stratumNames, Weights = w, Fpc = [.. s.FractionRows] }),
            ["clus"] = D(new(n) { Clusters = psuAll, Weights = w }),
            ["clus_fpc"] = clusFpc,
            ["stratclus"] = stratClus,
            ["stratclus_fpc"] = D(new(n) { Strata = stratum, StratumNames = stratumNames, Clusters = psu, Weights = w, Fpc = [.. s.FpcPsu] }),
            ["noweights_fpc"] = D(new(n) { Strata = stratum, StratumNames = stratumNames, Clusters = psu, Fpc = [.. s.FpcPsu] }),
            ["post"] = Weighting.PostStratify(stratClus, margins[0]),
            ["rake"] = Weighting.Rake(stratClus, margins),
            ["jk1"] = Replicates.Create(clusFpc, ReplicateMethod.Jackknife),
            ["jk1_post"] = Weighting.PostStratify(Replicates.Create(clusFpc, ReplicateMethod.Jackknife), margins[0]),
            ["jk1_rake"] = Weighting.Rake(Replicates.Create(clusFpc, ReplicateMethod.Jackknife), margins),
        };
        foreach (var lonely in new[] { LonelyPsu.Remove, LonelyPsu.Adjust, LonelyPsu.Average, LonelyPsu.Certainty })
            designs[$"lonely_{lonely.ToString().ToLowerInvariant()}"] = D(new(n) { Strata = lonelyStrata, StratumNames = lonelyNames, Clusters = psu, Weights = w, LonelyPsu = lonely });

        var y = s.Y.ToArray();
        double[] isA = [.. s.Cat.Select(c => c == "NA" ? double.NaN : c == "a" ? 1.0 : 0.0)];
        var domains = Domains.FromLabels(s.Dom);
        var result = new Dictionary<string, double[]>();
        foreach (var (name, d) in designs)
        {
            var rep = d.ReplicateMethod is not null;
            void Add(string what, DomainEstimate e) => result[$"{name}|{what}|{e.Domain}"] = [e.Estimate, e.StandardError, e.Low, e.High];
            var t = new EstimateOptions { DesignDegreesOfFreedom = true };
            Add("mean", SurveyEstimator.Means(d, y).Single());
            if (!rep) Add("mean_t", SurveyEstimator.Means(d, y, options: t).Single());
            Add("total", SurveyEstimator.Totals(d, y).Single());
            var propOptions = rep ? null : t;
            Add("prop", SurveyEstimator.Proportions(d, isA, options: propOptions).Single());
            foreach (var e in SurveyEstimator.Means(d, y, domains)) Add("mean", e);
            foreach (var e in SurveyEstimator.Totals(d, y, domains)) Add("total", e);
            foreach (var e in SurveyEstimator.Proportions(d, isA, domains, propOptions)) Add("prop", e);
            var diff = SurveyEstimator.DomainDifference(d, Statistic.Mean, y, domains, domains.Names.ToList().IndexOf("d2"), domains.Names.ToList().IndexOf("d1"));
            result[$"{name}|diff_d2_d1|d2-d1"] = [diff.Estimate, diff.StandardError, double.NaN, double.NaN];
        }
        return result;
    }

    static (int[] Codes, string[] Names) Code(List<string> labels)
    {
        var names = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        return ([.. labels.Select(l => Array.IndexOf(names, l))], names);
    }
}

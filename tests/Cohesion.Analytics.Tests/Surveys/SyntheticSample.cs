using System.Globalization;
using System.Text;

namespace Cohesion.Analytics.Tests.Surveys;

/// <summary>
/// A random stratified, clustered, weighted sample with missing values, domains and three weighting margins,
/// written as R reads it (data.csv, m1.csv … m3.csv) for the cross-check.
/// </summary>
sealed class SyntheticSample
{
    public int Rows => Stratum.Count;
    public List<string> Stratum = [], StratumLonely = [], Cat = [], Dom = [];
    public List<int> Psu = [], PsuAll = [];
    public List<double> W = [], Y = [], FpcPsu = [], FpcClus = [], FpcRows = [], FractionRows = [];
    public string[][] MarginLevels = [["x", "y", "z"], ["p", "q", "r", "s"], ["u", "v"]];
    public List<int>[] MarginCodes = [[], [], []];
    public double[][] Population = new double[3][];

    public SyntheticSample(int seed)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var psuAll = 0;
        var psusPerStratum = new List<int>();
        for (var h = 1; h <= 4; h++)
        {
            var psus = 5 + rng.Next(5);
            psusPerStratum.Add(psus);
            for (var c = 1; c <= psus; c++)
            {
                psuAll++;
                var effect = 3 * Normal();
                var size = 3 + rng.Next(12);
                for (var r = 0; r < size; r++)
                {
                    Stratum.Add($"s{h}");
                    StratumLonely.Add(h == 1 && c == 1 ? "sL" : $"s{h}");
                    Psu.Add(c);
                    PsuAll.Add(psuAll);
                    W.Add((10 + 5 * h) * Math.Exp(0.3 * Normal()));
                    var y = 50 + 5 * h + effect + 10 * Normal();
                    Y.Add(rng.NextDouble() < 0.06 ? double.NaN : y);
                    var u = rng.NextDouble();
                    Cat.Add(rng.NextDouble() < 0.05 ? "NA" : u < 0.2 + 0.1 * h ? "a" : u < 0.75 ? "b" : "c");
                    Dom.Add($"d{1 + rng.Next(5)}");
                    MarginCodes[0].Add(y + 5 * Normal() < 60 ? 0 : rng.NextDouble() < 0.5 ? 1 : 2);
                    MarginCodes[1].Add(rng.Next(4));
                    MarginCodes[2].Add(rng.NextDouble() < 0.3 + 0.1 * h ? 0 : 1);
                }
            }
        }
        var rowsPerStratum = Stratum.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < Rows; i++)
        {
            var h = Stratum[i][1] - '0';
            FpcPsu.Add(psusPerStratum[h - 1] * (2 + h));
            FpcClus.Add(psuAll * 3);
            FpcRows.Add(Rows * 4);
            FractionRows.Add(1.0 / (3 + h));
        }
        // Population margins a little away from the weighted sample's, all adding to the same total.
        var total = Math.Round(W.Sum() * 1.2);
        for (var k = 0; k < 3; k++)
        {
            var shares = new double[MarginLevels[k].Length];
            for (var i = 0; i < Rows; i++) shares[MarginCodes[k][i]] += W[i];
            for (var l = 0; l < shares.Length; l++) shares[l] *= 0.8 + 0.4 * rng.NextDouble();
            var s = shares.Sum();
            Population[k] = [.. shares.Select(x => total * x / s)];
        }
    }

    public void Write(string dir)
    {
        static string F(double v) => double.IsNaN(v) ? "NA" : v.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("stratum,stratum_lonely,psu,psu_all,w,fpc_psu,fpc_clus,fpc_rows,fraction_rows,y,cat,dom,m1,m2,m3\n");
        for (var i = 0; i < Rows; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{Stratum[i]},{StratumLonely[i]},{Psu[i]},{PsuAll[i]},{F(W[i])},{F(FpcPsu[i])},{F(FpcClus[i])},{F(FpcRows[i])},{F(FractionRows[i])},{F(Y[i])},{Cat[i]},{Dom[i]},"
                + $"{MarginLevels[0][MarginCodes[0][i]]},{MarginLevels[1][MarginCodes[1][i]]},{MarginLevels[2][MarginCodes[2][i]]}\n");
        File.WriteAllText(Path.Combine(dir, "data.csv"), sb.ToString());
        for (var k = 0; k < 3; k++)
            File.WriteAllText(Path.Combine(dir, $"m{k + 1}.csv"), $"m{k + 1},Freq\n" + string.Concat(MarginLevels[k].Select((l, j) => $"{l},{F(Population[k][j])}\n")));
    }
}

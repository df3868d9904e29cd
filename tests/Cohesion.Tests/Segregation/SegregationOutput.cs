using System.Globalization;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests.Segregation;

/// <summary>One line of <c>cohesion segregation</c>'s output, read back.</summary>
sealed record OutputRow(string By, string Index, string Group, string Reference, double? Value, double? PValue, double? Low, double? High, int Units, double Population);

/// <summary>Runs <c>cohesion segregation</c> through the real executable and reads what it wrote.</summary>
static class SegregationRun
{
    public const string Header = "by,index,group,reference,value,p_value,ci_low,ci_high,units,population";
    public const string CensusGroups = "WhiteBrit,Irish,OtherWhite,Mixed,Indian,Pakistani,Bangladeshi,Chinese,OtherAsian,BlkAfrican,BlkCaribbean,OtherBlk,Arab,Other";

    /// <summary>A file in the shared data folder beside the repository.</summary>
    public static string Shared(params string[] parts) => Cohesion.Tests.Shared.SharedFiles.Path(parts);

    public static Task<CliResult> Cli(string input, string output, params string[] args) =>
        CohesionExe.RunWithoutDatabaseAsync(["segregation", "--input", input, "--output", output, .. args]);

    public static List<OutputRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(Header, lines[0]);
        return lines.Skip(1).Select(Parse).ToList();
    }

    static OutputRow Parse(string line)
    {
        var f = Split(line);
        Assert.Equal(10, f.Count);
        return new OutputRow(f[0], f[1], f[2], f[3], Number(f[4]), Number(f[5]), Number(f[6]), Number(f[7]), int.Parse(f[8], CultureInfo.InvariantCulture), Number(f[9])!.Value);
    }

    static double? Number(string s) => s.Length == 0 ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 fields of one line: quotes around a field, doubled quotes inside it.</summary>
    static List<string> Split(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            var field = new System.Text.StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (line[i] == '"') { i++; break; }
                    else field.Append(line[i++]);
                }
            }
            else while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            fields.Add(field.ToString());
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}

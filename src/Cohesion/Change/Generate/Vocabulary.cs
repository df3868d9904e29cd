using Cohesion.Analytics;
using System.Text;

namespace Cohesion.Change.Generate;

/// <summary>Age structures, by single year of age 0–99.</summary>
public enum AgeProfile { Older, Young, Mixed, Working, Mover, Arrival }

/// <summary>
/// One ethnic group as the generators use it: its code (the Census 2011 column name), how its age structure,
/// births, arrivals from abroad and languages differ. The figures are plausible assumptions for synthetic data,
/// not estimates: they are documented in docs/change-formats.md.
/// </summary>
public sealed record EthnicGroup(
    string Code,
    string CensusColumn,
    AgeProfile Ages,
    double ChildFactor,
    double ArrivalPropensity,
    bool ArrivalsGrowing,
    double ArrivalEnglishFactor,
    (string Code, double Weight)[] Languages);

/// <summary>The codes and assumptions shared by the GP and school generators.</summary>
public static class Vocabulary
{
    public static readonly EthnicGroup[] Groups =
    [
        new("WhiteBrit", "WhiteBrit", AgeProfile.Older, 0.9, 0.12, false, 1, [("eng", 1)]),
        new("Irish", "Irish", AgeProfile.Older, 0.4, 0.5, false, 1, [("eng", 99), ("gle", 1)]),
        new("OtherWhite", "OtherWhite", AgeProfile.Working, 1.2, 4, true, 0.3,
            [("pol", 32), ("ron", 14), ("eng", 14), ("lit", 6), ("por", 6), ("ita", 4), ("spa", 4), ("bul", 3), ("hun", 3), ("lav", 3), ("slk", 3), ("ces", 2), ("fra", 2), ("deu", 2), ("rus", 2), ("ukr", 1)]),
        new("Mixed", "Mixed", AgeProfile.Mixed, 2.2, 0.4, false, 0.5, [("eng", 93), ("fra", 2), ("por", 1.5), ("spa", 1.5), ("ara", 1), ("yor", 1)]),
        new("Indian", "Indian", AgeProfile.Working, 1.0, 1.5, false, 0.3, [("eng", 50), ("guj", 18), ("pan", 15), ("tam", 5), ("hin", 5), ("urd", 3), ("mal", 2), ("ben", 2)]),
        new("Pakistani", "Pakistani", AgeProfile.Young, 1.8, 0.9, false, 0.25, [("eng", 56), ("urd", 24), ("pan", 16), ("pus", 4)]),
        new("Bangladeshi", "Bangladeshi", AgeProfile.Young, 1.9, 0.8, false, 0.2, [("eng", 50), ("ben", 28), ("syl", 22)]),
        new("Chinese", "Chinese", AgeProfile.Working, 0.6, 2, false, 0.2, [("eng", 45), ("yue", 28), ("cmn", 27)]),
        new("OtherAsian", "OtherAsian", AgeProfile.Working, 1.1, 3, true, 0.3,
            [("eng", 34), ("tam", 12), ("tgl", 10), ("nep", 10), ("pus", 8), ("vie", 8), ("sin", 6), ("fas", 4), ("tha", 4), ("kor", 4)]),
        new("BlkAfrican", "BlkAfrican", AgeProfile.Young, 1.6, 3, true, 0.5,
            [("eng", 58), ("som", 12), ("tir", 6), ("fra", 6), ("yor", 5), ("twi", 4), ("amh", 3), ("por", 2), ("swa", 2), ("ara", 2)]),
        new("BlkCaribbean", "BlkCaribbean", AgeProfile.Older, 0.7, 0.3, false, 1, [("eng", 99), ("fra", 1)]),
        new("OtherBlk", "OtherBlk", AgeProfile.Young, 1.4, 1.5, false, 0.5, [("eng", 88), ("som", 6), ("fra", 4), ("por", 2)]),
        new("Arab", "Arab", AgeProfile.Young, 1.6, 4, true, 0.15, [("ara", 62), ("eng", 38)]),
        new("Other", "Other", AgeProfile.Working, 1.2, 3, true, 0.2, [("eng", 38), ("kur", 14), ("fas", 14), ("ara", 10), ("tur", 10), ("spa", 8), ("prs", 6)]),
        new("GypsyTraveller", "GypsyTravellerResidual", AgeProfile.Young, 1.6, 0.2, false, 1, [("eng", 95), ("rom", 5)]),
    ];

    public static int GroupCount => Groups.Length;
    public static int WhiteBritish => 0;

    /// <summary>White British in Welsh areas: some name Welsh as their main language.</summary>
    public static readonly (string Code, double Weight)[] WelshWhiteBritish = [("eng", 85), ("cym", 15)];

    /// <summary>
    /// The "rapid change" arrivals (people placed in a few areas at once, e.g. asylum dispersal or a resettlement
    /// scheme): which groups and, for each, which languages.
    /// </summary>
    public static readonly (string Group, double Weight, (string Code, double Weight)[] Languages)[] Dispersal =
    [
        ("BlkAfrican", 30, [("tir", 35), ("som", 20), ("ara", 20), ("amh", 10), ("eng", 15)]),
        ("OtherAsian", 20, [("pus", 45), ("prs", 35), ("fas", 5), ("eng", 15)]),
        ("Other", 20, [("kur", 45), ("fas", 35), ("ara", 10), ("eng", 10)]),
        ("Arab", 15, [("ara", 95), ("eng", 5)]),
        ("OtherWhite", 15, [("ukr", 70), ("rus", 20), ("sqi", 10)]),
    ];

    public static int GroupIndex(string code) => Array.FindIndex(Groups, g => g.Code == code);

    /// <summary>Relative numbers by single year of age 0–99, in bands 0–4, 5–15, 16–17, 18–24, 25–34, 35–44, 45–64, 65–74, 75–84, 85–99.</summary>
    static double[] BandWeights(AgeProfile p) => p switch
    {
        AgeProfile.Older => [1.0, 1.0, 1.1, 1.1, 1.1, 1.3, 1.45, 1.2, 0.8, 0.3],
        AgeProfile.Young => [2.4, 2.0, 1.9, 1.8, 1.9, 1.5, 0.8, 0.35, 0.15, 0.05],
        AgeProfile.Mixed => [4.0, 3.0, 2.4, 2.0, 1.3, 0.9, 0.4, 0.15, 0.08, 0.03],
        AgeProfile.Working => [1.3, 0.9, 0.8, 1.9, 2.6, 1.9, 1.0, 0.45, 0.2, 0.08],
        AgeProfile.Mover => [1.2, 0.7, 0.6, 2.2, 2.2, 1.1, 0.55, 0.3, 0.35, 0.4],
        _ => [0.7, 0.8, 0.8, 2.4, 2.6, 1.3, 0.5, 0.15, 0.06, 0.03],
    };

    static readonly int[] BandStarts = [0, 5, 16, 18, 25, 35, 45, 65, 75, 85, 100];

    public static AliasTable Ages(AgeProfile p)
    {
        var bands = BandWeights(p);
        var w = new double[100];
        for (var b = 0; b < bands.Length; b++)
            for (var age = BandStarts[b]; age < BandStarts[b + 1]; age++)
                // The oldest band thins out towards 100 rather than stopping dead.
                w[age] = bands[b] * (age >= 85 ? (100 - age) / 15.0 : 1);
        return new AliasTable(w);
    }

    /// <summary>A language table with the weight of English multiplied by <paramref name="englishFactor"/>.</summary>
    public static LanguageTable Languages((string Code, double Weight)[] table, double englishFactor)
    {
        var w = table.Select(t => t.Code == "eng" ? t.Weight * englishFactor : t.Weight).ToArray();
        return new LanguageTable(new AliasTable(w), table.Select(t => Encoding.ASCII.GetBytes(t.Code)).ToArray());
    }
}

/// <summary>Language codes with the chance of each.</summary>
public sealed record LanguageTable(AliasTable Alias, byte[][] Codes)
{
    public byte[] Next(ref Rng rng) => Codes[Alias.Next(ref rng)];
}

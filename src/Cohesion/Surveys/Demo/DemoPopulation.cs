using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Demo;

/// <summary>One ward: its code, its Census 2011 usual residents by ethnic group (in <see cref="DemoPopulation.Groups"/> order) and the share who are White British.</summary>
sealed record DemoWard(string Code, string Name, double[] ByGroup)
{
    public double Population { get; } = ByGroup.Sum();
    public double WhiteBritishShare => Population > 0 ? ByGroup[0] / Population : 1;
}

/// <summary>
/// Who one synthetic respondent is: everything the demographic questions ask, as option codes. These are the truth;
/// whether the respondent says so (or prefers not to) is decided where the answers are made.
/// </summary>
sealed record DemoPerson(int Ward, string Ethnic, string Broad, int Age, string Sex, string Religion, string Disability, bool BornInUk,
    string CountryOfBirth, string MainLanguage, string? EnglishProficiency, string SexualOrientation, bool Trans)
{
    public bool Disabled => Disability != "no";
    public bool Young => Age <= 1;
    public bool Older => Age >= 5;
}

/// <summary>
/// The people the demo surveys draw respondents from: Oldham's wards in proportion to their Census 2011 population,
/// each person's ethnic group from their ward's census mix, then age, sex, religion, disability, country of birth
/// and language plausibly for that group. Who answers is not who lives there: young people, men and the Asian,
/// Black and mixed groups answer less often, as in real postal and online surveys, so weighting changes the results.
/// </summary>
sealed class DemoPopulation(IReadOnlyList<DemoWard> wards)
{
    /// <summary>The census categories (dataset <c>census2011-ethnicity</c>) and the ethnic-group answer each person in one gives.</summary>
    public static readonly (string Census, string Ethnic)[] Groups =
    [
        ("WhiteBrit", "white-british"), ("Irish", "white-irish"), ("OtherWhite", "white-other"), ("GypsyTravellerResidual", "white-gypsy-traveller"),
        ("Mixed", "mixed"), ("Indian", "asian-indian"), ("Pakistani", "asian-pakistani"), ("Bangladeshi", "asian-bangladeshi"),
        ("Chinese", "asian-chinese"), ("OtherAsian", "asian-other"), ("BlkAfrican", "black-african"), ("BlkCaribbean", "black-caribbean"),
        ("OtherBlk", "black-other"), ("Arab", "other-arab"), ("Other", "other-any"),
    ];

    public static readonly string[] AgeBands = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-69", "70-74", "75-plus"];

    /// <summary>Adults by age band: the White population is older than the groups that settled in Oldham more recently.</summary>
    static readonly double[] WhiteAges = [0.13, 0.14, 0.15, 0.18, 0.16, 0.08, 0.06, 0.10];
    static readonly double[] YoungerAges = [0.24, 0.24, 0.20, 0.14, 0.09, 0.04, 0.03, 0.02];

    /// <summary>How likely a person is to answer, by age band and by broad group (relative; the demo's differential non-response).</summary>
    static readonly double[] AgeResponse = [0.40, 0.50, 0.72, 0.88, 1.0, 1.0, 0.95, 0.80];

    static double GroupResponse(string broad) => broad switch { "White" => 1.0, "Mixed" => 0.70, "Black" => 0.55, _ => 0.60 };

    public IReadOnlyList<DemoWard> Wards => wards;

    /// <summary>The wards of the demo place with their census counts (LSOAs grouped to wards by the best-fit lookup).</summary>
    public static async Task<DemoPopulation> LoadAsync(CohesionDb db, IReadOnlyList<ResidenceAreas.Choice> wards, CancellationToken ct)
    {
        var wardIds = wards.Select(w => w.Id).ToList();
        var lsoaWard = await db.AreaGroupings.AsNoTracking().Where(g => wardIds.Contains(g.GroupId)).ToDictionaryAsync(g => g.AreaId, g => g.GroupId, ct);
        var datasetId = await db.Datasets.Where(d => d.Name == Census2011.DatasetName).Select(d => d.Id).SingleAsync(ct);
        var categories = await db.DatasetCategories.AsNoTracking().Where(c => c.DatasetId == datasetId).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var lsoas = lsoaWard.Keys.ToList();
        var counts = await db.AreaCounts.AsNoTracking()
            .Where(c => c.DatasetId == datasetId && c.Period == Census2011.Period && lsoas.Contains(c.AreaId))
            .Select(c => new { c.AreaId, c.CategoryId, c.Value }).ToListAsync(ct);
        var index = Groups.Select((g, i) => (g.Census, i)).ToDictionary(x => x.Census, x => x.i);
        var byWard = wards.ToDictionary(w => w.Id, _ => new double[Groups.Length]);
        foreach (var c in counts)
            if (categories.TryGetValue(c.CategoryId, out var code) && index.TryGetValue(code, out var g))
                byWard[lsoaWard[c.AreaId]][g] += c.Value;
        return new DemoPopulation(wards.Select(w => new DemoWard(w.Code, w.Name, byWard[w.Id])).Where(w => w.Population > 0).ToList());
    }

    /// <summary>
    /// Draws <paramref name="n"/> respondents: a person from the population (ward by population, ethnic group by the
    /// ward's mix, then the rest), kept with their chance of answering, until there are enough.
    /// </summary>
    public List<DemoPerson> Respondents(DemoRandom rng, int n)
    {
        var wardWeights = wards.Select(w => w.Population).ToArray();
        var list = new List<DemoPerson>(n);
        while (list.Count < n)
        {
            var ward = rng.Pick(wardWeights);
            var ethnic = Groups[rng.Pick(wards[ward].ByGroup)].Ethnic;
            if (ethnic == "mixed") ethnic = MixedGroups[rng.Pick(MixedShares)];
            else if (ethnic == "white-other" && rng.Chance(0.05)) ethnic = "white-roma";
            var broad = Broad(ethnic);
            var age = rng.Pick(broad == "White" ? WhiteAges : YoungerAges);
            var female = rng.Chance(0.51);
            if (!rng.Chance(AgeResponse[age] * GroupResponse(broad) * (female ? 1.0 : 0.85))) continue;
            list.Add(Person(rng, ward, ethnic, broad, age, female));
        }
        return list;
    }

    static readonly string[] MixedGroups = ["mixed-white-black-caribbean", "mixed-white-asian", "mixed-white-black-african", "mixed-other"];
    static readonly double[] MixedShares = [0.30, 0.35, 0.12, 0.23];

    public static string Broad(string ethnic) => ethnic[..ethnic.IndexOf('-')] switch
    {
        "white" => "White", "mixed" => "Mixed", "asian" => "Asian", "black" => "Black", _ => "Other",
    };

    static DemoPerson Person(DemoRandom rng, int ward, string ethnic, string broad, int age, bool female)
    {
        var religion = Religion(rng, ethnic, age);
        var disabled = rng.Chance(Disability[age]);
        var bornInUk = rng.Chance(Math.Min(0.97, UkBorn(ethnic) + (broad != "White" && age <= 1 ? 0.25 : 0)));
        string country = bornInUk
            ? rng.Pick(UkNations) switch { 0 => "england", 1 => "scotland", 2 => "wales", _ => "northern-ireland" }
            : ethnic == "white-irish" && rng.Chance(0.9) ? "ireland" : "elsewhere";
        var english = bornInUk || ethnic == "white-irish" || (ethnic == "black-african" && rng.Chance(0.5)) || rng.Chance(0.25);
        string? proficiency = english ? null : rng.Pick(age >= 5 ? OlderProficiency : Proficiency) switch { 0 => "very-well", 1 => "well", 2 => "not-well", _ => "not-at-all" };
        var orientation = rng.Uniform() switch
        {
            < 0.035 when age <= 1 => "gay-lesbian",
            < 0.017 => "gay-lesbian",
            < 0.075 when age <= 1 => "bisexual",
            < 0.03 => "bisexual",
            < 0.08 when age <= 1 => "other",
            < 0.034 => "other",
            _ => "straight",
        };
        return new DemoPerson(ward, ethnic, broad, age, female ? "female" : "male", religion,
            disabled ? (rng.Chance(0.45) ? "limited-a-lot" : "limited-a-little") : "no", bornInUk, country, english ? "english" : "other", proficiency,
            orientation, rng.Chance(0.005));
    }

    static readonly double[] Disability = [0.08, 0.10, 0.14, 0.20, 0.28, 0.33, 0.38, 0.55];
    static readonly double[] UkNations = [0.95, 0.02, 0.015, 0.015];
    static readonly double[] Proficiency = [0.38, 0.36, 0.20, 0.06];
    static readonly double[] OlderProficiency = [0.15, 0.25, 0.38, 0.22];

    static double UkBorn(string ethnic) => ethnic switch
    {
        "white-british" => 0.97, "white-irish" => 0.35, "white-other" => 0.15, "white-roma" => 0.1, "white-gypsy-traveller" => 0.9,
        "asian-indian" => 0.45, "asian-pakistani" => 0.5, "asian-bangladeshi" => 0.45, "asian-chinese" => 0.25, "asian-other" => 0.25,
        "black-african" => 0.3, "black-caribbean" => 0.6, "black-other" => 0.6, "other-arab" => 0.2, "other-any" => 0.3,
        _ => 0.9, // mixed
    };

    /// <summary>Religion given ethnic group (Census 2011 for England and Wales, roughly); young White people less often Christian.</summary>
    static string Religion(DemoRandom rng, string ethnic, int age)
    {
        (string Code, double Share)[] mix = ethnic switch
        {
            "white-british" or "white-gypsy-traveller" => [("christian", age <= 1 ? 0.42 : age >= 5 ? 0.78 : 0.60), ("none", age <= 1 ? 0.55 : age >= 5 ? 0.19 : 0.37), ("other", 0.01), ("buddhist", 0.005), ("muslim", 0.005), ("jewish", 0.002)],
            "white-irish" => [("christian", 0.85), ("none", 0.14), ("other", 0.01)],
            "white-other" or "white-roma" => [("christian", 0.72), ("none", 0.22), ("muslim", 0.04), ("other", 0.01), ("jewish", 0.01)],
            "asian-pakistani" or "asian-bangladeshi" => [("muslim", 0.96), ("none", 0.025), ("christian", 0.01), ("other", 0.005)],
            "asian-indian" => [("hindu", 0.48), ("muslim", 0.20), ("sikh", 0.17), ("christian", 0.06), ("none", 0.07), ("other", 0.02)],
            "asian-chinese" => [("none", 0.56), ("christian", 0.21), ("buddhist", 0.20), ("other", 0.03)],
            "asian-other" => [("muslim", 0.35), ("hindu", 0.22), ("christian", 0.15), ("buddhist", 0.12), ("none", 0.12), ("sikh", 0.04)],
            "black-african" => [("christian", 0.66), ("muslim", 0.24), ("none", 0.08), ("other", 0.02)],
            "black-caribbean" or "black-other" => [("christian", 0.66), ("none", 0.28), ("muslim", 0.03), ("other", 0.03)],
            "other-arab" => [("muslim", 0.86), ("christian", 0.07), ("none", 0.07)],
            "other-any" => [("muslim", 0.45), ("christian", 0.20), ("none", 0.20), ("buddhist", 0.05), ("other", 0.10)],
            _ => [("christian", 0.46), ("none", 0.40), ("muslim", 0.12), ("other", 0.02)], // mixed
        };
        return mix[rng.Pick(mix.Select(m => m.Share).ToArray())].Code;
    }
}

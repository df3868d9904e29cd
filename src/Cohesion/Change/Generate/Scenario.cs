using Cohesion.Analytics;
using System.Text;

namespace Cohesion.Change.Generate;

/// <summary>What both generators are asked for.</summary>
/// <param name="Threads">Generating threads; the output is the same for any number.</param>
public sealed record GenerateOptions(long Rows, ulong Seed, DateOnly From, DateOnly To, int Threads = 0)
{
    public static readonly DateOnly DefaultFrom = new(2016, 1, 1);
    public static readonly DateOnly DefaultTo = new(2025, 12, 31);
}

/// <summary>
/// A place made ready for drawing synthetic records: the census-based tables every draw uses, and the choices
/// the seed makes once for the whole file (which areas change rapidly, in which year; where arrivals grow).
/// Both generators build the same scenario from the same place, seed and dates, so a GP extract and a school
/// census generated alike tell one story.
/// </summary>
public sealed class Scenario
{
    const ulong Purpose = 3;

    public PlaceModel Place { get; }
    public GenerateOptions Options { get; }
    /// <summary>Areas that receive a burst of arrivals in <see cref="RapidYear"/>.</summary>
    public int[] RapidAreas { get; }
    public int RapidYear { get; }
    /// <summary>Areas where arrivals from abroad grow fastest over the years.</summary>
    public int[] EmergingAreas { get; }
    public bool[] Emerging { get; }

    public AliasTable Population { get; }
    public AliasTable ArrivalAreas { get; }
    /// <summary>Per area: residents by group (Census 2011).</summary>
    public AliasTable[] GroupsIn { get; }
    /// <summary>Per area: children by group, the census weighted by each group's share of children.</summary>
    public AliasTable[] ChildrenIn { get; }
    /// <summary>Per area: arrivals from abroad by group, the census weighted by each group's propensity to arrive.</summary>
    public AliasTable[] ArrivalGroupsIn { get; }
    public AliasTable DispersalGroups { get; }
    public int[] DispersalGroupIndex { get; }
    public AliasTable[] AgesByProfile { get; }

    public LanguageTable[] SettledLanguages { get; }
    public LanguageTable[] ArrivalLanguages { get; }
    public LanguageTable[] SchoolLanguages { get; }
    public LanguageTable[] DispersalLanguages { get; }
    readonly LanguageTable _welsh;
    readonly bool[] _wales;

    public byte[][] AreaCodes { get; }
    public byte[][] GroupCodes { get; }
    public byte[][] PracticeCodes { get; }
    readonly int[] _homePractice;

    public Scenario(PlaceModel place, GenerateOptions options)
    {
        Place = place;
        Options = options;
        var n = place.Areas;
        var g = Vocabulary.GroupCount;
        var rng = Rng.For(options.Seed, Purpose, 0);

        // Arrivals settle most where the population is already diverse.
        var arrivalFactor = Enumerable.Range(0, n).Select(a => 0.3 + 2 * (1 - place.Share(a, Vocabulary.WhiteBritish))).ToArray();
        var byFactor = Enumerable.Range(0, n).OrderByDescending(a => arrivalFactor[a]).ThenBy(a => a).ToList();
        var rapidCount = n >= 6 ? 3 : n >= 2 ? 2 : 1;
        var candidates = byFactor.Take(Math.Max(rapidCount, n / 2)).ToList();
        RapidAreas = Pick(candidates, rapidCount, ref rng);
        var emergingCount = n >= 4 ? Math.Clamp((int)Math.Round(n * 0.04), 1, 6) : 0;
        EmergingAreas = Pick(Enumerable.Range(0, n).Where(a => !RapidAreas.Contains(a)).ToList(), emergingCount, ref rng);
        Emerging = new bool[n];
        foreach (var a in EmergingAreas) Emerging[a] = true;
        RapidYear = Math.Max(options.From.Year, options.To.Year - 1);

        Population = new AliasTable(place.Persons.Select(p => (double)p).ToArray());
        ArrivalAreas = new AliasTable(Enumerable.Range(0, n).Select(a => place.Persons[a] * arrivalFactor[a] * (Emerging[a] ? 1.5 : 1)).ToArray());
        GroupsIn = new AliasTable[n];
        ChildrenIn = new AliasTable[n];
        ArrivalGroupsIn = new AliasTable[n];
        var w = new double[g];
        for (var a = 0; a < n; a++)
        {
            for (var k = 0; k < g; k++) w[k] = place.Counts[a * g + k];
            GroupsIn[a] = new AliasTable(w);
            for (var k = 0; k < g; k++) w[k] = place.Counts[a * g + k] * Vocabulary.Groups[k].ChildFactor;
            ChildrenIn[a] = new AliasTable(w);
            for (var k = 0; k < g; k++) w[k] = place.Counts[a * g + k] * Vocabulary.Groups[k].ArrivalPropensity;
            ArrivalGroupsIn[a] = new AliasTable(w);
        }
        DispersalGroups = new AliasTable(Vocabulary.Dispersal.Select(d => d.Weight).ToArray());
        DispersalGroupIndex = Vocabulary.Dispersal.Select(d => Vocabulary.GroupIndex(d.Group)).ToArray();
        AgesByProfile = Enum.GetValues<AgeProfile>().Select(Vocabulary.Ages).ToArray();

        SettledLanguages = Vocabulary.Groups.Select(x => Vocabulary.Languages(x.Languages, 1)).ToArray();
        ArrivalLanguages = Vocabulary.Groups.Select(x => Vocabulary.Languages(x.Languages, x.ArrivalEnglishFactor)).ToArray();
        // A pupil's first language is the one first met at home: English less often than an adult's main language.
        SchoolLanguages = Vocabulary.Groups.Select(x => Vocabulary.Languages(x.Languages, Math.Max(x.ArrivalEnglishFactor, 0.5))).ToArray();
        DispersalLanguages = Vocabulary.Dispersal.Select(d => Vocabulary.Languages(d.Languages, 1)).ToArray();
        _welsh = Vocabulary.Languages(Vocabulary.WelshWhiteBritish, 1);
        _wales = place.Codes.Select(c => c.StartsWith('W')).ToArray();

        AreaCodes = place.Codes.Select(Encoding.ASCII.GetBytes).ToArray();
        GroupCodes = Vocabulary.Groups.Select(x => Encoding.ASCII.GetBytes(x.Code)).ToArray();
        // About 30 practices, each serving a run of neighbouring areas (the areas are in MSOA order).
        var practices = Math.Clamp((n + 3) / 4, 1, 30);
        PracticeCodes = Enumerable.Range(0, practices).Select(p => Encoding.ASCII.GetBytes($"P{81001 + p}")).ToArray();
        _homePractice = Enumerable.Range(0, n).Select(a => (int)((long)a * practices / n)).ToArray();
    }

    static int[] Pick(List<int> from, int count, ref Rng rng)
    {
        var pool = from.ToList();
        var picked = new List<int>();
        while (picked.Count < count && pool.Count > 0)
        {
            var i = rng.Below(pool.Count);
            picked.Add(pool[i]);
            pool.RemoveAt(i);
        }
        picked.Sort();
        return picked.ToArray();
    }

    /// <summary>Sum of the census shares of the rapid-change areas: sizes the burst relative to them.</summary>
    public double RapidShare => RapidAreas.Sum(a => (double)Place.Persons[a]) / Math.Max(1, Place.Population);

    /// <summary>Most people use the practice that serves their area, some the next one, a few any.</summary>
    public int PracticeFor(int area, ref Rng rng)
    {
        var n = PracticeCodes.Length;
        var home = _homePractice[area];
        var r = rng.NextDouble();
        if (r < 0.75 || n == 1) return home;
        if (r < 0.85) return (home + n - 1) % n;
        if (r < 0.95) return (home + 1) % n;
        return rng.Below(n);
    }

    public LanguageTable Settled(int area, int group) => group == Vocabulary.WhiteBritish && _wales[area] ? _welsh : SettledLanguages[group];
    public LanguageTable School(int area, int group) => group == Vocabulary.WhiteBritish && _wales[area] ? _welsh : SchoolLanguages[group];

    /// <summary>The seed's choices in a sentence, for the command's summary.</summary>
    public string Describe(string when) =>
        $"Rapid change seeded in {Codes(RapidAreas)} ({when})" +
        (EmergingAreas.Length > 0 ? $"; arrivals from abroad grow fastest in {Codes(EmergingAreas)}." : ".");

    string Codes(int[] areas) => string.Join(", ", areas.Select(a => Place.Codes[a]).Order(StringComparer.Ordinal));
}

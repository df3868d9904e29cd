using Cohesion.Analytics.Change;

namespace Cohesion.Analytics.Tests.Change;

public class SchoolAccumulatorTests
{
    sealed record Pupil(UInt128 Key, DateOnly Census, int Area, int YearGroup, int Sex, int Ethnic, int Language, bool Eal);

    static readonly DateOnly C2023 = new(2023, 1, 19), C2024 = new(2024, 1, 18), C2025 = new(2025, 1, 16);

    // Codes as a reader would intern them: ethnic 1 WhiteBrit, 2 Pakistani; language 1 eng, 2 urd, 3 pol; 0 = not stated.
    static readonly Pupil[] Small =
    [
        new(1u, C2023, 0, 5, 0, 1, 1, false),
        new(1u, C2024, 0, 6, 0, 1, 1, false),
        new(1u, C2025, 1, 7, 0, 1, 1, false),   // moved from area 0 to area 1: new to area 1
        new(2u, C2024, 0, 0, 1, 0, 2, true),    // joined Reception in 2024
        new(2u, C2025, 0, 1, 1, 0, 2, true),    // stayed
        new(3u, C2023, 1, 11, 0, 2, 0, false),  // left after year 11
        new(4u, C2023, 0, 3, 2, 1, 1, false),
        new(4u, C2025, 0, 5, 2, 1, 1, false),   // missing from 2024: new again
        new(5u, C2025, 1, 2, 3, 2, 3, true),    // joined in 2025
    ];

    static SchoolAccumulator Accumulate(IEnumerable<Pupil> pupils, PeriodKind kind, DateOnly from, DateOnly to, int areas = 2)
    {
        var acc = new SchoolAccumulator(areas, kind, from, to);
        foreach (var p in pupils) acc.Add(p.Key, p.Census, p.Area, p.YearGroup, p.Sex, p.Ethnic, p.Language, p.Eal);
        return acc;
    }

    /// <summary>Every figure as (period, measure, characteristic, area, category) → value, for the categories with data.</summary>
    static Dictionary<(int, SchoolMeasure, Characteristic, int, int), long> Figures(SchoolAccumulator acc, int ethnic, int languages, out Dictionary<int, bool> hasNew)
    {
        var result = new Dictionary<(int, SchoolMeasure, Characteristic, int, int), long>();
        hasNew = [];
        foreach (var period in acc.ByPeriod(ethnic, languages))
        {
            hasNew[period.PeriodKey] = period.HasNewToArea;
            foreach (var f in period.Characteristics)
                for (var area = 0; area < acc.Areas; area++)
                    for (var cat = 0; cat < f.Categories; cat++)
                    {
                        if (!f.HasData[cat] || !acc.HasArea(area)) continue;
                        foreach (var m in Enum.GetValues<SchoolMeasure>())
                            if (m != SchoolMeasure.NewToArea || period.HasNewToArea)
                                result[(period.PeriodKey, m, f.Characteristic, area, cat)] = f.Values(m)[area * f.Categories + cat];
                    }
        }
        return result;
    }

    [Fact]
    public void CountsPupilsNewToAreaAndEalByHand()
    {
        var acc = Accumulate(Small, PeriodKind.Year, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31));
        var f = Figures(acc, 3, 4, out var hasNew);
        Assert.Equal([C2023, C2024, C2025], acc.Censuses);
        Assert.Equal(new Dictionary<int, bool> { [2023] = false, [2024] = true, [2025] = true }, hasNew);
        long Get(int year, SchoolMeasure m, Characteristic ch, int area, int cat = 0) => f[(year, m, ch, area, cat)];

        Assert.Equal(2, Get(2023, SchoolMeasure.Pupils, Characteristic.All, 0));       // pupils 1 and 4
        Assert.Equal(1, Get(2023, SchoolMeasure.Pupils, Characteristic.All, 1));       // pupil 3
        Assert.DoesNotContain(f.Keys, k => k.Item1 == 2023 && k.Item2 == SchoolMeasure.NewToArea); // the first census has nothing to compare with
        Assert.Equal(2, Get(2024, SchoolMeasure.Pupils, Characteristic.All, 0));
        Assert.Equal(1, Get(2024, SchoolMeasure.NewToArea, Characteristic.All, 0));    // pupil 2 joined; pupil 1 stayed
        Assert.Equal(1, Get(2024, SchoolMeasure.Eal, Characteristic.All, 0));
        Assert.Equal(0, Get(2024, SchoolMeasure.Pupils, Characteristic.All, 1));       // area 1 has data, but nobody in 2024
        Assert.Equal(2, Get(2025, SchoolMeasure.Pupils, Characteristic.All, 0));
        Assert.Equal(1, Get(2025, SchoolMeasure.NewToArea, Characteristic.All, 0));    // pupil 4, back after missing 2024
        Assert.Equal(2, Get(2025, SchoolMeasure.NewToArea, Characteristic.All, 1));    // pupil 1 moved in, pupil 5 joined
        Assert.Equal(1, Get(2025, SchoolMeasure.Eal, Characteristic.All, 1));          // pupil 5 (pol); pupil 3's not stated is not EAL

        // By each characteristic, at the census counted.
        Assert.Equal(1, Get(2025, SchoolMeasure.NewToArea, Characteristic.Sex, 1, 0));      // F: pupil 1
        Assert.Equal(1, Get(2025, SchoolMeasure.NewToArea, Characteristic.Sex, 1, 3));      // U: pupil 5
        Assert.Equal(0, Get(2025, SchoolMeasure.Pupils, Characteristic.Sex, 1, 1));
        Assert.Equal(1, Get(2025, SchoolMeasure.Pupils, Characteristic.YearGroup, 0, 1));   // pupil 2 in year 1
        Assert.Equal(1, Get(2025, SchoolMeasure.Pupils, Characteristic.YearGroup, 0, 5));   // pupil 4 in year 5
        Assert.Equal(1, Get(2024, SchoolMeasure.NewToArea, Characteristic.YearGroup, 0, 0)); // Reception intake
        Assert.Equal(1, Get(2023, SchoolMeasure.Pupils, Characteristic.YearGroup, 1, 11));
        Assert.Equal(1, Get(2024, SchoolMeasure.Pupils, Characteristic.EthnicGroup, 0, 0)); // not stated
        Assert.Equal(1, Get(2025, SchoolMeasure.Pupils, Characteristic.EthnicGroup, 1, 2)); // Pakistani
        Assert.Equal(1, Get(2025, SchoolMeasure.Eal, Characteristic.MainLanguage, 1, 3));   // pol
        Assert.Equal(0, Get(2025, SchoolMeasure.Eal, Characteristic.MainLanguage, 1, 1));   // eng
        Assert.Equal(1, Get(2023, SchoolMeasure.Pupils, Characteristic.MainLanguage, 1, 0)); // not stated
    }

    [Fact]
    public void ThePreviousCensusCountsEvenBeforeTheReportedRange()
    {
        var acc = Accumulate(Small, PeriodKind.Month, new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30));
        var f = Figures(acc, 3, 4, out var hasNew);
        var jan2024 = Periods.Key(PeriodKind.Month, C2024);
        Assert.Equal([jan2024, Periods.Key(PeriodKind.Month, C2025)], hasNew.Keys.Order()); // only months that hold a census
        Assert.True(hasNew[jan2024]);
        Assert.Equal(1, f[(jan2024, SchoolMeasure.NewToArea, Characteristic.All, 0, 0)]);
        Assert.DoesNotContain(f.Keys, k => k.Item1 < jan2024);
    }

    static List<Pupil> RandomCensuses(Random rng, int pupils, int areas, int ethnic, int languages, DateOnly[] censuses, bool sameLeadingBits = false)
    {
        var rows = new List<Pupil>();
        for (var p = 0; p < pupils; p++)
        {
            // Keys with the same leading bits all land in one bucket, so its chunks fill up.
            var key = new UInt128(sameLeadingBits ? (ulong)rng.Next() : (ulong)rng.NextInt64(), (ulong)rng.NextInt64());
            var area = rng.Next(areas);
            var first = rng.Next(censuses.Length);
            var yearGroup = rng.Next(12);
            var (sex, eth, lang) = (rng.Next(4), rng.Next(ethnic), rng.Next(languages));
            for (var c = first; c < censuses.Length && yearGroup < 12; c++, yearGroup++)
            {
                if (rng.NextDouble() < 0.1) continue; // missing from a census
                if (rng.NextDouble() < 0.15) area = rng.Next(areas);
                if (rng.NextDouble() < 0.05) lang = rng.Next(languages);
                rows.Add(new Pupil(key, censuses[c], area, yearGroup, sex, eth, lang, lang >= 2));
            }
        }
        return rows.OrderBy(_ => rng.Next()).ToList(); // any order
    }

    /// <summary>The definitions applied record by record with LINQ: the oracle the accumulator must match.</summary>
    static Dictionary<(int, SchoolMeasure, Characteristic, int, int), long> BruteForce(List<Pupil> rows, PeriodKind kind, DateOnly from, DateOnly to)
    {
        var days = rows.Select(r => r.Census).Distinct().Order().ToList();
        var at = rows.ToDictionary(r => (r.Key, r.Census));
        var result = new Dictionary<(int, SchoolMeasure, Characteristic, int, int), long>();
        foreach (var r in rows)
        {
            var key = Periods.Key(kind, r.Census);
            if (key < Periods.Key(kind, from) || key > Periods.Key(kind, to)) continue;
            var c = days.IndexOf(r.Census);
            var isNew = c > 0 && !(at.TryGetValue((r.Key, days[c - 1]), out var before) && before.Area == r.Area);
            var cats = new[] { (Characteristic.All, 0), (Characteristic.Sex, r.Sex), (Characteristic.YearGroup, r.YearGroup), (Characteristic.EthnicGroup, r.Ethnic), (Characteristic.MainLanguage, r.Language) };
            foreach (var (ch, cat) in cats)
            {
                void Add(SchoolMeasure m, bool yes) => result[(key, m, ch, r.Area, cat)] = result.GetValueOrDefault((key, m, ch, r.Area, cat)) + (yes ? 1 : 0);
                Add(SchoolMeasure.Pupils, true);
                if (Periods.Key(kind, days[0]) != key) Add(SchoolMeasure.NewToArea, isNew);
                Add(SchoolMeasure.Eal, r.Eal);
            }
        }
        return result;
    }

    [Theory]
    [InlineData(PeriodKind.Month)]
    [InlineData(PeriodKind.Quarter)]
    [InlineData(PeriodKind.Year)]
    public void MatchesTheDefinitionsRecordByRecord(PeriodKind kind)
    {
        var rng = new Random(5);
        // Spring censuses and, in 2021, an autumn one: a year then holds two censuses.
        DateOnly[] censuses = [new(2019, 1, 17), new(2020, 1, 16), new(2021, 1, 21), new(2021, 10, 7), new(2022, 1, 20), new(2023, 1, 19)];
        var rows = RandomCensuses(rng, 2000, areas: 5, ethnic: 4, languages: 5, censuses);
        var (from, to) = (new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31));
        var acc = Accumulate(rows, kind, from, to, areas: 5);
        var expected = BruteForce(rows, kind, from, to);
        var actual = Figures(acc, 4, 5, out _);
        Assert.Equal(expected.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key), actual.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key));
        Assert.All(actual, kv => Assert.True(expected.ContainsKey(kv.Key) || kv.Value == 0, $"{kv.Key} not in the oracle"));
        Assert.True(actual.Count > 1000);
    }

    [Fact]
    public void MergingPartsWithTheirOwnCodesEqualsCountingEverythingInOne()
    {
        var rng = new Random(13);
        DateOnly[] censuses = [new(2020, 1, 16), new(2021, 1, 21), new(2022, 1, 20)];
        var rows = RandomCensuses(rng, 3000, areas: 3, ethnic: 4, languages: 4, censuses, sameLeadingBits: true);
        var (from, to) = (new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31));
        var whole = Accumulate(rows, PeriodKind.Year, from, to, areas: 3);
        // The second part numbers codes in reverse, as a second reading thread interning its own codes would.
        var a = new SchoolAccumulator(3, PeriodKind.Year, from, to);
        var b = new SchoolAccumulator(3, PeriodKind.Year, from, to);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (i % 3 == 0) a.Add(r.Key, r.Census, r.Area, r.YearGroup, r.Sex, r.Ethnic, r.Language, r.Eal);
            else b.Add(r.Key, r.Census, r.Area, r.YearGroup, r.Sex, 3 - r.Ethnic, 3 - r.Language, r.Eal);
        }
        a.Merge(b, [3, 2, 1, 0], [3, 2, 1, 0]);
        Assert.Equal(rows.Count, a.Records);
        Assert.Equal(Figures(whole, 4, 4, out _).OrderBy(kv => kv.Key), Figures(a, 4, 4, out _).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void DuplicatesAreFoundAndMustBeTakenBackOutBeforeCounting()
    {
        var acc = Accumulate(Small, PeriodKind.Year, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Empty(acc.Duplicates());
        acc.Add(2u, C2025, 1, 1, 1, 0, 2, true); // pupil 2 again at the 2025 census, elsewhere
        acc.Add(2u, C2025, 1, 1, 1, 0, 2, true);
        Assert.Equal([((UInt128)2, C2025)], acc.Duplicates());
        Assert.Throws<InvalidOperationException>(() => acc.ByPeriod(3, 4).ToList());
        Assert.False(acc.Remove(2u, C2025.DayNumber, 0, 4, 1, 0, 2, true)); // no such record
        Assert.True(acc.Remove(2u, C2025.DayNumber, 1, 1, 1, 0, 2, true));
        Assert.True(acc.Remove(2u, C2025.DayNumber, 1, 1, 1, 0, 2, true));
        Assert.Empty(acc.Duplicates());
        Assert.Equal(Figures(Accumulate(Small, PeriodKind.Year, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31)), 3, 4, out _).OrderBy(kv => kv.Key),
            Figures(acc, 3, 4, out _).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void RejectsValuesOutsideTheirRanges()
    {
        var acc = new SchoolAccumulator(2, PeriodKind.Year, new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(1u, C2023, 2, 0, 0, 0, 0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(1u, C2023, 0, 12, 0, 0, 0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(1u, C2023, 0, 0, 4, 0, 0, false));
        Assert.Throws<InvalidOperationException>(() => acc.Add(1u, C2023, 0, 0, 0, 70_000, 0, false));
        Assert.Throws<ArgumentException>(() => new SchoolAccumulator(2, PeriodKind.Year, new DateOnly(2025, 1, 1), new DateOnly(2020, 1, 1)));
    }
}

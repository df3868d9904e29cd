using Cohesion.Analytics.Change;

namespace Cohesion.Analytics.Tests.Change;

public class RegistrationAccumulatorTests
{
    sealed record Spell(int Area, DateOnly Registered, DateOnly? Deregistered, int BirthYear, int Sex, int Ethnic, int Language, bool Abroad);

    static List<Spell> RandomSpells(Random rng, int n, int areas, int ethnic, int languages)
    {
        var first = new DateOnly(2015, 1, 1).DayNumber;
        var spells = new List<Spell>();
        for (var i = 0; i < n; i++)
        {
            var reg = DateOnly.FromDayNumber(first + rng.Next(0, 365 * 6));
            DateOnly? dereg = rng.NextDouble() < 0.4 ? reg.AddDays(rng.Next(0, 900)) : null;
            var by = rng.NextDouble() < 0.05 ? 0 : rng.Next(1930, reg.Year + 1);
            spells.Add(new Spell(rng.Next(areas), reg, dereg, by, rng.Next(4), rng.Next(ethnic), rng.Next(languages), rng.NextDouble() < 0.2));
        }
        return spells;
    }

    /// <summary>Every figure from the definitions, spell by spell: the oracle the accumulator must match.</summary>
    static Dictionary<(int, int, ChangeMeasure, Characteristic, int), double> BruteForce(List<Spell> spells, PeriodKind kind, DateOnly from, DateOnly to, int areas)
    {
        var result = new Dictionary<(int, int, ChangeMeasure, Characteristic, int), double>();
        for (var key = Periods.Key(kind, from); key <= Periods.Key(kind, to); key++)
        {
            var start = Periods.Start(kind, key);
            var end = Periods.End(kind, key);
            var previousEnd = start.AddDays(-1);
            IEnumerable<(Characteristic, int)> Cats(Spell s)
            {
                yield return (Characteristic.All, 0);
                yield return (Characteristic.Sex, s.Sex);
                yield return (Characteristic.EthnicGroup, s.Ethnic);
                yield return (Characteristic.MainLanguage, s.Language);
                yield return (Characteristic.AgeBand, s.BirthYear == 0 ? AgeBands.Labels.Length : Math.Max(0, AgeBands.Of(end.Year - s.BirthYear)));
            }
            bool InStock(Spell s, DateOnly at) => s.Registered <= at && (s.Deregistered is null || s.Deregistered > at);
            var startStock = new Dictionary<(int, Characteristic, int), long>();
            foreach (var s in spells)
                foreach (var (ch, cat) in Cats(s))
                {
                    void Add(ChangeMeasure m, bool yes)
                    {
                        var k = (s.Area, key, m, ch, cat);
                        result[k] = result.GetValueOrDefault(k) + (yes ? 1 : 0);
                    }
                    Add(ChangeMeasure.Stock, InStock(s, end));
                    Add(ChangeMeasure.Inflow, s.Registered >= start && s.Registered <= end);
                    Add(ChangeMeasure.Outflow, s.Deregistered is { } d && d >= start && d <= end);
                    Add(ChangeMeasure.Arrivals, s.Abroad && s.Registered >= start && s.Registered <= end);
                    if (InStock(s, previousEnd)) startStock[(s.Area, ch, cat)] = startStock.GetValueOrDefault((s.Area, ch, cat)) + 1;
                }
            foreach (var k in result.Keys.Where(k => k.Item2 == key && k.Item3 == ChangeMeasure.Stock).ToList())
            {
                var inflow = result[(k.Item1, key, ChangeMeasure.Inflow, k.Item4, k.Item5)];
                var outflow = result[(k.Item1, key, ChangeMeasure.Outflow, k.Item4, k.Item5)];
                var st = startStock.GetValueOrDefault((k.Item1, k.Item4, k.Item5));
                result[(k.Item1, key, ChangeMeasure.ChurnPer1000, k.Item4, k.Item5)] = st > 0 ? (inflow + outflow) * 1000.0 / st : double.NaN;
            }
        }
        return result;
    }

    [Theory]
    [InlineData(PeriodKind.Month)]
    [InlineData(PeriodKind.Quarter)]
    [InlineData(PeriodKind.Year)]
    public void MatchesTheDefinitionsSpellBySpell(PeriodKind kind)
    {
        var rng = new Random(7);
        var spells = RandomSpells(rng, 3000, areas: 4, ethnic: 5, languages: 6);
        var (from, to) = (new DateOnly(2017, 3, 1), new DateOnly(2019, 11, 30));
        var acc = new RegistrationAccumulator(4, kind, from, to, ethnicCapacity: 2, languageCapacity: 2); // small, so it must grow
        foreach (var s in spells) acc.Add(s.Area, s.Registered, s.Deregistered, s.BirthYear, s.Sex, s.Ethnic, s.Language, s.Abroad);
        var expected = BruteForce(spells, kind, from, to, 4);
        var actual = acc.Results(5, 6).ToList();
        var seen = 0;
        foreach (var c in actual)
        {
            var k = (c.Area, c.PeriodKey, c.Measure, c.Characteristic, c.Category);
            var want = expected.TryGetValue(k, out var e) ? e : 0;
            if (double.IsNaN(want)) Assert.True(double.IsNaN(c.Value), $"{k}: expected no rate, got {c.Value}");
            else Assert.True(Math.Abs(want - c.Value) < 1e-9, $"{k}: expected {want}, got {c.Value}");
            seen++;
        }
        // Every non-zero figure of the oracle is reported.
        var reported = actual.Select(c => (c.Area, c.PeriodKey, c.Measure, c.Characteristic, c.Category)).ToHashSet();
        Assert.All(expected.Where(kv => kv.Value is > 0), kv => Assert.Contains(kv.Key, reported));
        Assert.True(seen > 1000);
    }

    [Fact]
    public void MergingPartsWithTheirOwnCodesEqualsCountingEverythingInOne()
    {
        var rng = new Random(11);
        var spells = RandomSpells(rng, 2000, areas: 3, ethnic: 4, languages: 4);
        var (from, to) = (new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31));
        var whole = new RegistrationAccumulator(3, PeriodKind.Quarter, from, to);
        foreach (var s in spells) whole.Add(s.Area, s.Registered, s.Deregistered, s.BirthYear, s.Sex, s.Ethnic, s.Language, s.Abroad);
        // The second part numbers codes in reverse, as a second thread interning its own codes would.
        var a = new RegistrationAccumulator(3, PeriodKind.Quarter, from, to);
        var b = new RegistrationAccumulator(3, PeriodKind.Quarter, from, to);
        for (var i = 0; i < spells.Count; i++)
        {
            var s = spells[i];
            if (i % 2 == 0) a.Add(s.Area, s.Registered, s.Deregistered, s.BirthYear, s.Sex, s.Ethnic, s.Language, s.Abroad);
            else b.Add(s.Area, s.Registered, s.Deregistered, s.BirthYear, s.Sex, 3 - s.Ethnic, 3 - s.Language, s.Abroad);
        }
        a.Merge(b, [3, 2, 1, 0], [3, 2, 1, 0]);
        var expected = whole.Results(4, 4).ToList();
        var actual = a.Results(4, 4).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == actual[i] || (double.IsNaN(expected[i].Value) && double.IsNaN(actual[i].Value)), $"{expected[i]} ≠ {actual[i]}");
    }

    [Fact]
    public void PeriodsHaveTheDocumentedLabelsAndBounds()
    {
        var d = new DateOnly(2024, 3, 15);
        Assert.Equal("2024-03", Periods.Label(PeriodKind.Month, Periods.Key(PeriodKind.Month, d)));
        Assert.Equal("2024-Q1", Periods.Label(PeriodKind.Quarter, Periods.Key(PeriodKind.Quarter, d)));
        Assert.Equal("2024", Periods.Label(PeriodKind.Year, Periods.Key(PeriodKind.Year, d)));
        Assert.Equal(new DateOnly(2024, 3, 31), Periods.End(PeriodKind.Month, Periods.Key(PeriodKind.Month, d)));
        Assert.Equal(new DateOnly(2024, 2, 29), Periods.End(PeriodKind.Month, Periods.Key(PeriodKind.Month, d) - 1));
        Assert.Equal(new DateOnly(2024, 12, 31), Periods.End(PeriodKind.Quarter, Periods.Key(PeriodKind.Quarter, new DateOnly(2024, 11, 1))));
    }
}

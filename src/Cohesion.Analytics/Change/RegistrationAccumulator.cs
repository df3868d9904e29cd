namespace Cohesion.Analytics.Change;

/// <summary>What a figure counts.</summary>
public enum ChangeMeasure
{
    /// <summary>Registered at the end of the period.</summary>
    Stock,
    /// <summary>Registrations in the period.</summary>
    Inflow,
    /// <summary>Deregistrations in the period.</summary>
    Outflow,
    /// <summary>Registrations in the period whose previous address was outside the UK.</summary>
    Arrivals,
    /// <summary>(Inflow + outflow) per 1,000 registered at the start of the period.</summary>
    ChurnPer1000,
}

/// <summary>How people are broken down: everyone, or by one characteristic.</summary>
public enum Characteristic
{
    /// <summary>Everyone (category 0).</summary>
    All,
    /// <summary>Categories are <see cref="RegistrationAccumulator.Sexes"/>.</summary>
    Sex,
    /// <summary>Categories are <see cref="AgeBands.Labels"/>, then not stated.</summary>
    AgeBand,
    /// <summary>Categories are the caller's interned codes; 0 = not stated.</summary>
    EthnicGroup,
    /// <summary>Categories are the caller's interned codes; 0 = not stated.</summary>
    MainLanguage,
    /// <summary>School year at the census: categories are <see cref="SchoolAccumulator.YearGroups"/> (Reception, 1 … 11).</summary>
    YearGroup,
}

/// <summary>One aggregate: an area (index), a period (key), a measure, a characteristic and a category (index within it).</summary>
public readonly record struct ChangeCell(int Area, int PeriodKey, ChangeMeasure Measure, Characteristic Characteristic, int Category, double Value);

/// <summary>
/// Counts registration spells into areas × periods × characteristics without keeping any record: only two
/// events per spell are counted, the registration (inflow; an arrival too when the previous address was
/// abroad) in the period holding registered_on, and the deregistration (outflow) in the period holding
/// deregistered_on. Events before the first period fall into slot 0. Then, for period p,
/// <list type="bullet">
/// <item>stock at the end of p = Σ over slots s ≤ p of (inflow − outflow): the spells with registered_on ≤ end(p)
/// and deregistered_on empty or after end(p);</item>
/// <item>churn per 1,000 = (inflow + outflow) / stock at the start of p (the end of p − 1) × 1,000.</item>
/// </list>
/// Age bands are of age at the end of each period, so they are kept by year of birth and banded at output.
/// Memory is areas × periods × categories, whatever the number of rows.
/// </summary>
public sealed class RegistrationAccumulator
{
    /// <summary>Years of birth outside this range are counted at its ends.</summary>
    public const int FirstBirthYear = 1900;
    /// <summary>See <see cref="FirstBirthYear"/>.</summary>
    public const int LastBirthYear = 2100;
    const int Measures = 3; // inflow, outflow, arrivals
    const int BirthYears = LastBirthYear - FirstBirthYear + 2; // + not stated
    /// <summary>Sex codes in category order: female, male, another, unknown.</summary>
    public static readonly string[] Sexes = ["F", "M", "X", "U"];

    readonly int _fromKey, _toKey, _slots;
    // Counters per area, made when the area is first counted, so memory follows the areas present in the
    // data rather than every area that could appear.
    readonly int[]?[] _all, _sex, _birth, _ethnic, _language;
    int _ethnicWidth, _languageWidth;
    long _bytes;

    /// <summary>Number of areas; callers index them 0..Areas − 1.</summary>
    public int Areas { get; }
    /// <summary>Length of the periods.</summary>
    public PeriodKind Kind { get; }
    /// <summary>Period keys reported, first to last.</summary>
    public int FirstPeriod => _fromKey;
    /// <summary>Key of the last period reported.</summary>
    public int LastPeriod => _toKey;

    /// <summary>Counters for the periods from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>.</summary>
    /// <param name="areas">Number of areas.</param>
    /// <param name="kind">Month, quarter or year.</param>
    /// <param name="from">A day in the first period reported.</param>
    /// <param name="to">A day in the last period reported.</param>
    /// <param name="ethnicCapacity">Initial room for ethnic-group codes (grows as needed).</param>
    /// <param name="languageCapacity">Initial room for language codes (grows as needed).</param>
    public RegistrationAccumulator(int areas, PeriodKind kind, DateOnly from, DateOnly to, int ethnicCapacity = 32, int languageCapacity = 64)
    {
        if (areas < 1) throw new ArgumentOutOfRangeException(nameof(areas));
        if (to < from) throw new ArgumentException("the last period is before the first");
        Areas = areas;
        Kind = kind;
        _fromKey = Periods.Key(kind, from);
        _toKey = Periods.Key(kind, to);
        _slots = _toKey - _fromKey + 2;
        _all = new int[areas][];
        _sex = new int[areas][];
        _birth = new int[areas][];
        _ethnic = new int[areas][];
        _language = new int[areas][];
        _ethnicWidth = Math.Max(1, ethnicCapacity);
        _languageWidth = Math.Max(1, languageCapacity);
    }

    /// <summary>The most the counters may hold before counting stops with a clear error rather than exhausting memory.</summary>
    public long MaxBytes { get; init; } = 3L << 30;

    /// <summary>Whether an area has been counted at all.</summary>
    public bool HasArea(int area) => _all[area] is not null;

    void Allocate(int area)
    {
        var perArea = 4L * _slots * Measures * (1 + Sexes.Length + BirthYears + _ethnicWidth + _languageWidth);
        if (_bytes + perArea > MaxBytes)
            throw new InvalidOperationException($"the counters would exceed {MaxBytes / 1e9:N1} GB at {_all.Count(a => a is not null):N0} areas: report fewer periods (a longer period or a shorter range)");
        _bytes += perArea;
        _all[area] = new int[_slots * Measures];
        _sex[area] = new int[_slots * Sexes.Length * Measures];
        _birth[area] = new int[_slots * BirthYears * Measures];
        _ethnic[area] = new int[_slots * _ethnicWidth * Measures];
        _language[area] = new int[_slots * _languageWidth * Measures];
    }

    /// <summary>Bytes held by the counters: for choosing the period length on very large area sets.</summary>
    public long CounterBytes => _bytes;

    /// <summary>The slot of a period key: 0 before the first period, −1 after the last (ignored).</summary>
    int SlotOfKey(int key) => key < _fromKey ? 0 : key > _toKey ? -1 : key - _fromKey + 1;

    /// <summary>Counts one spell.</summary>
    /// <param name="area">Area index, 0 ≤ area &lt; <see cref="Areas"/>.</param>
    /// <param name="registered">registered_on.</param>
    /// <param name="deregistered">deregistered_on, or null while registered.</param>
    /// <param name="birthYear">Year of birth, or 0 when not stated.</param>
    /// <param name="sex">Index into <see cref="Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index (0 = not stated), as interned by the caller.</param>
    /// <param name="language">Main language index (0 = not stated).</param>
    /// <param name="abroad">Previous address outside the UK: the registration is an arrival.</param>
    public void Add(int area, DateOnly registered, DateOnly? deregistered, int birthYear, int sex, int ethnic, int language, bool abroad) =>
        AddKeys(area, Periods.Key(Kind, registered), deregistered is { } d ? Periods.Key(Kind, d) : -1, birthYear, sex, ethnic, language, abroad);

    /// <summary>
    /// As <see cref="Add"/>, with the two dates given as period keys (<see cref="Periods.Key(PeriodKind, int, int)"/>; −1 for no
    /// deregistration), for readers that parse dates themselves and must not spend time on calendar arithmetic.
    /// </summary>
    /// <param name="area">Area index.</param>
    /// <param name="registeredKey">Period key of registered_on.</param>
    /// <param name="deregisteredKey">Period key of deregistered_on, or −1 while registered.</param>
    /// <param name="birthYear">Year of birth, or 0 when not stated.</param>
    /// <param name="sex">Index into <see cref="Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index (0 = not stated).</param>
    /// <param name="language">Main language index (0 = not stated).</param>
    /// <param name="abroad">Previous address outside the UK.</param>
    /// <param name="weight">1 to count the spell; −1 takes back a spell counted before it was found to be a duplicate.</param>
    public void AddKeys(int area, int registeredKey, int deregisteredKey, int birthYear, int sex, int ethnic, int language, bool abroad, int weight = 1)
    {
        var rs = SlotOfKey(registeredKey);
        if (rs < 0) return;
        var by = birthYear == 0 ? BirthYears - 1 : Math.Clamp(birthYear, FirstBirthYear, LastBirthYear) - FirstBirthYear;
        if (ethnic >= _ethnicWidth) Grow(_ethnic, ref _ethnicWidth, ethnic + 1);
        if (language >= _languageWidth) Grow(_language, ref _languageWidth, language + 1);
        if (_all[area] is null) Allocate(area);
        Count(area, rs, 0, by, sex, ethnic, language, weight);
        if (abroad) Count(area, rs, 2, by, sex, ethnic, language, weight);
        if (deregisteredKey >= 0 && SlotOfKey(deregisteredKey) is var ds && ds >= 0) Count(area, ds, 1, by, sex, ethnic, language, weight);
    }

    void Count(int area, int slot, int measure, int by, int sex, int ethnic, int language, int weight)
    {
        _all[area]![slot * Measures + measure] += weight;
        _sex[area]![(slot * Sexes.Length + sex) * Measures + measure] += weight;
        _birth[area]![(slot * BirthYears + by) * Measures + measure] += weight;
        _ethnic[area]![(slot * _ethnicWidth + ethnic) * Measures + measure] += weight;
        _language[area]![(slot * _languageWidth + language) * Measures + measure] += weight;
    }

    void Grow(int[]?[] counts, ref int width, int needed)
    {
        var newWidth = Math.Max(needed, width * 2);
        for (var area = 0; area < Areas; area++)
        {
            if (counts[area] is not { } old) continue;
            var grown = new int[_slots * newWidth * Measures];
            for (var slot = 0; slot < _slots; slot++)
                Array.Copy(old, slot * width * Measures, grown, slot * newWidth * Measures, width * Measures);
            counts[area] = grown;
            _bytes += 4L * _slots * (newWidth - width) * Measures;
        }
        width = newWidth;
    }

    /// <summary>
    /// Adds another accumulator's counts (from a parallel part of the same file). Its ethnic-group and language
    /// indices are translated through the maps (other index → this index).
    /// </summary>
    public void Merge(RegistrationAccumulator other, ReadOnlySpan<int> ethnicMap, ReadOnlySpan<int> languageMap)
    {
        if (other.Areas != Areas || other._fromKey != _fromKey || other._toKey != _toKey || other.Kind != Kind)
            throw new ArgumentException("accumulators cover different areas or periods", nameof(other));
        var maxE = 0;
        foreach (var e in ethnicMap) maxE = Math.Max(maxE, e);
        if (maxE >= _ethnicWidth) Grow(_ethnic, ref _ethnicWidth, maxE + 1);
        var maxL = 0;
        foreach (var l in languageMap) maxL = Math.Max(maxL, l);
        if (maxL >= _languageWidth) Grow(_language, ref _languageWidth, maxL + 1);
        for (var area = 0; area < Areas; area++)
        {
            if (other._all[area] is null) continue;
            if (_all[area] is null) Allocate(area);
            AddAll(_all[area]!, other._all[area]!);
            AddAll(_sex[area]!, other._sex[area]!);
            AddAll(_birth[area]!, other._birth[area]!);
            var (mine, theirs) = (_ethnic[area]!, other._ethnic[area]!);
            var (mineL, theirsL) = (_language[area]!, other._language[area]!);
            for (var slot = 0; slot < _slots; slot++)
                for (var m = 0; m < Measures; m++)
                {
                    for (var e = 0; e < ethnicMap.Length; e++)
                        mine[(slot * _ethnicWidth + ethnicMap[e]) * Measures + m] += theirs[(slot * other._ethnicWidth + e) * Measures + m];
                    for (var l = 0; l < languageMap.Length; l++)
                        mineL[(slot * _languageWidth + languageMap[l]) * Measures + m] += theirsL[(slot * other._languageWidth + l) * Measures + m];
                }
        }
    }

    static void AddAll(int[] into, int[] from)
    {
        for (var i = 0; i < into.Length; i++) into[i] += from[i];
    }

    /// <summary>
    /// Every figure for every area and period, flattened from <see cref="ByPeriod"/>, with
    /// <paramref name="ethnicCount"/> and <paramref name="languageCount"/> the number of interned codes
    /// (index 0 = not stated). Categories with nothing in them for the whole run are left out; zeros within
    /// a category that has data are kept; churn where nobody was registered at the start is NaN.
    /// </summary>
    public IEnumerable<ChangeCell> Results(int ethnicCount, int languageCount)
    {
        foreach (var period in ByPeriod(ethnicCount, languageCount))
            foreach (var f in period.Characteristics)
                for (var area = 0; area < Areas; area++)
                    for (var cat = 0; cat < f.Categories; cat++)
                    {
                        if (!f.HasData[cat] || !HasArea(area)) continue;
                        var i = area * f.Categories + cat;
                        yield return new ChangeCell(area, period.PeriodKey, ChangeMeasure.Stock, f.Characteristic, cat, f.Stock[i]);
                        yield return new ChangeCell(area, period.PeriodKey, ChangeMeasure.Inflow, f.Characteristic, cat, f.Inflow[i]);
                        yield return new ChangeCell(area, period.PeriodKey, ChangeMeasure.Outflow, f.Characteristic, cat, f.Outflow[i]);
                        yield return new ChangeCell(area, period.PeriodKey, ChangeMeasure.Arrivals, f.Characteristic, cat, f.Arrivals[i]);
                        yield return new ChangeCell(area, period.PeriodKey, ChangeMeasure.ChurnPer1000, f.Characteristic, cat, f.Churn(i));
                    }
    }

    /// <summary>
    /// The figures one period at a time, each characteristic as areas × categories arrays, so a caller can
    /// treat each period's table as a whole (disclosure control works on whole tables). Running sums carry
    /// the stock forward, so memory is one period's tables. The object yielded is reused: read it before
    /// moving on.
    /// </summary>
    public IEnumerable<PeriodFigures> ByPeriod(int ethnicCount, int languageCount)
    {
        var bands = AgeBands.Labels.Length + 1;
        var fixedSets = new (Characteristic Ch, int[]?[] Counts, int Width, int Used)[]
        {
            (Characteristic.All, _all, 1, 1),
            (Characteristic.Sex, _sex, Sexes.Length, Sexes.Length),
            (Characteristic.EthnicGroup, _ethnic, _ethnicWidth, Math.Min(ethnicCount, _ethnicWidth)),
            (Characteristic.MainLanguage, _language, _languageWidth, Math.Min(languageCount, _languageWidth)),
        };
        var figures = fixedSets.Select(f => new CharacteristicFigures(f.Ch, Areas, f.Used)).ToList();
        var age = new CharacteristicFigures(Characteristic.AgeBand, Areas, bands);
        var all = new PeriodFigures([figures[0], figures[1], age, figures[2], figures[3]]);
        var running = fixedSets.Select(f => new long[Areas * f.Used]).ToList();
        var cohorts = new long[Areas * BirthYears];
        var ageArrays = new[] { age.Stock, age.StartStock, age.Inflow, age.Outflow, age.Arrivals };
        var bandOf = new int[BirthYears];

        // Slot 0 (before the first period) only moves the running stock; which categories have data looks at all slots.
        for (var k = 0; k < fixedSets.Length; k++)
        {
            var (_, counts, width, used) = fixedSets[k];
            for (var area = 0; area < Areas; area++)
            {
                if (counts[area] is not { } c) continue;
                for (var cat = 0; cat < used; cat++)
                {
                    var i0 = cat * Measures;
                    running[k][area * used + cat] = c[i0] - c[i0 + 1];
                    for (var slot = 0; slot < _slots && !figures[k].HasData[cat]; slot++)
                    {
                        var i = (slot * width + cat) * Measures;
                        figures[k].HasData[cat] = c[i] != 0 || c[i + 1] != 0;
                    }
                }
            }
        }
        for (var area = 0; area < Areas; area++)
        {
            if (_birth[area] is not { } b) continue;
            for (var by = 0; by < BirthYears; by++) cohorts[area * BirthYears + by] = b[by * Measures] - b[by * Measures + 1];
        }

        for (var slot = 1; slot < _slots; slot++)
        {
            all.PeriodKey = _fromKey + slot - 1;
            for (var k = 0; k < fixedSets.Length; k++)
            {
                var (_, counts, width, used) = fixedSets[k];
                var f = figures[k];
                var run = running[k];
                for (var area = 0; area < Areas; area++)
                {
                    if (counts[area] is not { } c) continue;
                    for (var cat = 0; cat < used; cat++)
                    {
                        var i = (slot * width + cat) * Measures;
                        var j = area * used + cat;
                        f.StartStock[j] = run[j];
                        run[j] += c[i] - c[i + 1];
                        f.Stock[j] = run[j];
                        f.Inflow[j] = c[i];
                        f.Outflow[j] = c[i + 1];
                        f.Arrivals[j] = c[i + 2];
                    }
                }
            }
            // Age bands: cohorts by year of birth, banded by age at this period's end; the start stock is the
            // previous end's cohort stock banded the same way, so people crossing a boundary compare like with like.
            for (var by = 0; by < BirthYears; by++) bandOf[by] = BandAt(by, slot);
            for (var area = 0; area < Areas; area++)
            {
                if (_birth[area] is not { } b) continue;
                // Only areas with data are ever written, so only theirs need clearing (not every area of the index).
                foreach (var array in ageArrays) Array.Clear(array, area * bands, bands);
                for (var by = 0; by < BirthYears; by++)
                {
                    var i = (slot * BirthYears + by) * Measures;
                    var c = area * BirthYears + by;
                    var previous = cohorts[c];
                    cohorts[c] += b[i] - b[i + 1];
                    if (previous == 0 && cohorts[c] == 0 && b[i] == 0 && b[i + 1] == 0) continue;
                    var j = area * bands + bandOf[by];
                    age.HasData[j % bands] = true;
                    age.StartStock[j] += previous;
                    age.Stock[j] += cohorts[c];
                    age.Inflow[j] += b[i];
                    age.Outflow[j] += b[i + 1];
                    age.Arrivals[j] += b[i + 2];
                }
            }
            yield return all;
        }
    }

    int BandAt(int birthIndex, int slot)
    {
        if (birthIndex == BirthYears - 1) return AgeBands.Labels.Length;
        var periodEnd = slot == 0 ? Periods.End(Kind, _fromKey - 1) : Periods.End(Kind, _fromKey + slot - 1);
        return Math.Max(0, AgeBands.Of(periodEnd.Year - (FirstBirthYear + birthIndex)));
    }

}

/// <summary>One period's figures for every characteristic.</summary>
public sealed class PeriodFigures(IReadOnlyList<CharacteristicFigures> characteristics)
{
    /// <summary>The period (see <see cref="Periods.Key(PeriodKind, int, int)"/>).</summary>
    public int PeriodKey { get; internal set; }
    /// <summary>All, sex, age band, ethnic group, main language, in that order.</summary>
    public IReadOnlyList<CharacteristicFigures> Characteristics { get; } = characteristics;

    /// <summary>
    /// A copy holding only the given areas, renumbered 0, 1, … in that order: small enough to hand to another
    /// thread while the accumulator moves on to the next period (it reuses these arrays).
    /// </summary>
    /// <param name="areas">Area indices to keep, in the order wanted.</param>
    public PeriodFigures Compact(IReadOnlyList<int> areas) => new(Characteristics.Select(c => c.Compact(areas)).ToList()) { PeriodKey = PeriodKey };
}

/// <summary>
/// One characteristic's figures in one period, whatever they count: the shape shared by the registration and
/// school census figures, whose arrays are indexed [area × Categories + category].
/// </summary>
public abstract class CharacteristicTable(Characteristic characteristic, int categories)
{
    /// <summary>Which characteristic.</summary>
    public Characteristic Characteristic { get; } = characteristic;
    /// <summary>Number of categories (for All, 1).</summary>
    public int Categories { get; } = categories;
    /// <summary>Whether a category has any data in the whole run: categories without are not reported.</summary>
    public bool[] HasData { get; } = new bool[categories];
}

/// <summary>One characteristic's registration figures in one period: arrays indexed [area × Categories + category].</summary>
public sealed class CharacteristicFigures : CharacteristicTable
{
    internal CharacteristicFigures(Characteristic characteristic, int areas, int categories) : base(characteristic, categories)
    {
        Stock = new long[areas * categories];
        StartStock = new long[areas * categories];
        Inflow = new long[areas * categories];
        Outflow = new long[areas * categories];
        Arrivals = new long[areas * categories];
    }

    /// <summary>These figures for the given areas only, renumbered 0, 1, … (see <see cref="PeriodFigures.Compact"/>).</summary>
    /// <param name="areas">Area indices to keep, in the order wanted.</param>
    public CharacteristicFigures Compact(IReadOnlyList<int> areas)
    {
        var compact = new CharacteristicFigures(Characteristic, areas.Count, Categories);
        for (var a = 0; a < areas.Count; a++)
            foreach (var (from, to) in new[] { (Stock, compact.Stock), (StartStock, compact.StartStock), (Inflow, compact.Inflow), (Outflow, compact.Outflow), (Arrivals, compact.Arrivals) })
                Array.Copy(from, areas[a] * Categories, to, a * Categories, Categories);
        HasData.CopyTo(compact.HasData, 0);
        return compact;
    }

    /// <summary>Registered at the end of the period.</summary>
    public long[] Stock { get; }
    /// <summary>Registered at the start of the period (the end of the one before), in this period's categories.</summary>
    public long[] StartStock { get; }
    /// <summary>Registrations in the period.</summary>
    public long[] Inflow { get; }
    /// <summary>Deregistrations in the period.</summary>
    public long[] Outflow { get; }
    /// <summary>Registrations from abroad in the period.</summary>
    public long[] Arrivals { get; }

    /// <summary>(inflow + outflow) per 1,000 registered at the start; NaN when nobody was.</summary>
    public double Churn(int i) => StartStock[i] > 0 ? (Inflow[i] + Outflow[i]) * 1000.0 / StartStock[i] : double.NaN;
}

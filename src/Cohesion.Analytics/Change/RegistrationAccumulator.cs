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
    readonly int[] _all, _sex, _birth;
    int[] _ethnic, _language;
    int _ethnicWidth, _languageWidth;

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
        _all = new int[areas * _slots * Measures];
        _sex = new int[areas * _slots * Sexes.Length * Measures];
        _birth = new int[checked(areas * _slots * BirthYears * Measures)];
        _ethnicWidth = Math.Max(1, ethnicCapacity);
        _languageWidth = Math.Max(1, languageCapacity);
        _ethnic = new int[areas * _slots * _ethnicWidth * Measures];
        _language = new int[areas * _slots * _languageWidth * Measures];
    }

    /// <summary>Bytes held by the counters: for choosing the period length on very large area sets.</summary>
    public long CounterBytes => 4L * (_all.Length + _sex.Length + _birth.Length + _ethnic.Length + _language.Length);

    /// <summary>The slot of a date: 0 before the first period, −1 after the last (ignored).</summary>
    int Slot(DateOnly d)
    {
        var key = Periods.Key(Kind, d);
        return key < _fromKey ? 0 : key > _toKey ? -1 : key - _fromKey + 1;
    }

    /// <summary>Counts one spell.</summary>
    /// <param name="area">Area index, 0 ≤ area &lt; <see cref="Areas"/>.</param>
    /// <param name="registered">registered_on.</param>
    /// <param name="deregistered">deregistered_on, or null while registered.</param>
    /// <param name="birthYear">Year of birth, or 0 when not stated.</param>
    /// <param name="sex">Index into <see cref="Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index (0 = not stated), as interned by the caller.</param>
    /// <param name="language">Main language index (0 = not stated).</param>
    /// <param name="abroad">Previous address outside the UK: the registration is an arrival.</param>
    public void Add(int area, DateOnly registered, DateOnly? deregistered, int birthYear, int sex, int ethnic, int language, bool abroad)
    {
        var rs = Slot(registered);
        if (rs < 0) return;
        var by = birthYear == 0 ? BirthYears - 1 : Math.Clamp(birthYear, FirstBirthYear, LastBirthYear) - FirstBirthYear;
        if (ethnic >= _ethnicWidth) Grow(ref _ethnic, ref _ethnicWidth, ethnic + 1);
        if (language >= _languageWidth) Grow(ref _language, ref _languageWidth, language + 1);
        Count(area, rs, 0, by, sex, ethnic, language);
        if (abroad) Count(area, rs, 2, by, sex, ethnic, language);
        if (deregistered is { } d && Slot(d) is var ds && ds >= 0) Count(area, ds, 1, by, sex, ethnic, language);
    }

    void Count(int area, int slot, int measure, int by, int sex, int ethnic, int language)
    {
        var block = area * _slots + slot;
        _all[block * Measures + measure]++;
        _sex[(block * Sexes.Length + sex) * Measures + measure]++;
        _birth[(block * BirthYears + by) * Measures + measure]++;
        _ethnic[(block * _ethnicWidth + ethnic) * Measures + measure]++;
        _language[(block * _languageWidth + language) * Measures + measure]++;
    }

    void Grow(ref int[] counts, ref int width, int needed)
    {
        var newWidth = Math.Max(needed, width * 2);
        var grown = new int[Areas * _slots * newWidth * Measures];
        for (var block = 0; block < Areas * _slots; block++)
            Array.Copy(counts, block * width * Measures, grown, block * newWidth * Measures, width * Measures);
        counts = grown;
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
        Add(_all, other._all);
        Add(_sex, other._sex);
        Add(_birth, other._birth);
        var maxE = 0;
        foreach (var e in ethnicMap) maxE = Math.Max(maxE, e);
        if (maxE >= _ethnicWidth) Grow(ref _ethnic, ref _ethnicWidth, maxE + 1);
        var maxL = 0;
        foreach (var l in languageMap) maxL = Math.Max(maxL, l);
        if (maxL >= _languageWidth) Grow(ref _language, ref _languageWidth, maxL + 1);
        for (var block = 0; block < Areas * _slots; block++)
            for (var m = 0; m < Measures; m++)
            {
                for (var e = 0; e < ethnicMap.Length; e++)
                    _ethnic[(block * _ethnicWidth + ethnicMap[e]) * Measures + m] += other._ethnic[(block * other._ethnicWidth + e) * Measures + m];
                for (var l = 0; l < languageMap.Length; l++)
                    _language[(block * _languageWidth + languageMap[l]) * Measures + m] += other._language[(block * other._languageWidth + l) * Measures + m];
            }
    }

    static void Add(int[] into, int[] from)
    {
        for (var i = 0; i < into.Length; i++) into[i] += from[i];
    }

    /// <summary>
    /// Every figure for every area and period, with <paramref name="ethnicCount"/> and
    /// <paramref name="languageCount"/> the number of interned codes (index 0 = not stated). Categories with
    /// nothing in them for the whole run are left out; zeros within a category that has data are kept.
    /// </summary>
    public IEnumerable<ChangeCell> Results(int ethnicCount, int languageCount)
    {
        var periods = _toKey - _fromKey + 1;
        var stock = new long[periods + 1];
        for (var area = 0; area < Areas; area++)
        {
            foreach (var c in Series(area, Characteristic.All, 0, _all, 1, 0, stock)) yield return c;
            for (var s = 0; s < Sexes.Length; s++)
                foreach (var c in Series(area, Characteristic.Sex, s, _sex, Sexes.Length, s, stock)) yield return c;
            for (var e = 0; e < ethnicCount; e++)
                foreach (var c in Series(area, Characteristic.EthnicGroup, e, _ethnic, _ethnicWidth, e, stock)) yield return c;
            for (var l = 0; l < languageCount; l++)
                foreach (var c in Series(area, Characteristic.MainLanguage, l, _language, _languageWidth, l, stock)) yield return c;
            foreach (var c in AgeBandSeries(area)) yield return c;
        }
    }

    IEnumerable<ChangeCell> Series(int area, Characteristic ch, int category, int[] counts, int width, int index, long[] stock)
    {
        long running = 0;
        uint any = 0;
        for (var slot = 0; slot < _slots; slot++)
        {
            var i = ((area * _slots + slot) * width + index) * Measures;
            running += counts[i] - counts[i + 1];
            any |= (uint)counts[i] | (uint)counts[i + 1];
            stock[slot] = running;
        }
        if (any == 0) yield break;
        for (var slot = 1; slot < _slots; slot++)
        {
            var i = ((area * _slots + slot) * width + index) * Measures;
            foreach (var c in Cells(area, slot, ch, category, stock[slot], stock[slot - 1], counts[i], counts[i + 1], counts[i + 2])) yield return c;
        }
    }

    IEnumerable<ChangeCell> AgeBandSeries(int area)
    {
        // Cohort stock by year of birth at the end of each slot, banded by age at that period's end. The stock
        // at the start of a period is the previous end's cohort stock banded the same way (by age at this
        // period's end), so people crossing a band boundary are compared like with like.
        var bands = AgeBands.Labels.Length + 1; // + not stated
        var endStock = new long[_slots, bands];
        var startStock = new long[_slots, bands];
        var flows = new long[_slots, bands, Measures];
        var any = new bool[bands];
        for (var by = 0; by < BirthYears; by++)
        {
            long running = 0;
            for (var slot = 0; slot < _slots; slot++)
            {
                var i = ((area * _slots + slot) * BirthYears + by) * Measures;
                var previous = running;
                running += _birth[i] - _birth[i + 1];
                if (running == 0 && previous == 0 && _birth[i] == 0 && _birth[i + 1] == 0) continue;
                var band = BandAt(by, slot);
                any[band] = true;
                endStock[slot, band] += running;
                startStock[slot, band] += previous;
                for (var m = 0; m < Measures; m++) flows[slot, band, m] += _birth[i + m];
            }
        }
        for (var band = 0; band < bands; band++)
        {
            if (!any[band]) continue;
            for (var slot = 1; slot < _slots; slot++)
                foreach (var c in Cells(area, slot, Characteristic.AgeBand, band, endStock[slot, band], startStock[slot, band], flows[slot, band, 0], flows[slot, band, 1], flows[slot, band, 2]))
                    yield return c;
        }
    }

    int BandAt(int birthIndex, int slot)
    {
        if (birthIndex == BirthYears - 1) return AgeBands.Labels.Length;
        var periodEnd = slot == 0 ? Periods.End(Kind, _fromKey - 1) : Periods.End(Kind, _fromKey + slot - 1);
        return Math.Max(0, AgeBands.Of(periodEnd.Year - (FirstBirthYear + birthIndex)));
    }

    IEnumerable<ChangeCell> Cells(int area, int slot, Characteristic ch, int category, long stockEnd, long stockStart, long inflow, long outflow, long arrivals)
    {
        var key = _fromKey + slot - 1;
        yield return new ChangeCell(area, key, ChangeMeasure.Stock, ch, category, stockEnd);
        yield return new ChangeCell(area, key, ChangeMeasure.Inflow, ch, category, inflow);
        yield return new ChangeCell(area, key, ChangeMeasure.Outflow, ch, category, outflow);
        yield return new ChangeCell(area, key, ChangeMeasure.Arrivals, ch, category, arrivals);
        yield return new ChangeCell(area, key, ChangeMeasure.ChurnPer1000, ch, category, stockStart > 0 ? (inflow + outflow) * 1000.0 / stockStart : double.NaN);
    }
}

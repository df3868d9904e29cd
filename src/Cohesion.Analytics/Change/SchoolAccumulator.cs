using System.Runtime.InteropServices;

namespace Cohesion.Analytics.Change;

/// <summary>What a school census figure counts.</summary>
public enum SchoolMeasure
{
    /// <summary>Pupils at the census(es) in the period.</summary>
    Pupils,
    /// <summary>Pupils at a census who were not at the previous census in the file, or were at it in another area.</summary>
    NewToArea,
    /// <summary>Pupils at the census(es) in the period whose first language is stated and is not English.</summary>
    Eal,
}

/// <summary>
/// Counts a school census extract (one record per pupil per census) into areas × periods × characteristics.
/// Unlike registration spells, a pupil's censuses must be linked to tell who is new, so each record is kept in
/// a compact form (28 bytes: a 128-bit key of the pupil, the census day, the area and the coded
/// characteristics; never an identifier), then sorted by (pupil, census) and scanned once. Definitions, for a
/// period p holding the censuses C(p) and an area a:
/// <list type="bullet">
/// <item><b>pupils</b>(a, p) = Σ over c ∈ C(p) of the pupils at census c in area a. A period usually holds one
/// census (the spring census is taken once a year); where it holds several, a pupil at two of them is counted
/// at each.</item>
/// <item><b>new_to_area</b>(a, p) = Σ over c ∈ C(p) of the pupils at census c in area a who were not at the
/// census before c in the file (the previous census date present in the data, whether or not it is in the
/// reported range), or were at it in an area other than a. A pupil missing from one census and back at the
/// next is new again. At the first census in the file everyone would be new, so new_to_area is not defined
/// for the period that holds it (<see cref="SchoolPeriodFigures.HasNewToArea"/> is false).</item>
/// <item><b>eal</b>(a, p) = the pupils of pupils(a, p) whose first language is English as an additional
/// language: stated and not English (the caller decides per record; in the school census any code other than
/// <c>eng</c>). Not stated is not EAL.</item>
/// </list>
/// Characteristics are those at the census counted: all, sex, <see cref="YearGroups">year group</see>, ethnic
/// group and main (first) language, the last two as the caller's interned codes (0 = not stated). Only periods
/// from the one holding <c>from</c> to the one holding <c>to</c> that hold a census are reported.
/// Memory: 28 bytes a record, plus areas × census periods × categories counters.
/// </summary>
public sealed class SchoolAccumulator
{
    /// <summary>Year groups in category order: Reception, then years 1 to 11.</summary>
    public static readonly string[] YearGroups = ["R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
    const int Measures = 3; // pupils, new to area, eal
    const int BucketBits = 8;
    const int ChunkSize = 1024;
    const int SexOffset = 1, YearOffset = SexOffset + 4, CodesOffset = YearOffset + 12;

    /// <summary>One pupil at one census: the sort key is (pupil, census day), so a pupil's censuses end up in order side by side.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    struct Record : IComparable<Record>
    {
        public ulong Hi, Lo;
        public uint Census; // day number << 7 | eal << 6 | year group << 2 | sex
        public int Area;
        public ushort Ethnic, Language;

        public readonly int Day => (int)(Census >> 7);
        public readonly bool SamePupil(in Record o) => Hi == o.Hi && Lo == o.Lo;
        public readonly int CompareTo(Record o) => Hi != o.Hi ? Hi.CompareTo(o.Hi) : Lo != o.Lo ? Lo.CompareTo(o.Lo) : Census.CompareTo(o.Census);
    }

    /// <summary>
    /// Records whose key starts with the same bits. New records go into fixed chunks (all full but the last), so
    /// growing never copies; sealing sorts them into one array. Buckets are sorted independently.
    /// </summary>
    sealed class Bucket
    {
        public Record[] Sorted = [];
        public int SortedCount;
        public readonly List<Record[]> Chunks = [];
        public int Last = ChunkSize;

        public int Count => SortedCount + (Chunks.Count == 0 ? 0 : (Chunks.Count - 1) * ChunkSize + Last);

        public void Add(in Record r)
        {
            if (Last == ChunkSize) { Chunks.Add(new Record[ChunkSize]); Last = 0; }
            Chunks[^1][Last++] = r;
        }

        /// <summary>
        /// Sorts every record of the bucket into one array. Keys are uniform hashes, so a counting sort on the
        /// key bits after the bucket's puts each record within a few places of where it belongs (one pupil's
        /// records share a slot), and sorting each slot's short run finishes the job: much faster than a
        /// comparison sort of the whole bucket.
        /// </summary>
        public void Seal()
        {
            if (Chunks.Count == 0) return;
            var n = Count;
            var bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)n), 1, 16);
            var starts = new int[(1 << bits) + 1];
            foreach (var part in Parts()) foreach (ref readonly var r in part.AsSpan()) starts[Slot(r, bits) + 1]++;
            for (var k = 1; k < starts.Length; k++) starts[k] += starts[k - 1];
            var next = starts.AsSpan(0, starts.Length - 1).ToArray();
            var all = new Record[n];
            foreach (var part in Parts()) foreach (ref readonly var r in part.AsSpan()) all[next[Slot(r, bits)]++] = r;
            for (var k = 0; k + 1 < starts.Length; k++)
            {
                var run = all.AsSpan(starts[k], starts[k + 1] - starts[k]);
                if (run.Length > 24) run.Sort();
                else InsertionSort(run);
            }
            (Sorted, SortedCount) = (all, n);
            Chunks.Clear();
            Last = ChunkSize;
        }

        static int Slot(in Record r, int bits) => (int)((r.Hi << BucketBits) >> (64 - bits));

        List<ArraySegment<Record>> Parts()
        {
            var parts = new List<ArraySegment<Record>>(Chunks.Count + 1) { new(Sorted, 0, SortedCount) };
            for (var i = 0; i < Chunks.Count; i++) parts.Add(new(Chunks[i], 0, i == Chunks.Count - 1 ? Last : ChunkSize));
            return parts;
        }

        static void InsertionSort(Span<Record> run)
        {
            for (var i = 1; i < run.Length; i++)
            {
                var r = run[i];
                var j = i - 1;
                for (; j >= 0 && run[j].CompareTo(r) > 0; j--) run[j + 1] = run[j];
                run[j + 1] = r;
            }
        }
    }

    readonly Bucket[] _buckets = new Bucket[1 << BucketBits];
    readonly HashSet<int> _days = [];
    readonly int _fromKey, _toKey;
    int _lastDay = -1, _maxEthnic, _maxLanguage;
    long _records;

    // Made by Count(): counters per area ([slot][category][measure]), the census days in order and the reported periods.
    int[]?[]? _counts;
    int[] _censusDays = [];
    int[] _slotOfCensus = [];
    int[] _periodKeys = [];
    int _width;

    /// <summary>Number of areas; callers index them 0..Areas − 1.</summary>
    public int Areas { get; }
    /// <summary>Length of the periods.</summary>
    public PeriodKind Kind { get; }
    /// <summary>Key of the first period reported (when it holds a census).</summary>
    public int FirstPeriod => _fromKey;
    /// <summary>Key of the last period reported (when it holds a census).</summary>
    public int LastPeriod => _toKey;
    /// <summary>Records held (pupils × censuses).</summary>
    public long Records => _records;

    /// <summary>The most the counters may hold before counting stops with a clear error rather than exhausting memory.</summary>
    public long MaxBytes { get; init; } = 3L << 30;

    /// <summary>Counts for the periods from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>.</summary>
    /// <param name="areas">Number of areas.</param>
    /// <param name="kind">Month, quarter or year.</param>
    /// <param name="from">A day in the first period reported.</param>
    /// <param name="to">A day in the last period reported.</param>
    public SchoolAccumulator(int areas, PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (areas < 1) throw new ArgumentOutOfRangeException(nameof(areas));
        if (to < from) throw new ArgumentException("the last period is before the first");
        Areas = areas;
        Kind = kind;
        _fromKey = Periods.Key(kind, from);
        _toKey = Periods.Key(kind, to);
        for (var i = 0; i < _buckets.Length; i++) _buckets[i] = new Bucket();
    }

    /// <summary>Adds one pupil at one census.</summary>
    /// <param name="pupil">A 128-bit key of the pupil identifier, the same at every census (a good hash: keys that differ are different pupils).</param>
    /// <param name="census">The census date.</param>
    /// <param name="area">Area index, 0 ≤ area &lt; <see cref="Areas"/>.</param>
    /// <param name="yearGroup">Index into <see cref="YearGroups"/> (0 = Reception).</param>
    /// <param name="sex">Index into <see cref="RegistrationAccumulator.Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index (0 = not stated), as interned by the caller; at most 65,535.</param>
    /// <param name="language">First language index (0 = not stated); at most 65,535.</param>
    /// <param name="eal">The first language is stated and is not English.</param>
    public void Add(UInt128 pupil, DateOnly census, int area, int yearGroup, int sex, int ethnic, int language, bool eal) =>
        Add(pupil, census.DayNumber, area, yearGroup, sex, ethnic, language, eal);

    /// <summary>As <see cref="Add(UInt128, DateOnly, int, int, int, int, int, bool)"/>, with the census as its <see cref="DateOnly.DayNumber"/>, for readers that parse dates themselves.</summary>
    /// <param name="pupil">128-bit key of the pupil.</param>
    /// <param name="censusDay">The census date's day number.</param>
    /// <param name="area">Area index.</param>
    /// <param name="yearGroup">Index into <see cref="YearGroups"/>.</param>
    /// <param name="sex">Index into <see cref="RegistrationAccumulator.Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index (0 = not stated).</param>
    /// <param name="language">First language index (0 = not stated).</param>
    /// <param name="eal">The first language is stated and is not English.</param>
    public void Add(UInt128 pupil, int censusDay, int area, int yearGroup, int sex, int ethnic, int language, bool eal)
    {
        var r = Make(pupil, censusDay, area, yearGroup, sex, ethnic, language, eal);
        if (censusDay != _lastDay) { _days.Add(censusDay); _lastDay = censusDay; }
        if (ethnic > _maxEthnic) _maxEthnic = ethnic;
        if (language > _maxLanguage) _maxLanguage = language;
        _buckets[r.Hi >> (64 - BucketBits)].Add(r);
        _records++;
        _counts = null;
    }

    Record Make(UInt128 pupil, int censusDay, int area, int yearGroup, int sex, int ethnic, int language, bool eal)
    {
        if ((uint)area >= (uint)Areas) throw new ArgumentOutOfRangeException(nameof(area));
        if ((uint)yearGroup >= YearGroups.Length) throw new ArgumentOutOfRangeException(nameof(yearGroup));
        if ((uint)sex >= RegistrationAccumulator.Sexes.Length) throw new ArgumentOutOfRangeException(nameof(sex));
        if ((uint)censusDay >= 1u << 25) throw new ArgumentOutOfRangeException(nameof(censusDay));
        if ((uint)ethnic > ushort.MaxValue || (uint)language > ushort.MaxValue) throw new InvalidOperationException("more than 65,535 distinct ethnic-group or language codes");
        return new Record
        {
            Hi = (ulong)(pupil >> 64),
            Lo = (ulong)pupil,
            Census = (uint)censusDay << 7 | (eal ? 1u : 0) << 6 | (uint)yearGroup << 2 | (uint)sex,
            Area = area,
            Ethnic = (ushort)ethnic,
            Language = (ushort)language,
        };
    }

    /// <summary>
    /// Takes over another accumulator's records (from a parallel part of the same file), leaving it empty. Its
    /// ethnic-group and language indices are translated through the maps (other index → this index).
    /// </summary>
    public void Merge(SchoolAccumulator other, ReadOnlySpan<int> ethnicMap, ReadOnlySpan<int> languageMap)
    {
        if (other.Areas != Areas || other._fromKey != _fromKey || other._toKey != _toKey || other.Kind != Kind)
            throw new ArgumentException("accumulators cover different areas or periods", nameof(other));
        foreach (var e in ethnicMap) _maxEthnic = Math.Max(_maxEthnic, e);
        foreach (var l in languageMap) _maxLanguage = Math.Max(_maxLanguage, l);
        if (_maxEthnic > ushort.MaxValue || _maxLanguage > ushort.MaxValue) throw new InvalidOperationException("more than 65,535 distinct ethnic-group or language codes");
        for (var b = 0; b < _buckets.Length; b++)
        {
            var (mine, theirs) = (_buckets[b], other._buckets[b]);
            for (var i = 0; i < theirs.SortedCount; i++) mine.Add(Remap(theirs.Sorted[i], ethnicMap, languageMap));
            // Full chunks are taken over as they are, after translating their codes in place; the last one is copied.
            for (var c = 0; c < theirs.Chunks.Count; c++)
            {
                var chunk = theirs.Chunks[c];
                var n = c == theirs.Chunks.Count - 1 ? theirs.Last : ChunkSize;
                if (n < ChunkSize)
                {
                    for (var i = 0; i < n; i++) mine.Add(Remap(chunk[i], ethnicMap, languageMap));
                    continue;
                }
                for (var i = 0; i < n; i++) chunk[i] = Remap(chunk[i], ethnicMap, languageMap);
                if (mine.Last == ChunkSize) mine.Chunks.Add(chunk);
                else mine.Chunks.Insert(mine.Chunks.Count - 1, chunk);
            }
            other._buckets[b] = new Bucket();
        }
        _days.UnionWith(other._days);
        _records += other._records;
        other._days.Clear();
        other._records = 0;
        other._counts = null;
        _counts = null;
    }

    static Record Remap(Record r, ReadOnlySpan<int> ethnicMap, ReadOnlySpan<int> languageMap)
    {
        r.Ethnic = (ushort)ethnicMap[r.Ethnic];
        r.Language = (ushort)languageMap[r.Language];
        return r;
    }

    void Seal() => Parallel.For(0, _buckets.Length, b => _buckets[b].Seal());

    /// <summary>The census dates in the data, first to last.</summary>
    public IReadOnlyList<DateOnly> Censuses => _days.Order().Select(DateOnly.FromDayNumber).ToList();

    /// <summary>
    /// The (pupil, census) pairs held more than once, each once. The extract allows a pupil one record per
    /// census; the caller reports these and takes the extra records back out with <see cref="Remove"/> before
    /// asking for figures.
    /// </summary>
    public IReadOnlyList<(UInt128 Pupil, DateOnly Census)> Duplicates()
    {
        Seal();
        var found = new List<(UInt128, DateOnly)>();
        foreach (var b in _buckets)
        {
            var records = b.Sorted.AsSpan(0, b.SortedCount);
            for (var i = 1; i < records.Length; i++)
            {
                if (!records[i].SamePupil(records[i - 1]) || records[i].Day != records[i - 1].Day) continue;
                if (i >= 2 && records[i - 2].SamePupil(records[i]) && records[i - 2].Day == records[i].Day) continue; // reported already
                found.Add((new UInt128(records[i].Hi, records[i].Lo), DateOnly.FromDayNumber(records[i].Day)));
            }
        }
        return found;
    }

    /// <summary>Takes back one record added with exactly these values (a duplicate found after it was counted); false when there is none.</summary>
    /// <param name="pupil">128-bit key of the pupil.</param>
    /// <param name="censusDay">The census date's day number.</param>
    /// <param name="area">Area index.</param>
    /// <param name="yearGroup">Index into <see cref="YearGroups"/>.</param>
    /// <param name="sex">Index into <see cref="RegistrationAccumulator.Sexes"/>.</param>
    /// <param name="ethnic">Ethnic group index, in this accumulator's numbering.</param>
    /// <param name="language">First language index, in this accumulator's numbering.</param>
    /// <param name="eal">As added.</param>
    public bool Remove(UInt128 pupil, int censusDay, int area, int yearGroup, int sex, int ethnic, int language, bool eal)
    {
        var r = Make(pupil, censusDay, area, yearGroup, sex, ethnic, language, eal);
        var b = _buckets[r.Hi >> (64 - BucketBits)];
        b.Seal();
        var records = b.Sorted.AsSpan(0, b.SortedCount);
        var i = records.BinarySearch(r);
        if (i < 0) return false;
        while (i > 0 && records[i - 1].CompareTo(r) == 0) i--;
        for (; i < records.Length && records[i].CompareTo(r) == 0; i++)
        {
            if (records[i].Area != r.Area || records[i].Ethnic != r.Ethnic || records[i].Language != r.Language) continue;
            records[(i + 1)..].CopyTo(records[i..]);
            b.SortedCount--;
            _records--;
            _counts = null;
            return true;
        }
        return false;
    }

    /// <summary>Whether an area has a pupil at a census in a reported period.</summary>
    public bool HasArea(int area) => Count()[area] is not null;

    /// <summary>Sorts the records by (pupil, census) and counts every measure in one pass.</summary>
    int[]?[] Count()
    {
        if (_counts is { } done) return done;
        Seal();
        _censusDays = _days.Order().ToArray();
        _slotOfCensus = new int[_censusDays.Length];
        var keys = new List<int>();
        for (var c = 0; c < _censusDays.Length; c++)
        {
            var key = Periods.Key(Kind, DateOnly.FromDayNumber(_censusDays[c]));
            if (key < _fromKey || key > _toKey) { _slotOfCensus[c] = -1; continue; }
            if (keys.Count == 0 || keys[^1] != key) keys.Add(key);
            _slotOfCensus[c] = keys.Count - 1;
        }
        _periodKeys = keys.ToArray();
        _width = CodesOffset + _maxEthnic + 1 + _maxLanguage + 1;
        var perArea = 4L * _periodKeys.Length * _width * Measures;
        var counts = new int[]?[Areas];
        long bytes = 0;
        foreach (var b in _buckets)
        {
            var records = b.Sorted.AsSpan(0, b.SortedCount);
            for (var i = 0; i < records.Length; i++)
            {
                ref readonly var r = ref records[i];
                var census = Array.BinarySearch(_censusDays, r.Day);
                var slot = _slotOfCensus[census];
                var samePupil = i > 0 && records[i - 1].SamePupil(r);
                if (samePupil && records[i - 1].Day == r.Day)
                    throw new InvalidOperationException("a pupil is held twice at the same census: take the duplicates back out (Duplicates, Remove) before counting");
                if (slot < 0) continue;
                // Not new: at the census just before this one, in this area.
                var stayed = samePupil && records[i - 1].Area == r.Area && Array.BinarySearch(_censusDays, records[i - 1].Day) == census - 1;
                if (counts[r.Area] is not { } c)
                {
                    if ((bytes += perArea) > MaxBytes)
                        throw new InvalidOperationException($"the counters would exceed {MaxBytes / 1e9:N1} GB: report fewer periods or fewer areas");
                    c = counts[r.Area] = new int[perArea / 4];
                }
                var isNew = census > 0 && !stayed;
                var eal = (r.Census & 64) != 0;
                var at = slot * _width;
                CountAt(c, at, isNew, eal);
                CountAt(c, at + SexOffset + (int)(r.Census & 3), isNew, eal);
                CountAt(c, at + YearOffset + (int)(r.Census >> 2 & 15), isNew, eal);
                CountAt(c, at + CodesOffset + r.Ethnic, isNew, eal);
                CountAt(c, at + CodesOffset + _maxEthnic + 1 + r.Language, isNew, eal);
            }
        }
        return _counts = counts;
    }

    static void CountAt(int[] c, int category, bool isNew, bool eal)
    {
        var i = category * Measures;
        c[i]++;
        if (isNew) c[i + 1]++;
        if (eal) c[i + 2]++;
    }

    /// <summary>
    /// The figures one reported period at a time (only periods that hold a census), each characteristic as
    /// areas × categories arrays, so a caller can treat each period's table as a whole (disclosure control works
    /// on whole tables). <paramref name="ethnicCount"/> and <paramref name="languageCount"/> are the number of
    /// interned codes (index 0 = not stated); categories with no pupil in any reported period are marked in
    /// <see cref="CharacteristicTable.HasData"/>. The object yielded is reused: read it before moving on.
    /// </summary>
    public IEnumerable<SchoolPeriodFigures> ByPeriod(int ethnicCount, int languageCount)
    {
        var counts = Count();
        if (ethnicCount <= _maxEthnic || languageCount <= _maxLanguage)
            throw new ArgumentException("fewer ethnic-group or language codes than the records use");
        var sets = new (Characteristic Ch, int Offset, int Used)[]
        {
            (Characteristic.All, 0, 1),
            (Characteristic.Sex, SexOffset, RegistrationAccumulator.Sexes.Length),
            (Characteristic.YearGroup, YearOffset, YearGroups.Length),
            (Characteristic.EthnicGroup, CodesOffset, _maxEthnic + 1),
            (Characteristic.MainLanguage, CodesOffset + _maxEthnic + 1, _maxLanguage + 1),
        };
        var figures = sets.Select(s => new SchoolCharacteristicFigures(s.Ch, Areas, s.Used)).ToList();
        for (var k = 0; k < sets.Length; k++)
            foreach (var c in counts)
                for (var slot = 0; c is not null && slot < _periodKeys.Length; slot++)
                    for (var cat = 0; cat < sets[k].Used; cat++)
                        figures[k].HasData[cat] |= c[(slot * _width + sets[k].Offset + cat) * Measures] != 0;
        var period = new SchoolPeriodFigures(figures);
        for (var slot = 0; slot < _periodKeys.Length; slot++)
        {
            period.PeriodKey = _periodKeys[slot];
            period.Censuses = Enumerable.Range(0, _censusDays.Length).Where(c => _slotOfCensus[c] == slot).Select(c => DateOnly.FromDayNumber(_censusDays[c])).ToList();
            period.HasNewToArea = _slotOfCensus[0] != slot;
            for (var k = 0; k < sets.Length; k++)
            {
                var f = figures[k];
                for (var area = 0; area < Areas; area++)
                    for (var cat = 0; counts[area] is { } c && cat < f.Categories; cat++) // areas without pupils stay zero
                    {
                        var j = area * f.Categories + cat;
                        var i = (slot * _width + sets[k].Offset + cat) * Measures;
                        f.Pupils[j] = c[i];
                        f.NewToArea[j] = c[i + 1];
                        f.Eal[j] = c[i + 2];
                    }
            }
            yield return period;
        }
    }
}

/// <summary>One reported period's school census figures for every characteristic.</summary>
public sealed class SchoolPeriodFigures(IReadOnlyList<SchoolCharacteristicFigures> characteristics)
{
    /// <summary>The period (see <see cref="Periods.Key(PeriodKind, int, int)"/>).</summary>
    public int PeriodKey { get; internal set; }
    /// <summary>The census dates in the period, first to last.</summary>
    public IReadOnlyList<DateOnly> Censuses { get; internal set; } = [];
    /// <summary>
    /// False for the period holding the first census in the data: there is no previous census to compare with,
    /// so <see cref="SchoolCharacteristicFigures.NewToArea"/> is not defined there (and not to be published).
    /// </summary>
    public bool HasNewToArea { get; internal set; }
    /// <summary>All, sex, year group, ethnic group, main language, in that order.</summary>
    public IReadOnlyList<SchoolCharacteristicFigures> Characteristics { get; } = characteristics;
}

/// <summary>One characteristic's school census figures in one period: arrays indexed [area × Categories + category].</summary>
public sealed class SchoolCharacteristicFigures : CharacteristicTable
{
    internal SchoolCharacteristicFigures(Characteristic characteristic, int areas, int categories) : base(characteristic, categories)
    {
        Pupils = new long[areas * categories];
        NewToArea = new long[areas * categories];
        Eal = new long[areas * categories];
    }

    /// <summary>Pupils at the census(es) in the period.</summary>
    public long[] Pupils { get; }
    /// <summary>Pupils not at the previous census in the data, or at it in another area (see <see cref="SchoolPeriodFigures.HasNewToArea"/>).</summary>
    public long[] NewToArea { get; }
    /// <summary>Pupils whose first language is stated and not English.</summary>
    public long[] Eal { get; }

    /// <summary>The figures of one measure.</summary>
    public long[] Values(SchoolMeasure measure) => measure switch
    {
        SchoolMeasure.Pupils => Pupils,
        SchoolMeasure.NewToArea => NewToArea,
        _ => Eal,
    };
}

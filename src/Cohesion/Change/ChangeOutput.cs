using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Cohesion.Analytics.Change;
using Cohesion.Analytics.Disclosure;

namespace Cohesion.Change;

/// <summary>The disclosure policy applied to figures that leave their owner.</summary>
public abstract record DisclosurePolicy
{
    public sealed record Exact : DisclosurePolicy;
    /// <summary>Counts in 1..K−1 suppressed, with secondary suppression per table (see <see cref="CellSuppression"/>).</summary>
    public sealed record Suppress(int K) : DisclosurePolicy;
    /// <summary>Every count rounded to the nearest multiple of B; rates from rounded counts.</summary>
    public sealed record Round(int Base) : DisclosurePolicy;
}

/// <summary>
/// Writes the long CSV <c>area_code,period,measure,characteristic,category,value,flag</c>, one period at a
/// time. Under suppression each period's table of areas × categories, for each count measure and
/// characteristic, is protected with its area totals (the <c>all</c> rows) as margins; an area total
/// withheld in any table is withheld everywhere, and a rate is withheld when any count it is made from is.
/// </summary>
public static class ChangeOutput
{
    public const string Header = "area_code,period,measure,characteristic,category,value,flag";
    static readonly (ChangeMeasure Measure, string Name)[] Counts =
        [(ChangeMeasure.Stock, "stock"), (ChangeMeasure.Inflow, "inflow"), (ChangeMeasure.Outflow, "outflow"), (ChangeMeasure.Arrivals, "arrivals")];

    public static string Name(Characteristic c) => c switch
    {
        Characteristic.All => "all",
        Characteristic.Sex => "sex",
        Characteristic.AgeBand => "age_band",
        Characteristic.EthnicGroup => "ethnic_group",
        Characteristic.YearGroup => "year_group",
        _ => "main_language",
    };

    public sealed record Stats(long Rows, long Suppressed, long Rounded);

    /// <summary>
    /// Writes the figures as UTF-8. Each line is assembled from bytes encoded once (area, period, measure,
    /// characteristic and category) and a number formatted in place, so millions of lines cost copies rather
    /// than strings. With <paramref name="threads"/> &gt; 1, this thread works out each period's figures while
    /// other threads protect and format the periods before it, each from a compact copy of its figures (the
    /// areas with data only; the accumulator reuses its arrays), and the periods are written in order.
    /// </summary>
    public static Stats Write(Stream output, RegistrationAccumulator counts, IReadOnlyList<string> areaCodes, IReadOnlyList<string> ethnic, IReadOnlyList<string> language, DisclosurePolicy policy, int threads = 1)
    {
        var present = Enumerable.Range(0, counts.Areas).Where(counts.HasArea).ToArray();
        var areaBytes = present.Select(area => Encoding.UTF8.GetBytes(areaCodes[area] + ",")).ToArray();
        var header = new LineBuffer(output);
        header.Append(Encoding.UTF8.GetBytes(Header + "\n"));
        header.Flush();
        long rows = 0, suppressed = 0, rounded = 0;
        void Written(PeriodOutput p)
        {
            p.Lines.Flush();
            rows += p.Rows;
            suppressed += p.Suppressed;
            rounded += p.Rounded;
        }
        var inFlight = new Queue<Task<PeriodOutput>>();
        var rowsOfTables = Enumerable.Range(0, present.Length).ToArray();
        byte[][][]? tails = null;
        foreach (var period in counts.ByPeriod(ethnic.Count, language.Count))
        {
            // "characteristic,category," for each characteristic's categories (their number is fixed for the run).
            tails ??= period.Characteristics.Select(f => Enumerable.Range(0, f.Categories)
                .Select(cat => Encoding.UTF8.GetBytes(Name(f.Characteristic) + "," + Category(f.Characteristic, cat, ethnic, language) + ",")).ToArray()).ToArray();
            var label = Encoding.UTF8.GetBytes(Periods.Label(counts.Kind, period.PeriodKey) + ",");
            var compact = period.Compact(present);
            var t = tails;
            PeriodOutput Format(LineBuffer w) => FormatPeriod(w, compact, Flags(compact, Protect(compact, rowsOfTables, policy)), policy, areaBytes, label, t);
            // A period formatted ahead of its turn is held in memory, so only periods of modest size are.
            var lines = (long)present.Length * compact.Characteristics.Sum(f => f.HasData.Count(h => h)) * (Counts.Length + 1);
            if (threads <= 1 || lines > 250_000)
            {
                while (inFlight.Count > 0) Written(inFlight.Dequeue().Result);
                Written(Format(new LineBuffer(output)));
                continue;
            }
            inFlight.Enqueue(Task.Run(() => Format(new LineBuffer(output, hold: true))));
            while (inFlight.Count > threads) Written(inFlight.Dequeue().Result);
        }
        while (inFlight.Count > 0) Written(inFlight.Dequeue().Result);
        return new Stats(rows, suppressed, rounded);
    }

    sealed record PeriodOutput(LineBuffer Lines, long Rows, long Suppressed, long Rounded);

    static readonly byte[][] MeasureBytes = Counts.Select(c => Encoding.UTF8.GetBytes(c.Name + ",")).ToArray();

    /// <summary>One period's lines (the figures of the areas with data, compacted), with the cells <see cref="Protect"/> withheld, into <paramref name="w"/>.</summary>
    static PeriodOutput FormatPeriod(LineBuffer w, PeriodFigures period, bool[]?[] withheld, DisclosurePolicy policy, byte[][] areaBytes, byte[] label, byte[][][] tails)
    {
        var round = policy as DisclosurePolicy.Round;
        var suppress = policy as DisclosurePolicy.Suppress;
        long rows = 0, suppressedCount = 0, roundedCount = 0;
        for (var c = 0; c < period.Characteristics.Count; c++)
        {
            var f = period.Characteristics[c];
            var tail = tails[c];
            var values = new[] { f.Stock, f.Inflow, f.Outflow, f.Arrivals };
            var flags = new bool[]?[Counts.Length];
            for (var m = 0; m < Counts.Length; m++) flags[m] = withheld[m * CharacteristicCount + (int)f.Characteristic];
            for (var a = 0; a < areaBytes.Length; a++)
            {
                var areaCode = areaBytes[a];
                for (var cat = 0; cat < f.Categories; cat++)
                {
                    if (!f.HasData[cat]) continue;
                    var i = a * f.Categories + cat;
                    var anyCountWithheld = false;
                    for (var m = 0; m < Counts.Length; m++)
                    {
                        var isWithheld = flags[m] is { } fl && fl[i];
                        anyCountWithheld |= isWithheld && Counts[m].Measure != ChangeMeasure.Arrivals;
                        w.Prefix(areaCode, label, MeasureBytes[m], tail[cat]);
                        // Under suppression the stock is also rounded (Publication.HeadcountBase): exact stocks would give
                        // away a withheld flow through stock − previous stock = inflow − outflow.
                        var roundTo = round?.Base ?? (suppress is not null && Counts[m].Measure == ChangeMeasure.Stock ? Sharing.Publication.HeadcountBase : 0);
                        if (isWithheld) { w.Append(",suppressed\n"u8); suppressedCount++; }
                        else if (roundTo > 0) { w.Number(Analytics.Disclosure.Rounding.ToBase(values[m][i], roundTo)); w.Append(",rounded\n"u8); roundedCount++; }
                        else { w.Number(values[m][i]); w.Append(",\n"u8); }
                        rows++;
                    }
                    // Churn: from the published counts' sources; withheld with any of them, or a small base.
                    if (f.StartStock[i] <= 0) continue;
                    var smallBase = suppress is not null && f.StartStock[i] < suppress.K;
                    // From the published counts: rounded ones under rounding, and the rounded base under suppression, so
                    // the rate cannot be turned back into an exact stock.
                    var churn = round is not null
                        ? (Analytics.Disclosure.Rounding.ToBase(f.Inflow[i], round.Base) + Analytics.Disclosure.Rounding.ToBase(f.Outflow[i], round.Base)) * 1000.0 / Math.Max(1, Analytics.Disclosure.Rounding.ToBase(f.StartStock[i], round.Base))
                        : suppress is not null
                            ? (f.Inflow[i] + f.Outflow[i]) * 1000.0 / Math.Max(1, Analytics.Disclosure.Rounding.ToBase(f.StartStock[i], Sharing.Publication.HeadcountBase))
                            : f.Churn(i);
                    w.Prefix(areaCode, label, "churn_per_1000,"u8, tail[cat]);
                    if (anyCountWithheld || smallBase) { w.Append(",suppressed\n"u8); suppressedCount++; }
                    else
                    {
                        w.Rate(Math.Round(churn, 1));
                        if (round is not null) { w.Append(",rounded\n"u8); roundedCount++; }
                        else w.Append(",\n"u8);
                    }
                    rows++;
                }
            }
        }
        return new PeriodOutput(w, rows, suppressedCount, roundedCount);
    }

    static readonly int CharacteristicCount = Enum.GetValues<Characteristic>().Length;

    /// <summary>
    /// The withheld cells as flags: for count measure m and characteristic c, element <c>m × characteristics + (int)c</c>
    /// flags cells [area × categories + category] of that table (null when none is withheld), so the writer tests
    /// an array rather than a hash set for each of millions of cells.
    /// </summary>
    static bool[]?[] Flags(PeriodFigures period, HashSet<(int Measure, Characteristic Characteristic, int Area, int Category)> withheld)
    {
        var flags = new bool[]?[Counts.Length * CharacteristicCount];
        var areas = period.Characteristics[0].Stock.Length / period.Characteristics[0].Categories;
        var categories = new int[CharacteristicCount];
        foreach (var f in period.Characteristics) categories[(int)f.Characteristic] = f.Categories;
        foreach (var (measure, characteristic, area, category) in withheld)
        {
            var m = Array.FindIndex(Counts, c => (int)c.Measure == measure);
            (flags[m * CharacteristicCount + (int)characteristic] ??= new bool[areas * categories[(int)characteristic]])[area * categories[(int)characteristic] + category] = true;
        }
        return flags;
    }

    /// <summary>
    /// Output bytes gathered in 1 MB blocks: written to the stream as each fills, or (<c>hold</c>) kept until
    /// <see cref="Flush"/>, for a period formatted ahead of its turn.
    /// </summary>
    sealed class LineBuffer(Stream output, bool hold = false)
    {
        const int BlockSize = 1 << 20;
        // Blocks go back and forth between the formatting threads and the writer; kept, not left to the GC.
        static readonly ConcurrentBag<byte[]> Blocks = [];
        readonly List<(byte[] Block, int Used)> _full = [];
        byte[] _buffer = Rent();

        static byte[] Rent() => Blocks.TryTake(out var block) ? block : new byte[BlockSize];
        int _used;

        Span<byte> Room(int needed)
        {
            if (_buffer.Length - _used < needed)
            {
                if (hold) { _full.Add((_buffer, _used)); _buffer = Rent(); _used = 0; }
                else WriteOut();
            }
            return _buffer.AsSpan(_used);
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Room(bytes.Length));
            _used += bytes.Length;
        }

        public void Prefix(byte[] area, byte[] period, ReadOnlySpan<byte> measure, byte[] tail)
        {
            var span = Room(area.Length + period.Length + measure.Length + tail.Length);
            area.CopyTo(span);
            period.CopyTo(span[area.Length..]);
            measure.CopyTo(span[(area.Length + period.Length)..]);
            tail.CopyTo(span[(area.Length + period.Length + measure.Length)..]);
            _used += area.Length + period.Length + measure.Length + tail.Length;
        }

        public void Number(long value)
        {
            if (!Utf8Formatter.TryFormat(value, Room(20), out var n)) throw new InvalidOperationException("number too long");
            _used += n;
        }

        public void Rate(double value)
        {
            if (!value.TryFormat(Room(400), out var n, "0.0", CultureInfo.InvariantCulture)) throw new InvalidOperationException("number too long");
            _used += n;
        }

        void WriteOut()
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }

        /// <summary>Writes out what is held and gives the block back.</summary>
        public void Flush()
        {
            foreach (var (block, used) in _full)
            {
                output.Write(block, 0, used);
                Blocks.Add(block);
            }
            _full.Clear();
            WriteOut();
            Blocks.Add(_buffer);
            _buffer = [];
        }
    }

    /// <summary>A category's name in the long CSV: codes as they are, index 0 of the interned codes as not_stated.</summary>
    internal static string Category(Characteristic c, int cat, IReadOnlyList<string> ethnic, IReadOnlyList<string> language) => c switch
    {
        Characteristic.All => "all",
        Characteristic.Sex => RegistrationAccumulator.Sexes[cat],
        Characteristic.AgeBand => cat < AgeBands.Labels.Length ? AgeBands.Labels[cat] : "not_stated",
        Characteristic.YearGroup => SchoolAccumulator.YearGroups[cat],
        Characteristic.EthnicGroup => cat == 0 ? "not_stated" : ethnic[cat],
        _ => cat == 0 ? "not_stated" : language[cat],
    };

    /// <summary>The cells to withhold in one period under suppression: (measure, characteristic, area, category).</summary>
    /// <param name="present">The areas with data, in output order: the rows of every table.</param>
    static HashSet<(int, Characteristic, int, int)> Protect(PeriodFigures period, int[] present, DisclosurePolicy policy)
    {
        var withheld = new HashSet<(int, Characteristic, int, int)>();
        if (policy is not DisclosurePolicy.Suppress s) return withheld;
        foreach (var (measure, _) in Counts)
            ProtectMeasure((int)measure, period.Characteristics, f => measure switch
            {
                ChangeMeasure.Stock => f.Stock,
                ChangeMeasure.Inflow => f.Inflow,
                ChangeMeasure.Outflow => f.Outflow,
                _ => f.Arrivals,
            }, present, s.K, withheld);
        return withheld;
    }

    /// <summary>
    /// Adds to <paramref name="withheld"/> the cells of one measure's tables in one period to withhold under
    /// suppression with threshold <paramref name="k"/>: the characteristics' tables of areas × categories share
    /// their row totals (the <c>all</c> figures), so they are protected together (<see cref="LinkedTables"/>):
    /// protected one by one, a total withheld in one table could be read back from another.
    /// </summary>
    /// <param name="measure">The measure's number, as the writer keys its cells.</param>
    /// <param name="tables">The period's tables, the <c>all</c> table among them.</param>
    /// <param name="values">A table's values of this measure, [area × Categories + category].</param>
    /// <param name="present">The areas with data, in output order: the rows of every table.</param>
    internal static void ProtectMeasure<TTable>(int measure, IEnumerable<TTable> tables, Func<TTable, long[]> values, int[] present, int k,
        HashSet<(int Measure, Characteristic Characteristic, int Area, int Category)> withheld) where TTable : CharacteristicTable
    {
        var areas = present.Length;
        if (areas == 0) return;
        var totals = new long[areas];
        var linked = new List<LinkedTable>();
        var keys = new List<(Characteristic Characteristic, int[] Cats)>();
        foreach (var f in tables)
        {
            var v = values(f);
            if (f.Characteristic == Characteristic.All)
            {
                for (var a = 0; a < areas; a++) totals[a] = v[present[a]];
                continue;
            }
            var cats = Enumerable.Range(0, f.Categories).Where(c => f.HasData[c]).ToArray();
            if (cats.Length == 0) continue;
            var inner = new long[areas * cats.Length];
            for (var a = 0; a < areas; a++)
                for (var c = 0; c < cats.Length; c++) inner[a * cats.Length + c] = v[present[a] * f.Categories + cats[c]];
            linked.Add(new LinkedTable(ChangeOutput.Name(f.Characteristic), cats.Length, inner));
            keys.Add((f.Characteristic, cats));
        }
        if (linked.Count == 0)
        {
            for (var a = 0; a < areas; a++) if (totals[a] >= 1 && totals[a] < k) withheld.Add((measure, Characteristic.All, present[a], 0));
            return;
        }
        var p = LinkedTables.Protect(linked, totals, areas, k);
        for (var t = 0; t < linked.Count; t++)
            for (var a = 0; a < areas; a++)
                for (var c = 0; c < keys[t].Cats.Length; c++)
                    if (p.IsSuppressed(t, a, c)) withheld.Add((measure, keys[t].Characteristic, present[a], keys[t].Cats[c]));
        for (var a = 0; a < areas; a++) if (p.RowTotalSuppressed(a)) withheld.Add((measure, Characteristic.All, present[a], 0));
    }

    internal static void Row(TextWriter w, StringBuilder line, string area, string period, string measure, string characteristic, string category, long value, bool withheld, DisclosurePolicy policy, ref long rows, ref long suppressed, ref long rounded)
    {
        line.Clear().Append(area).Append(',').Append(period).Append(',').Append(measure).Append(',').Append(characteristic).Append(',').Append(category).Append(',');
        if (withheld) { line.Append(",suppressed"); suppressed++; }
        else if (policy is DisclosurePolicy.Round r) { line.Append(Analytics.Disclosure.Rounding.ToBase(value, r.Base).ToString(CultureInfo.InvariantCulture)).Append(",rounded"); rounded++; }
        else line.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
        w.Write(line.Append('\n'));
        rows++;
    }
}

using Cohesion.Analytics.Change;

namespace Cohesion.Change.Extract;

/// <summary>
/// Good rows waiting to be counted. Rows arrive in file order, which is random by area, and each area's
/// counters are hundreds of kilobytes, so counting straight away misses the cache on nearly every
/// increment. A batch is bucketed by area (a counting sort) and counted one area at a time, while that
/// area's counters are warm.
/// </summary>
sealed class RowBatch(int areas, int capacity = 1 << 16)
{
    readonly record struct Pending(int Area, int RegisteredKey, int DeregisteredKey, int BirthYear, byte Sex, bool Abroad, ushort Ethnic, ushort Language);

    readonly Pending[] _rows = new Pending[capacity];
    readonly Pending[] _sorted = new Pending[capacity];
    readonly int[] _starts = new int[areas + 1];
    int _count;

    public bool IsFull => _count == _rows.Length;

    public void Add(in GpRow row, PeriodKind kind)
    {
        if (row.Ethnic > ushort.MaxValue || row.Language > ushort.MaxValue) throw new InvalidOperationException("more than 65,535 distinct ethnic-group or language codes");
        _rows[_count++] = new Pending(row.Area, Periods.Key(kind, row.RegYear, row.RegMonth),
            row.DeregYear == 0 ? -1 : Periods.Key(kind, row.DeregYear, row.DeregMonth),
            row.BirthYear, (byte)row.Sex, row.Abroad, (ushort)row.Ethnic, (ushort)row.Language);
    }

    public void Flush(RegistrationAccumulator counts)
    {
        if (_count == 0) return;
        Array.Clear(_starts);
        for (var i = 0; i < _count; i++) _starts[_rows[i].Area + 1]++;
        for (var a = 1; a < _starts.Length; a++) _starts[a] += _starts[a - 1];
        for (var i = 0; i < _count; i++) _sorted[_starts[_rows[i].Area]++] = _rows[i];
        for (var i = 0; i < _count; i++)
        {
            ref readonly var r = ref _sorted[i];
            counts.AddKeys(r.Area, r.RegisteredKey, r.DeregisteredKey, r.BirthYear, r.Sex, r.Ethnic, r.Language, r.Abroad);
        }
        _count = 0;
    }
}

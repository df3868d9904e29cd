using System.Numerics;
using Cohesion.Analytics.Change;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Cohesion.Change.Extract;

/// <summary>Why a row was rejected: each reason has its own message and is counted in the provenance.</summary>
public enum RejectReason
{
    FieldCount, PatientId, AreaCode, UnknownArea, RegisteredOn, DeregisteredOn, DeregisteredBeforeRegistered,
    FutureDate, BirthYear, Sex, EthnicGroup, MainLanguage, PreviousAddress, PracticeCode, DuplicateSpell, LineTooLong, NotUtf8,
    // School census (SchoolFormat); the reasons above that are not about a GP column apply to it too.
    PupilId, CensusDate, YearGroup, FirstLanguage, DuplicatePupilCensus,
}

/// <summary>One GP registration spell as parsed from a line, with dates as day numbers and period-free.</summary>
public struct GpRow
{
    public int Area;
    public int RegYear, RegMonth, RegDay, RegDayNumber;
    public int DeregYear, DeregMonth, DeregDay; // DeregYear 0 = still registered
    public int BirthYear; // 0 = not stated
    public int Sex;
    public int Ethnic, Language;
    public bool Abroad;
}

/// <summary>
/// The GP registration extract format (docs/change-formats.md):
/// <c>patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code</c>.
/// Parsing works on the line's UTF-8 bytes and allocates nothing for a good row.
/// </summary>
public static class GpFormat
{
    public const string Header = "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code";
    public static readonly string[] Columns = Header.Split(',');
    public const int MaxPatientId = 64;
    public const int MaxCode = 32;
    public const int MaxPractice = 16;
    public const int MaxLine = 4096;

    /// <summary>The field a reason is about, for messages.</summary>
    public static string Column(RejectReason r) => r switch
    {
        RejectReason.PatientId or RejectReason.DuplicateSpell => "patient_id",
        RejectReason.AreaCode or RejectReason.UnknownArea => "area_code",
        RejectReason.RegisteredOn or RejectReason.FutureDate => "registered_on",
        RejectReason.DeregisteredOn or RejectReason.DeregisteredBeforeRegistered => "deregistered_on",
        RejectReason.BirthYear => "birth_year",
        RejectReason.Sex => "sex",
        RejectReason.EthnicGroup => "ethnic_group",
        RejectReason.MainLanguage => "main_language",
        RejectReason.PreviousAddress => "previous_address",
        RejectReason.PracticeCode => "practice_code",
        _ => "",
    };

    public static string Message(RejectReason r) => r switch
    {
        RejectReason.FieldCount => $"expected {Columns.Length} comma-separated fields (no quotes)",
        RejectReason.NotUtf8 => "the line is not valid UTF-8: save the file as UTF-8",
        RejectReason.PatientId => $"patient_id must be 1-{MaxPatientId} characters",
        RejectReason.AreaCode => "the area code is empty or not a valid code",
        RejectReason.UnknownArea => "unknown area code: not one of the areas of this run",
        RejectReason.RegisteredOn => "registered_on must be a date YYYY-MM-DD",
        RejectReason.DeregisteredOn => "deregistered_on must be empty or a date YYYY-MM-DD",
        RejectReason.DeregisteredBeforeRegistered => "deregistered before registered",
        RejectReason.FutureDate => "a date is after the extract date",
        RejectReason.BirthYear => "birth_year must be empty or a year from 1900 to the year registered",
        RejectReason.Sex => "sex must be F, M, X or U",
        RejectReason.EthnicGroup => $"ethnic_group must be empty or a code of 1-{MaxCode} letters, digits, _ or -",
        RejectReason.MainLanguage => $"main_language must be empty or a code of 1-{MaxCode} letters, digits, _ or -",
        RejectReason.PreviousAddress => "previous_address must be UK, abroad or empty",
        RejectReason.PracticeCode => $"practice_code must be 1-{MaxPractice} letters or digits",
        RejectReason.DuplicateSpell => "duplicate spell: the same patient_id and registered_on appear on another line",
        RejectReason.LineTooLong => $"the line is longer than {MaxLine:N0} bytes",
        _ => r.ToString(),
    };

    /// <summary>Parses and checks one line (without its line break). Returns null when good, else the reason and the bad field's bytes.</summary>
    public static (RejectReason Reason, Range Field)? Parse(ReadOnlySpan<byte> line, AreaIndex areas, CodeInterner ethnic, CodeInterner language, int extractDayNumber, ref GpRow row, out ReadOnlySpan<byte> patientId)
    {
        patientId = default;
        if (line.Length > MaxLine) return (RejectReason.LineTooLong, ..0);
        Span<Range> f = stackalloc Range[11];
        var n = SplitCommas(line, f);
        if (n != 10) return (RejectReason.FieldCount, ..);
        var pid = line[f[0]];
        if (pid.IsEmpty || pid.Length > MaxPatientId) return (RejectReason.PatientId, f[0]);
        patientId = pid;
        var area = line[f[1]];
        if (area.IsEmpty || area.Length > MaxCode) return (RejectReason.AreaCode, f[1]);
        row.Area = areas.Find(line, f[1]);
        if (row.Area < 0) return (RejectReason.UnknownArea, f[1]);
        if (!Date(line[f[2]], out row.RegYear, out row.RegMonth, out row.RegDay)) return (RejectReason.RegisteredOn, f[2]);
        var regDay = row.RegDayNumber = DayNumber(row.RegYear, row.RegMonth, row.RegDay);
        if (regDay > extractDayNumber) return (RejectReason.FutureDate, f[2]);
        var dereg = line[f[3]];
        if (dereg.IsEmpty) row.DeregYear = 0;
        else
        {
            if (!Date(dereg, out row.DeregYear, out row.DeregMonth, out row.DeregDay)) return (RejectReason.DeregisteredOn, f[3]);
            var d = DayNumber(row.DeregYear, row.DeregMonth, row.DeregDay);
            if (d < regDay) return (RejectReason.DeregisteredBeforeRegistered, f[3]);
            if (d > extractDayNumber) return (RejectReason.FutureDate, f[3]);
        }
        var by = line[f[4]];
        if (by.IsEmpty) row.BirthYear = 0;
        else if (by.Length != 4 || !Digits(by, out row.BirthYear) || row.BirthYear < 1900 || row.BirthYear > row.RegYear) return (RejectReason.BirthYear, f[4]);
        row.Sex = Sex(line[f[5]]);
        if (row.Sex < 0) return (RejectReason.Sex, f[5]);
        if (!IsCode(line[f[6]])) return (RejectReason.EthnicGroup, f[6]);
        if (!IsCode(line[f[7]])) return (RejectReason.MainLanguage, f[7]);
        var prev = line[f[8]];
        if (prev.IsEmpty || prev.SequenceEqual("UK"u8)) row.Abroad = false;
        else if (prev.SequenceEqual("abroad"u8)) row.Abroad = true;
        else return (RejectReason.PreviousAddress, f[8]);
        var practice = line[f[9]];
        if (practice.IsEmpty || practice.Length > MaxPractice || !All(practice, Alnum)) return (RejectReason.PracticeCode, f[9]);
        // Interned last, so a rejected row adds no code.
        row.Ethnic = ethnic.Intern(line, f[6]);
        row.Language = language.Intern(line, f[7]);
        return null;
    }

    /// <summary>
    /// Splits on commas into at most <paramref name="fields"/>.Length ranges; returns the count, or a number
    /// other than 10 when there are more fields than that. Extracts are plain CSV without quoted fields: a quote
    /// anywhere makes the row a field-count error (−1). Looks at 32 bytes at a time where the CPU can.
    /// </summary>
    public static int SplitCommas(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var n = 0;
        var start = 0;
        var len = line.Length;
        if (Vector256.IsHardwareAccelerated && len >= Vector256<byte>.Count)
        {
            ref var p = ref MemoryMarshal.GetReference(line);
            var comma = Vector256.Create((byte)',');
            var quote = Vector256.Create((byte)'"');
            for (var i = 0; i < len; i += Vector256<byte>.Count)
            {
                // The last block ends at the line's end and overlaps the one before: drop the bytes already seen.
                var at = Math.Min(i, len - Vector256<byte>.Count);
                var v = Vector256.LoadUnsafe(ref p, (nuint)at);
                var seen = i - at;
                if ((Vector256.Equals(v, quote).ExtractMostSignificantBits() >> seen) != 0) return -1;
                var mask = Vector256.Equals(v, comma).ExtractMostSignificantBits() >> seen << seen;
                while (mask != 0)
                {
                    var c = at + BitOperations.TrailingZeroCount(mask);
                    if (n == fields.Length - 1) return fields.Length;
                    fields[n++] = start..c;
                    start = c + 1;
                    mask &= mask - 1;
                }
            }
            fields[n++] = start..len;
            return n;
        }
        if (line.IndexOf((byte)'"') >= 0) return -1;
        while (n < fields.Length)
        {
            var i = line[start..].IndexOf((byte)',');
            if (i < 0) { fields[n++] = start..line.Length; return n; }
            fields[n++] = start..(start + i);
            start += i + 1;
        }
        return n;
    }

    const byte Alnum = 1, CodeChar = 2;
    // Per byte: 1 for an ASCII letter or digit, 2 for those and _ and -.
    static readonly byte[] Classes = Enumerable.Range(0, 256).Select(b =>
        (byte)(char.IsAsciiLetterOrDigit((char)b) ? Alnum | CodeChar : b is '_' or '-' ? CodeChar : 0)).ToArray();

    static bool All(ReadOnlySpan<byte> s, byte cls)
    {
        var classes = Classes;
        foreach (var b in s) if ((classes[b] & cls) == 0) return false;
        return true;
    }

    /// <summary>F, M, X, U → the index into <see cref="RegistrationAccumulator.Sexes"/>; −1 otherwise.</summary>
    internal static int Sex(ReadOnlySpan<byte> s) => s switch
    {
        [(byte)'F'] => 0,
        [(byte)'M'] => 1,
        [(byte)'X'] => 2,
        [(byte)'U'] => 3,
        _ => -1,
    };

    internal static bool IsCode(ReadOnlySpan<byte> s) => s.Length <= MaxCode && All(s, CodeChar);

    static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = b - (byte)'0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    static uint Digit(ReadOnlySpan<byte> s, int i) => (uint)(s[i] - '0');

    /// <summary>Exactly YYYY-MM-DD, a real calendar date from 1900.</summary>
    public static bool Date(ReadOnlySpan<byte> s, out int y, out int m, out int d)
    {
        y = m = d = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        uint y0 = Digit(s, 0), y1 = Digit(s, 1), y2 = Digit(s, 2), y3 = Digit(s, 3), m0 = Digit(s, 5), m1 = Digit(s, 6), d0 = Digit(s, 8), d1 = Digit(s, 9);
        if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)) return false;
        y = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
        m = (int)(m0 * 10 + m1);
        d = (int)(d0 * 10 + d1);
        return y >= 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    // Day numbers of 1 January for the years most extracts hold, so a date costs two lookups rather than DateOnly's arithmetic.
    const int TableFrom = 1900, TableTo = 2199;
    static readonly int[] YearStarts = Enumerable.Range(TableFrom, TableTo - TableFrom + 1).Select(y => new DateOnly(y, 1, 1).DayNumber).ToArray();
    static readonly int[] MonthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>The day number (as <see cref="DateOnly.DayNumber"/>) of a valid date.</summary>
    public static int DayNumber(int y, int m, int d)
    {
        if ((uint)(y - TableFrom) > TableTo - TableFrom) return new DateOnly(y, m, d).DayNumber;
        return YearStarts[y - TableFrom] + MonthStarts[m - 1] + (m > 2 && DateTime.IsLeapYear(y) ? 1 : 0) + d - 1;
    }
}

using Cohesion.Analytics.Change;

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
        row.Area = areas.Find(area);
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
        var eth = line[f[6]];
        if (!IsCode(eth)) return (RejectReason.EthnicGroup, f[6]);
        var lang = line[f[7]];
        if (!IsCode(lang)) return (RejectReason.MainLanguage, f[7]);
        var prev = line[f[8]];
        if (prev.IsEmpty || prev.SequenceEqual("UK"u8)) row.Abroad = false;
        else if (prev.SequenceEqual("abroad"u8)) row.Abroad = true;
        else return (RejectReason.PreviousAddress, f[8]);
        var practice = line[f[9]];
        if (practice.IsEmpty || practice.Length > MaxPractice || !AllAlnum(practice)) return (RejectReason.PracticeCode, f[9]);
        // Interned last, so a rejected row adds no code.
        row.Ethnic = ethnic.Intern(eth);
        row.Language = language.Intern(lang);
        return null;
    }

    /// <summary>Splits on commas into at most <paramref name="fields"/>.Length ranges; returns the count (capped).
    /// Extracts are plain CSV without quoted fields: a quote anywhere makes the row a field-count error.</summary>
    internal static int SplitCommas(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        if (line.IndexOf((byte)'"') >= 0) return -1;
        var n = 0;
        var start = 0;
        while (n < fields.Length)
        {
            var i = line[start..].IndexOf((byte)',');
            if (i < 0) { fields[n++] = start..line.Length; return n; }
            fields[n++] = start..(start + i);
            start += i + 1;
        }
        return n;
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

    internal static bool IsCode(ReadOnlySpan<byte> s)
    {
        if (s.Length > MaxCode) return false;
        foreach (var b in s)
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == '_' || b == '-')) return false;
        return true;
    }

    static bool AllAlnum(ReadOnlySpan<byte> s)
    {
        foreach (var b in s) if (!char.IsAsciiLetterOrDigit((char)b)) return false;
        return true;
    }

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

    /// <summary>Exactly YYYY-MM-DD, a real calendar date from 1900.</summary>
    public static bool Date(ReadOnlySpan<byte> s, out int y, out int m, out int d)
    {
        y = m = d = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s[..4], out y) || !Digits(s.Slice(5, 2), out m) || !Digits(s.Slice(8, 2), out d)) return false;
        return y >= 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    public static int DayNumber(int y, int m, int d) => new DateOnly(y, m, d).DayNumber;
}

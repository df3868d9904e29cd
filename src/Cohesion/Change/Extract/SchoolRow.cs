using System.IO.Hashing;
using System.Text;

namespace Cohesion.Change.Extract;

/// <summary>One pupil at one census as parsed from a line.</summary>
public struct SchoolRow
{
    public int Area;
    public int CensusDay; // DateOnly.DayNumber
    public int YearGroup; // 0 = Reception, 1..11
    public int Sex;
    public int Ethnic, Language; // 0 = not stated
    public bool Eal;
}

/// <summary>
/// The school census extract format (docs/change-formats.md):
/// <c>pupil_id,area_code,census_date,year_group,sex,ethnic_group,first_language</c>.
/// Parsing works on the line's UTF-8 bytes and allocates nothing for a good row.
/// </summary>
public static class SchoolFormat
{
    public const string Header = "pupil_id,area_code,census_date,year_group,sex,ethnic_group,first_language";
    public static readonly string[] Columns = Header.Split(',');
    public const int MaxPupilId = 64;
    public const int MaxLine = GpFormat.MaxLine;

    /// <summary>The field a reason is about, for messages.</summary>
    public static string Column(RejectReason r) => r switch
    {
        RejectReason.PupilId or RejectReason.DuplicatePupilCensus => "pupil_id",
        RejectReason.AreaCode or RejectReason.UnknownArea => "area_code",
        RejectReason.CensusDate or RejectReason.FutureDate => "census_date",
        RejectReason.YearGroup => "year_group",
        RejectReason.Sex => "sex",
        RejectReason.EthnicGroup => "ethnic_group",
        RejectReason.FirstLanguage => "first_language",
        _ => "",
    };

    public static string Message(RejectReason r) => r switch
    {
        RejectReason.FieldCount => $"expected {Columns.Length} comma-separated fields (no quotes)",
        RejectReason.PupilId => $"pupil_id must be 1-{MaxPupilId} characters",
        RejectReason.CensusDate => "census_date must be a date YYYY-MM-DD",
        RejectReason.FutureDate => "census_date is after the extract date",
        RejectReason.YearGroup => "year_group must be R or 1 to 11",
        RejectReason.FirstLanguage => $"first_language must be empty or a code of 1-{GpFormat.MaxCode} letters, digits, _ or -",
        RejectReason.DuplicatePupilCensus => "duplicate pupil at a census: the same pupil_id and census_date appear on another line",
        _ => GpFormat.Message(r), // the area, sex, ethnic group, encoding and length rules are the GP extract's
    };

    /// <summary>Parses and checks one line (without its line break). Returns null when good, else the reason and the bad field's bytes.</summary>
    public static (RejectReason Reason, Range Field)? Parse(ReadOnlySpan<byte> line, AreaIndex areas, CodeInterner ethnic, CodeInterner language, int extractDayNumber, ref SchoolRow row, out ReadOnlySpan<byte> pupilId)
    {
        pupilId = default;
        if (line.Length > MaxLine) return (RejectReason.LineTooLong, ..0);
        Span<Range> f = stackalloc Range[8];
        if (GpFormat.SplitCommas(line, f) != 7) return (RejectReason.FieldCount, ..);
        var pid = line[f[0]];
        if (pid.IsEmpty || pid.Length > MaxPupilId) return (RejectReason.PupilId, f[0]);
        pupilId = pid;
        var area = line[f[1]];
        if (area.IsEmpty || area.Length > GpFormat.MaxCode) return (RejectReason.AreaCode, f[1]);
        row.Area = areas.Find(area);
        if (row.Area < 0) return (RejectReason.UnknownArea, f[1]);
        if (!GpFormat.Date(line[f[2]], out var y, out var m, out var d)) return (RejectReason.CensusDate, f[2]);
        row.CensusDay = GpFormat.DayNumber(y, m, d);
        if (row.CensusDay > extractDayNumber) return (RejectReason.FutureDate, f[2]);
        row.YearGroup = YearGroup(line[f[3]]);
        if (row.YearGroup < 0) return (RejectReason.YearGroup, f[3]);
        row.Sex = GpFormat.Sex(line[f[4]]);
        if (row.Sex < 0) return (RejectReason.Sex, f[4]);
        var eth = line[f[5]];
        if (!GpFormat.IsCode(eth)) return (RejectReason.EthnicGroup, f[5]);
        var lang = line[f[6]];
        if (!GpFormat.IsCode(lang)) return (RejectReason.FirstLanguage, f[6]);
        // English as an additional language: a stated first language other than English. The code is compared
        // without regard to case, so an extract that writes ENG does not make every pupil EAL.
        row.Eal = !lang.IsEmpty && !Ascii.EqualsIgnoreCase(lang, "eng"u8);
        // Interned last, so a rejected row adds no code.
        row.Ethnic = ethnic.Intern(eth);
        row.Language = language.Intern(lang);
        return null;
    }

    /// <summary>R (Reception) → 0, 1 … 11 → 1 … 11 (no leading zeros or spaces); −1 otherwise.</summary>
    static int YearGroup(ReadOnlySpan<byte> s) => s switch
    {
        [(byte)'R'] => 0,
        [var d] when d is >= (byte)'1' and <= (byte)'9' => d - '0',
        [(byte)'1', var d] when d is (byte)'0' or (byte)'1' => 10 + d - '0',
        _ => -1,
    };

    /// <summary>
    /// The 128-bit key that links a pupil's censuses: XXH128 of the pupil_id's bytes. It is stable across runs
    /// and machines, and wide enough that two different pupils sharing a key is not a practical concern
    /// (about n²/2¹²⁹: under 10⁻²³ for 100 million pupils). The identifier itself is never kept.
    /// </summary>
    public static UInt128 PupilKey(ReadOnlySpan<byte> pupilId) => XxHash128.HashToUInt128(pupilId);
}

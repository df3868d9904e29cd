namespace Cohesion.Change.Generate;

/// <summary>
/// Writes a synthetic school census extract (docs/change-formats.md): one row per pupil per January census
/// from --from to --to, in census order. Pupils persist from census to census, moving up a year group
/// (R, 1 … 11) and leaving after year 11; some move area, some leave the place, and new pupils start in
/// Reception or join later, some from abroad. Every pupil is made up.
/// </summary>
/// <remarks>
/// A pupil's whole school life is a function of the seed and the pupil's number alone, so a census can be
/// written by recomputing each pupil's life and taking that census's row: the file comes out in census order
/// (as annual returns put together would) in constant memory, and blocks can be written in parallel.
/// </remarks>
public sealed class SchoolCensusGenerator
{
    public const string Header = "pupil_id,area_code,census_date,year_group,sex,ethnic_group,first_language";

    /// <summary>Pupils per block: a block is one census of a run of pupils.</summary>
    public const int BlockPupils = 4096;
    const int MaxRowBytes = 96;
    const int YearGroups = 12; // R, 1..11
    const ulong Purpose = 2;
    const double MoveArea = 0.04, NotStatedEthnic = 0.03, NotStatedLanguage = 0.01;

    enum Kind { Initial, Reception, JoinerUk, JoinerAbroad, Rapid }

    readonly Scenario _s;
    readonly GenerateOptions _o;
    readonly DateOnly[] _censuses;
    readonly byte[][] _censusText;
    readonly int _rapidCensus;
    readonly double[] _kindUpTo;
    readonly ulong _idKey;
    readonly long _pupils;
    readonly int _lastPupilRows;

    public IReadOnlyList<DateOnly> Censuses => _censuses;
    public long Pupils => _pupils;
    /// <summary>The census at which the rapid-change pupils join.</summary>
    public DateOnly RapidCensus => _censuses[_rapidCensus];

    public SchoolCensusGenerator(Scenario scenario)
    {
        _s = scenario;
        _o = scenario.Options;
        _censuses = CensusDates(_o.From, _o.To).ToArray();
        if (_censuses.Length == 0) throw new ArgumentException("no January census date between --from and --to");
        _censusText = _censuses.Select(d => System.Text.Encoding.ASCII.GetBytes(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var rapid = Array.FindIndex(_censuses, d => d.Year == scenario.RapidYear + 1);
        _rapidCensus = rapid >= 0 ? rapid : _censuses.Length - 1;

        // In units of one year group's pupils: twelve year groups at the first census; each later census a new
        // Reception class and joiners (about 4% of all pupils a year) to make up for those who leave the place.
        var later = _censuses.Length - 1;
        double[] weights = [YearGroups, later, later * YearGroups * 0.025, later * YearGroups * 0.015, 0.25 * YearGroups * scenario.RapidShare];
        var total = weights.Sum();
        _kindUpTo = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) _kindUpTo[i] = (sum += weights[i]) / total;
        _kindUpTo[^1] = 1;
        _idKey = Rng.Mix(_o.Seed ^ 0x7075_7069_6C73_0000UL);

        // Pupils until their rows reach --rows; the last one's school life is cut short to make the count exact.
        Span<int> areas = stackalloc int[_censuses.Length];
        long rows = 0, pupil = 0;
        while (true)
        {
            var p = Life(pupil++, areas);
            var n = p.Exit - p.Entry;
            if (rows + n >= _o.Rows) { _lastPupilRows = (int)(_o.Rows - rows); break; }
            rows += n;
        }
        _pupils = pupil;
    }

    /// <summary>The spring school census is taken on the third Thursday of January.</summary>
    public static IEnumerable<DateOnly> CensusDates(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            var jan1 = new DateOnly(year, 1, 1);
            var date = jan1.AddDays(((int)DayOfWeek.Thursday - (int)jan1.DayOfWeek + 7) % 7 + 14);
            if (date >= from && date <= to) yield return date;
        }
    }

    long PupilBlocks => (_pupils + BlockPupils - 1) / BlockPupils;

    public long Write(Stream output, CancellationToken ct = default)
    {
        var header = System.Text.Encoding.ASCII.GetBytes(Header + "\n");
        output.Write(header);
        return header.Length + BlockWriter.Run(_censuses.Length * PupilBlocks, BlockPupils * MaxRowBytes, FillBlock, output, _o.Threads, ct);
    }

    struct Pupil
    {
        public int Entry, Exit, FirstYearGroup, Group;
        public byte Sex;
        public byte[] GroupCode, Language;
    }

    /// <summary>One pupil's school life; <paramref name="areas"/> gets the area at each census attended.</summary>
    Pupil Life(long index, Span<int> areas)
    {
        var rng = Rng.For(_o.Seed, Purpose, (ulong)index);
        var later = _censuses.Length - 1;
        var u = rng.NextDouble();
        var kind = u < _kindUpTo[0] ? Kind.Initial : u < _kindUpTo[1] ? Kind.Reception : u < _kindUpTo[2] ? Kind.JoinerUk : u < _kindUpTo[3] ? Kind.JoinerAbroad : Kind.Rapid;
        Pupil p = default;
        int area;
        double leave;
        LanguageTable languages;
        switch (kind)
        {
            case Kind.Initial or Kind.Reception or Kind.JoinerUk:
                area = _s.Population.Next(ref rng);
                p.Group = _s.ChildrenIn[area].Next(ref rng);
                (p.Entry, p.FirstYearGroup) = kind switch
                {
                    Kind.Initial => (0, rng.Below(YearGroups)),
                    Kind.Reception => (1 + rng.Below(later), 0),
                    _ => (1 + rng.Below(later), 1 + rng.Below(YearGroups - 1)),
                };
                (leave, languages) = (kind == Kind.JoinerUk ? 0.06 : 0.03, _s.School(area, p.Group));
                break;
            case Kind.JoinerAbroad:
                area = _s.ArrivalAreas.Next(ref rng);
                p.Group = _s.ArrivalGroupsIn[area].Next(ref rng);
                // More joiners from abroad in later years for the growing groups and areas.
                var c = _s.Emerging[area] ? 4.0 : Vocabulary.Groups[p.Group].ArrivalsGrowing ? 2.0 : 0;
                var x = rng.NextDouble();
                if (c > 0) x = (Math.Sqrt(1 + x * c * (2 + c)) - 1) / c;
                p.Entry = 1 + Math.Min(later - 1, (int)(x * later));
                p.FirstYearGroup = rng.Below(YearGroups);
                (leave, languages) = (0.10, _s.ArrivalLanguages[p.Group]);
                break;
            default:
                area = _s.RapidAreas[rng.Below(_s.RapidAreas.Length)];
                var d = _s.DispersalGroups.Next(ref rng);
                p.Group = _s.DispersalGroupIndex[d];
                p.Entry = _rapidCensus;
                p.FirstYearGroup = rng.Below(YearGroups);
                (leave, languages) = (0.35, _s.DispersalLanguages[d]);
                break;
        }
        p.Sex = rng.Chance(0.488) ? (byte)'F' : (byte)'M';
        p.GroupCode = rng.Chance(NotStatedEthnic) ? [] : _s.GroupCodes[p.Group];
        p.Language = languages.Next(ref rng);
        if (rng.Chance(NotStatedLanguage)) p.Language = [];

        var census = p.Entry;
        while (true)
        {
            areas[census++] = area;
            if (census == _censuses.Length || p.FirstYearGroup + census - p.Entry >= YearGroups || rng.Chance(leave)) break;
            if (rng.Chance(MoveArea)) area = _s.Population.Next(ref rng);
        }
        p.Exit = census;
        return p;
    }

    /// <summary>Block <paramref name="block"/> (census block / pupil blocks, pupils block % pupil blocks) into <paramref name="buffer"/>.</summary>
    public int FillBlock(long block, byte[] buffer)
    {
        var census = (int)(block / PupilBlocks);
        var first = block % PupilBlocks * BlockPupils;
        var last = Math.Min(_pupils, first + BlockPupils);
        Span<int> areas = stackalloc int[_censuses.Length];
        var span = buffer.AsSpan();
        var pos = 0;
        for (var i = first; i < last; i++)
        {
            var p = Life(i, areas);
            if (census < p.Entry || census >= p.Exit || (i == _pupils - 1 && census - p.Entry >= _lastPupilRows)) continue;
            var row = span.Slice(pos, MaxRowBytes);
            var n = Ascii.Hex16(row, Rng.Mix((ulong)i ^ _idKey));
            row[n++] = (byte)',';
            n += Ascii.Put(row[n..], _s.AreaCodes[areas[census]]);
            row[n++] = (byte)',';
            n += Ascii.Put(row[n..], _censusText[census]);
            row[n++] = (byte)',';
            var yearGroup = p.FirstYearGroup + census - p.Entry;
            if (yearGroup == 0) row[n++] = (byte)'R';
            else n += Ascii.Small(row[n..], yearGroup);
            row[n++] = (byte)',';
            row[n++] = p.Sex;
            row[n++] = (byte)',';
            n += Ascii.Put(row[n..], p.GroupCode);
            row[n++] = (byte)',';
            n += Ascii.Put(row[n..], p.Language);
            row[n++] = (byte)'\n';
            pos += n;
        }
        return pos;
    }
}

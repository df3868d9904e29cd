namespace Cohesion.Change.Generate;

/// <summary>
/// Writes a synthetic GP registration extract (docs/change-formats.md), one row per registration spell, drawn
/// around a place's Census 2011 population. Every patient and every row is made up.
/// </summary>
/// <remarks>
/// Each patient is one of five kinds, whose shares follow from the length of the window so that the registered
/// population stays roughly level while people come and go:
/// <list type="bullet">
/// <item>already registered when the window opens (their registered_on falls in its first year);</item>
/// <item>births, registered in their first year of life;</item>
/// <item>moves from elsewhere in the UK;</item>
/// <item>arrivals from abroad, rising over the years for some groups and in a few "emerging" areas, and
/// falling during 2020-04 to 2021-03 (travel restrictions);</item>
/// <item>a burst of arrivals in the scenario's rapid-change areas in its rapid-change year.</item>
/// </list>
/// A spell ends after an exponentially distributed time (leaving the list: moving away, emigrating, dying);
/// a fifth of those who leave register again later, as a new spell with the same patient_id.
/// </remarks>
public sealed class GpExtractGenerator
{
    public const string Header = "patient_id,area_code,registered_on,deregistered_on,birth_year,sex,ethnic_group,main_language,previous_address,practice_code";

    /// <summary>Rows per block: a block's content depends only on the seed and its number.</summary>
    public const int BlockRows = 8192;
    const int MaxRowBytes = 128;
    const ulong Purpose = 1;

    enum Kind { Established, Birth, Mover, Arrival, Rapid }

    // Yearly chance of leaving the list, by kind; the very old also die.
    const double EstablishedHazard = 0.045, BirthHazard = 0.05, MoverHazard = 0.12, ArrivalHazard = 0.2, RapidHazard = 0.6;
    const double ReRegister = 0.2, NotStatedEthnic = 0.05, NotStatedLanguage = 0.03;

    readonly Scenario _s;
    readonly GenerateOptions _o;
    readonly DateText _dates;
    readonly int _days, _openingDays, _rapidStart, _rapidDays, _covidStart, _covidEnd;
    readonly double[] _kindUpTo;
    readonly ulong _idKey;

    public GpExtractGenerator(Scenario scenario)
    {
        _s = scenario;
        _o = scenario.Options;
        _dates = new DateText(_o.From, _o.To);
        _days = _dates.Days;
        _openingDays = Math.Min(_days, 365);
        var rapidFrom = Math.Max(_o.From.DayNumber, new DateOnly(scenario.RapidYear, 1, 1).DayNumber);
        var rapidTo = Math.Min(_o.To.DayNumber, new DateOnly(scenario.RapidYear, 12, 31).DayNumber);
        (_rapidStart, _rapidDays) = (rapidFrom - _o.From.DayNumber, rapidTo - rapidFrom + 1);
        _covidStart = new DateOnly(2020, 4, 1).DayNumber - _o.From.DayNumber;
        _covidEnd = new DateOnly(2021, 3, 31).DayNumber - _o.From.DayNumber;

        // Flows in a year replace about 6% of the list: the established share is what is left over the window.
        var years = _days / 365.25;
        var established = 1 / (1 + 0.06 * years);
        // The burst adds about a third of the rapid-change areas' registered population within one year.
        var rapid = 0.3 * established * scenario.RapidShare;
        var flows = 1 - established - rapid;
        _kindUpTo = [established, established + 0.2 * flows, established + 0.8 * flows, established + flows, 1];
        _idKey = Rng.Mix(_o.Seed ^ 0x6770_7061_7469_656EUL);
    }

    public long Blocks => (_o.Rows + BlockRows - 1) / BlockRows;

    /// <summary>Writes the header and every row; returns the bytes written.</summary>
    public long Write(Stream output, CancellationToken ct = default)
    {
        var header = System.Text.Encoding.ASCII.GetBytes(Header + "\n");
        output.Write(header);
        return header.Length + BlockWriter.Run(Blocks, BlockRows * MaxRowBytes, FillBlock, output, _o.Threads, ct);
    }

    /// <summary>Block <paramref name="block"/>'s rows into <paramref name="buffer"/>; returns the bytes used.</summary>
    public int FillBlock(long block, byte[] buffer)
    {
        var rng = Rng.For(_o.Seed, Purpose, (ulong)block);
        var rows = (int)Math.Min(BlockRows, _o.Rows - block * BlockRows);
        // A patient has at least one row, so numbering patients from block × BlockRows keeps them distinct across blocks.
        var patient = block * BlockRows;
        var span = buffer.AsSpan();
        var pos = 0;
        var done = 0;
        while (done < rows)
        {
            var id = Rng.Mix((ulong)patient++ ^ _idKey);
            var u = rng.NextDouble();
            var kind = u < _kindUpTo[0] ? Kind.Established : u < _kindUpTo[1] ? Kind.Birth : u < _kindUpTo[2] ? Kind.Mover : u < _kindUpTo[3] ? Kind.Arrival : Kind.Rapid;
            int area, group, reg, age;
            double hazard;
            byte previous; // 0 empty, 1 UK, 2 abroad
            LanguageTable languages;
            switch (kind)
            {
                case Kind.Established:
                    area = _s.Population.Next(ref rng);
                    group = _s.GroupsIn[area].Next(ref rng);
                    reg = rng.Below(_openingDays);
                    age = _s.AgesByProfile[(int)Vocabulary.Groups[group].Ages].Next(ref rng);
                    (hazard, previous, languages) = (EstablishedHazard, rng.Chance(0.3) ? (byte)1 : (byte)0, _s.Settled(area, group));
                    break;
                case Kind.Birth:
                    area = _s.Population.Next(ref rng);
                    group = _s.ChildrenIn[area].Next(ref rng);
                    reg = rng.Below(_days);
                    age = 0;
                    (hazard, previous, languages) = (BirthHazard, (byte)0, _s.Settled(area, group));
                    break;
                case Kind.Mover:
                    area = _s.Population.Next(ref rng);
                    group = _s.GroupsIn[area].Next(ref rng);
                    reg = rng.Below(_days);
                    age = _s.AgesByProfile[(int)AgeProfile.Mover].Next(ref rng);
                    (hazard, previous, languages) = (MoverHazard, rng.Chance(0.92) ? (byte)1 : (byte)0, _s.Settled(area, group));
                    break;
                case Kind.Arrival:
                    area = _s.ArrivalAreas.Next(ref rng);
                    group = _s.ArrivalGroupsIn[area].Next(ref rng);
                    reg = ArrivalDay(ref rng, _s.Emerging[area] ? 4 : Vocabulary.Groups[group].ArrivalsGrowing ? 2 : 0);
                    age = _s.AgesByProfile[(int)AgeProfile.Arrival].Next(ref rng);
                    (hazard, previous, languages) = (ArrivalHazard, rng.Chance(0.9) ? (byte)2 : (byte)0, _s.ArrivalLanguages[group]);
                    break;
                default:
                    area = _s.RapidAreas[rng.Below(_s.RapidAreas.Length)];
                    var d = _s.DispersalGroups.Next(ref rng);
                    group = _s.DispersalGroupIndex[d];
                    reg = _rapidStart + rng.Below(_rapidDays);
                    age = _s.AgesByProfile[(int)AgeProfile.Arrival].Next(ref rng);
                    (hazard, previous, languages) = (RapidHazard, rng.Chance(0.92) ? (byte)2 : (byte)0, _s.DispersalLanguages[d]);
                    break;
            }
            var birthYear = Math.Max(1900, _dates.Year(reg) - age);
            hazard += age >= 85 ? 0.15 : age >= 75 ? 0.05 : 0;
            var su = rng.NextDouble();
            var sex = su < 0.503 ? (byte)'F' : su < 0.9965 ? (byte)'M' : su < 0.9975 ? (byte)'X' : (byte)'U';
            var groupCode = rng.Chance(NotStatedEthnic) ? [] : _s.GroupCodes[group];
            var language = languages.Next(ref rng);
            if (rng.Chance(NotStatedLanguage)) language = [];

            while (true)
            {
                var practice = _s.PracticeFor(area, ref rng);
                var length = 1 + rng.Exponential(365.25 / hazard);
                var open = reg + length >= _days;
                var dereg = open ? -1 : reg + (int)length;

                var row = span.Slice(pos, MaxRowBytes);
                var p = Ascii.Hex16(row, id);
                row[p++] = (byte)',';
                p += Ascii.Put(row[p..], _s.AreaCodes[area]);
                row[p++] = (byte)',';
                p += _dates.Write(row[p..], reg);
                row[p++] = (byte)',';
                if (!open) p += _dates.Write(row[p..], dereg);
                row[p++] = (byte)',';
                p += Ascii.Small(row[p..], birthYear);
                row[p++] = (byte)',';
                row[p++] = sex;
                row[p++] = (byte)',';
                p += Ascii.Put(row[p..], groupCode);
                row[p++] = (byte)',';
                p += Ascii.Put(row[p..], language);
                row[p++] = (byte)',';
                p += Ascii.Put(row[p..], previous switch { 1 => "UK"u8, 2 => "abroad"u8, _ => default });
                row[p++] = (byte)',';
                p += Ascii.Put(row[p..], _s.PracticeCodes[practice]);
                row[p++] = (byte)'\n';
                pos += p;

                if (++done == rows || open || !rng.Chance(ReRegister)) break;
                // Registering again later: a new spell, never on the same day, so (patient_id, registered_on) stays unique.
                var next = dereg + 1 + rng.Exponential(150);
                if (next >= _days) break;
                reg = (int)next;
                if (rng.Chance(0.5)) area = _s.Population.Next(ref rng);
                var pu = rng.NextDouble();
                previous = pu < 0.85 ? (byte)1 : pu < 0.95 ? (byte)2 : (byte)0;
                hazard = MoverHazard + (age >= 85 ? 0.15 : age >= 75 ? 0.05 : 0);
            }
        }
        return pos;
    }

    /// <summary>
    /// A day in the window for an arrival from abroad: with <paramref name="growth"/> c &gt; 0 the density rises
    /// linearly from 1 to 1 + c across the window (inverse of the CDF (x + cx²/2)/(1 + c/2)); 70% of draws that
    /// land between April 2020 and March 2021 are drawn again.
    /// </summary>
    int ArrivalDay(ref Rng rng, double growth)
    {
        var day = 0;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var u = rng.NextDouble();
            var x = growth > 0 ? (Math.Sqrt(1 + u * growth * (2 + growth)) - 1) / growth : u;
            day = Math.Min(_days - 1, (int)(x * _days));
            if (day < _covidStart || day > _covidEnd || rng.Chance(0.3)) break;
        }
        return day;
    }
}

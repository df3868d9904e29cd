using System.Text;
using Cohesion.Cli;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Places.Import;

namespace Cohesion.Change.Generate;

/// <summary>
/// A district's LSOAs and their Census 2011 population by ethnic group, read from the shipped census file:
/// the real basis the synthetic extracts are drawn around.
/// </summary>
public sealed class PlaceModel
{
    public required string District { get; init; }
    /// <summary>LSOA codes in MSOA order, so neighbouring indexes are (roughly) neighbouring areas.</summary>
    public required string[] Codes { get; init; }
    public required long[] Persons { get; init; }
    /// <summary>Usual residents by LSOA and group: [lsoa × <see cref="Vocabulary.GroupCount"/> + group].</summary>
    public required long[] Counts { get; init; }

    public int Areas => Codes.Length;
    public long Population => Persons.Sum();

    public static string CensusPath => Path.Combine(DemoPlace.SeedDir, Census2011.FileName);

    public double Share(int area, int group) => Persons[area] == 0 ? 0 : (double)Counts[area * Vocabulary.GroupCount + group] / Persons[area];

    /// <summary>Reads the LSOAs of the district named <paramref name="place"/> (case-insensitive); an unknown name is a <see cref="CliException"/> with suggestions.</summary>
    public static PlaceModel Load(string place, string? censusPath = null)
    {
        censusPath ??= CensusPath;
        var rows = new List<(string Msoa, string Lsoa, long Persons, long[] Counts)>();
        string? district = null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var csv = StrictCsv.Open(censusPath))
        {
            var (lsoaCol, persons, msoaCol, ladCol) = (Column(csv, "LSOA"), Column(csv, "Persons"), Column(csv, "MSOA"), Column(csv, "LAD"));
            var groupCols = Vocabulary.Groups.Select(g => Column(csv, g.CensusColumn)).ToArray();
            while (csv.Read())
            {
                var r = csv.Record;
                if (r.Length != csv.Header.Length) throw ImportFailedException.One(csv.FileName, csv.Line, null, null, $"expected {csv.Header.Length} fields");
                var lad = r[ladCol].Trim();
                names.Add(lad);
                if (!string.Equals(lad, place.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
                district = lad;
                rows.Add((r[msoaCol].Trim(), r[lsoaCol].Trim(), Count(csv, r, persons), groupCols.Select(c => Count(csv, r, c)).ToArray()));
            }
        }
        if (district is null) throw new CliException(UnknownPlace(place, names));
        rows.Sort((a, b) => a.Msoa != b.Msoa ? string.CompareOrdinal(a.Msoa, b.Msoa) : string.CompareOrdinal(a.Lsoa, b.Lsoa));
        return new PlaceModel
        {
            District = district,
            Codes = rows.Select(r => r.Lsoa).ToArray(),
            Persons = rows.Select(r => r.Persons).ToArray(),
            Counts = rows.SelectMany(r => r.Counts).ToArray(),
        };
    }

    /// <summary>Every district in the census file with its number of LSOAs and population, by name.</summary>
    public static List<(string Name, int Lsoas, long Persons)> Districts(string? censusPath = null)
    {
        var d = new SortedDictionary<string, (int Lsoas, long Persons)>(StringComparer.OrdinalIgnoreCase);
        using var csv = StrictCsv.Open(censusPath ?? CensusPath);
        var (ladCol, persons) = (Column(csv, "LAD"), Column(csv, "Persons"));
        while (csv.Read())
        {
            var lad = csv.Record[ladCol].Trim();
            var (n, p) = d.GetValueOrDefault(lad);
            d[lad] = (n + 1, p + Count(csv, csv.Record, persons));
        }
        return d.Select(kv => (kv.Key, kv.Value.Lsoas, kv.Value.Persons)).ToList();
    }

    static string UnknownPlace(string place, HashSet<string> names)
    {
        var text = place.Trim();
        var like = names.Where(n => text.Length >= 3 && (n.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(n, StringComparison.OrdinalIgnoreCase)
                || n.StartsWith(text[..3], StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var sb = new StringBuilder($"unknown place '{place}': --place takes the name of a local authority district of England or Wales as the Census 2011 file writes it (e.g. Oldham, Tower Hamlets, Leicester).");
        if (like.Count > 0) sb.Append($" Did you mean: {string.Join(", ", like)}?");
        sb.Append($" List all {names.Count} with: cohesion generate places [TEXT]");
        return sb.ToString();
    }

    static int Column(StrictCsv csv, string name)
    {
        var i = csv.ColumnIndex(name);
        return i >= 0 ? i : throw ImportFailedException.One(csv.FileName, 1, name, null, "the census file has no such column");
    }

    static long Count(StrictCsv csv, string[] r, int col) =>
        long.TryParse(r[col].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
        : throw ImportFailedException.One(csv.FileName, csv.Line, csv.Header[col], r[col], "a count must be a whole number of 0 or more");
}

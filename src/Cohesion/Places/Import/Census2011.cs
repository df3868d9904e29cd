using System.Text;
using Cohesion.Imports;

namespace Cohesion.Places.Import;

/// <summary>
/// The shipped Census 2011 ethnic-group file (ONS, KS201EW groups as compiled in the MLID package):
/// one row per LSOA with its MSOA, district name and region name. Builds both the area tree and the counts.
/// </summary>
public static class Census2011
{
    public const string DatasetName = "census2011-ethnicity";
    public const string Period = "2011";
    public const string FileName = "ew2011_lsoa_ethnicity_mlid.csv";
    /// <summary>The same groups by output area for five districts (Oldham, Bradford, Leicester, Tower Hamlets, Blackburn with Darwen).</summary>
    public const string OutputAreaFileName = "ew2011_oa_ethnicity_5LAs_mlid.csv";
    public const string ResidualCategory = "GypsyTravellerResidual";
    public const string Attribution = "Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains 2011 Census data © Crown copyright.";
    public const string TotalCategory = "Persons";

    static readonly string[] Header = ["LSOA", "Persons", "WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese", "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other", "MSOA", "LAD", "RGN", "GypsyTravellerResidual"];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Persons"] = "All usual residents",
        ["WhiteBrit"] = "White British",
        ["Irish"] = "White Irish",
        ["OtherWhite"] = "Other White",
        ["Mixed"] = "Mixed or multiple ethnic groups",
        ["Indian"] = "Indian",
        ["Pakistani"] = "Pakistani",
        ["Bangladeshi"] = "Bangladeshi",
        ["Chinese"] = "Chinese",
        ["OtherAsian"] = "Other Asian",
        ["BlkAfrican"] = "Black African",
        ["BlkCaribbean"] = "Black Caribbean",
        ["OtherBlk"] = "Other Black",
        ["Arab"] = "Arab",
        ["Other"] = "Any other ethnic group",
        ["GypsyTravellerResidual"] = "Gypsy or Irish Traveller",
    };

    /// <summary>ONS codes of the English regions and the two nations; the file names regions only.</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionCodes = new Dictionary<string, string>
    {
        ["North East"] = "E12000001", ["North West"] = "E12000002", ["Yorkshire and The Humber"] = "E12000003",
        ["East Midlands"] = "E12000004", ["West Midlands"] = "E12000005", ["East of England"] = "E12000006",
        ["London"] = "E12000007", ["South East"] = "E12000008", ["South West"] = "E12000009",
    };
    public const string EnglandCode = "E92000001";
    public const string WalesCode = "W92000004";

    public static CountImportOptions Options(bool replace) => new()
    {
        Dataset = DatasetName,
        Period = Period,
        Title = "Census 2011: usual residents by ethnic group",
        Source = "Office for National Statistics, 2011 Census (KS201EW), as compiled in the MLID R package",
        Licence = "Open Government Licence v3.0",
        Attribution = Attribution,
        TotalColumn = TotalCategory,
        Labels = Labels,
        Replace = replace,
    };

    /// <summary>
    /// The code for a district. The file gives district names only: known ONS codes are used where the
    /// product ships them (e.g. Oldham's, from the ward lookup) and otherwise a surrogate <c>LAD:name</c>.
    /// </summary>
    public static string DistrictCode(string name, IReadOnlyDictionary<string, string> known)
    {
        if (known.TryGetValue(name, out var code)) return code;
        var slug = new StringBuilder("LAD:");
        foreach (var ch in name.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (slug[^1] != '-' && slug[^1] != ':') slug.Append('-');
        var s = slug.ToString().TrimEnd('-');
        return s.Length <= PlacesLimits.CodeLength ? s : s[..PlacesLimits.CodeLength];
    }

    public sealed record Result(List<AreaRow> Areas, CountTable Counts, int Districts);

    static readonly string[] OutputAreaHeader = ["OA", "Persons", "WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese", "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other", "LSOA", "MSOA", "LAD", "RGN"];

    /// <summary>
    /// Reads the output-area file for the districts <paramref name="include"/> accepts: each OA becomes a child of its
    /// LSOA, which must already be loaded (<paramref name="knownLsoas"/>). The file has no Gypsy or Irish Traveller
    /// column, so, as in the LSOA file, that group is Persons minus the listed groups; a negative residual is an error.
    /// </summary>
    public static Result ReadOutputAreas(string path, Func<string, bool> include, IReadOnlySet<string> knownLsoas)
    {
        using var csv = StrictCsv.Open(path);
        csv.RequireHeader(OutputAreaHeader);
        var errors = new ImportErrors(csv.FileName);
        var areas = new Dictionary<string, AreaRow>(StringComparer.OrdinalIgnoreCase);
        List<string> categories = [.. OutputAreaHeader[1..16], ResidualCategory];
        var cells = new List<CountCell>();
        long rows = 0;
        var districts = new HashSet<string>();
        var values = new long[15];
        while (csv.Read())
        {
            rows++;
            var r = csv.Record;
            if (r.Length != OutputAreaHeader.Length) { errors.Add(csv.Line, null, null, $"expected {OutputAreaHeader.Length} fields, found {r.Length}"); continue; }
            var lad = r[18].Trim();
            if (!include(lad)) continue;
            var (oa, lsoa) = (r[0].Trim(), r[16].Trim());
            if (!AreaImport.IsValidCode(oa)) { errors.Add(csv.Line, "OA", oa, "not a valid area code"); continue; }
            if (!knownLsoas.Contains(lsoa)) { errors.Add(csv.Line, "LSOA", lsoa, "this LSOA is not loaded: output areas are loaded with their district's LSOAs"); continue; }
            if (areas.ContainsKey(oa)) { errors.Add(csv.Line, "OA", oa, "duplicate row: the output area appears twice"); continue; }
            districts.Add(lad);
            var ok = true;
            for (var k = 0; k < 15; k++)
            {
                var t = r[k + 1].Trim();
                if (!long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out values[k]))
                {
                    errors.Add(csv.Line, OutputAreaHeader[k + 1], t, "a count must be a whole number of 0 or more");
                    ok = false;
                }
            }
            if (!ok) continue;
            var residual = values[0] - values.AsSpan(1).ToArray().Sum();
            if (residual < 0) { errors.Add(csv.Line, "Persons", values[0].ToString(System.Globalization.CultureInfo.InvariantCulture), $"smaller than the sum of the groups ({values[0] - residual})"); continue; }
            areas[oa] = new AreaRow(csv.Line, oa, oa, AreaLevel.OutputArea, lsoa, []);
            for (var k = 0; k < 15; k++) cells.Add(new CountCell(csv.Line, oa, k, values[k]));
            cells.Add(new CountCell(csv.Line, oa, 15, residual));
        }
        if (districts.Count == 0) errors.Add(null, "LAD", null, "no output areas for the chosen district(s): the file covers Blackburn with Darwen, Bradford, Leicester, Oldham and Tower Hamlets");
        errors.ThrowIfAny();
        return new Result(areas.Values.ToList(), new CountTable(csv.FileName, categories, cells, rows), districts.Count);
    }

    /// <summary>Reads the file for the districts <paramref name="include"/> accepts.</summary>
    /// <param name="withRegions">Add regions and nations above districts: only when all districts are loaded, so their sums are whole.</param>
    public static Result Read(string path, Func<string, bool> include, bool withRegions,
        IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> districtCodes)
    {
        using var csv = StrictCsv.Open(path);
        csv.RequireHeader(Header);
        var errors = new ImportErrors(csv.FileName);
        var areas = new Dictionary<string, AreaRow>(StringComparer.OrdinalIgnoreCase);
        var countCols = Enumerable.Range(1, 15).Append(19).ToArray();
        var categories = countCols.Select(i => Header[i]).ToList();
        var cells = new List<CountCell>();
        long rows = 0;
        var districts = new HashSet<string>();
        string Name(string code) => names.GetValueOrDefault(code, code);
        void Add(AreaRow r) => areas.TryAdd(r.Code, r);
        while (csv.Read())
        {
            rows++;
            var r = csv.Record;
            if (r.Length != Header.Length) { errors.Add(csv.Line, null, null, $"expected {Header.Length} fields, found {r.Length}"); continue; }
            var lad = r[17].Trim();
            if (!include(lad)) continue;
            var (lsoa, msoa, rgn) = (r[0].Trim(), r[16].Trim(), r[18].Trim());
            if (!AreaImport.IsValidCode(lsoa)) { errors.Add(csv.Line, "LSOA", lsoa, "not a valid area code"); continue; }
            if (!AreaImport.IsValidCode(msoa)) { errors.Add(csv.Line, "MSOA", msoa, "not a valid area code"); continue; }
            if (areas.ContainsKey(lsoa)) { errors.Add(csv.Line, "LSOA", lsoa, "duplicate row: the LSOA appears twice"); continue; }
            var ladCode = DistrictCode(lad, districtCodes);
            districts.Add(lad);
            string? ladParent = null;
            if (withRegions)
            {
                var wales = lsoa.StartsWith('W');
                if (wales) ladParent = WalesCode;
                else if (RegionCodes.TryGetValue(rgn, out var rc)) { ladParent = rc; Add(new AreaRow(csv.Line, rc, rgn, AreaLevel.Region, EnglandCode, [])); }
                else { errors.Add(csv.Line, "RGN", rgn, "unknown region name"); continue; }
                Add(new AreaRow(csv.Line, wales ? WalesCode : EnglandCode, wales ? "Wales" : "England", AreaLevel.Nation, null, []));
            }
            Add(new AreaRow(csv.Line, ladCode, lad, AreaLevel.LocalAuthority, ladParent, []));
            Add(new AreaRow(csv.Line, msoa, Name(msoa), AreaLevel.Msoa, ladCode, []));
            Add(new AreaRow(csv.Line, lsoa, Name(lsoa), AreaLevel.Lsoa, msoa, []));
            for (var k = 0; k < countCols.Length; k++)
            {
                var t = r[countCols[k]].Trim();
                if (long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
                    cells.Add(new CountCell(csv.Line, lsoa, k, v));
                else errors.Add(csv.Line, Header[countCols[k]], t, "a count must be a whole number of 0 or more");
            }
        }
        if (districts.Count == 0) errors.Add(null, "LAD", null, "no rows for the chosen district(s): check the names (e.g. \"Oldham\", \"Tower Hamlets\")");
        errors.ThrowIfAny();
        return new Result(areas.Values.ToList(), new CountTable(csv.FileName, categories, cells, rows), districts.Count);
    }
}

namespace Cohesion.Places;

/// <summary>Levels from the smallest to the largest; the numeric order is used to check parents are larger.</summary>
public enum AreaLevel
{
    OutputArea = 10,
    DataZone = 11,
    Lsoa = 20,
    Msoa = 30,
    IntermediateZone = 31,
    Ward = 40,
    LocalAuthority = 50,
    HealthBoard = 51,
    Region = 60,
    Nation = 70,
}

public static class AreaLevels
{
    static readonly Dictionary<string, AreaLevel> ByToken = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OA"] = AreaLevel.OutputArea, ["OutputArea"] = AreaLevel.OutputArea,
        ["DZ"] = AreaLevel.DataZone, ["DataZone"] = AreaLevel.DataZone,
        ["LSOA"] = AreaLevel.Lsoa,
        ["MSOA"] = AreaLevel.Msoa,
        ["IZ"] = AreaLevel.IntermediateZone, ["IntermediateZone"] = AreaLevel.IntermediateZone,
        ["WARD"] = AreaLevel.Ward, ["WD"] = AreaLevel.Ward,
        ["LAD"] = AreaLevel.LocalAuthority, ["LA"] = AreaLevel.LocalAuthority, ["LocalAuthority"] = AreaLevel.LocalAuthority,
        ["HB"] = AreaLevel.HealthBoard, ["HealthBoard"] = AreaLevel.HealthBoard,
        ["RGN"] = AreaLevel.Region, ["Region"] = AreaLevel.Region,
        ["CTRY"] = AreaLevel.Nation, ["Nation"] = AreaLevel.Nation, ["Country"] = AreaLevel.Nation,
    };

    public static bool TryParse(string? token, out AreaLevel level) =>
        ByToken.TryGetValue(token?.Trim() ?? "", out level);

    /// <summary>The short token used in files, URLs and the API.</summary>
    public static string Token(this AreaLevel level) => level switch
    {
        AreaLevel.OutputArea => "OA",
        AreaLevel.DataZone => "DZ",
        AreaLevel.Lsoa => "LSOA",
        AreaLevel.Msoa => "MSOA",
        AreaLevel.IntermediateZone => "IZ",
        AreaLevel.Ward => "WARD",
        AreaLevel.LocalAuthority => "LAD",
        AreaLevel.HealthBoard => "HB",
        AreaLevel.Region => "RGN",
        AreaLevel.Nation => "CTRY",
        _ => level.ToString(),
    };

    /// <summary>Plain-English name for pages.</summary>
    public static string Label(this AreaLevel level) => level switch
    {
        AreaLevel.OutputArea => "Output area",
        AreaLevel.DataZone => "Data zone",
        AreaLevel.Lsoa => "LSOA",
        AreaLevel.Msoa => "MSOA",
        AreaLevel.IntermediateZone => "Intermediate zone",
        AreaLevel.Ward => "Ward",
        AreaLevel.LocalAuthority => "Local authority",
        AreaLevel.HealthBoard => "Health board",
        AreaLevel.Region => "Region",
        AreaLevel.Nation => "Nation",
        _ => level.ToString(),
    };

    /// <summary>Lower-case plural for running text: "141 LSOAs", "20 wards".</summary>
    public static string Plural(this AreaLevel level, int n)
    {
        var label = level.Label();
        if (label != label.ToUpperInvariant()) label = label.ToLowerInvariant();
        return n == 1 ? label : label + "s";
    }

    public static string AllTokens => "OA, DZ, LSOA, MSOA, IZ, WARD, LAD, HB, RGN, CTRY";
}

namespace Cohesion.Change.Read;

/// <summary>The measures a map or ranking can show, by the names the CSV, API and pages use.</summary>
public sealed record MapMeasure(string Name, string Label, string Unit, bool IsRate, bool School);

public static class ChangeMeasureNames
{
    public static readonly MapMeasure[] All =
    [
        new("stock", "Registered at the end of the period", "people", false, false),
        new("inflow", "Registrations in the period", "people", false, false),
        new("outflow", "Deregistrations in the period", "people", false, false),
        new("arrivals", "Arrivals from abroad in the period", "people", false, false),
        new("churn_per_1000", "Churn: registrations and deregistrations per 1,000 registered at the start", "per 1,000", true, false),
        new("arrivals_per_1000", "Arrivals from abroad per 1,000 registered at the start", "per 1,000", true, false),
        new("pupils", "Pupils at the census", "pupils", false, true),
        new("new_to_area", "Pupils new to the area since the previous census", "pupils", false, true),
        new("eal", "Pupils with English as an additional language", "pupils", false, true),
        new("new_to_area_percent", "Pupils new to the area, % of pupils", "%", true, true),
        new("eal_percent", "Pupils with English as an additional language, % of pupils", "%", true, true),
    ];

    public static MapMeasure? Find(string? name, bool school) => All.FirstOrDefault(m => m.Name == name && m.School == school);

    /// <summary>The value of a named measure for an area, period and category slot.</summary>
    public static double? Value(ChangeCube c, string name, int areaId, int p, int slot) => name switch
    {
        "stock" => c.Get(areaId, p, StoredMeasure.Stock, slot),
        "inflow" => c.Get(areaId, p, StoredMeasure.Inflow, slot),
        "outflow" => c.Get(areaId, p, StoredMeasure.Outflow, slot),
        "arrivals" => c.Get(areaId, p, StoredMeasure.Arrivals, slot),
        "churn_per_1000" => c.Churn(areaId, p, slot),
        "arrivals_per_1000" => c.Rate(areaId, p, StoredMeasure.Arrivals, StoredMeasure.StartStock, slot),
        "pupils" => c.Get(areaId, p, StoredMeasure.Pupils, slot),
        "new_to_area" => c.Get(areaId, p, StoredMeasure.NewToArea, slot),
        "eal" => c.Get(areaId, p, StoredMeasure.Eal, slot),
        "new_to_area_percent" => c.Rate(areaId, p, StoredMeasure.NewToArea, StoredMeasure.Pupils, slot, 100),
        "eal_percent" => c.Rate(areaId, p, StoredMeasure.Eal, StoredMeasure.Pupils, slot, 100),
        _ => throw new ArgumentException($"unknown measure {name}", nameof(name)),
    };
}

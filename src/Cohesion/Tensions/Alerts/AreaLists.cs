using Cohesion.Admin;
using Cohesion.Places;

namespace Cohesion.Tensions.Alerts;

/// <summary>The areas early warning works on, for filters and forms: each district, then its wards by name.</summary>
public static class AreaLists
{
    public static List<Choice> WardsAndDistricts(PlaceDirectory places, string? all = null)
    {
        var list = all is null ? new List<Choice>() : [new Choice("", all)];
        foreach (var d in places.Districts)
        {
            list.Add(new Choice(d.Code, $"{d.Name} (whole district)"));
            list.AddRange(places.Descendants(d).Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new Choice(a.Code, a.Name)));
        }
        return list;
    }
}

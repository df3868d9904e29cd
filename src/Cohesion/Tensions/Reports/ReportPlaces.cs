using System.Globalization;
using Cohesion.Admin;
using Cohesion.Places;
using Cohesion.Tensions.Watch;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// Where and when a report is, at the grain each viewer may see: the area it was logged in (a small area, a ward or the
/// district) or only its ward; the moment or only its ISO week (Monday start, by the Europe/London date).
/// </summary>
public static class ReportPlaces
{
    /// <summary>A report may be logged against the district, one of its wards or one of its small areas (LSOAs).</summary>
    public static bool Reportable(AreaInfo a) => a.Level is AreaLevel.LocalAuthority or AreaLevel.Ward or AreaLevel.Lsoa;

    /// <summary>The ward an area is in (itself for a ward); the district for the district or an area no ward holds.</summary>
    public static AreaInfo Ward(PlaceDirectory places, AreaInfo a)
    {
        if (a.Level is AreaLevel.Ward or AreaLevel.LocalAuthority) return a;
        return places.Groups(a).FirstOrDefault(g => g.Level == AreaLevel.Ward) ?? places.District(a) ?? a;
    }

    /// <summary>The ids of the area and everything reported inside it (a ward's small areas; the district's wards and small areas).</summary>
    public static HashSet<int> Within(PlaceDirectory places, AreaInfo a) => [a.Id, .. places.Descendants(a).Select(d => d.Id)];

    /// <summary>Monday of the ISO week the moment falls in, by the UK calendar date.</summary>
    public static DateOnly WeekStart(DateTime utc) => Weeks.Monday(Weeks.LocalDate(utc));

    /// <summary>The ISO week as 2026-W05 (the week-numbering year, which differs from the calendar year around New Year).</summary>
    public static string IsoWeek(DateOnly monday) => Weeks.Iso(Weeks.Index(monday));

    public static string WeekText(DateOnly monday) => $"Week {IsoWeek(monday)} (from Monday {monday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})";

    public sealed record Group(string Label, IReadOnlyList<AreaInfo> Areas);

    /// <summary>The areas of each district for a report's area select: the district, then each ward followed by its small areas.</summary>
    public static IReadOnlyList<Group> Choices(PlaceDirectory places, bool smallAreas = true)
    {
        var groups = new List<Group>();
        foreach (var d in places.Districts)
        {
            var wards = places.ChildrenOf[d.Id].Select(i => places.ById[i]).Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (wards.Count == 0) continue;
            groups.Add(new Group($"{d.Name}: the whole district", [d]));
            foreach (var w in wards)
            {
                var inside = smallAreas
                    ? places.MembersOf[w.Id].Select(i => places.ById[i]).Where(a => a.Level == AreaLevel.Lsoa).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList()
                    : [];
                groups.Add(new Group($"{w.Name} ward", [w, .. inside]));
            }
        }
        return groups;
    }

    /// <summary>A select's choices of the district and its wards (filters, media items, leads), after a first empty choice.</summary>
    public static IReadOnlyList<Cohesion.Admin.Choice> WardChoices(PlaceDirectory places, string none) =>
        [new("", none), .. Choices(places, smallAreas: false).SelectMany(g => g.Areas).Select(a => new Cohesion.Admin.Choice(a.Code, OptionText(a)))];

    /// <summary>An area's name as the select shows it: a ward as "the whole ward", a small area with its code.</summary>
    public static string OptionText(AreaInfo a) => a.Level switch
    {
        AreaLevel.Ward => $"{a.Name}: the whole ward",
        AreaLevel.LocalAuthority => $"{a.Name}: the whole district",
        _ => $"{a.Name} ({a.Code})",
    };
}

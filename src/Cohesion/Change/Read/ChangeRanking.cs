using Cohesion.Places;

namespace Cohesion.Change.Read;

/// <summary>One small area in a district's ranking for a period.</summary>
public sealed record RankedArea(int Id, string Code, string Name, GpPoint? Gp, SchoolPoint? School, IReadOnlyList<ChangeFlagView> Flags);

/// <summary>The district views: its small areas in a period with their figures and flags, and an area's profile.</summary>
public static class ChangeRanking
{
    /// <summary>The district's small areas that have figures, in code order.</summary>
    public static List<AreaInfo> SmallAreas(ChangeCube c, PlaceDirectory dir, AreaInfo district) =>
        dir.Descendants(district).Where(a => a.Level is AreaLevel.Lsoa or AreaLevel.DataZone or AreaLevel.OutputArea && c.HasArea(a.Id))
            .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

    public static List<RankedArea> Rows(ChangeCube c, PlaceDirectory dir, AreaInfo district, int p)
    {
        var areas = SmallAreas(c, dir, district);
        var flags = ChangeFlags.For(c, areas.Select(a => a.Id).ToArray(), p);
        var school = c.Dataset.Kind == DatasetKind.SchoolCensus;
        return areas.Select((a, i) => new RankedArea(a.Id, a.Code, a.Name, school ? null : ChangeViews.Gp(c, a.Id, p), school ? ChangeViews.School(c, a.Id, p) : null, flags[i])).ToList();
    }

    /// <summary>An area's profile; the structure, languages and ethnicity are for period <paramref name="p"/> (default the latest).</summary>
    public static ChangeAreaProfile Profile(ChangeCube c, PlaceDirectory dir, AreaInfo area, DatasetView? census, ChangeAbout about, int? period = null)
    {
        var p = period ?? c.Periods.Length - 1;
        var school = c.Dataset.Kind == DatasetKind.SchoolCensus;
        var (sex, age) = school ? (ChangeViews.Composition(c, area.Id, p, "sex"), []) : ChangeViews.Structure(c, area.Id, p);
        var ethnic = ChangeViews.Composition(c, area.Id, p, "ethnic_group");
        var censusShares = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (census is not null && census.Stats.TryGetValue(area.Id, out var st))
            for (var k = 0; k < census.Groups.Count; k++)
                if (double.IsFinite(st.Share(k))) censusShares[census.Groups[k].Code] = st.Share(k) * 100;
        var comparison = ethnic.Select(e => new EthnicComparison(e.Code, e.Label, e.Count, e.Percent, censusShares.TryGetValue(e.Code, out var v) ? v : null)).ToList();
        return new ChangeAreaProfile(about, area.Code, area.Name, dir.District(area)?.Code, c.Periods.Length > 0 ? c.Periods[p] : "",
            school ? null : ChangeViews.GpSeries(c, area.Id), school ? ChangeViews.SchoolSeries(c, area.Id) : null,
            sex, age, ChangeViews.Composition(c, area.Id, p, "main_language"), comparison,
            ChangeViews.DiversitySeries(c, area.Id, "ethnic_group"), ChangeViews.DiversitySeries(c, area.Id, "main_language"));
    }
}

using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys;

/// <summary>The areas a survey's respondents pick where they live from: the survey area's areas at its residence level.</summary>
public static class ResidenceAreas
{
    public sealed record Choice(int Id, string Code, string Name);

    /// <summary>
    /// The areas at <see cref="Survey.ResidenceLevel"/> inside the survey's area, by name. Wards are found through the
    /// LSOA → ward lookup (they do not nest in the statistical hierarchy); LSOAs and MSOAs through parents. When the
    /// survey's area is itself at the residence level, it is the only choice.
    /// </summary>
    public static async Task<IReadOnlyList<Choice>> ForAsync(CohesionDb db, Survey survey, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == survey.AreaId, ct);
        if (area.Level == survey.ResidenceLevel) return [new(area.Id, area.Code, area.Name)];
        var lsoas = await LsoasInAsync(db, area, ct);
        IQueryable<Area> q = survey.ResidenceLevel switch
        {
            AreaLevel.Lsoa => db.Areas.Where(a => lsoas.Contains(a.Id)),
            AreaLevel.Msoa => db.Areas.Where(a => a.Level == AreaLevel.Msoa && db.Areas.Any(l => lsoas.Contains(l.Id) && l.ParentId == a.Id)),
            AreaLevel.Ward => db.Areas.Where(a => a.Level == AreaLevel.Ward && db.AreaGroupings.Any(g => g.GroupId == a.Id && lsoas.Contains(g.AreaId))),
            _ => db.Areas.Where(a => false),
        };
        var list = await q.AsNoTracking().Select(a => new Choice(a.Id, a.Code, a.Name)).ToListAsync(ct);
        return list.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Code → id, for <see cref="Answers.Parse"/> and <see cref="ResponseWriter.Add"/>.</summary>
    public static Dictionary<string, int> ByCode(IEnumerable<Choice> choices) => choices.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The LSOAs in an area: itself when an LSOA, its children when an MSOA, its lookup members when a ward, two levels down for a district.</summary>
    static async Task<List<int>> LsoasInAsync(CohesionDb db, Area area, CancellationToken ct) => area.Level switch
    {
        AreaLevel.Lsoa => [area.Id],
        AreaLevel.Msoa => await db.Areas.Where(a => a.ParentId == area.Id && a.Level == AreaLevel.Lsoa).Select(a => a.Id).ToListAsync(ct),
        AreaLevel.Ward => await db.AreaGroupings.Where(g => g.GroupId == area.Id).Select(g => g.AreaId).ToListAsync(ct),
        _ => await db.Areas.Where(a => a.Level == AreaLevel.Lsoa && a.Parent!.ParentId == area.Id).Select(a => a.Id).ToListAsync(ct),
    };
}

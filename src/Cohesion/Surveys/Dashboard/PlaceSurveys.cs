using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Dashboard;

/// <summary>
/// The surveys of a place that a viewer may see (<see cref="SurveyAccess.Visible"/>: published ones, and their own
/// organisation's), with their results, in period order, and every organisation's targets for the place. A survey
/// the viewer may not see is never loaded, so it cannot reach a figure, a chart or a download they get.
/// </summary>
public sealed class PlaceSurveys
{
    /// <summary>Surveys of one place read at most; a place has a handful (one a year or two), so this only bounds the work.</summary>
    public const int MaxSurveys = 60;

    public required Area Area { get; init; }
    public required IReadOnlyList<SurveyAndResults> Surveys { get; init; }
    public required IReadOnlyList<TargetView> Targets { get; init; }
    public required int MinimumBase { get; init; }

    public bool AnySynthetic => Surveys.Any(s => s.Survey.IsSynthetic);
    public bool AnyUnpublished => Surveys.Any(s => !s.Survey.IsPublished);

    /// <summary>The place and its surveys, or null when no area has the code.</summary>
    public static async Task<PlaceSurveys?> LoadAsync(CohesionDb db, SurveyResultsCache cache, string areaCode, Viewer viewer, CancellationToken ct)
    {
        var code = areaCode.Trim();
        if (code.Length is 0 or > 32) return null;
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (area is null) return null;
        var surveys = await SurveyAccess.Visible(db, viewer).Where(s => s.AreaId == area.Id)
            .Include(s => s.Questions).Include(s => s.LocalItems).AsSplitQuery()
            .OrderByDescending(s => s.CreatedAt).Take(MaxSurveys).ToListAsync(ct);
        var results = new List<SurveyAndResults>(surveys.Count);
        foreach (var s in surveys.OrderBy(s => s.Period, SurveyPeriods.Comparer).ThenBy(s => s.CreatedAt).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            s.Area = area;
            results.Add(new SurveyAndResults(s, await cache.GetAsync(db, s, ct)));
        }
        return new PlaceSurveys { Area = area, Surveys = results, Targets = await TargetsAsync(db, area.Id, ct), MinimumBase = cache.MinimumBase };
    }

    /// <summary>Every organisation's targets for the area, by indicator, then period, then organisation.</summary>
    public static async Task<IReadOnlyList<TargetView>> TargetsAsync(CohesionDb db, int areaId, CancellationToken ct)
    {
        var rows = await db.SurveyTargets.AsNoTracking().Where(t => t.AreaId == areaId)
            .Join(db.Organisations, t => t.OwnerOrganisationId, o => o.Id, (t, o) => new { Target = t, o.Name }).ToListAsync(ct);
        return rows.Select(r => new TargetView(r.Target, r.Name))
            .OrderBy(t => IndicatorOrder(t.Target.Indicator))
            .ThenBy(t => t.Target.ByPeriod, SurveyPeriods.Comparer).ThenBy(t => t.Organisation, StringComparer.OrdinalIgnoreCase).ToList();
    }

    static readonly Dictionary<string, int> Order = ItemBank.Indicators.All.Select((i, k) => (i.Code, k)).ToDictionary(x => x.Code, x => x.k, StringComparer.Ordinal);

    /// <summary>An indicator's place in the bank's order (an unknown code last).</summary>
    public static int IndicatorOrder(string code) => Order.GetValueOrDefault(code, int.MaxValue);
}

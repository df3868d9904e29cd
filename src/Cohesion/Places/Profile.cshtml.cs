using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

/// <summary>Where an area stands among the areas of the same level in its district on one measure.</summary>
public sealed record Position(string Measure, string GlossaryId, string Unit, double? Value, double? DistrictValue, int? Rank, int Of);

public sealed record GroupRow(string Label, long Count, double Share, double? DistrictShare);

public sealed class ProfileModel(CohesionDb db, AreaStatsCache cache) : PageModel
{
    public AreaInfo Area { get; private set; } = null!;
    public AreaInfo? District { get; private set; }
    public IReadOnlyList<AreaInfo> Ancestors { get; private set; } = [];
    public IReadOnlyList<AreaInfo> AlsoIn { get; private set; } = [];
    public IReadOnlyList<AreaRowView> Children { get; private set; } = [];
    public AreaStats? Stats { get; private set; }
    public List<GroupRow> Groups { get; private set; } = [];
    public List<Position> Positions { get; private set; } = [];
    public int Peers { get; private set; }
    public Attribution Attribution { get; private set; } = null!;
    /// <summary>Surveys of this area the viewer may see: when there are any, the profile links to their indicators over time.</summary>
    public int Surveys { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        if (dir.Find(code) is not { } area) return NotFound();
        Area = area;
        Ancestors = dir.Ancestors(area).Reverse().ToList();
        AlsoIn = dir.Groups(area).ToList();
        District = dir.District(area);
        Surveys = await Cohesion.Surveys.SurveyAccess.Visible(db, Cohesion.Sharing.Viewer.Of(User)).CountAsync(s => s.AreaId == area.Id, ct);
        var data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        Attribution = Sources.Census(data);
        Children = dir.Children(area).Select(c => DistrictTable.Row(c, data)).ToList();
        Stats = data is not null && data.Stats.TryGetValue(area.Id, out var st) ? st : null;
        if (data is null || Stats is null) return Page();

        var districtStats = District is not null && District.Id != area.Id && data.Stats.TryGetValue(District.Id, out var ds) ? ds : null;
        Groups = data.Groups.Select((g, k) => new GroupRow(g.Label, Stats.Counts[k], Stats.Share(k), districtStats?.Share(k)))
            .OrderByDescending(g => g.Count).ToList();

        // Ranks among the district's areas of the same level.
        var peers = District is null || District.Id == area.Id ? [] : dir.Descendants(District).Where(a => a.Level == area.Level).ToList();
        Peers = peers.Count;
        foreach (var (key, label, unit) in DistrictTable.Measures(data))
        {
            var value = DistrictTable.MeasureValue(key, area, data);
            var districtValue = District is null || District.Id == area.Id ? null : DistrictTable.MeasureValue(key, District, data);
            int? rank = null;
            if (value is { } v && peers.Count > 0)
                rank = 1 + peers.Count(p => DistrictTable.MeasureValue(key, p, data) is { } pv && pv > v);
            var glossary = key.StartsWith("share:", StringComparison.Ordinal) ? "share" : key == "population" ? "usual-residents" : key;
            Positions.Add(new Position(label, glossary, unit, value, districtValue, rank, peers.Count));
        }
        return Page();
    }

    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}

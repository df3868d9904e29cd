using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Home;

public sealed record DistrictSummary(string Code, string Name, long? Population, int Lsoas, double? Simpson);
public sealed record Capability(int Id, string Name, string Description, string? Href);

public sealed class IndexModel(CohesionDb db, AreaStatsCache cache) : PageModel
{
    public List<DistrictSummary> Districts { get; private set; } = [];
    public Attribution Attribution { get; private set; } = Sources.Census(null);

    public static readonly Capability[] All =
    [
        new(1, "Places", "Areas from small neighbourhoods to districts, with their population and diversity, on a map.", "/places"),
        new(2, "Community change", "How the population of each area is changing, from GP registrations and the school census.", "/change"),
        new(3, "Safe sharing", "Data-sharing agreements and disclosure control wherever figures leave their owner.", null),
        new(4, "Measuring cohesion", "Surveys of whether people from different backgrounds get on, with honest uncertainty.", null),
        new(5, "Place Standard", "How people rate the quality of their place on 14 themes.", "/place-standard"),
        new(6, "Community assets", "A directory of the groups, services, spaces and offers a community has.", null),
        new(7, "Tensions and early warning", "Incident and tension monitoring that spots rising trouble early.", null),
        new(8, "Good-relations work", "Initiatives, events and stories of change, and what they achieve.", null),
        new(9, "Impact assessment", "Cohesion impact assessment of funding decisions and service changes.", null),
        new(10, "New-arrivals pathway", "From arrival to GP registration, measured.", null),
        new(11, "Service equity and workforce", "Who uses a service, and who works in it, compared with who lives here.", null),
    ];

    public IReadOnlyList<Capability> Capabilities => All;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var dir = await cache.DirectoryAsync(db, ct);
        var data = await cache.DatasetAsync(db, PlacesApi.DefaultDataset, null, ct);
        Attribution = Sources.Census(data);
        Districts = dir.Districts.Select(d =>
        {
            var st = data is not null && data.Stats.TryGetValue(d.Id, out var s) ? s : null;
            var lsoas = dir.Descendants(d).Count(a => a.Level == AreaLevel.Lsoa);
            return new DistrictSummary(d.Code, d.Name, st?.Total, lsoas, st is not null && double.IsFinite(st.Simpson) ? st.Simpson : null);
        }).ToList();
    }
}

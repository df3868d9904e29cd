using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// Reports written straight into a test app's database with the model (as the reports pages will), leads made as
/// an administrator would, and detection run at a fixed time through the app's own runner.
/// </summary>
public static class WatchFixture
{
    /// <summary>Starts the app with the worker off, so only the test runs detection, and at the times it chooses.</summary>
    public static Task<TestApp> StartAsync(DatabaseProvider provider, params string[] extra) =>
        TestApp.StartAsync(provider, ["--Cohesion:Tensions:Worker", "false", .. extra]);

    public static async Task<PlaceDirectory> PlacesAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        return await app.App.Services.GetRequiredService<AreaStatsCache>().DirectoryAsync(db);
    }

    /// <summary>Two Oldham wards by name, with an LSOA of each, so reports can be placed in a small area as they usually are.</summary>
    public static async Task<(AreaInfo Ward, AreaInfo Lsoa, AreaInfo OtherWard, AreaInfo OtherLsoa, AreaInfo District)> AreasAsync(TestApp app)
    {
        var places = await PlacesAsync(app);
        var rollup = new AreaRollup(places);
        var district = places.Find(DemoPlace.DistrictCode)!;
        var wards = rollup.Wards(district);
        AreaInfo LsoaOf(AreaInfo ward) => places.InCodeOrder(AreaLevel.Lsoa).First(l => rollup.WardOf(l)?.Id == ward.Id);
        return (wards[0], LsoaOf(wards[0]), wards[1], LsoaOf(wards[1]), district);
    }

    public static async Task<int> OrganisationAsync(TestApp app, string name = "Test partner")
    {
        await using var db = app.Database.Context();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name);
        if (org is not null) return org.Id;
        org = new Organisation { Name = name, Kind = OrganisationKind.Council };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    public static async Task<User> LeadAsync(TestApp app, string email, AreaInfo area, bool emailAlerts = false, string organisation = "Test partner")
    {
        var (user, _) = await SignIn.CreateUserAsync(app, email, Role.Contributor, organisation);
        await using var db = app.Database.Context();
        db.MonitoringLeads.Add(new MonitoringLead { UserId = user.Id, AreaId = area.Id, EmailAlerts = emailAlerts, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Adds <paramref name="n"/> reports at <paramref name="at"/> (UTC).</summary>
    public static async Task AddAsync(TestApp app, int organisationId, AreaInfo area, DateTime at, int n = 1, ReportType type = ReportType.CommunityDispute,
        Strands strands = Strands.None, ReportTriage triage = ReportTriage.Accepted, bool synthetic = false)
    {
        await using var db = app.Database.Context();
        for (var i = 0; i < n; i++)
            db.TensionReports.Add(new TensionReport
            {
                Id = Guid.NewGuid(), OwnerOrganisationId = organisationId, OccurredAt = DateTime.SpecifyKind(at, DateTimeKind.Utc), AreaId = area.Id, Type = type,
                Strands = strands, Source = ReportSource.Partner, Channel = ReportChannel.Form, Triage = triage, Description = "Test report",
                IsSynthetic = synthetic, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1,
            });
        await db.SaveChangesAsync();
    }

    /// <summary>A Wednesday noon (UTC) <paramref name="weeks"/> weeks after the week of <paramref name="monday"/>.</summary>
    public static DateTime Midweek(DateOnly monday, int weeks) => monday.AddDays(7 * weeks + 2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    public static DetectionRunner Runner(TestApp app) => app.App.Services.GetRequiredService<DetectionRunner>();
}

using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Watch;

/// <summary>Who an alert reaches: the monitoring leads of its area and of every area above it (a ward's alert reaches the district's leads too).</summary>
public static class AlertRouting
{
    public static async Task<List<MonitoringLead>> LeadsForAsync(CohesionDb db, PlaceDirectory places, int areaId, CancellationToken ct)
    {
        var chain = new List<int> { areaId };
        if (places.ById.GetValueOrDefault(areaId) is { } a) chain.AddRange(places.Ancestors(a).Select(x => x.Id));
        var leads = await db.MonitoringLeads.AsNoTracking().Where(l => chain.Contains(l.AreaId)).ToListAsync(ct);
        // A user who leads both the ward and the district gets one message, by e-mail if either asks for it.
        return [.. leads.GroupBy(l => l.UserId).Select(g => g.OrderByDescending(l => l.EmailAlerts).First())];
    }

    /// <summary>Whether a user leads monitoring for the area or one above it.</summary>
    public static async Task<bool> LeadsAsync(CohesionDb db, PlaceDirectory places, int? userId, int areaId, CancellationToken ct)
    {
        if (userId is not { } u) return false;
        var chain = new List<int> { areaId };
        if (places.ById.GetValueOrDefault(areaId) is { } a) chain.AddRange(places.Ancestors(a).Select(x => x.Id));
        return await db.MonitoringLeads.AnyAsync(l => l.UserId == u && chain.Contains(l.AreaId), ct);
    }

    /// <summary>Whether a user is a monitoring lead anywhere (sees exact counts).</summary>
    public static Task<bool> IsLeadAsync(CohesionDb db, int? userId, CancellationToken ct) =>
        userId is { } u ? db.MonitoringLeads.AnyAsync(l => l.UserId == u, ct) : Task.FromResult(false);
}

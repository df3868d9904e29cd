using Cohesion.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cohesion.Web;

/// <summary>Ready when the database answers: what a load balancer or an operator polls.</summary>
sealed class DatabaseHealthCheck(CohesionDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}

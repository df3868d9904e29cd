using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Reports;

/// <summary>A report as checked from a form, a CSV row or an API body, ready to write.</summary>
public sealed record ReportInput(
    string? ClientId, DateTime OccurredAt, int AreaId, string? ExactLocation, double? Latitude, double? Longitude,
    ReportType Type, Strands Strands, TensionFactors Factors, ReportSource Source, string Description, int? PeopleAffected,
    IReadOnlyList<Guid> Links, ReporterInput? Reporter);

/// <summary>Who reported, when they gave anything; stored apart from the report (<see cref="ReportReporter"/>).</summary>
public sealed record ReporterInput(string? Name, string? Email, string? Phone, bool MayContact)
{
    public bool IsEmpty => Name is null && Email is null && Phone is null;
}

namespace Cohesion.Tensions.Model;

/// <summary>
/// One incident or tension report. Its owner organisation (the one that logged it, or the district's monitoring
/// organisation for public reports) sees it whole; everyone else sees it blurred to its ward and week, without the
/// description, exact place or reporter (<c>Tensions/Reports/ReportAccess</c>).
/// </summary>
public sealed class TensionReport
{
    public Guid Id { get; set; }
    /// <summary>The id the sending system gave it (API and CSV): a retried submission with the same id is the same report.</summary>
    public string? ClientId { get; set; }
    public int OwnerOrganisationId { get; set; }
    /// <summary>When it happened (UTC); never in the future.</summary>
    public DateTime OccurredAt { get; set; }
    /// <summary>The Cohesion area it happened in: a small area (LSOA) where known, else a ward or the district.</summary>
    public int AreaId { get; set; }
    /// <summary>The exact place in words (street, building), for the owner only.</summary>
    public string? ExactLocation { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public ReportType Type { get; set; }
    public Strands Strands { get; set; }
    public TensionFactors Factors { get; set; }
    public ReportSource Source { get; set; }
    public ReportChannel Channel { get; set; }
    public ReportTriage Triage { get; set; }
    public string Description { get; set; } = "";
    public int? PeopleAffected { get; set; }
    /// <summary>The user who logged it (none for public and API reports).</summary>
    public int? CreatedByUserId { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped by every edit.</summary>
    public int Version { get; set; }
    public List<ReportLink> Links { get; set; } = [];
}

/// <summary>A link from one report to another it is connected with (same incident seen by two partners, a follow-up).</summary>
public sealed class ReportLink
{
    public Guid ReportId { get; set; }
    public Guid LinkedReportId { get; set; }
}

/// <summary>
/// Who reported: kept apart from the report so that no query of reports can carry it by accident; readable only by the
/// owner organisation's monitoring leads, and every read audited. Anonymous reports have none.
/// </summary>
public sealed class ReportReporter
{
    public Guid ReportId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>May the owner contact them about the report.</summary>
    public bool MayContact { get; set; }
}

namespace Cohesion.Assets.Model;

/// <summary>A place services are delivered from (HSDS location with its one physical address).</summary>
public sealed class Location
{
    public Guid Id { get; set; }
    public Guid? OrganisationId { get; set; }
    public LocationKind Kind { get; set; } = LocationKind.Physical;
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    /// <summary>WGS84; searches by distance use these.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The smallest Cohesion area the point falls in (an LSOA where boundaries are loaded), for area filters and gap analysis.</summary>
    public int? AreaId { get; set; }
    public string? Transportation { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Accessibility> Accessibility { get; set; } = [];
}

/// <summary>A service delivered at a location (HSDS service_at_location).</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    public string? Description { get; set; }
}

/// <summary>What a location offers disabled people (HSDS accessibility): step-free access, hearing loop, accessible toilet…</summary>
public sealed class Accessibility
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public required string Description { get; set; }
    public string? Details { get; set; }
    public string? Url { get; set; }
}

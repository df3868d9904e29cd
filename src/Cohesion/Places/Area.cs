namespace Cohesion.Places;

/// <summary>A geographic area at one level of the statistical or administrative hierarchy.</summary>
public sealed class Area
{
    public int Id { get; set; }
    /// <summary>ONS/NRS code, e.g. E01005320; areas without an official code carry a documented surrogate.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AreaLevel Level { get; set; }
    /// <summary>The primary (statistical) parent: OA → LSOA → MSOA → LAD → region → nation.</summary>
    public int? ParentId { get; set; }
    public Area? Parent { get; set; }
}

/// <summary>
/// A secondary membership, e.g. an LSOA placed in an electoral ward by the best-fit lookup.
/// Kept apart from <see cref="Area.ParentId"/> because wards and MSOAs do not nest.
/// </summary>
public sealed class AreaGrouping
{
    public int AreaId { get; set; }
    public int GroupId { get; set; }
    public Area? Area { get; set; }
    public Area? Group { get; set; }
}

/// <summary>An area's boundary as GeoJSON geometry (WGS84) with its bounding box.</summary>
public sealed class AreaBoundary
{
    public int AreaId { get; set; }
    public required string GeometryJson { get; set; }
    public double MinLon { get; set; }
    public double MinLat { get; set; }
    public double MaxLon { get; set; }
    public double MaxLat { get; set; }
}

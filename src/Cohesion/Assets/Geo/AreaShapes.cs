using System.Text.Json;
using Cohesion.Analytics.Geography;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Geo;

/// <summary>An area's boundary as polygons, with its centroid and bounding box.</summary>
public sealed record AreaShape(int AreaId, IReadOnlyList<Polygon> Polygons, GeoPoint Centroid, double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public bool Contains(GeoPoint p) =>
        p.Latitude >= MinLat && p.Latitude <= MaxLat && p.Longitude >= MinLon && p.Longitude <= MaxLon && Polygons.Any(x => x.Contains(p));
}

/// <summary>
/// The boundaries of areas as shapes, read once from <c>area_boundaries</c> and kept (boundaries change only when a
/// new boundary file is imported, which restarts nothing, so callers may <see cref="Forget"/> after an import).
/// Used for "near this area" (the centroid), to place a location in its area, and for the demo's points.
/// </summary>
public sealed class AreaShapes
{
    readonly SemaphoreSlim _gate = new(1, 1);
    IReadOnlyDictionary<int, AreaShape>? _shapes;

    public async Task<IReadOnlyDictionary<int, AreaShape>> AllAsync(CohesionDb db, CancellationToken ct)
    {
        if (_shapes is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_shapes is { } again) return again;
            var rows = await db.AreaBoundaries.AsNoTracking().Select(b => new { b.AreaId, b.GeometryJson, b.MinLat, b.MinLon, b.MaxLat, b.MaxLon }).ToListAsync(ct);
            var shapes = new Dictionary<int, AreaShape>(rows.Count);
            foreach (var r in rows)
            {
                var polygons = Parse(r.GeometryJson);
                if (Polygon.Centroid(polygons) is { } c) shapes[r.AreaId] = new AreaShape(r.AreaId, polygons, c, r.MinLat, r.MinLon, r.MaxLat, r.MaxLon);
            }
            return _shapes = shapes;
        }
        finally { _gate.Release(); }
    }

    public void Forget() => _shapes = null;

    /// <summary>The areas among <paramref name="candidates"/> whose boundary holds the point.</summary>
    public static IEnumerable<AreaShape> Containing(IReadOnlyDictionary<int, AreaShape> shapes, GeoPoint p, IEnumerable<int> candidates) =>
        candidates.Select(id => shapes.GetValueOrDefault(id)).Where(s => s is not null && s.Contains(p))!;

    /// <summary>A GeoJSON Polygon or MultiPolygon geometry as polygons of flat (lon, lat) rings.</summary>
    public static IReadOnlyList<Polygon> Parse(string geometryJson)
    {
        using var doc = JsonDocument.Parse(geometryJson);
        var root = doc.RootElement;
        var coordinates = root.GetProperty("coordinates");
        return root.GetProperty("type").GetString() switch
        {
            "Polygon" => [PolygonOf(coordinates)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(PolygonOf).ToList(),
            var t => throw new FormatException($"area boundary geometry type {t} is not a Polygon or MultiPolygon"),
        };
    }

    static Polygon PolygonOf(JsonElement rings) =>
        new(rings.EnumerateArray().Select(ring => ring.EnumerateArray().SelectMany(pt => new[] { pt[0].GetDouble(), pt[1].GetDouble() }).ToArray()).ToList());
}

using System.Text.Json;
using Cohesion.Data;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places.Import;

public sealed record BoundaryRow(int Feature, string Code, string GeometryJson, double MinLon, double MinLat, double MaxLon, double MaxLat);

/// <summary>
/// GeoJSON FeatureCollection in WGS84 whose features carry the area code in property <c>code</c> and a
/// Polygon or MultiPolygon geometry. Errors name the feature number (1-based) as the line.
/// </summary>
public static class BoundaryImport
{
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static List<BoundaryRow> Read(string path, IReadOnlySet<string> knownAreas)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw ImportFailedException.One(name, null, null, null, $"file not found: {path}");
        var len = new FileInfo(path).Length;
        if (len == 0) throw ImportFailedException.One(name, null, null, null, "the file is empty");
        if (len > MaxFileBytes) throw ImportFailedException.One(name, null, null, null, $"the file is larger than {MaxFileBytes / 1024 / 1024} MB");
        JsonDocument doc;
        try
        {
            using var s = File.OpenRead(path);
            doc = JsonDocument.Parse(s, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw ImportFailedException.One(name, e.LineNumber + 1, null, null, $"not valid JSON: {e.Message.Split(" LineNumber")[0]}");
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw ImportFailedException.One(name, null, null, null, "the file is not valid UTF-8");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var t) || t.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw ImportFailedException.One(name, null, "type", null, "expected a GeoJSON FeatureCollection with a features array");
            var errors = new ImportErrors(name);
            var rows = new List<BoundaryRow>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var i = 0;
            foreach (var f in features.EnumerateArray())
            {
                i++;
                var where = $"feature {i}";
                string? code = null;
                if (f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object && props.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                    code = c.GetString()!.Trim();
                if (string.IsNullOrEmpty(code)) { errors.Add(i, "properties.code", null, $"{where} has no string property 'code'"); continue; }
                if (!knownAreas.Contains(code)) { errors.Add(i, "properties.code", code, $"unknown area code in {where}: load the area first"); continue; }
                if (seen.TryGetValue(code, out var first)) { errors.Add(i, "properties.code", code, $"duplicate boundary: the same code is feature {first}"); continue; }
                seen[code] = i;
                if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("type", out var gt)
                    || gt.GetString() is not ("Polygon" or "MultiPolygon") || !g.TryGetProperty("coordinates", out var coords))
                { errors.Add(i, "geometry.type", null, $"{where} must have a Polygon or MultiPolygon geometry"); continue; }
                double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
                var bad = false;
                var points = 0;
                foreach (var (lon, lat, ok) in Positions(coords, gt.GetString() == "Polygon" ? 3 : 4))
                {
                    if (!ok || lon is < -180 or > 180 || lat is < -90 or > 90) { bad = true; break; }
                    points++;
                    minLon = Math.Min(minLon, lon); maxLon = Math.Max(maxLon, lon);
                    minLat = Math.Min(minLat, lat); maxLat = Math.Max(maxLat, lat);
                }
                if (bad || points < 4) { errors.Add(i, "geometry.coordinates", code, $"{where} has coordinates that are not WGS84 longitude/latitude pairs (or fewer than 4 points)"); continue; }
                rows.Add(new BoundaryRow(i, code, g.GetRawText(), minLon, minLat, maxLon, maxLat));
            }
            if (i == 0) errors.Add(null, "features", null, "the collection has no features");
            errors.ThrowIfAny();
            return rows;
        }
    }

    /// <summary>Walks nested coordinate arrays of the given depth, yielding each position.</summary>
    static IEnumerable<(double Lon, double Lat, bool Ok)> Positions(JsonElement e, int depth)
    {
        if (e.ValueKind != JsonValueKind.Array) { yield return (0, 0, false); yield break; }
        if (depth == 1)
        {
            var ok = e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number && e[1].ValueKind == JsonValueKind.Number;
            yield return ok ? (e[0].GetDouble(), e[1].GetDouble(), true) : (0, 0, false);
            yield break;
        }
        foreach (var child in e.EnumerateArray())
            foreach (var p in Positions(child, depth - 1)) yield return p;
    }

    /// <summary>Adds or replaces boundaries inside the caller's transaction.</summary>
    public static async Task<int> SaveAsync(CohesionDb db, IReadOnlyList<BoundaryRow> rows, CancellationToken ct = default)
    {
        var ids = await db.Areas.AsNoTracking().Select(a => new { a.Code, a.Id }).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);
        var areaIds = rows.Select(r => ids[r.Code]).ToList();
        foreach (var chunk in areaIds.Chunk(5000)) // SQLite's parameter limit
            await db.AreaBoundaries.Where(b => chunk.Contains(b.AreaId)).ExecuteDeleteAsync(ct);
        foreach (var r in rows)
            db.AreaBoundaries.Add(new AreaBoundary { AreaId = ids[r.Code], GeometryJson = r.GeometryJson, MinLon = r.MinLon, MinLat = r.MinLat, MaxLon = r.MaxLon, MaxLat = r.MaxLat });
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// The published directory as one HSDS JSON file: an array of full services, each with its organisation, locations,
/// schedules and the rest nested, as <c>/openreferral/services/{id}</c> gives them (the shape HSDS 3.0 and the ORUK
/// tools read as a list of services, and the one <see cref="HsdsImport"/> reads back). Serialised from an async
/// stream a batch of services at a time, flushed as it goes, so 50,000 services never sit in memory together.
/// Offers are left out, as in the API.
/// </summary>
public static class HsdsExport
{
    public const int Batch = 500;

    static readonly JsonSerializerOptions FileOptions = new(HsdsJson.Options) { WriteIndented = true };

    public static async Task<int> WriteAsync(CohesionDb db, Stream output, CancellationToken ct)
    {
        // Ordered in .NET by the id as text so the file is the same byte for byte on SQLite and PostgreSQL.
        var ids = (await db.AssetServices.AsNoTracking().Exposed().Select(s => s.Id).ToListAsync(ct)).OrderBy(id => id.ToString("D"), StringComparer.Ordinal).ToList();
        await JsonSerializer.SerializeAsync(output, ServicesAsync(db, ids, ct), FileOptions, ct);
        return ids.Count;
    }

    static async IAsyncEnumerable<HsdsService> ServicesAsync(CohesionDb db, IReadOnlyList<Guid> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var context = await OrukApi.ContextAsync(db, null, [], ct);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var services = await db.AssetServices.AsNoTracking().WithParts().Where(s => chunk.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var c = context with { AreaCodes = await AreaCodesAsync(db, services.Values, ct) };
            foreach (var id in chunk)
                if (services.TryGetValue(id, out var s)) yield return HsdsMapper.Full(s, c);
        }
    }

    /// <summary>The GSS codes of the areas the services are for, so service areas carry them.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> AreaCodesAsync(CohesionDb db, IEnumerable<Service> services, CancellationToken ct)
    {
        var ids = services.SelectMany(s => s.ServiceAreas).Select(a => a.AreaId).OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<int, string>() : await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
    }
}

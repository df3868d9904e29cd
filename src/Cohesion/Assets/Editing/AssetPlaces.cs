using System.Security.Claims;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Cohesion.Places;

namespace Cohesion.Assets.Editing;

/// <summary>The place data the add and edit forms need: the choices offered, and the LSOAs a location's point is placed in.</summary>
public static class AssetPlaces
{
    public static async Task<EditorChoices> ChoicesAsync(CohesionDb db, AreaStatsCache places, ClaimsPrincipal user, ServiceSnapshot? current, CancellationToken ct) =>
        await EditorChoices.LoadAsync(db, await places.DirectoryAsync(db, ct), user, current, ct);

    /// <summary>Locations are placed in LSOAs, the smallest areas with boundaries, so area filters and gap analysis can add them up to anything larger.</summary>
    public static async Task<IReadOnlyList<int>> LsoasAsync(AreaStatsCache places, CohesionDb db, CancellationToken ct) =>
        (await places.DirectoryAsync(db, ct)).InCodeOrder(AreaLevel.Lsoa).Select(a => a.Id).ToList();
}

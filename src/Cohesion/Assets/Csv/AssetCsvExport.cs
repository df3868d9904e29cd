using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Csv;

/// <summary>
/// The published directory as the CSV the import reads (<see cref="AssetCsv"/>). Anyone gets services and spaces;
/// residents' offers only go to signed-in staff, and never with their contact details (no column carries them, and an
/// offer's own email and phone cells are left blank).
/// </summary>
public static class AssetCsvExport
{
    public static async Task<ExportTable> TableAsync(CohesionDb db, bool withOffers, string exportedBy, CancellationToken ct)
    {
        var services = await db.AssetServices.AsNoTracking().Published().Where(s => withOffers || s.Kind != AssetKind.Offer).WithParts().ToListAsync(ct);
        var partners = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = services.OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Select(s => Row(s, partners)).ToList();
        return new ExportTable("Community asset directory", AssetCsv.Columns, rows,
        [
            ("Contents", withOffers ? "Published services, spaces and residents' offers (offers' contact details are never exported)" : "Published services and spaces"),
            ("Format", "One row per record; ; separates several terms, languages or opening times; see docs/assets.md"),
            .. services.Any(s => s.IsSynthetic) ? [("Synthetic data", "SYNTHETIC DATA: records marked synthetic are made up for the demo and describe no real service")] : Array.Empty<(string, string)>(),
            ("Rows", rows.Count.ToString(CultureInfo.InvariantCulture)),
            ExportFiles.Exported(exportedBy),
        ]);
    }

    /// <summary>A service's first location, as the file holds one place per record.</summary>
    public static Location? Place(Service s) =>
        s.Locations.OrderBy(l => l.Id).Select(l => l.Location).FirstOrDefault(l => l is not null && (l.Address1 is not null || l.Latitude is not null || l.City is not null || l.Postcode is not null));

    public static string? FirstPhone(Service s) => s.Phones.OrderBy(p => p.Id).Select(p => p.Number).FirstOrDefault();

    static object?[] Row(Service s, IReadOnlyDictionary<int, string> partners)
    {
        var place = Place(s);
        var offer = s.Kind == AssetKind.Offer;
        var terms = s.Terms.Where(t => t.Term is not null).Select(t => t.Term!).ToList();
        return
        [
            s.Id.ToString("D"), AssetCsv.KindWord(s.Kind), s.Name, s.Organisation?.Name ?? "", s.Description, s.Url ?? "",
            offer ? "" : s.Email ?? "", offer ? "" : FirstPhone(s) ?? "", s.Status.Hsds(),
            place?.Address1 ?? "", place?.City ?? "", place?.Postcode ?? "", AssetCsv.Coordinate(place?.Latitude), AssetCsv.Coordinate(place?.Longitude),
            AssetCsv.Terms(terms, CohesionTaxonomy.ActivityId), AssetCsv.Terms(terms, CohesionTaxonomy.AudienceId), AssetCsv.Languages(s.Languages),
            Text(s.MinimumAge), Text(s.MaximumAge), s.IsFree ? "yes" : "no", s.FeesDescription ?? "", OpeningTimes.Format(s.Schedules),
            Text(s.Capacity), s.BookingDetails ?? "", s.LastCheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            s.MaintainerOrganisationId is { } m ? partners.GetValueOrDefault(m, "") : "",
        ];
    }

    // Whole numbers as text, so the CSV writer and the xlsx sheet both show them as the file's own cells.
    static string Text(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>/assets/export.csv|xlsx: for anyone; offers too for signed-in staff; audited.</summary>
    public static void MapAssetCsvExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/export.{format}", async (string format, HttpContext http, CohesionDb db, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx")) return Results.NotFound();
            var staff = Sharing.Viewer.Of(http.User).SignedIn;
            var table = await TableAsync(db, staff, http.Actor(), ct);
            return await ExportFiles.AuditedAsync(http, db, table, "assets", format, $"{table.Rows.Count} records; offers {(staff ? "included" : "left out")}", ct);
        }).WithName("ExportAssets").ExcludeFromDescription().AllowAnonymous();
}

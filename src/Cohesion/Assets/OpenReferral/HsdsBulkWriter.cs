using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// Writes a batch of imported services with <see cref="BulkSql"/>: new taxonomies and terms, organisations and
/// locations (inserted, or updated when the directory has them), then each service — a new one inserted at version 1,
/// an existing one updated in place with its version bumped and its parts replaced — and one revision per service.
/// Fields HSDS does not carry (kind, publication, consent, booking details, who maintains it) are left as they were.
/// The search index follows by the database's own triggers.
/// </summary>
public sealed class HsdsBulkWriter(CohesionDb db, BulkSql sql, HsdsLookups known, string summary, string actor, DateTime now)
{
    static readonly Table Taxonomies = new("as_taxonomies", ("id", Col.Uuid), ("name", Col.Text), ("description", Col.Text), ("uri", Col.Text), ("version", Col.Text));
    static readonly Table Terms = new("as_taxonomy_terms", ("id", Col.Uuid), ("taxonomy_id", Col.Uuid), ("code", Col.Text), ("name", Col.Text), ("description", Col.Text),
        ("parent_id", Col.Uuid), ("term_uri", Col.Text));
    static readonly Table Organisations = new("as_organisations", ("id", Col.Uuid), ("name", Col.Text), ("alternate_name", Col.Text), ("description", Col.Text),
        ("email", Col.Text), ("website", Col.Text), ("legal_status", Col.Text), ("maintainer_organisation_id", Col.Int), ("last_checked_on", Col.Date),
        ("review", Col.Text), ("is_synthetic", Col.Bool), ("created_at", Col.Timestamp), ("updated_at", Col.Timestamp));
    static readonly Table Locations = new("as_locations", ("id", Col.Uuid), ("organisation_id", Col.Uuid), ("kind", Col.Text), ("name", Col.Text), ("description", Col.Text),
        ("address1", Col.Text), ("address2", Col.Text), ("city", Col.Text), ("postcode", Col.Text), ("latitude", Col.Double), ("longitude", Col.Double),
        ("area_id", Col.Int), ("transportation", Col.Text), ("is_synthetic", Col.Bool), ("updated_at", Col.Timestamp));
    static readonly Table AccessibilityRows = new("as_accessibility", ("id", Col.Uuid), ("location_id", Col.Uuid), ("description", Col.Text), ("details", Col.Text), ("url", Col.Text));
    static readonly Table Services = new("as_services", ("id", Col.Uuid), ("organisation_id", Col.Uuid), ("kind", Col.Text), ("name", Col.Text), ("alternate_name", Col.Text),
        ("description", Col.Text), ("url", Col.Text), ("email", Col.Text), ("status", Col.Text), ("publication", Col.Text), ("is_free", Col.Bool),
        ("fees_description", Col.Text), ("eligibility_description", Col.Text), ("minimum_age", Col.Int), ("maximum_age", Col.Int), ("application_process", Col.Text),
        ("interpretation_services", Col.Text), ("offered_by", Col.Text), ("consent_recorded_on", Col.Date), ("contact_consent", Col.Bool), ("capacity", Col.Int),
        ("booking_details", Col.Text), ("maintainer_organisation_id", Col.Int), ("last_checked_on", Col.Date), ("review", Col.Text), ("version", Col.Int),
        ("is_synthetic", Col.Bool), ("created_at", Col.Timestamp), ("updated_at", Col.Timestamp));
    static readonly Table ServiceLocations = new("as_service_locations", ("id", Col.Uuid), ("service_id", Col.Uuid), ("location_id", Col.Uuid), ("description", Col.Text));
    static readonly Table Schedules = new("as_schedules", ("id", Col.Uuid), ("service_id", Col.Uuid), ("location_id", Col.Uuid), ("freq", Col.Text), ("interval", Col.Int),
        ("by_day", Col.Text), ("by_month_day", Col.Text), ("dt_start", Col.Date), ("until", Col.Date), ("valid_from", Col.Date), ("valid_to", Col.Date),
        ("opens_at", Col.Time), ("closes_at", Col.Time), ("description", Col.Text));
    static readonly Table Languages = new("as_languages", ("id", Col.Uuid), ("service_id", Col.Uuid), ("name", Col.Text), ("code", Col.Text), ("note", Col.Text));
    static readonly Table CostOptions = new("as_cost_options", ("id", Col.Uuid), ("service_id", Col.Uuid), ("option", Col.Text), ("amount", Col.Decimal), ("currency", Col.Text),
        ("amount_description", Col.Text));
    static readonly Table Contacts = new("as_contacts", ("id", Col.Uuid), ("service_id", Col.Uuid), ("name", Col.Text), ("title", Col.Text), ("email", Col.Text), ("phone", Col.Text));
    static readonly Table Phones = new("as_phones", ("id", Col.Uuid), ("service_id", Col.Uuid), ("number", Col.Text), ("type", Col.Text), ("description", Col.Text));
    static readonly Table ServiceAreas = new("as_service_areas", ("id", Col.Uuid), ("service_id", Col.Uuid), ("area_id", Col.Int), ("name", Col.Text), ("description", Col.Text));
    static readonly Table ServiceTerms = new("as_service_terms", ("service_id", Col.Uuid), ("term_id", Col.Uuid));
    static readonly Table RevisionRows = new("as_revisions", ("service_id", Col.Uuid), ("version", Col.Int), ("snapshot_json", Col.Text), ("changed_at", Col.Timestamp),
        ("changed_by", Col.Text), ("summary", Col.Text));
    static readonly string[] Parts = ["as_service_locations", "as_schedules", "as_languages", "as_cost_options", "as_contacts", "as_phones", "as_service_areas", "as_service_terms"];

    public async Task WriteAsync(IReadOnlyList<ImportedService> batch, CancellationToken ct)
    {
        await sql.InsertAsync(Taxonomies, batch.SelectMany(b => b.NewTaxonomies).Select(t => Row(t.Id, t.Name, t.Description, t.Uri, t.Version)), ct);
        await sql.InsertAsync(Terms, batch.SelectMany(b => b.NewTerms).Select(t => Row(t.Id, t.TaxonomyId, t.Code, t.Name, t.Description, t.ParentId, t.TermUri)), ct);

        var orgs = batch.Select(b => b.NewOrUpdatedOrganisation).OfType<AssetOrganisation>().ToList();
        await sql.InsertAsync(Organisations, orgs.Where(o => !known.Organisations.Contains(o.Id)).Select(o => Row(o.Id, o.Name, o.AlternateName, o.Description, o.Email,
            o.Website, o.LegalStatus, o.MaintainerOrganisationId, o.LastCheckedOn, o.Review.ToString(), false, now, now)), ct);
        await sql.ExecuteAsync("UPDATE as_organisations SET name = $2, alternate_name = $3, description = $4, email = $5, website = $6, legal_status = $7, updated_at = $8 WHERE id = $1",
            orgs.Where(o => known.Organisations.Contains(o.Id)).Select(o => Row(o.Id, o.Name, o.AlternateName, o.Description, o.Email, o.Website, o.LegalStatus, now)), ct);

        var locations = batch.SelectMany(b => b.Locations).ToList();
        var old = locations.Where(l => known.Locations.Contains(l.Id)).ToList();
        await sql.ExecuteAsync("DELETE FROM as_accessibility WHERE location_id = $1", old.Select(l => Row(l.Id)), ct);
        await sql.ExecuteAsync("UPDATE as_locations SET kind = $2, name = $3, description = $4, address1 = $5, address2 = $6, city = $7, postcode = $8, latitude = $9, " +
            "longitude = $10, area_id = $11, transportation = $12, updated_at = $13 WHERE id = $1",
            old.Select(l => Row(l.Id, l.Kind.ToString(), l.Name, l.Description, l.Address1, l.Address2, l.City, l.Postcode, l.Latitude, l.Longitude, l.AreaId, l.Transportation, now)), ct);
        await sql.InsertAsync(Locations, locations.Where(l => !known.Locations.Contains(l.Id)).Select(l => Row(l.Id, l.OrganisationId, l.Kind.ToString(), l.Name, l.Description,
            l.Address1, l.Address2, l.City, l.Postcode, l.Latitude, l.Longitude, l.AreaId, l.Transportation, false, now)), ct);
        await sql.InsertAsync(AccessibilityRows, locations.SelectMany(l => l.Accessibility).Select(a => Row(a.Id, a.LocationId, a.Description, a.Details, a.Url)), ct);

        var services = batch.Select(b => b.Service).ToList();
        var existing = batch.Where(b => b.Exists).Select(b => b.Service).ToList();
        if (existing.Count > 0)
        {
            // What HSDS does not carry comes from the record as it stands, so the update and its revision keep it.
            var ids = existing.Select(s => s.Id).ToList();
            var kept = await db.AssetServices.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            foreach (var s in existing)
            {
                var k = kept[s.Id];
                (s.Kind, s.Publication, s.OfferedBy, s.ConsentRecordedOn, s.ContactConsent, s.Capacity, s.BookingDetails, s.Review, s.IsSynthetic, s.CreatedAt) =
                    (k.Kind, k.Publication, k.OfferedBy, k.ConsentRecordedOn, k.ContactConsent, k.Capacity, k.BookingDetails, k.Review, k.IsSynthetic, k.CreatedAt);
                s.MaintainerOrganisationId ??= k.MaintainerOrganisationId;
                s.Version = k.Version + 1;
            }
            foreach (var table in Parts)
                await sql.ExecuteAsync($"DELETE FROM {table} WHERE service_id = $1", ids.Select(id => Row(id)), ct);
            await sql.ExecuteAsync("UPDATE as_services SET organisation_id = $2, name = $3, alternate_name = $4, description = $5, url = $6, email = $7, status = $8, " +
                "is_free = $9, fees_description = $10, eligibility_description = $11, minimum_age = $12, maximum_age = $13, application_process = $14, " +
                "interpretation_services = $15, last_checked_on = $16, maintainer_organisation_id = $17, version = $18, updated_at = $19 WHERE id = $1",
                existing.Select(s => Row(s.Id, s.OrganisationId, s.Name, s.AlternateName, s.Description, s.Url, s.Email, s.Status.ToString(), s.IsFree, s.FeesDescription,
                    s.EligibilityDescription, s.MinimumAge, s.MaximumAge, s.ApplicationProcess, s.InterpretationServices, s.LastCheckedOn, s.MaintainerOrganisationId,
                    s.Version, s.UpdatedAt)), ct);
        }
        await sql.InsertAsync(Services, batch.Where(b => !b.Exists).Select(b => b.Service).Select(s => Row(s.Id, s.OrganisationId, s.Kind.ToString(), s.Name,
            s.AlternateName, s.Description, s.Url, s.Email, s.Status.ToString(), s.Publication.ToString(), s.IsFree, s.FeesDescription, s.EligibilityDescription,
            s.MinimumAge, s.MaximumAge, s.ApplicationProcess, s.InterpretationServices, s.OfferedBy, s.ConsentRecordedOn, s.ContactConsent, s.Capacity,
            s.BookingDetails, s.MaintainerOrganisationId, s.LastCheckedOn, s.Review.ToString(), s.Version, s.IsSynthetic, s.CreatedAt, s.UpdatedAt)), ct);

        await sql.InsertAsync(ServiceLocations, services.SelectMany(s => s.Locations).Select(x => Row(x.Id, x.ServiceId, x.LocationId, x.Description)), ct);
        await sql.InsertAsync(Schedules, services.SelectMany(s => s.Schedules).Select(x => Row(x.Id, x.ServiceId, x.LocationId, x.Freq?.ToString(), x.Interval,
            x.ByDay, x.ByMonthDay, x.DtStart, x.Until, x.ValidFrom, x.ValidTo, x.OpensAt, x.ClosesAt, x.Description)), ct);
        await sql.InsertAsync(Languages, services.SelectMany(s => s.Languages).Select(x => Row(x.Id, x.ServiceId, x.Name, x.Code, x.Note)), ct);
        await sql.InsertAsync(CostOptions, services.SelectMany(s => s.CostOptions).Select(x => Row(x.Id, x.ServiceId, x.Option, x.Amount, x.Currency, x.AmountDescription)), ct);
        await sql.InsertAsync(Contacts, services.SelectMany(s => s.Contacts).Select(x => Row(x.Id, x.ServiceId, x.Name, x.Title, x.Email, x.Phone)), ct);
        await sql.InsertAsync(Phones, services.SelectMany(s => s.Phones).Select(x => Row(x.Id, x.ServiceId, x.Number, x.Type, x.Description)), ct);
        await sql.InsertAsync(ServiceAreas, services.SelectMany(s => s.ServiceAreas).Select(x => Row(x.Id, x.ServiceId, x.AreaId, x.Name, x.Description)), ct);
        await sql.InsertAsync(ServiceTerms, services.SelectMany(s => s.Terms).Select(x => Row(x.ServiceId, x.TermId)), ct);
        await sql.InsertAsync(RevisionRows, batch.Select(b => Row(b.Service.Id, b.Service.Version, Revisions.Serialise(Revisions.Snapshot(b.Service)), now, actor,
            (b.Exists ? "Updated from " : "Imported from ") + summary)), ct);

        // Later batches may name these again: they are in the directory now.
        foreach (var o in orgs) known.Organisations.Add(o.Id);
        foreach (var l in locations) known.Locations.Add(l.Id);
    }

    static object?[] Row(params object?[] values) => values;
}

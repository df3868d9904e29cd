using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Editing;

/// <summary>
/// Makes a stored record match a <see cref="ServiceSnapshot"/> (from the form, or an old revision being restored) and
/// saves it as a new version: parts matched by id are updated in place, parts no longer wanted are deleted, new ones
/// added; <see cref="Service.Version"/> goes up by one, <see cref="Service.UpdatedAt"/> is now, and the version is
/// recorded as a revision and in the audit log, all in one SaveChanges. The version the editor started from is the
/// concurrency token, so a save racing another is refused rather than overwriting it.
/// </summary>
public static class AssetWriter
{
    /// <summary>The organisation called <paramref name="name"/>: the record's own if the name is unchanged, else the first listed with that name, else a new one.</summary>
    public static async Task<Guid> OrganisationAsync(CohesionDb db, string name, Guid? current, int? maintainer, DateTime now, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (current is { } c && await db.AssetOrganisations.AnyAsync(o => o.Id == c && o.Name.ToLower() == lower, ct)) return c;
        var found = await db.AssetOrganisations.Where(o => o.Name.ToLower() == lower).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (found is { } id) return id;
        var org = new AssetOrganisation { Id = Guid.NewGuid(), Name = name, MaintainerOrganisationId = maintainer, CreatedAt = now, UpdatedAt = now };
        db.AssetOrganisations.Add(org);
        return org.Id;
    }

    /// <summary>Adds a new record (version 1) from the snapshot with its revision and audit entry; the caller saves.</summary>
    public static async Task<Service> CreateAsync(CohesionDb db, ServiceSnapshot wanted, string actor, string ip, string summary, DateTime now, CancellationToken ct)
    {
        var service = new Service { Id = wanted.Id, Name = wanted.Name, Version = 1, CreatedAt = now, UpdatedAt = now };
        db.AssetServices.Add(service);
        await ApplyAsync(db, service, wanted, now, ct);
        Revisions.Record(db, service, actor, summary, now);
        db.Record(actor, AuditActions.AssetCreated, Target(service), $"\"{service.Name}\" ({service.Kind}, {service.Publication}): {summary}", ip);
        return service;
    }

    /// <summary>
    /// Saves the snapshot over the tracked record (loaded <see cref="ServiceQueries.WithParts"/>) as its next version;
    /// <paramref name="fromVersion"/> is the version the change was made to. The caller saves, and catches
    /// <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static async Task SaveVersionAsync(CohesionDb db, Service service, ServiceSnapshot wanted, int fromVersion, string actor, string ip, string summary, DateTime now, CancellationToken ct)
    {
        await EnsureBaselineAsync(db, service, ct);
        db.Entry(service).Property(s => s.Version).OriginalValue = fromVersion;
        await ApplyAsync(db, service, wanted, now, ct);
        service.Version = fromVersion + 1;
        service.UpdatedAt = now;
        Revisions.Record(db, service, actor, summary, now);
        db.Record(actor, AuditActions.AssetChanged, Target(service), $"version {service.Version}: {summary}", ip);
    }

    public static string Target(Service s) => $"asset {s.Id:D}";

    /// <summary>
    /// A record written before history was kept (a bulk import, the demo) gets its current version recorded first,
    /// so the first change made here has something to be compared with and restored to.
    /// </summary>
    static async Task EnsureBaselineAsync(CohesionDb db, Service service, CancellationToken ct)
    {
        if (await db.AssetRevisions.AnyAsync(r => r.ServiceId == service.Id && r.Version == service.Version, ct)) return;
        Revisions.Record(db, service, "unknown", "As it was before its first change in Cohesion", service.UpdatedAt);
    }

    /// <summary>Sets the record's fields and parts to the snapshot's (not its id, version, creation time or synthetic flag).</summary>
    static async Task ApplyAsync(CohesionDb db, Service s, ServiceSnapshot w, DateTime now, CancellationToken ct)
    {
        s.OrganisationId = w.OrganisationId;
        s.Kind = w.Kind; s.Name = w.Name; s.AlternateName = w.AlternateName; s.Description = w.Description; s.Url = w.Url; s.Email = w.Email;
        s.Status = w.Status; s.Publication = w.Publication; s.IsFree = w.IsFree; s.FeesDescription = w.FeesDescription;
        s.EligibilityDescription = w.EligibilityDescription; s.MinimumAge = w.MinimumAge; s.MaximumAge = w.MaximumAge;
        s.ApplicationProcess = w.ApplicationProcess; s.InterpretationServices = w.InterpretationServices;
        s.OfferedBy = w.OfferedBy; s.ConsentRecordedOn = w.ConsentRecordedOn; s.ContactConsent = w.ContactConsent;
        s.Capacity = w.Capacity; s.BookingDetails = w.BookingDetails;
        s.MaintainerOrganisationId = w.MaintainerOrganisationId; s.LastCheckedOn = w.LastCheckedOn; s.Review = w.Review;

        await LocationsAsync(db, s, w.Locations, now, ct);
        Sync(db, s.Schedules, w.Schedules.Select(x => Own(x, s.Id, (p, id) => p.ServiceId = id)), x => x.Id);
        Sync(db, s.Languages, w.Languages.Select(x => Own(x, s.Id, (p, id) => p.ServiceId = id)), x => x.Id);
        Sync(db, s.CostOptions, w.CostOptions.Select(x => Own(x, s.Id, (p, id) => p.ServiceId = id)), x => x.Id);
        Sync(db, s.Contacts, w.Contacts.Select(x => Own(x, s.Id, (p, id) => p.ServiceId = id)), x => x.Id);
        Sync(db, s.Phones, w.Phones.Select(x => Own(x, s.Id, (p, id) => p.ServiceId = id)), x => x.Id);
        // An area or term deleted since a revision was saved cannot come back with it.
        var areaIds = w.ServiceAreas.Where(a => a.AreaId is not null).Select(a => a.AreaId!.Value).Distinct().ToList();
        var areas = areaIds.Count == 0 ? [] : (await db.Areas.Where(a => areaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        Sync(db, s.ServiceAreas, w.ServiceAreas.Select(x => Own(x, s.Id, (p, id) => { p.ServiceId = id; if (p.AreaId is { } a && !areas.Contains(a)) p.AreaId = null; })), x => x.Id);
        var termIds = w.TermIds.ToList();
        var terms = await db.AssetTaxonomyTerms.Where(t => termIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        Sync(db, s.Terms, terms.Select(t => new ServiceTerm { ServiceId = s.Id, TermId = t }), x => x.TermId);
    }

    static T Own<T>(T part, Guid serviceId, Action<T, Guid> set)
    {
        set(part, serviceId);
        return part;
    }

    /// <summary>Makes the tracked list hold exactly the wanted parts, matched by key: changed in place, removed, or added.</summary>
    static void Sync<T, TKey>(CohesionDb db, List<T> have, IEnumerable<T> wanted, Func<T, TKey> key) where T : class where TKey : notnull
    {
        var want = wanted.GroupBy(key).Select(g => g.First()).ToDictionary(key);
        foreach (var old in have.Where(h => !want.ContainsKey(key(h))).ToList())
        {
            have.Remove(old);
            db.Remove(old);
        }
        foreach (var (k, w) in want)
        {
            if (have.FirstOrDefault(h => EqualityComparer<TKey>.Default.Equals(key(h), k)) is { } existing)
            {
                if (!ReferenceEquals(existing, w)) db.Entry(existing).CurrentValues.SetValues(w);
            }
            else
            {
                have.Add(w);
                db.Add(w);
            }
        }
    }

    /// <summary>
    /// Locations are shared rows (HSDS service_at_location): a location this record no longer uses is deleted only
    /// when no other record uses it; one a restore brings back is recreated with its old id.
    /// </summary>
    static async Task LocationsAsync(CohesionDb db, Service s, IReadOnlyList<LocationSnapshot> wanted, DateTime now, CancellationToken ct)
    {
        var want = wanted.GroupBy(l => l.Id).Select(g => g.First()).ToList();
        foreach (var link in s.Locations.Where(l => want.All(w => w.Id != l.LocationId)).ToList())
        {
            s.Locations.Remove(link);
            db.Remove(link);
            var shared = await db.AssetServiceLocations.AnyAsync(x => x.LocationId == link.LocationId && x.ServiceId != s.Id, ct);
            if (!shared && link.Location is { } gone) db.Remove(gone);
        }
        var areaIds = want.Where(l => l.AreaId is not null).Select(l => l.AreaId!.Value).Distinct().ToList();
        var areas = areaIds.Count == 0 ? [] : (await db.Areas.Where(a => areaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        foreach (var w in want)
        {
            var link = s.Locations.FirstOrDefault(l => l.LocationId == w.Id);
            var location = link?.Location ?? await db.AssetLocations.Include(l => l.Accessibility).FirstOrDefaultAsync(l => l.Id == w.Id, ct);
            if (location is null)
            {
                location = new Location { Id = w.Id };
                db.AssetLocations.Add(location);
            }
            location.OrganisationId = w.OrganisationId; location.Kind = w.Kind; location.Name = w.Name; location.Description = w.Description;
            location.Address1 = w.Address1; location.Address2 = w.Address2; location.City = w.City; location.Postcode = w.Postcode;
            location.Latitude = w.Latitude; location.Longitude = w.Longitude; location.AreaId = w.AreaId is { } a && areas.Contains(a) ? a : null;
            location.Transportation = w.Transportation; location.UpdatedAt = now;
            Sync(db, location.Accessibility, w.Accessibility.Select(x => Own(x, location.Id, (p, id) => p.LocationId = id)), x => x.Id);
            if (link is null) s.Locations.Add(new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = s.Id, LocationId = location.Id, Location = location });
        }
    }
}

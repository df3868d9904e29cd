using Cohesion.Accounts;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Csv;

/// <summary>
/// Writes a checked asset CSV (<see cref="AssetCsvReader"/>) in one transaction: a row whose id is a record updates it
/// (only what differs; a changed record gets a new version and a revision, an unchanged one is left alone), any other
/// row adds a record, published. New locations are placed in the LSOA whose boundary holds the point. Stopped part-way,
/// it leaves nothing; a dry run does all of it and rolls back.
/// </summary>
public static class AssetCsvImport
{
    public sealed record Result(int Added, int Updated, int Unchanged, bool DryRun)
    {
        /// <summary>What happened, in the words both the command line and the upload page use.</summary>
        public string Message(string file) => DryRun
            ? $"{file} is valid: importing it would add {ImportCounts.Count(Added, "record", "records")} and update {Updated:N0} ({Unchanged:N0} unchanged). Nothing was changed."
            : $"Imported {file}: {ImportCounts.Count(Added, "record", "records")} added, {Updated:N0} updated, {Unchanged:N0} unchanged.";
    }

    /// <param name="mayEdit">Whether the importing user may change a record maintained by this partner organisation (null: the
    /// directory's staff); null lets every record change (the command line, run by whoever runs the installation).</param>
    public static async Task<Result> SaveAsync(CohesionDb db, AreaShapes shapes, IReadOnlyList<AssetCsvRow> rows, string fileName, string actor, string ip,
        bool dryRun, Action<string>? progress, CancellationToken ct, Func<int?, bool>? mayEdit = null)
    {
        var now = DateTime.UtcNow;
        var ids = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var existing = new Dictionary<Guid, Service>();
        // In chunks: EF sends a list as one parameter each, and SQLite allows some 32,000 in a statement.
        foreach (var chunk in ids.Chunk(1000))
            foreach (var s in await db.AssetServices.Where(s => chunk.Contains(s.Id)).WithParts().ToListAsync(ct)) existing[s.Id] = s;
        // A new offer needs its offerer's consent, which a spreadsheet cannot record: offers are added with the form.
        var errors = new ImportErrors(fileName);
        foreach (var r in rows)
        {
            if (r.Kind == AssetKind.Offer && (r.Id is not { } id || !existing.ContainsKey(id)))
                errors.Add(r.Line, "kind", "offer", "a new offer needs the offerer's recorded consent: add it with the form; a file can only update offers already in the directory");
            else if (r.Id is { } known && existing.TryGetValue(known, out var s) && s.Kind != r.Kind)
                errors.Add(r.Line, "kind", AssetCsv.KindWord(r.Kind), $"the record with this id is a {AssetCsv.KindWord(s.Kind)}; a file cannot change what kind of record it is");
        }
        errors.ThrowIfAny();

        var organisations = (await db.AssetOrganisations.ToListAsync(ct)).GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var all = await shapes.AllAsync(db, ct);
        var lsoas = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Lsoa).Select(a => a.Id).ToListAsync(ct);
        lsoas.RemoveAll(id => !all.ContainsKey(id));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var summary = $"Imported from CSV file {fileName}";
        int added = 0, updated = 0, unchanged = 0;
        var dropped = new List<(Guid ServiceId, Location Location)>();
        progress?.Invoke($"writing {rows.Count:N0} records");
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            var org = Organisation(db, organisations, r.Organisation, now);
            if (r.Id is { } id && existing.TryGetValue(id, out var s))
            {
                var maintainer = s.MaintainerOrganisationId;
                if (!Apply(db, s, r, org, terms, all, lsoas, now, dropped)) { unchanged++; continue; }
                // A record may be changed only by those who may edit it (AssetAccess), before and after the change.
                if (mayEdit is not null && !(mayEdit(maintainer) && mayEdit(s.MaintainerOrganisationId)))
                {
                    errors.Add(r.Line, "id", id.ToString(), "you may not change this record: only its maintainer organisation's staff or an administrator may");
                    continue;
                }
                s.Version++;
                s.UpdatedAt = now;
                Revisions.Record(db, s, actor, summary, now);
                updated++;
            }
            else
            {
                if (mayEdit is not null && !mayEdit(r.MaintainerId))
                {
                    errors.Add(r.Line, "maintainer", "", "you may only add records maintained by your own organisation or, as directory staff, by none");
                    continue;
                }
                s = new Service
                {
                    Id = r.Id ?? Guid.NewGuid(), Name = r.Name, Kind = r.Kind, OrganisationId = org.Id, Organisation = org, Publication = Publication.Published,
                    Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                Apply(db, s, r, org, terms, all, lsoas, now, dropped);
                db.AssetServices.Add(s);
                Revisions.Record(db, s, actor, summary, now);
                added++;
            }
        }
        errors.ThrowIfAny();
        await DropUnusedAsync(db, dropped, ct);
        db.Record(actor, AuditActions.AssetImport, fileName, $"{added} added, {updated} updated, {unchanged} unchanged{(dryRun ? " (dry run, rolled back)" : "")}", ip);
        await db.SaveChangesAsync(ct);
        if (dryRun) await tx.RollbackAsync(ct);
        else await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Result(added, updated, unchanged, dryRun);
    }

    static AssetOrganisation Organisation(CohesionDb db, Dictionary<string, AssetOrganisation> byName, string name, DateTime now)
    {
        if (byName.TryGetValue(name, out var org)) return org;
        org = new AssetOrganisation { Id = Guid.NewGuid(), Name = name, CreatedAt = now, UpdatedAt = now };
        db.AssetOrganisations.Add(org);
        return byName[name] = org;
    }

    /// <summary>Sets on the service whatever in the row differs from it; whether anything did.</summary>
    static bool Apply(CohesionDb db, Service s, AssetCsvRow r, AssetOrganisation org, IReadOnlyDictionary<Guid, TaxonomyTerm> terms,
        IReadOnlyDictionary<int, AreaShape> shapes, List<int> lsoas, DateTime now, List<(Guid ServiceId, Location Location)> dropped)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            set(value);
            changed = true;
        }
        Set(s.Name, r.Name, v => s.Name = v);
        Set(s.OrganisationId, org.Id, v => { s.OrganisationId = v; s.Organisation = org; });
        Set(s.Description, r.Description, v => s.Description = v);
        Set(s.Url, r.Url, v => s.Url = v);
        Set(s.Status, r.Status, v => s.Status = v);
        Set(s.MinimumAge, r.MinimumAge, v => s.MinimumAge = v);
        Set(s.MaximumAge, r.MaximumAge, v => s.MaximumAge = v);
        Set(s.IsFree, r.IsFree, v => s.IsFree = v);
        Set(s.FeesDescription, r.Cost, v => s.FeesDescription = v);
        Set(s.Capacity, r.Capacity, v => s.Capacity = v);
        Set(s.BookingDetails, r.Booking, v => s.BookingDetails = v);
        Set(s.LastCheckedOn, r.LastChecked, v => s.LastCheckedOn = v);
        Set(s.MaintainerOrganisationId, r.MaintainerId, v => s.MaintainerOrganisationId = v);
        // An offer's contact details are never in a file (the export leaves them blank), so a file does not touch them.
        if (s.Kind != AssetKind.Offer)
        {
            Set(s.Email, r.Email, v => s.Email = v);
            Set(AssetCsvExport.FirstPhone(s), r.Phone, v =>
            {
                var first = s.Phones.OrderBy(p => p.Id).FirstOrDefault();
                if (first is not null && v is null) s.Phones.Remove(first);
                else if (first is not null) first.Number = v!;
                else s.Phones.Add(new Phone { Id = Guid.NewGuid(), ServiceId = s.Id, Number = v!, Type = "voice" });
            });
        }
        changed |= Place(db, s, r, shapes, lsoas, now, dropped);
        foreach (var (column, taxonomy) in AssetCsv.TermColumns)
        {
            var want = (column == "activity_terms" ? r.ActivityTerms : r.AudienceTerms).ToHashSet();
            var have = s.Terms.Where(t => terms.TryGetValue(t.TermId, out var x) && x.TaxonomyId == taxonomy).ToList();
            if (have.Select(t => t.TermId).ToHashSet().SetEquals(want)) continue;
            foreach (var t in have) s.Terms.Remove(t);
            foreach (var t in want) s.Terms.Add(new ServiceTerm { ServiceId = s.Id, TermId = t });
            changed = true;
        }
        var coded = s.Languages.Where(l => l.Code is { Length: > 0 }).ToList();
        if (!coded.Select(l => l.Code!.ToLowerInvariant()).ToHashSet().SetEquals(r.Languages.Select(l => l.Code)))
        {
            // Languages without a code (from another directory) are kept: the file has no way to name them.
            foreach (var l in coded) s.Languages.Remove(l);
            foreach (var (code, name) in r.Languages) s.Languages.Add(new ServiceLanguage { Id = Guid.NewGuid(), ServiceId = s.Id, Code = code, Name = name });
            changed = true;
        }
        if (OpeningTimes.Format(s.Schedules) != OpeningTimes.Format(r.Schedules))
        {
            // Only the schedules the text can say are replaced; the others (every other week, a day of the month) stay.
            foreach (var old in s.Schedules.Where(x => OpeningTimes.Format([x]).Length > 0).ToList()) s.Schedules.Remove(old);
            var at = AssetCsvExport.Place(s)?.Id;
            foreach (var x in r.Schedules)
                s.Schedules.Add(new Schedule { Id = Guid.NewGuid(), ServiceId = s.Id, LocationId = at, Freq = x.Freq, Interval = x.Interval, ByDay = x.ByDay, DtStart = x.DtStart, OpensAt = x.OpensAt, ClosesAt = x.ClosesAt });
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// Points the service at a new location when the row's place differs from its first one (locations may be shared,
    /// so none is edited in place). The old one goes on <paramref name="dropped"/>; schedules held there move with the service.
    /// </summary>
    static bool Place(CohesionDb db, Service s, AssetCsvRow r, IReadOnlyDictionary<int, AreaShape> shapes, List<int> lsoas, DateTime now,
        List<(Guid ServiceId, Location Location)> dropped)
    {
        var current = AssetCsvExport.Place(s);
        if (current is null && !r.HasLocation) return false;
        if (current is not null && current.Address1 == r.Address1 && current.City == r.Town && current.Postcode == r.Postcode
            && AssetCsv.Coordinate(current.Latitude) == AssetCsv.Coordinate(r.Latitude) && AssetCsv.Coordinate(current.Longitude) == AssetCsv.Coordinate(r.Longitude)) return false;
        if (current is not null)
        {
            s.Locations.RemoveAll(l => l.LocationId == current.Id);
            dropped.Add((s.Id, current));
        }
        Location? location = null;
        if (r.HasLocation)
        {
            int? area = r.Latitude is { } lat && r.Longitude is { } lon ? AreaShapes.Containing(shapes, new GeoPoint(lat, lon), lsoas).FirstOrDefault()?.AreaId : null;
            location = new Location
            {
                Id = Guid.NewGuid(), OrganisationId = s.OrganisationId, Name = r.Address1 ?? r.Town ?? r.Name, Address1 = r.Address1, City = r.Town, Postcode = r.Postcode,
                Latitude = r.Latitude, Longitude = r.Longitude, AreaId = area, UpdatedAt = now,
            };
            db.AssetLocations.Add(location);
            s.Locations.Add(new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = s.Id, LocationId = location.Id, Location = location });
        }
        if (current is not null)
            foreach (var x in s.Schedules.Where(x => x.LocationId == current.Id)) x.LocationId = location?.Id;
        return true;
    }

    /// <summary>
    /// Deletes the locations this import moved services away from when no other service uses them, as the editing
    /// form does (<c>AssetWriter</c>), so a changed address does not leave an orphan behind; one still linked to a
    /// service the import did not move away is kept. Revisions keep their copy, so a restore brings it back.
    /// </summary>
    static async Task DropUnusedAsync(CohesionDb db, List<(Guid ServiceId, Location Location)> dropped, CancellationToken ct)
    {
        if (dropped.Count == 0) return;
        var leaving = dropped.Select(d => (d.ServiceId, d.Location.Id)).ToHashSet();
        var used = new HashSet<Guid>();
        foreach (var chunk in dropped.Select(d => d.Location.Id).Distinct().Chunk(1000))
            foreach (var link in await db.AssetServiceLocations.AsNoTracking().Where(x => chunk.Contains(x.LocationId)).Select(x => new { x.ServiceId, x.LocationId }).ToListAsync(ct))
                if (!leaving.Contains((link.ServiceId, link.LocationId))) used.Add(link.LocationId);
        foreach (var location in dropped.Select(d => d.Location).DistinctBy(l => l.Id).Where(l => !used.Contains(l.Id)))
            db.AssetLocations.Remove(location);
    }
}

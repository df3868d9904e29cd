using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Cohesion.Assets.Model;
using Cohesion.Imports;
using static Cohesion.Assets.Model.AssetLimits;

namespace Cohesion.Assets.OpenReferral;

/// <summary>One service read from a file, as the rows to write: the service with its parts, and what it brings that the directory lacks.</summary>
public sealed record ImportedService(Service Service, AssetOrganisation? NewOrUpdatedOrganisation, IReadOnlyList<Location> Locations,
    IReadOnlyList<Model.Taxonomy> NewTaxonomies, IReadOnlyList<TaxonomyTerm> NewTerms, bool Exists);

/// <summary>What the reader keeps across the records of one file.</summary>
public sealed class HsdsReadState(HsdsLookups known, int? maintainer, int? onlyMaintainedBy, DateTime now)
{
    public HsdsLookups Known { get; } = known;
    public int? Maintainer { get; } = maintainer;
    /// <summary>When set, records maintained by another partner organisation may not be changed (uploads by a contributor).</summary>
    public int? OnlyMaintainedBy { get; } = onlyMaintainedBy;
    public DateTime Now { get; } = now;
    /// <summary>Every id met in the file and where, so a second use of one is reported with the first.</summary>
    public Dictionary<Guid, string> Ids { get; } = [];
    public HashSet<Guid> OrganisationsWritten { get; } = [];
    public HashSet<Guid> LocationsWritten { get; } = [];
    public int DroppedParents { get; set; }
}

/// <summary>
/// Checks one HSDS service and turns it into Cohesion's rows. Every problem is reported with the JSON path of the
/// field, its value and what it should be; a record with any problem yields nothing.
/// </summary>
public static partial class HsdsRecordReader
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU))*$")]
    private static partial Regex ByDay();
    [GeneratedRegex(@"^-?([1-9]|[12][0-9]|3[01])(,-?([1-9]|[12][0-9]|3[01]))*$")]
    private static partial Regex ByMonthDay();
    [GeneratedRegex(@"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageCode();
    [GeneratedRegex(@"^[A-Z]{3}$")]
    private static partial Regex Currency();

    sealed class Check(ImportErrors errors, string root)
    {
        public bool Failed { get; private set; }
        public void Fail(string path, string? value, string message)
        {
            Failed = true;
            errors.Add(null, root + path, value, message);
        }

        public string? Text(string path, string field, string? value, int max, bool required = false)
        {
            var v = value?.Trim();
            if (string.IsNullOrEmpty(v))
            {
                if (required) Fail(path, value, $"{field} is required");
                return null;
            }
            if (v.Length > max) Fail(path, v[..Math.Min(60, v.Length)], $"{field} must be at most {max:N0} characters; it has {v.Length:N0}");
            return v;
        }

        public Guid? Id(string path, string field, string? value, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required) Fail(path, value, $"{field} is required (a UUID)");
                return null;
            }
            if (Guid.TryParseExact(value.Trim(), "D", out var g)) return g;
            Fail(path, value, $"{field} must be a UUID such as ac148810-d857-441c-9679-408f346de14b");
            return null;
        }

        public string? Url(string path, string field, string? value)
        {
            var v = Text(path, field, value, UrlLength);
            if (v is not null && !(Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
                Fail(path, v, $"{field} must be a full web address starting http:// or https://");
            return v;
        }

        public string? Email(string path, string field, string? value)
        {
            var v = Text(path, field, value, EmailLength);
            if (v is not null && !(MailAddress.TryCreate(v, out var m) && m.Address == v && v.Contains('.', StringComparison.Ordinal)))
                Fail(path, v, $"{field} must be an email address such as name@example.org");
            return v;
        }

        public DateOnly? Date(string path, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d)) return d;
            Fail(path, value, $"{field} must be a date as YYYY-MM-DD");
            return null;
        }

        /// <summary>HH:MM or HH:MM:SS; a zone suffix (Z or ±HH:MM) is read as the local wall-clock time it states.</summary>
        public TimeOnly? Time(string path, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var v = value.Trim();
            var zone = v.IndexOfAny(['Z', '+', '-'], 5);
            if (zone > 0) v = v[..zone];
            if (TimeOnly.TryParseExact(v, ["HH:mm", "HH:mm:ss"], Inv, DateTimeStyles.None, out var t)) return t;
            Fail(path, value, $"{field} must be a time as HH:MM, such as 09:30");
            return null;
        }

        public int? Whole(string path, string field, double? value, int min, int max)
        {
            if (value is not { } v) return null;
            if (v == Math.Floor(v) && v >= min && v <= max) return (int)v;
            Fail(path, v.ToString(Inv), $"{field} must be a whole number from {min} to {max}");
            return null;
        }
    }

    public static ImportedService? Read(HsdsService h, string root, HsdsReadState state, ImportErrors errors)
    {
        var c = new Check(errors, root);
        var known = state.Known;
        var id = c.Id(".id", "id", h.Id);
        if (id is { } sid && !Claim(c, state, sid, root, ".id")) id = null;
        var exists = id is { } eid && known.Services.ContainsKey(eid);
        if (exists && state.OnlyMaintainedBy is { } only && known.Services[id!.Value] is { } m && m != only)
            c.Fail(".id", h.Id, "this service is in the directory already and is maintained by another partner organisation: only they or an administrator may change it");
        var name = c.Text(".name", "name", h.Name, NameLength, required: true);
        var status = AssetWords.ParseStatus(h.Status);
        if (status is null) c.Fail(".status", h.Status, "status must be one of: active, inactive, defunct, temporarily closed");
        var minAge = c.Whole(".minimum_age", "minimum_age", h.MinimumAge, 0, MaxAge);
        var maxAge = c.Whole(".maximum_age", "maximum_age", h.MaximumAge, 0, MaxAge);
        if (minAge > maxAge) c.Fail(".maximum_age", maxAge?.ToString(Inv), $"maximum_age must not be below minimum_age ({minAge})");
        DateTime? lastModified = null;
        if (!string.IsNullOrWhiteSpace(h.LastModified))
        {
            if (DateTime.TryParse(h.LastModified, Inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var lm)) lastModified = DateTime.SpecifyKind(lm, DateTimeKind.Utc);
            else c.Fail(".last_modified", h.LastModified, "last_modified must be a date-time such as 2025-03-15T10:30:45.123Z");
        }

        var org = Organisation(h, c, state);
        var service = new Service
        {
            Id = id ?? Guid.Empty, OrganisationId = org.Id ?? Guid.Empty, Kind = AssetKind.Service, Name = name ?? "",
            AlternateName = c.Text(".alternate_name", "alternate_name", h.AlternateName, NameLength),
            Description = c.Text(".description", "description", h.Description, DescriptionLength) ?? "",
            Url = c.Url(".url", "url", h.Url), Email = c.Email(".email", "email", h.Email), Status = status ?? ServiceStatus.Active,
            InterpretationServices = c.Text(".interpretation_services", "interpretation_services", h.InterpretationServices, ShortTextLength),
            ApplicationProcess = c.Text(".application_process", "application_process", h.ApplicationProcess, ShortTextLength),
            FeesDescription = c.Text(".fees_description", "fees_description", h.FeesDescription, ShortTextLength),
            EligibilityDescription = c.Text(".eligibility_description", "eligibility_description", h.EligibilityDescription, ShortTextLength),
            MinimumAge = minAge, MaximumAge = maxAge, LastCheckedOn = c.Date(".assured_date", "assured_date", h.AssuredDate),
            MaintainerOrganisationId = state.Maintainer, CreatedAt = state.Now, UpdatedAt = exists ? state.Now : lastModified ?? state.Now,
        };
        var sid2 = service.Id;
        var locations = new List<Location>();
        foreach (var (sal, j) in (h.ServiceAtLocations ?? []).Select((x, j) => (x, j)))
        {
            var p = $".service_at_locations[{j}]";
            var salId = c.Id(p + ".id", "id", sal.Id);
            if (salId is { } s1) Claim(c, state, s1, root, p + ".id");
            var location = sal.Location is { } l ? Location(l, p + ".location", c, state) : null;
            var locationId = location?.Id ?? c.Id(p + ".location_id", "location_id", sal.LocationId);
            if (location is null && locationId is { } known1 && !known.Locations.Contains(known1) && !state.LocationsWritten.Contains(known1))
                c.Fail(p + ".location_id", sal.LocationId, "location_id names a location that is neither in the file before this record nor in the directory: give the location");
            if (locationId is not { } lid || salId is not { } sId) continue;
            if (service.Locations.Any(x => x.LocationId == lid)) { c.Fail(p + ".location_id", HsdsWords.Id(lid), "the service is already at this location"); continue; }
            if (location is not null) locations.Add(location);
            service.Locations.Add(new ServiceAtLocation
            {
                Id = sId, ServiceId = sid2, LocationId = lid, Location = location,
                Description = c.Text(p + ".description", "description", sal.Description, ShortTextLength),
            });
            foreach (var (sch, k) in (sal.Schedules ?? []).Select((x, k) => (x, k)))
                if (Schedule(sch, $"{p}.schedules[{k}]", c, state, root, service) is { } s)
                {
                    s.LocationId = lid;
                    service.Schedules.Add(s);
                }
        }
        foreach (var (sch, k) in (h.Schedules ?? []).Select((x, k) => (x, k)))
        {
            if (Schedule(sch, $".schedules[{k}]", c, state, root, service) is not { } s) continue;
            if (c.Id($".schedules[{k}].service_at_location_id", "service_at_location_id", sch.ServiceAtLocationId, required: false) is { } salRef)
            {
                var at = service.Locations.FirstOrDefault(x => x.Id == salRef);
                if (at is null) c.Fail($".schedules[{k}].service_at_location_id", sch.ServiceAtLocationId, "service_at_location_id must be the id of one of this service's service_at_locations");
                else s.LocationId = at.LocationId;
            }
            service.Schedules.Add(s);
        }
        foreach (var (x, k) in (h.Languages ?? []).Select((x, k) => (x, k)))
        {
            var p = $".languages[{k}]";
            var lid = c.Id(p + ".id", "id", x.Id);
            if (lid is { } g) Claim(c, state, g, root, p + ".id");
            var code = c.Text(p + ".code", "code", x.Code, LanguageCodeLength);
            if (code is not null && !LanguageCode().IsMatch(code)) c.Fail(p + ".code", code, "code must be an ISO 639 language code such as ur, pa or ckb");
            var lname = c.Text(p + ".name", "name", x.Name ?? x.Code, CodeLength, required: true);
            if (lid is { } l2 && lname is not null)
                service.Languages.Add(new ServiceLanguage { Id = l2, ServiceId = sid2, Name = lname, Code = code, Note = c.Text(p + ".note", "note", x.Note, ShortTextLength) });
        }
        var costs = new List<CostOption>();
        foreach (var (x, k) in (h.CostOptions ?? []).Select((x, k) => (x, k)))
        {
            var p = $".cost_options[{k}]";
            var cid = c.Id(p + ".id", "id", x.Id);
            if (cid is { } g) Claim(c, state, g, root, p + ".id");
            if (x.Amount is { } a && (a < 0 || a > 99_999_999.99m || decimal.Round(a, 2) != a))
                c.Fail(p + ".amount", a.ToString(Inv), "amount must be a sum from 0 to 99,999,999.99 with at most two decimal places");
            var currency = (c.Text(p + ".currency", "currency", x.Currency, 3) ?? "GBP").ToUpperInvariant();
            if (!Currency().IsMatch(currency)) c.Fail(p + ".currency", x.Currency, "currency must be a three-letter ISO 4217 code such as GBP");
            if (cid is { } c2)
                costs.Add(new CostOption
                {
                    Id = c2, ServiceId = sid2, Amount = x.Amount, Currency = currency, Option = c.Text(p + ".option", "option", x.Option, NameLength),
                    AmountDescription = c.Text(p + ".amount_description", "amount_description", x.AmountDescription, ShortTextLength),
                });
        }
        // Every option costing nothing means the service is free; the option HsdsMapper writes for a free service is not kept as a cost.
        service.IsFree = costs.Count > 0 && costs.All(x => x.Amount == 0);
        service.CostOptions = costs.Where(x => x.Id != HsdsWords.FreeOptionId(sid2)).ToList();
        foreach (var (x, k) in (h.Contacts ?? []).Select((x, k) => (x, k)))
        {
            var p = $".contacts[{k}]";
            var cid = c.Id(p + ".id", "id", x.Id);
            if (cid is { } g) Claim(c, state, g, root, p + ".id");
            var phone = c.Text(p + ".phones[0].number", "number", x.Phones?.FirstOrDefault()?.Number, PhoneLength);
            if (cid is { } c2)
                service.Contacts.Add(new Contact
                {
                    Id = c2, ServiceId = sid2, Name = c.Text(p + ".name", "name", x.Name, NameLength), Title = c.Text(p + ".title", "title", x.Title, NameLength),
                    Email = c.Email(p + ".email", "email", x.Email), Phone = phone,
                });
        }
        foreach (var (x, k) in (h.Phones ?? []).Select((x, k) => (x, k)))
        {
            var p = $".phones[{k}]";
            var pid = c.Id(p + ".id", "id", x.Id);
            if (pid is { } g) Claim(c, state, g, root, p + ".id");
            var number = c.Text(p + ".number", "number", x.Number, PhoneLength, required: true);
            if (pid is { } p2 && number is not null)
                service.Phones.Add(new Phone { Id = p2, ServiceId = sid2, Number = number, Type = c.Text(p + ".type", "type", x.Type, 16), Description = c.Text(p + ".description", "description", x.Description, ShortTextLength) });
        }
        foreach (var (x, k) in (h.ServiceAreas ?? []).Select((x, k) => (x, k)))
        {
            var p = $".service_areas[{k}]";
            var aid = c.Id(p + ".id", "id", x.Id);
            if (aid is { } g) Claim(c, state, g, root, p + ".id");
            var area = AreaOf(x, known);
            var aname = c.Text(p + ".name", "name", x.Name ?? area?.Name, NameLength, required: true);
            if (aid is { } a2 && aname is not null)
                service.ServiceAreas.Add(new ServiceArea { Id = a2, ServiceId = sid2, AreaId = area?.Id, Name = aname, Description = c.Text(p + ".description", "description", x.Description, ShortTextLength) });
        }
        var newTaxonomies = new List<Model.Taxonomy>();
        var newTerms = new List<TaxonomyTerm>();
        // Parents before children, so a term whose parent the same service carries keeps the link whatever the order in the file.
        var parents = (h.Attributes ?? []).Select(a => a.TaxonomyTerm).OfType<HsdsTaxonomyTerm>().Where(t => t.Id is not null)
            .GroupBy(t => t.Id!).ToDictionary(g => g.Key, g => g.First().ParentId);
        int Depth(string? parent, int guard) => parent is not null && guard < 16 && parents.TryGetValue(parent, out var up) ? 1 + Depth(up, guard + 1) : 0;
        foreach (var (x, k) in (h.Attributes ?? []).Select((x, k) => (x, k)).OrderBy(a => Depth(a.x.TaxonomyTerm?.ParentId, 0)))
        {
            var p = $".attributes[{k}]";
            var termId = x.TaxonomyTerm is { } t ? Term(t, p + ".taxonomy_term", c, state, newTaxonomies, newTerms)
                : c.Id(p + ".taxonomy_term_id", "taxonomy_term_id", x.TaxonomyTermId);
            if (x.TaxonomyTerm is null && termId is { } known2 && !known.Terms.ContainsKey(known2))
                c.Fail(p + ".taxonomy_term_id", x.TaxonomyTermId, "taxonomy_term_id names a term the directory does not have: give the taxonomy_term");
            if (termId is { } tid && service.Terms.All(s => s.TermId != tid)) service.Terms.Add(new ServiceTerm { ServiceId = sid2, TermId = tid });
        }
        if (c.Failed) return null;
        // Only now, when the record is good, do the file's new organisation, locations and terms become known to later records.
        var orgToWrite = org.Entity is { } e && state.OrganisationsWritten.Add(e.Id) ? e : null;
        var locationsToWrite = locations.Where(l => state.LocationsWritten.Add(l.Id)).ToList();
        foreach (var t in newTaxonomies) { known.TaxonomyNames[t.Id] = t.Name; known.TaxonomiesByName[t.Name] = t.Id; }
        foreach (var t in newTerms) { known.Terms[t.Id] = (t.TaxonomyId, t.Code); known.TermsByCode[(t.TaxonomyId, t.Code)] = t.Id; }
        return new ImportedService(service, orgToWrite, locationsToWrite, newTaxonomies, newTerms, exists);
    }

    /// <summary>Records the id as used here; a second use anywhere in the file is an error naming the first.</summary>
    static bool Claim(Check c, HsdsReadState state, Guid id, string root, string path)
    {
        if (state.Ids.TryGetValue(id, out var first))
        {
            c.Fail(path, HsdsWords.Id(id), $"this id is already used at {first}: ids must be unique in the file");
            return false;
        }
        state.Ids[id] = root + path;
        return true;
    }

    static (Guid? Id, AssetOrganisation? Entity) Organisation(HsdsService h, Check c, HsdsReadState state)
    {
        if (h.Organization is not { } o)
        {
            var ref1 = c.Id(".organization_id", "organization_id", h.OrganizationId);
            if (ref1 is { } r && !state.Known.Organisations.Contains(r) && !state.OrganisationsWritten.Contains(r))
                c.Fail(".organization", null, "organization is required (with id, name and description) unless organization_id names one already in the file or the directory");
            return (ref1, null);
        }
        // Many services share an organisation: its id may repeat, and it is written as it first appears.
        var id = c.Id(".organization.id", "id", o.Id);
        var entity = new AssetOrganisation
        {
            Id = id ?? Guid.Empty, Name = c.Text(".organization.name", "name", o.Name, NameLength, required: true) ?? "",
            AlternateName = c.Text(".organization.alternate_name", "alternate_name", o.AlternateName, NameLength),
            Description = c.Text(".organization.description", "description", o.Description, DescriptionLength) ?? "",
            Email = c.Email(".organization.email", "email", o.Email), Website = c.Url(".organization.website", "website", o.Website),
            LegalStatus = c.Text(".organization.legal_status", "legal_status", o.LegalStatus, ShortTextLength),
            MaintainerOrganisationId = state.Maintainer, CreatedAt = state.Now, UpdatedAt = state.Now,
        };
        return (id, entity);
    }

    static Location? Location(HsdsLocation l, string p, Check c, HsdsReadState state)
    {
        var id = c.Id(p + ".id", "id", l.Id);
        var kind = l.LocationType?.Trim().ToLowerInvariant() switch
        {
            null or "" or "physical" => LocationKind.Physical, "postal" => LocationKind.Postal, "virtual" => LocationKind.Virtual,
            _ => (LocationKind?)null,
        };
        if (kind is null) c.Fail(p + ".location_type", l.LocationType, "location_type must be one of: physical, postal, virtual");
        if (l.Latitude is { } lat && (lat < -90 || lat > 90)) c.Fail(p + ".latitude", lat.ToString(Inv), "latitude must be from -90 to 90 (WGS84 degrees)");
        if (l.Longitude is { } lon && (lon < -180 || lon > 180)) c.Fail(p + ".longitude", lon.ToString(Inv), "longitude must be from -180 to 180 (WGS84 degrees)");
        if (l.Latitude.HasValue != l.Longitude.HasValue) c.Fail(p + (l.Latitude.HasValue ? ".longitude" : ".latitude"), null, "latitude and longitude must be given together");
        var address = l.Addresses?.FirstOrDefault();
        var location = new Location
        {
            Id = id ?? Guid.Empty, Kind = kind ?? LocationKind.Physical, Name = c.Text(p + ".name", "name", l.Name, NameLength),
            Description = c.Text(p + ".description", "description", l.Description, DetailsLength),
            Address1 = c.Text(p + ".addresses[0].address_1", "address_1", address?.Address1, NameLength),
            Address2 = c.Text(p + ".addresses[0].address_2", "address_2", address?.Address2, NameLength),
            City = c.Text(p + ".addresses[0].city", "city", address?.City, NameLength),
            Postcode = c.Text(p + ".addresses[0].postal_code", "postal_code", address?.PostalCode, PostcodeLength),
            Latitude = l.Latitude, Longitude = l.Longitude, Transportation = c.Text(p + ".transportation", "transportation", l.Transportation, ShortTextLength),
            UpdatedAt = state.Now,
        };
        if (l.Latitude is { } la && l.Longitude is { } lo && la is >= -90 and <= 90 && lo is >= -180 and <= 180) location.AreaId = state.Known.SmallAreas.AreaOf(la, lo);
        foreach (var (a, k) in (l.Accessibility ?? []).Select((a, k) => (a, k)))
        {
            var ap = $"{p}.accessibility[{k}]";
            var aid = c.Id(ap + ".id", "id", a.Id);
            var description = c.Text(ap + ".description", "description", a.Description, ShortTextLength, required: true);
            if (aid is { } g && description is not null)
                location.Accessibility.Add(new Accessibility { Id = g, LocationId = location.Id, Description = description, Details = c.Text(ap + ".details", "details", a.Details, DetailsLength), Url = c.Url(ap + ".url", "url", a.Url) });
        }
        return location;
    }

    static Schedule? Schedule(HsdsSchedule x, string p, Check c, HsdsReadState state, string root, Service service)
    {
        var id = c.Id(p + ".id", "id", x.Id);
        if (id is { } g) Claim(c, state, g, root, p + ".id");
        var freq = x.Freq?.Trim().ToUpperInvariant() switch
        {
            null or "" => (ScheduleFrequency?)null, "WEEKLY" => ScheduleFrequency.Weekly, "MONTHLY" => ScheduleFrequency.Monthly,
            _ => Bad(c, p + ".freq", x.Freq, "freq must be WEEKLY or MONTHLY, or left out for a one-off date"),
        };
        var byDay = c.Text(p + ".byday", "byday", x.Byday?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), ByDayLength);
        if (byDay is not null && !ByDay().IsMatch(byDay)) c.Fail(p + ".byday", x.Byday, "byday must be days such as MO,WE or, for a monthly schedule, the nth day such as 1TU or -1FR");
        if (byDay is not null && freq == ScheduleFrequency.Weekly && byDay.Any(char.IsDigit)) c.Fail(p + ".byday", x.Byday, "byday of a WEEKLY schedule must be plain days such as MO,WE (1TU is for MONTHLY)");
        var byMonthDay = c.Text(p + ".bymonthday", "bymonthday", x.Bymonthday?.Replace(" ", "", StringComparison.Ordinal), ByDayLength);
        if (byMonthDay is not null && !ByMonthDay().IsMatch(byMonthDay)) c.Fail(p + ".bymonthday", x.Bymonthday, "bymonthday must be days of the month from 1 to 31 (or -1 to -31 from the end), comma-separated");
        var schedule = new Schedule
        {
            Id = id ?? Guid.Empty, ServiceId = service.Id, Freq = freq, Interval = c.Whole(p + ".interval", "interval", x.Interval, 1, 52), ByDay = byDay, ByMonthDay = byMonthDay,
            DtStart = c.Date(p + ".dtstart", "dtstart", x.Dtstart), Until = c.Date(p + ".until", "until", x.Until),
            ValidFrom = c.Date(p + ".valid_from", "valid_from", x.ValidFrom), ValidTo = c.Date(p + ".valid_to", "valid_to", x.ValidTo),
            OpensAt = c.Time(p + ".opens_at", "opens_at", x.OpensAt), ClosesAt = c.Time(p + ".closes_at", "closes_at", x.ClosesAt),
            Description = c.Text(p + ".description", "description", x.Description, ShortTextLength),
        };
        if (schedule.ValidFrom > schedule.ValidTo) c.Fail(p + ".valid_to", x.ValidTo, "valid_to must not be before valid_from");
        return id is null ? null : schedule;
    }

    static ScheduleFrequency? Bad(Check c, string path, string? value, string message)
    {
        c.Fail(path, value, message);
        return null;
    }

    static (int Id, string Name)? AreaOf(HsdsServiceArea a, HsdsLookups known)
    {
        var code = a.Uri is { Length: > 0 } u ? u.TrimEnd('/')[(u.TrimEnd('/').LastIndexOf('/') + 1)..] : null;
        if (code is not null && known.AreasByCode.TryGetValue(code, out var byUri)) return byUri;
        if (a.Name is { } n && known.AreasByCode.TryGetValue(n.Trim(), out var byCode)) return byCode;
        if (a.Name is { } n2 && known.AreasByUniqueName.TryGetValue(n2.Trim(), out var id)) return (id, n2.Trim());
        return null;
    }

    static Guid? Term(HsdsTaxonomyTerm t, string p, Check c, HsdsReadState state, List<Model.Taxonomy> newTaxonomies, List<TaxonomyTerm> newTerms)
    {
        var known = state.Known;
        var id = c.Id(p + ".id", "id", t.Id);
        if (id is { } existing && known.Terms.ContainsKey(existing)) return existing;
        if (newTerms.FirstOrDefault(x => x.Id == id) is { } already) return already.Id;
        var termName = c.Text(p + ".term", "term", t.Term ?? t.Name, NameLength, required: true);
        var taxonomyName = c.Text(p + ".taxonomy", "taxonomy", t.Taxonomy, NameLength);
        var taxonomyId = c.Id(p + ".taxonomy_id", "taxonomy_id", t.TaxonomyId, required: false);
        if (taxonomyId is null && taxonomyName is null) c.Fail(p + ".taxonomy", t.Taxonomy, "taxonomy (the taxonomy's name) or taxonomy_id is required for a term the directory does not have");
        Guid? taxonomy = null;
        if (taxonomyId is { } tid && known.TaxonomyNames.ContainsKey(tid)) taxonomy = tid;
        else if (taxonomyName is not null && known.TaxonomiesByName.TryGetValue(taxonomyName, out var byName)) taxonomy = byName;
        else if (newTaxonomies.FirstOrDefault(x => x.Id == taxonomyId || (taxonomyName is not null && string.Equals(x.Name, taxonomyName, StringComparison.OrdinalIgnoreCase))) is { } made) taxonomy = made.Id;
        else if (taxonomyId is not null || taxonomyName is not null)
        {
            var created = new Model.Taxonomy
            {
                Id = taxonomyId ?? StableId.For("taxonomy:" + taxonomyName), Name = taxonomyName ?? $"Taxonomy {taxonomyId:D}", Description = "Brought in by an Open Referral import.",
            };
            newTaxonomies.Add(created);
            taxonomy = created.Id;
        }
        var code = c.Text(p + ".code", "code", t.Code, CodeLength) ?? HsdsWords.Id(id ?? Guid.Empty);
        var parent = c.Id(p + ".parent_id", "parent_id", t.ParentId, required: false);
        if (id is not { } termId || taxonomy is not { } tx || termName is null) return null;
        var clash = known.TermsByCode.TryGetValue((tx, code), out var k1) ? k1 : newTerms.FirstOrDefault(x => x.TaxonomyId == tx && x.Code == code)?.Id;
        if (clash is { } other)
        {
            c.Fail(p + ".code", code, $"the taxonomy already has a term with this code under another id ({other:D})");
            return null;
        }
        // A parent the directory does not know (the file carries only the terms services use) is left out rather than refused.
        if (parent is { } pid && !known.Terms.ContainsKey(pid) && newTerms.All(x => x.Id != pid)) { state.DroppedParents++; parent = null; }
        newTerms.Add(new TaxonomyTerm
        {
            Id = termId, TaxonomyId = tx, Code = code, Name = termName, Description = c.Text(p + ".description", "description", t.Description, DetailsLength) ?? "",
            ParentId = parent, TermUri = c.Url(p + ".term_uri", "term_uri", t.TermUri),
        });
        return termId;
    }
}

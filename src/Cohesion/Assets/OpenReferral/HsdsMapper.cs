using Cohesion.Assets.Model;
using static Cohesion.Assets.OpenReferral.HsdsWords;

namespace Cohesion.Assets.OpenReferral;

/// <summary>What the mapper needs besides the service: taxonomy names for terms, area codes for service areas, and the
/// address of the asset page, which stands in for a service's own site in lists (the profile requires a url there).</summary>
public sealed record HsdsContext(IReadOnlyDictionary<Guid, Model.Taxonomy> Taxonomies, IReadOnlyDictionary<int, string> AreaCodes, string? AssetPageBase);

/// <summary>Cohesion's records as HSDS objects. Free text goes out as stored: the JSON encoder escapes markup characters.</summary>
public static class HsdsMapper
{
    /// <summary>A service with every part (loaded <c>WithParts()</c>), as the profile's full service.</summary>
    public static HsdsService Full(Service s, HsdsContext c)
    {
        var h = Summary(s, c, pageUrlWhenMissing: false);
        var sal = s.Locations.OrderBy(l => l.Id).ToList();
        var salByLocation = sal.GroupBy(l => l.LocationId).ToDictionary(g => g.Key, g => g.First().Id);
        h.ServiceAtLocations = sal.Where(l => l.Location is not null).Select(l => new HsdsServiceAtLocation
        {
            Id = Id(l.Id), ServiceId = Id(s.Id), LocationId = Id(l.LocationId), Description = l.Description, Location = Location(l.Location!),
        }).OrNull();
        h.Schedules = s.Schedules.OrderBy(x => x.Id).Select(x => new HsdsSchedule
        {
            Id = Id(x.Id), ServiceId = Id(s.Id),
            ServiceAtLocationId = x.LocationId is { } lid && salByLocation.TryGetValue(lid, out var salId) ? Id(salId) : null,
            ValidFrom = Date(x.ValidFrom), ValidTo = Date(x.ValidTo), Dtstart = Date(x.DtStart), Until = Date(x.Until), Freq = Freq(x.Freq), Interval = x.Interval,
            Byday = x.ByDay, Bymonthday = x.ByMonthDay, OpensAt = Time(x.OpensAt), ClosesAt = Time(x.ClosesAt), Description = x.Description,
        }).OrNull();
        h.Languages = s.Languages.OrderBy(x => x.Id).Select(x => new HsdsLanguage { Id = Id(x.Id), ServiceId = Id(s.Id), Name = x.Name, Code = x.Code, Note = x.Note }).OrNull();
        var costs = s.CostOptions.OrderBy(x => x.Id).Select(x => new HsdsCostOption
        {
            Id = Id(x.Id), ServiceId = Id(s.Id), Option = x.Option, Amount = x.Amount, Currency = x.Currency, AmountDescription = x.AmountDescription,
        }).ToList();
        if (s.IsFree && costs.Count == 0)
            costs.Add(new HsdsCostOption { Id = Id(FreeOptionId(s.Id)), ServiceId = Id(s.Id), Option = FreeOption, Amount = 0, Currency = "GBP" });
        h.CostOptions = costs.OrNull();
        h.Contacts = s.Contacts.OrderBy(x => x.Id).Select(x => new HsdsContact
        {
            Id = Id(x.Id), ServiceId = Id(s.Id), Name = x.Name, Title = x.Title, Email = x.Email,
            Phones = x.Phone is { Length: > 0 } p ? [new HsdsPhone { Id = Id(ContactPhoneId(x.Id)), Number = p }] : null,
        }).OrNull();
        h.Phones = s.Phones.OrderBy(x => x.Id).Select(x => new HsdsPhone { Id = Id(x.Id), Number = x.Number, Type = x.Type, Description = x.Description }).OrNull();
        h.ServiceAreas = s.ServiceAreas.OrderBy(x => x.Id).Select(x => new HsdsServiceArea
        {
            Id = Id(x.Id), ServiceId = Id(s.Id), Name = x.Name, Description = x.Description,
            Uri = x.AreaId is { } a && c.AreaCodes.TryGetValue(a, out var code) ? OnsAreaPrefix + code : null,
        }).OrNull();
        h.Attributes = s.Terms.Where(t => t.Term is not null).OrderBy(t => t.TermId).Select(t => new HsdsAttribute
        {
            Id = Id(AttributeId(s.Id, t.TermId)), LinkId = Id(s.Id), LinkType = "service", LinkEntity = "service", TaxonomyTermId = Id(t.TermId),
            TaxonomyTerm = Term(t.Term!, c),
        }).OrNull();
        return h;
    }

    /// <summary>The service's own fields and its organisation: an item of the <c>/services</c> list.</summary>
    public static HsdsService Summary(Service s, HsdsContext c, bool pageUrlWhenMissing = true) => new()
    {
        Id = Id(s.Id), OrganizationId = Id(s.OrganisationId), Name = s.Name, AlternateName = s.AlternateName, Description = s.Description,
        Url = s.Url ?? (pageUrlWhenMissing && c.AssetPageBase is { } b ? $"{b}/assets/{s.Id:D}" : null),
        Email = s.Email, Status = s.Status.Hsds(), InterpretationServices = s.InterpretationServices, ApplicationProcess = s.ApplicationProcess,
        FeesDescription = s.FeesDescription, EligibilityDescription = s.EligibilityDescription, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge,
        AssuredDate = Date(s.LastCheckedOn), LastModified = Timestamp(s.UpdatedAt),
        Organization = s.Organisation is { } o ? Organization(o) : null,
    };

    public static HsdsOrganization Organization(AssetOrganisation o) => new()
    {
        Id = Id(o.Id), Name = o.Name, AlternateName = o.AlternateName, Description = o.Description, Email = o.Email, Website = o.Website, LegalStatus = o.LegalStatus,
    };

    static HsdsLocation Location(Location l) => new()
    {
        Id = Id(l.Id), LocationType = l.Kind.Hsds(), Name = l.Name, Description = l.Description, Latitude = l.Latitude, Longitude = l.Longitude,
        Transportation = l.Transportation,
        // The profile requires these address fields; Cohesion keeps no state or province, so it is written empty.
        Addresses = l.Address1 is null && l.Postcode is null && l.City is null ? null :
        [
            new HsdsAddress
            {
                Id = Id(AddressId(l.Id)), LocationId = Id(l.Id), Address1 = l.Address1 ?? "", Address2 = l.Address2, City = l.City ?? "", StateProvince = "",
                PostalCode = l.Postcode ?? "", Country = "GB", AddressType = l.Kind.Hsds(),
            },
        ],
        Accessibility = l.Accessibility.OrderBy(a => a.Id).Select(a => new HsdsAccessibility
        {
            Id = Id(a.Id), LocationId = Id(l.Id), Description = a.Description, Details = a.Details, Url = a.Url,
        }).OrNull(),
    };

    public static HsdsTaxonomyTerm Term(TaxonomyTerm t, HsdsContext c) => new()
    {
        Id = Id(t.Id), Code = t.Code, Term = t.Name, Name = t.Name, Description = t.Description.Length == 0 ? null : t.Description, ParentId = Id(t.ParentId),
        Taxonomy = c.Taxonomies.TryGetValue(t.TaxonomyId, out var tx) ? tx.Name : "", TaxonomyId = Id(t.TaxonomyId), TermUri = t.TermUri,
    };

    public static HsdsTaxonomy Taxonomy(Model.Taxonomy t) => new()
    {
        Id = Id(t.Id), Name = t.Name, Description = t.Description, Uri = t.Uri, Version = t.Version,
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cohesion.Assets.OpenReferral;

// The HSDS 3.0 objects as the Open Referral UK profile exchanges them, used both ways: the API and the export write
// them, the import reads them. Ids, dates and times are strings so an import can report a bad one with its path and
// value instead of failing the whole file at the first; numbers may arrive as strings too. Empty optional fields are
// null (never written); empty lists are null as well, because the profile requires none of them.

public sealed class HsdsService
{
    public string? Id { get; set; }
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Status { get; set; }
    public string? InterpretationServices { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? EligibilityDescription { get; set; }
    public double? MinimumAge { get; set; }
    public double? MaximumAge { get; set; }
    public string? AssuredDate { get; set; }
    public string? LastModified { get; set; }
    public HsdsOrganization? Organization { get; set; }
    public List<HsdsServiceAtLocation>? ServiceAtLocations { get; set; }
    public List<HsdsSchedule>? Schedules { get; set; }
    public List<HsdsLanguage>? Languages { get; set; }
    public List<HsdsCostOption>? CostOptions { get; set; }
    public List<HsdsContact>? Contacts { get; set; }
    public List<HsdsPhone>? Phones { get; set; }
    public List<HsdsServiceArea>? ServiceAreas { get; set; }
    public List<HsdsAttribute>? Attributes { get; set; }
}

public sealed class HsdsOrganization
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? LegalStatus { get; set; }
}

public sealed class HsdsServiceAtLocation
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? LocationId { get; set; }
    public string? Description { get; set; }
    public HsdsLocation? Location { get; set; }
    /// <summary>Read only: schedules given here are for this location; the export writes every schedule on the service.</summary>
    public List<HsdsSchedule>? Schedules { get; set; }
}

public sealed class HsdsLocation
{
    public string? Id { get; set; }
    public string? LocationType { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Transportation { get; set; }
    public List<HsdsAddress>? Addresses { get; set; }
    public List<HsdsAccessibility>? Accessibility { get; set; }
}

public sealed class HsdsAddress
{
    public string? Id { get; set; }
    public string? LocationId { get; set; }
    [JsonPropertyName("address_1")] public string? Address1 { get; set; }
    [JsonPropertyName("address_2")] public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
}

public sealed class HsdsAccessibility
{
    public string? Id { get; set; }
    public string? LocationId { get; set; }
    public string? Description { get; set; }
    public string? Details { get; set; }
    public string? Url { get; set; }
}

public sealed class HsdsSchedule
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? ServiceAtLocationId { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? Dtstart { get; set; }
    public string? Until { get; set; }
    public string? Freq { get; set; }
    public double? Interval { get; set; }
    public string? Byday { get; set; }
    public string? Bymonthday { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? Description { get; set; }
}

public sealed class HsdsLanguage
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Note { get; set; }
}

public sealed class HsdsCostOption
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Option { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? AmountDescription { get; set; }
}

public sealed class HsdsContact
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public List<HsdsPhone>? Phones { get; set; }
}

public sealed class HsdsPhone
{
    public string? Id { get; set; }
    public string? Number { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
}

public sealed class HsdsServiceArea
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>For a Cohesion area, the ONS linked-data address of its GSS code; an import matches it, or a code or name, to an area.</summary>
    public string? Uri { get; set; }
}

public sealed class HsdsAttribute
{
    public string? Id { get; set; }
    public string? LinkId { get; set; }
    public string? LinkType { get; set; }
    public string? LinkEntity { get; set; }
    public string? TaxonomyTermId { get; set; }
    public HsdsTaxonomyTerm? TaxonomyTerm { get; set; }
}

public sealed class HsdsTaxonomyTerm
{
    public string? Id { get; set; }
    public string? Code { get; set; }
    /// <summary>The term's name as the UK profile calls it; <see cref="Name"/> is HSDS 3.0's word for the same.</summary>
    public string? Term { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? ParentId { get; set; }
    /// <summary>The taxonomy's name (required by the profile).</summary>
    public string? Taxonomy { get; set; }
    public string? TaxonomyId { get; set; }
    public string? TermUri { get; set; }
}

public sealed class HsdsTaxonomy
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
}

/// <summary>A page of an ORUK list (the profile's <c>Page</c> envelope).</summary>
public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

/// <summary>The wire format: snake_case names, nulls left out.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    };

    /// <summary>A list, or null when it is empty so it is left out.</summary>
    public static List<T>? OrNull<T>(this IEnumerable<T> items) => items.ToList() is { Count: > 0 } list ? list : null;
}
